/**
 * Typed access to the SDK's Settings plugin (settings.json `appSettings`, merged with metadata.json).
 * What the values mean is resolved elsewhere (`src/settings.ts` for `adobePass`).
 */
import { Settings as SdkSettings } from '@lightningjs/sdk';

interface SdkSettingsApi {
  get(type: 'app' | 'platform' | 'user', key: string, fallback?: unknown): unknown;
}

const sdk = SdkSettings as SdkSettingsApi;

/** One `appSettings` value, unchecked: the caller validates it. */
export function appSetting(key: string): unknown {
  return sdk.get('app', key);
}

/** The app's display name (metadata.json `name`, merged into appSettings by the SDK start-up). */
export function appName(fallback = 'DemoTV'): string {
  const v = appSetting('name');
  return typeof v === 'string' && v.trim() ? v : fallback;
}
