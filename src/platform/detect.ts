/**
 * Which TV platform the app runs on. Order: `?platform=` in the URL, then `appSettings.platform`,
 * then feature/User-Agent detection. Unknown override values are ignored.
 */
import type { PlatformEnv } from './env';
import { queryParam } from '../query';

export type PlatformName = 'tizen' | 'webos' | 'rdk' | 'browser';

export const PLATFORM_NAMES: readonly PlatformName[] = ['tizen', 'webos', 'rdk', 'browser'];

export function isPlatformName(x: unknown): x is PlatformName {
  return typeof x === 'string' && (PLATFORM_NAMES as readonly string[]).indexOf(x) >= 0;
}

function normalise(x: string | undefined): PlatformName | undefined {
  if (x === undefined) return undefined;
  const v = x.trim().toLowerCase();
  if (v === 'lg' || v === 'webos') return 'webos';
  if (v === 'samsung' || v === 'tizen') return 'tizen';
  if (v === 'wpe' || v === 'rdk') return 'rdk';
  if (v === 'browser' || v === 'web') return 'browser';
  return undefined;
}

export function autoDetect(env: PlatformEnv): PlatformName {
  const ua = env.userAgent;
  if (env.tizen || /Tizen/i.test(ua)) return 'tizen';
  if (env.webOS || env.PalmSystem || /Web0S|webOS|NetCast/i.test(ua)) return 'webos';
  // WPE WebKit on RDK set-top boxes identifies itself as WPE (often with "Metrological" or "RDK").
  if (/\bWPE\b|WPEWebKit|Metrological|\bRDK\b/i.test(ua)) return 'rdk';
  return 'browser';
}

export function detectPlatform(env: PlatformEnv, settingsPlatform?: unknown): PlatformName {
  return (
    normalise(queryParam(env.search, 'platform')) ??
    normalise(typeof settingsPlatform === 'string' ? settingsPlatform : undefined) ??
    autoDetect(env)
  );
}
