/**
 * The `X-Device-Info` payload (spec §6.3): Base64 of a JSON object. Required keys: model, version,
 * osName, osVersion, connectionType. Keys with restricted values only ever carry an allowed value —
 * an invalid one is dropped (optional keys) or replaced by a safe default (required osName).
 */
import type { PlatformName } from './detect';
import type { PlatformEnv } from './env';
import type { PlatformFacts } from './facts';
import { base64Utf8 } from './base64';

export const ALLOWED = {
  primaryHardwareType: [
    'Camera',
    'DataCollectionTerminal',
    'Desktop',
    'EmbeddedNetworkModule',
    'eReader',
    'GamesConsole',
    'GeolocationTracker',
    'Glasses',
    'MediaPlayer',
    'MobilePhone',
    'PaymentTerminal',
    'PluginModem',
    'SetTopBox',
    'TV',
    'Tablet',
    'WirelessHotspot',
    'Wristwatch',
    'Unknown',
  ],
  osName: ['Android', 'Chrome OS', 'Linux', 'Mac OS', 'OS X', 'OpenBSD', 'Roku OS', 'Windows', 'iOS', 'tvOS', 'webOS'],
  osFamily: [
    'Android',
    'BSD',
    'Linux',
    'PlayStation OS',
    'Roku OS',
    'Symbian',
    'Tizen',
    'Windows',
    'iOS',
    'tvOS',
    'macOS',
    'webOS',
  ],
  osVendor: [
    'Amazon',
    'Apple',
    'Google',
    'LG',
    'Microsoft',
    'Mozilla',
    'Nintendo',
    'Nokia',
    'Roku',
    'Samsung',
    'Sony',
    'Tizen Project',
  ],
  browserName: [
    'Android Browser',
    'Chrome',
    'Edge',
    'Firefox',
    'Internet Explorer',
    'Opera',
    'Safari',
    'SeaMonkey',
    'Symbian Browser',
  ],
  browserVendor: [
    'Amazon',
    'Apple',
    'Google',
    'Microsoft',
    'Motorola',
    'Mozilla',
    'Netscape',
    'Nintendo',
    'Nokia',
    'Samsung',
    'Sony Ericsson',
  ],
} as const;

export type RestrictedKey = keyof typeof ALLOWED;
export const REQUIRED_KEYS = ['model', 'version', 'osName', 'osVersion', 'connectionType'] as const;

export interface DeviceInfo {
  primaryHardwareType?: string;
  model: string;
  version: string;
  manufacturer?: string;
  vendor?: string;
  osName: string;
  osFamily?: string;
  osVendor?: string;
  osVersion: string;
  browserName?: string;
  browserVendor?: string;
  browserVersion?: string;
  userAgent?: string;
  displayWidth?: number;
  displayHeight?: number;
  connectionType: string;
  connectionSecure?: boolean;
  applicationId?: string;
}

const UNKNOWN = 'unknown';

function match(ua: string, re: RegExp): string | undefined {
  const m = re.exec(ua);
  return m && m[1] ? m[1] : undefined;
}

interface BrowserFacts {
  browserName?: string;
  browserVendor?: string;
  browserVersion?: string;
}

/** Browser engine from the UA (order matters: Edge and Opera also say "Chrome"). */
export function browserFromUa(ua: string): BrowserFacts {
  let v: string | undefined;
  if ((v = match(ua, /Edg(?:e|A|iOS)?\/([\d.]+)/)))
    return { browserName: 'Edge', browserVendor: 'Microsoft', browserVersion: v };
  if ((v = match(ua, /OPR\/([\d.]+)/))) return { browserName: 'Opera', browserVersion: v };
  if ((v = match(ua, /Firefox\/([\d.]+)/)))
    return { browserName: 'Firefox', browserVendor: 'Mozilla', browserVersion: v };
  if ((v = match(ua, /(?:Chrome|Chromium|HeadlessChrome)\/([\d.]+)/)))
    return { browserName: 'Chrome', browserVendor: 'Google', browserVersion: v };
  // Tizen 5.5+ names only its Chromium build: "69.0.3497.106.1/5.5 TV Safari".
  if ((v = match(ua, /\s(\d+\.\d+\.\d+\.\d+)(?:\.\d+)?\/[\d.]+ TV\b/)))
    return { browserName: 'Chrome', browserVendor: 'Samsung', browserVersion: v };
  if ((v = match(ua, /Version\/([\d.]+).*Safari/)))
    return { browserName: 'Safari', browserVendor: 'Apple', browserVersion: v };
  return {};
}

