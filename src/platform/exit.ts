/**
 * Leaving the app the platform's way, after the user confirmed the exit dialog.
 * Returns which mechanism was used (for logs and tests).
 */
import type { PlatformName } from './detect';
import type { PlatformEnv } from './env';

export type ExitMethod =
  'tizen-exit' | 'webos-platformBack' | 'palm-platformBack' | 'window-close' | 'firebolt-close' | 'closeApp';

export function exitApp(
  platform: PlatformName,
  env: PlatformEnv,
  closeApp: () => void,
  firebolt?: { close(reason: 'userExit'): void },
): ExitMethod {
  try {
    if (platform === 'rdk' && firebolt) {
      // The box moves the app to inactive → unloading; the platform layer then cleans up and
      // calls Lifecycle.finished().
      firebolt.close('userExit');
      return 'firebolt-close';
    }
    if (platform === 'tizen' && env.tizen && env.tizen.application) {
      env.tizen.application.getCurrentApplication().exit();
      return 'tizen-exit';
    }
    if (platform === 'webos') {
      // platformBack returns to the launcher/previous app (webOS >= 4 keeps the app in Recent).
      if (env.webOS && typeof env.webOS.platformBack === 'function') {
        env.webOS.platformBack();
        return 'webos-platformBack';
      }
      // What webOSTV.js's platformBack calls: the app does not ship that library.
      if (env.PalmSystem && typeof env.PalmSystem.platformBack === 'function') {
        env.PalmSystem.platformBack();
        return 'palm-platformBack';
      }
      if (env.close) {
        env.close();
        return 'window-close';
      }
    }
  } catch {
    // fall back to the SDK's close below
  }
  // RDK without Firebolt and the browser simulator: the SDK tears the app down
  // (platformSettings.onClose lets an operator hook its own launcher).
  closeApp();
  return 'closeApp';
}
