/**
 * Typed reader of settings.json (`appSettings`) through the SDK Settings plugin, with URL overrides
 * for development and device testing:
 *   ?preset=staging     pick another adobePass preset
 *   ?platform=tizen     force the platform (see src/platform/detect.ts)
 *   ?canvas2d=1         render with canvas2d instead of WebGL
 */
import { Settings as SdkSettings } from '@lightningjs/sdk';
import { isTruthyParam, queryParam } from '../query';

interface SdkSettingsApi {
  get(type: 'app' | 'platform' | 'user', key: string, fallback?: unknown): unknown;
}

const sdk = SdkSettings as SdkSettingsApi;

/** One environment of Adobe Pass + the programmer's services. */
export interface AdobePassPreset {
  restBaseUrl: string;
  dcrBaseUrl: string;
  serviceProvider: string;
  softwareStatement: string;
  domainName: string;
  redirectUrl: string;
  secondScreenUrl: string;
  secondScreenShortUrl: string;
  programmerBaseUrl: string;
}

export interface AdobePassSettings extends AdobePassPreset {
  /** The preset these values came from. */
  presetName: string;
  pollIntervalMs?: number;
  configCacheTtlMs?: number;
  preauthorizeBatchSize?: number;
  showLockedTitles?: boolean;
  hiddenMvpdIds?: string[];
}

const PRESET_KEYS: Array<keyof AdobePassPreset> = [
  'restBaseUrl',
  'dcrBaseUrl',
  'serviceProvider',
  'softwareStatement',
  'domainName',
  'redirectUrl',
  'secondScreenUrl',
  'secondScreenShortUrl',
  'programmerBaseUrl',
];

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function optNumber(x: unknown): number | undefined {
  return typeof x === 'number' && isFinite(x) ? x : undefined;
}

/**
 * Resolve `appSettings.adobePass` (pure; testable). The preset comes from `?preset=` in `search`,
 * else `adobePass.preset`, else "emulator". Top-level string values of the same keys override the
 * preset (an operator can set just `restBaseUrl`). Throws SettingsError naming what is missing.
 */
export function resolveAdobePass(raw: unknown, search = ''): AdobePassSettings {
  if (!isObj(raw)) throw new SettingsError('appSettings.adobePass is missing');
  const presets = isObj(raw.presets) ? raw.presets : {};
  const fromUrl = queryParam(search, 'preset');
  const presetName = fromUrl || (typeof raw.preset === 'string' ? raw.preset : '') || 'emulator';
  const preset = presets[presetName];
  if (!isObj(preset)) {
    throw new SettingsError(
      `adobePass preset "${presetName}" is not defined (have: ${Object.keys(presets).join(', ') || 'none'})`,
    );
  }
  const values: Partial<AdobePassPreset> = {};
  const missing: string[] = [];
  for (const key of PRESET_KEYS) {
    const v = typeof raw[key] === 'string' && raw[key] ? raw[key] : preset[key];
    if (typeof v === 'string' && v) values[key] = v;
    else missing.push(key);
  }
  if (missing.length) throw new SettingsError(`adobePass preset "${presetName}" lacks ${missing.join(', ')}`);
  return {
    ...(values as AdobePassPreset),
    presetName,
    pollIntervalMs: optNumber(raw.pollIntervalMs),
    configCacheTtlMs: optNumber(raw.configCacheTtlMs),
    preauthorizeBatchSize: optNumber(raw.preauthorizeBatchSize),
    showLockedTitles: typeof raw.showLockedTitles === 'boolean' ? raw.showLockedTitles : undefined,
    hiddenMvpdIds: Array.isArray(raw.hiddenMvpdIds)
      ? raw.hiddenMvpdIds.filter((x): x is string => typeof x === 'string')
      : undefined,
  };
}

function currentSearch(): string {
  return typeof window !== 'undefined' && window.location ? window.location.search || '' : '';
}

/** Any app setting (dot path), typed by the caller's guard. */
export function appSetting<T>(key: string, guard: (x: unknown) => x is T): T | undefined {
  const v = sdk.get('app', key);
  return guard(v) ? v : undefined;
}

/** The resolved Adobe Pass settings for this run (settings.json + URL override). */
export function readAdobePass(search: string = currentSearch()): AdobePassSettings {
  return resolveAdobePass(sdk.get('app', 'adobePass'), search);
}

/** True when `?canvas2d=1` (or appSettings.stage.canvas2d) asks for the canvas2d renderer. */
export function wantsCanvas2d(search: string = currentSearch()): boolean {
  return isTruthyParam(queryParam(search, 'canvas2d'));
}

/** The app's display name (metadata.json `name`, merged into appSettings by the SDK start-up). */
export function appName(fallback = 'DemoTV'): string {
  const v = sdk.get('app', 'name');
  return typeof v === 'string' && v.trim() ? v : fallback;
}

export const Settings = { appName, appSetting, readAdobePass, resolveAdobePass, wantsCanvas2d };
export default Settings;
