import type { Lightning } from '@lightningjs/sdk';

/**
 * An explicit "Exit" choice (e.g. on the boot error screen) closes the app through the SDK
 * Application's closeApp(), which honours platformSettings.onClose (platform-specific exit).
 */
export function closeApp(from: Lightning.Component): void {
  const app = from.application as unknown as { closeApp?: () => void };
  app.closeApp?.();
}