interface OsFacts {
  osName: string;
  osFamily?: string;
  osVendor?: string;
  osVersion: string;
}

/** Desktop OS from the UA for the browser simulator. */
export function desktopOsFromUa(ua: string): OsFacts {
  let v: string | undefined;
  if ((v = match(ua, /Windows NT ([\d.]+)/)) || /Windows/.test(ua))
    return { osName: 'Windows', osFamily: 'Windows', osVendor: 'Microsoft', osVersion: v ?? UNKNOWN };
  if ((v = match(ua, /Mac OS X ([\d_.]+)/)) || /Macintosh/.test(ua))
    return { osName: 'Mac OS', osFamily: 'macOS', osVendor: 'Apple', osVersion: v ? v.replace(/_/g, '.') : UNKNOWN };
  if ((v = match(ua, /CrOS \S+ ([\d.]+)/)) || /CrOS/.test(ua))
    return { osName: 'Chrome OS', osFamily: 'Linux', osVendor: 'Google', osVersion: v ?? UNKNOWN };
  if ((v = match(ua, /Android ([\d.]+)/)))
    return { osName: 'Android', osFamily: 'Android', osVendor: 'Google', osVersion: v };
  return { osName: 'Linux', osFamily: 'Linux', osVersion: UNKNOWN };
}

/** webOS TV version from the Chromium engine version (LG's published engine table). */
export function webOsVersionFromChrome(chromeMajor: number): string {
  const table: Array<[number, string]> = [
    [132, '26'],
    [120, '25'],
    [108, '24'],
    [94, '23'],
    [87, '22'],
    [79, '6'],
    [68, '5'],
    [53, '4'],
    [38, '3'],
  ];
  for (const [major, version] of table) if (chromeMajor >= major) return version;
  return UNKNOWN;
}

function connectionTypeFrom(env: PlatformEnv, fallback: string): string {
  switch ((env.connectionType || '').toLowerCase()) {
    case 'wifi':
      return 'WiFi';
    case 'ethernet':
      return 'LAN';
    case 'cellular':
      return '4G';
    default:
      return fallback;
  }
}

export interface DeviceInfoOptions {
  applicationId?: string;
  /** App version, used as `version` when the device exposes none. */
  appVersion?: string;
  /** Operator-provided values (settings `appSettings.deviceInfo`), merged last and then validated. */
  overrides?: Partial<DeviceInfo>;
  /** What the platform's APIs said (productinfo, PalmSystem.deviceInfo, Firebolt Device.*). */
  facts?: PlatformFacts;
}

/** A model named in the user agent: Tizen's "SAMSUNG <model>" field, LG's NetCast/HbbTV "LGE; <model>;". */
export function modelFromUa(platform: 'tizen' | 'webos', ua: string): string | undefined {
  const m =
    platform === 'tizen'
      ? /Tizen [\d.]+;\s*SAMSUNG\s+([^;)]+)/i.exec(ua)
      : /\bLGE;\s*([A-Za-z0-9][^;)]*?)\s*;/.exec(ua);
  const model = m && m[1] ? m[1].trim() : undefined;
  // "sdk" is what the Samsung TV SDK emulator reports.
  return model && !/^sdk$/i.test(model) ? model : undefined;
}

