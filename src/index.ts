/**
 * Entry point called by the SDK's start-up (build/startApp.js or dist/index.html) with the settings
 * from settings.json. Platform detection runs first so the key map and stage options are in place
 * before Launch constructs the Application.
 */
import { Launch, Lightning, PlatformSettings } from '@lightningjs/sdk';
import { App } from './App';
import { initPlatform } from './platform';
import { browserEnv } from './platform/env';
import { AppSettings, launchOptions } from './platform/launch';
import { FONT_FACE } from './theme';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export default function (appSettings: AppSettings, platformSettings: PlatformSettings, appData?: unknown) {
  const env = browserEnv();
  const platform = initPlatform({
    env,
    appSettings,
    applicationId: str(appSettings.id),
    appVersion: str(appSettings.version),
  });
  // The SDK deep-merges its defaults (stage size, debug, SDK key map) under these options.
  const options = launchOptions(
    appSettings,
    platform,
    env.search,
    FONT_FACE,
  ) as unknown as Lightning.Application.Options;
  return Launch(App, options, platformSettings, appData as Record<string, unknown> | undefined);
}
