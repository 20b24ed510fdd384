/**
 * Entry point called by the SDK's start-up (build/startApp.js or dist/index.html) with the settings
 * from settings.json. Platform detection runs first so the key map and stage options are in place
 * before Launch constructs the Application; the boot starts next (src/services.ts startServices), then
 * the app and the platform are wired together.
 */
// First: copies the Firebolt endpoint launch parameter before the Firebolt SDK's modules load.
import './platform/fireboltBoot';
import { Launch, Lightning, PlatformSettings } from '@lightningjs/sdk';
import { App } from './App';
import { initPlatform, type Platform } from './platform';
import { browserEnv } from './platform/env';
import { AppSettings, launchOptions } from './platform/launch';
import { FONT_FACE } from './theme';
import { Log } from './lib/log';
import { paintPageBackground, skipEmptyFrames } from './lib/emptyFrames';
import { onUserError } from './lib/events';
import { openTitle } from './deepLinks';
import { startServices } from './services';
import { prefetchLazyPages } from './lazyPage';
import { insidePage, onChoosable, whenFocus } from './lib/firstScreen';
import { CATALOG, closePlayer } from './routes';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

function wire(app: Lightning.Application, platform: Platform): void {
  whenFocus(app, insidePage, () => platform.firstScreenReady());
  // The pages the first screen does not need (src/routes.ts): their chunks load once it is drawn, not
  // at launch (a screen without anything to choose loads them when they are asked for).
  whenFocus(app, onChoosable, prefetchLazyPages);
  onUserError((report) => platform.userError(report));
  // Unloading (Firebolt): stop the video and release the player before the box takes the app down.
  // The player comes with the player page's chunk (src/routes.ts): nothing to close before it loaded.
  platform.onUnload(() => closePlayer());
  platform.onDeepLink((link) => {
    Log.info('Deep link', { source: link.source });
    openTitle(link.titleId);
  });
}

export default function (appSettings: AppSettings, platformSettings: PlatformSettings, appData?: unknown) {
  // What shows until the first page is drawn (pages draw nothing while a fast launch loads their data).
  paintPageBackground();
  const env = browserEnv();
  const platform = initPlatform({
    env,
    appSettings,
    applicationId: str(appSettings.id),
    appVersion: str(appSettings.version),
    warn: (message, data) => Log.warn(message, data),
  });
  // Boot now (platform detected, identity probes running: the flows' storage waits for them, so the
  // first Adobe request carries the final device headers): registration, token and the profile check
  // run while Lightning starts instead of after the splash page mounts.
  try {
    // A warm launch's first screen is the catalog: its chunk loads while the profile is confirmed.
    startServices(appSettings.adobePass, env.search, () => void CATALOG.prefetch().catch(() => undefined));
  } catch (error) {
    // Bad settings: the splash reports them when it asks for the services (the lazy path throws again).
    Log.warn('Services not started early', { reason: error instanceof Error ? error.message : 'unknown' });
  }
  // The SDK deep-merges its defaults (stage size, debug, SDK key map) under these options.
  const options = launchOptions(
    appSettings,
    platform,
    env.search,
    FONT_FACE,
  ) as unknown as Lightning.Application.Options;
  const app = Launch(App, options, platformSettings, appData as Record<string, unknown> | undefined);
  skipEmptyFrames((app as unknown as Lightning.Application).stage, (message) => Log.warn(message));
  wire(app as unknown as Lightning.Application, platform);
  return app;
}