export function buildDeviceInfo(platform: PlatformName, env: PlatformEnv, options: DeviceInfoOptions = {}): DeviceInfo {
  const ua = env.userAgent || '';
  const browser = browserFromUa(ua);
  const chromeMajor = parseInt(match(ua, /Chrome\/(\d+)/) ?? '0', 10);
  const facts = options.facts ?? {};
  let info: DeviceInfo;
  switch (platform) {
    case 'tizen': {
      const tizenVersion = facts.osVersion ?? match(ua, /Tizen ([\d.]+)/) ?? UNKNOWN;
      info = {
        primaryHardwareType: 'TV',
        model: facts.model ?? modelFromUa('tizen', ua) ?? 'Samsung Smart TV',
        version: facts.firmware ?? tizenVersion,
        manufacturer: 'Samsung',
        vendor: 'Samsung',
        // Tizen is not an allowed osName: the OS is Linux, the family Tizen.
        osName: 'Linux',
        osFamily: 'Tizen',
        osVendor: 'Samsung',
        osVersion: tizenVersion,
        ...browser,
        connectionType: connectionTypeFrom(env, 'LAN'),
      };
      break;
    }
    case 'webos': {
      // webOS user agents name no model (only old NetCast/HbbTV ones do): PalmSystem.deviceInfo does.
      const osVersion = facts.osVersion ?? webOsVersionFromChrome(chromeMajor);
      info = {
        primaryHardwareType: 'TV',
        model: facts.model ?? modelFromUa('webos', ua) ?? 'LG Smart TV',
        version: facts.firmware ?? osVersion,
        manufacturer: 'LG',
        vendor: 'LG',
        osName: 'webOS',
        osFamily: 'webOS',
        osVendor: 'LG',
        osVersion,
        ...browser,
        connectionType: connectionTypeFrom(env, 'LAN'),
      };
      break;
    }
    case 'rdk': {
      const wpe = match(ua, /WPE(?:WebKit)?\/([\d.]+)/) ?? match(ua, /AppleWebKit\/([\d.]+)/) ?? UNKNOWN;
      info = {
        primaryHardwareType: 'SetTopBox',
        model: facts.model ?? 'RDK set-top box',
        version: facts.firmware ?? wpe,
        manufacturer: facts.make,
        // X-Device-Info `vendor` is the seller: on RDK the operator that distributes the box.
        vendor: facts.distributor,
        osName: 'Linux',
        osFamily: 'Linux',
        osVersion: facts.osVersion ?? facts.firmware ?? UNKNOWN,
        connectionType: connectionTypeFrom(env, 'LAN'),
      };
      if (!info.manufacturer) delete info.manufacturer;
      if (!info.vendor) delete info.vendor;
      break;
    }
    default: {
      const os = desktopOsFromUa(ua);
      info = {
        primaryHardwareType: 'Desktop',
        model: browser.browserName ?? 'Browser',
        version: browser.browserVersion ?? options.appVersion ?? UNKNOWN,
        ...os,
        ...browser,
        connectionType: connectionTypeFrom(env, 'LAN'),
      };
    }
  }
  if (ua) info.userAgent = ua;
  if (env.screen && env.screen.width > 0 && env.screen.height > 0) {
    info.displayWidth = env.screen.width;
    info.displayHeight = env.screen.height;
  }
  if (options.applicationId) info.applicationId = options.applicationId;
  if (options.overrides) info = { ...info, ...options.overrides };
  return sanitizeDeviceInfo(info);
}

function isAllowed(key: RestrictedKey, value: unknown): boolean {
  return typeof value === 'string' && (ALLOWED[key] as readonly string[]).indexOf(value) >= 0;
}

/** Drop restricted optional keys with invalid values; make required keys non-empty strings. */
export function sanitizeDeviceInfo(info: DeviceInfo): DeviceInfo {
  const out: DeviceInfo = { ...info };
  const restricted = Object.keys(ALLOWED) as RestrictedKey[];
  for (const key of restricted) {
    if (key === 'osName') continue;
    if (out[key] !== undefined && !isAllowed(key, out[key])) delete out[key];
  }
  if (!isAllowed('osName', out.osName)) out.osName = 'Linux';
  for (const key of REQUIRED_KEYS) {
    const v = out[key];
    if (typeof v !== 'string' || v.trim() === '') out[key] = UNKNOWN;
  }
  return out;
}

/** Problems with a payload (empty when valid): missing required keys, values outside the enums. */
export function validateDeviceInfo(info: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of REQUIRED_KEYS) {
    const v = info[key];
    if (typeof v !== 'string' || v.trim() === '') problems.push(`missing ${key}`);
  }
  for (const key of Object.keys(ALLOWED) as RestrictedKey[]) {
    if (info[key] !== undefined && !isAllowed(key, info[key])) problems.push(`invalid ${key}: ${String(info[key])}`);
  }
  for (const key of ['displayWidth', 'displayHeight']) {
    if (info[key] !== undefined && typeof info[key] !== 'number') problems.push(`${key} must be a number`);
  }
  return problems;
}

/** Header value: Base64 of the JSON payload. */
export function encodeDeviceInfo(info: DeviceInfo): string {
  return base64Utf8(JSON.stringify(info));
}
