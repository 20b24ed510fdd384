/**
 * Entry point called by the SDK's start-up (build/startApp.js or dist/index.html) with the settings
 * from settings.json. Platform detection runs first so the key map and stage options are in place
 * before Launch constructs the Application.
 */
import { Launch, Lightning, PlatformSettings } from '@lightningjs/sdk';
import { App } from './App';
import { initPlatform } from './platform';
import { browserEnv, isTruthyParam, queryParam } from './platform/env';
import { FONT_FACE } from './theme';

type AppSettings = Record<string, unknown> & { stage?: Record<string, unknown> };

export default function (appSettings: AppSettings, platformSettings: PlatformSettings, appData?: unknown) {
  const env = browserEnv();
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
  const platform = initPlatform({
    env,
    appSettings,
    applicationId: str(appSettings.id),
    appVersion: str(appSettings.version),
  });
  const stage: Record<string, unknown> = { ...(appSettings.stage || {}) };
  // Lightning does not fall back to canvas2d when WebGL is unusable: offer a switch.
  if (isTruthyParam(queryParam(env.search, 'canvas2d'))) stage.canvas2d = true;
  const settings = {
    ...appSettings,
    stage,
    keys: platform.keys(),
    // The SDK defaults to "RobotoRegular", which the app does not ship.
    defaultFontFace: FONT_FACE,
    // LG Magic Remote / mouse: hover focuses, click selects (Button, collision: true).
    enablePointer: true,
  };
  // The SDK deep-merges its defaults (stage size, debug, SDK key map) under these options.
  const options = settings as unknown as Lightning.Application.Options;
  return Launch(App, options, platformSettings, appData as Record<string, unknown> | undefined);
}
