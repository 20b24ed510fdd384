/**
 * The one reader of `appSettings.adobePass` (settings.json). Pure (no Lightning import), so Node tools
 * and tests can resolve settings exactly as the app does. A preset names one environment (Adobe's hosts + the programmer's
 * services); the preset comes from the `?preset=` override, else `adobePass.preset`, else "emulator".
 * Top-level string values of the preset keys override the preset (an operator sets just `restBaseUrl`).
 * Anything missing throws a SettingsError that names it. settings.json ships the emulator preset (default)
 * and one per Adobe server of the REST API V2 / DCR OpenAPI descriptions: release-production
 * (sp.auth.adobe.com), release-staging (sp.auth-staging), prequal-production (sp-prequal.auth),
 * prequal-staging (sp-prequal.auth-staging); the client adds `/api/v2` and `/o`.
 */
import type { PassFlowsConfig } from './flows';
import type { TempPassSettings } from './flows/config';

/** The preset keys the flows take as they are (documented on PassFlowsConfig). */
type PassKeys =
  | 'restBaseUrl'
  | 'dcrBaseUrl'
  | 'serviceProvider'
  | 'softwareStatement'
  | 'domainName'
  | 'redirectUrl'
  | 'secondScreenUrl'
  | 'secondScreenShortUrl';

/** One environment of Adobe Pass + the programmer's services (the catalog / stream backend). */
export type AdobePassPreset = Pick<PassFlowsConfig, PassKeys> & { programmerBaseUrl: string };

/** `appSettings.adobePass` resolved: the chosen preset's values plus the tuning knobs. */
export type AdobePassSettings = AdobePassPreset &
  Pick<
    PassFlowsConfig,
    | 'pollIntervalMs'
    | 'configCacheTtlMs'
    | 'preauthorizeBatchSize'
    | 'preauthorizeLimits'
    | 'hiddenMvpdIds'
    | 'tempPass'
  > & {
    /** The preset these values came from. */
    presetName: string;
    /** Denied titles shown with a lock (TV only). */
    showLockedTitles?: boolean;
    /** MVPD ids the TV picker features in its first row, in this order (TV only). */
    featuredProviders?: string[];
  };

export const DEFAULT_PRESET = 'emulator';

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
const optNumber = (x: unknown): number | undefined => (typeof x === 'number' && isFinite(x) ? x : undefined);
const nonEmpty = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
/** The strings of a list setting (anything else in it is ignored); undefined when it is no list. */
const stringList = (x: unknown): string[] | undefined => (Array.isArray(x) ? x.filter(nonEmpty) : undefined);

/** `{ "<mvpd id>": <resources per preauthorize request> }`; entries that are not positive numbers are ignored. */
function limits(x: unknown): Record<string, number> | undefined {
  if (!isObj(x)) return undefined;
  const out: Record<string, number> = {};
  for (const key of Object.keys(x)) {
    const n = optNumber(x[key]);
    if (n !== undefined && n >= 1) out[key] = Math.floor(n);
  }
  return out;
}

/** `tempPass`: { offer, minutes: {id: n}, promotional: [ids], identityKey }; the pairing backend is the programmer's. */
function tempPass(x: unknown, programmerBaseUrl: string | undefined): TempPassSettings | undefined {
  if (!isObj(x)) return undefined;
  return {
    offer: x.offer === true,
    minutes: limits(x.minutes),
    promotional: stringList(x.promotional),
    identityKey: nonEmpty(x.identityKey) ? x.identityKey : undefined,
    pairingBaseUrl: programmerBaseUrl,
  };
}

/** Resolve `appSettings.adobePass`; `presetOverride` is the `?preset=` value, if any. */
export function resolveAdobePass(raw: unknown, presetOverride?: string): AdobePassSettings {
  if (!isObj(raw)) throw new SettingsError('appSettings.adobePass is missing');
  const presets = isObj(raw.presets) ? raw.presets : {};
  const presetName = presetOverride || (nonEmpty(raw.preset) ? raw.preset : '') || DEFAULT_PRESET;
  const preset = presets[presetName];
  if (!isObj(preset)) {
    const have = Object.keys(presets).join(', ') || 'none';
    throw new SettingsError(`adobePass preset "${presetName}" is not defined (have: ${have})`);
  }
  const values: Partial<AdobePassPreset> = {};
  const missing: string[] = [];
  for (const key of PRESET_KEYS) {
    const v = nonEmpty(raw[key]) ? raw[key] : preset[key];
    if (nonEmpty(v)) values[key] = v;
    else missing.push(key);
  }
  if (missing.length) throw new SettingsError(`adobePass preset "${presetName}" lacks ${missing.join(', ')}`);
  return {
    ...(values as AdobePassPreset),
    presetName,
    pollIntervalMs: optNumber(raw.pollIntervalMs),
    configCacheTtlMs: optNumber(raw.configCacheTtlMs),
    preauthorizeBatchSize: optNumber(raw.preauthorizeBatchSize),
    preauthorizeLimits: limits(raw.preauthorizeLimits),
    showLockedTitles: typeof raw.showLockedTitles === 'boolean' ? raw.showLockedTitles : undefined,
    hiddenMvpdIds: stringList(raw.hiddenMvpdIds),
    featuredProviders: stringList(raw.featuredProviders),
    tempPass: tempPass(raw.tempPass, values.programmerBaseUrl),
  };
}

/** What the flows need from the settings (the TV-only values stay out). */
export function passFlowsConfig(s: AdobePassSettings): PassFlowsConfig {
  const {
    presetName: _name,
    programmerBaseUrl: _backend,
    showLockedTitles: _locks,
    featuredProviders: _featured,
    ...flows
  } = s;
  return flows;
}
