/**
 * Which TV platform the app runs on. Order: `?platform=` in the URL, then `appSettings.platform`,
 * then the host: a Firebolt transport (endpoint or ServiceManager bridge) means RDK whatever the user
 * agent says (a plain WPE user agent reads like Safari), then Tizen/webOS globals, then user agents.
 * Unknown override values are ignored.
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

/** True when the launch carries a Firebolt transport (Ripple WebSocket endpoint or legacy bridge). */
export function hasFireboltTransport(env: PlatformEnv): boolean {
  if (env.fireboltEndpoint && /^wss?:\/\//.test(env.fireboltEndpoint)) return true;
  return Boolean(env.ServiceManager && env.ServiceManager.version);
}

export function autoDetect(env: PlatformEnv): PlatformName {
  const ua = env.userAgent;
  if (hasFireboltTransport(env)) return 'rdk';
  if (env.tizen || /Tizen/i.test(ua)) return 'tizen';
  if (env.webOS || env.PalmSystem || /Web0S|webOS|NetCast/i.test(ua)) return 'webos';
  // WPE WebKit without Firebolt (e.g. an operator's own launcher) still gets the RDK key map.
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

/**
 * Whether to talk Firebolt: on RDK when a transport is there, or when RDK was asked for explicitly
 * (`?platform=rdk`, settings): then the SDK's mock transport answers (development, tests).
 */
export function usesFirebolt(name: PlatformName, env: PlatformEnv, settingsPlatform?: unknown): boolean {
  if (name !== 'rdk') return false;
  if (hasFireboltTransport(env)) return true;
  return (
    normalise(queryParam(env.search, 'platform')) === 'rdk' ||
    normalise(typeof settingsPlatform === 'string' ? settingsPlatform : undefined) === 'rdk'
  );
}
