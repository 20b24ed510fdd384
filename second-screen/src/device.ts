/**
 * Who the second screen says it is. It describes the PHONE (or laptop) it runs on, never the TV:
 * its own persisted device id (AP-Device-Identifier, spec §6.2) and an X-Device-Info built from the
 * browser's user agent (spec §6.3), using only the enumerated values the spec allows.
 */
import type { KeyValueStore } from './storage';

const DEVICE_ID_KEY = 'ss.v1.deviceId';

/** Fields of X-Device-Info we fill; required ones are model, version, osName, osVersion, connectionType. */
export interface DeviceInfo {
  primaryHardwareType: 'MobilePhone' | 'Tablet' | 'Desktop' | 'Unknown';
  model: string;
  version: string;
  manufacturer?: string;
  vendor?: string;
  osName: 'Android' | 'Chrome OS' | 'Linux' | 'Mac OS' | 'Windows' | 'iOS';
  osFamily?: 'Android' | 'Linux' | 'Windows' | 'iOS' | 'macOS';
  osVendor?: 'Apple' | 'Google' | 'Microsoft';
  osVersion: string;
  browserName?: 'Chrome' | 'Edge' | 'Firefox' | 'Opera' | 'Safari' | 'Android Browser';
  browserVendor?: 'Apple' | 'Google' | 'Microsoft' | 'Mozilla';
  browserVersion?: string;
  userAgent?: string;
  displayWidth?: number;
  displayHeight?: number;
  connectionType: string;
  applicationId?: string;
}

/** What we read from the browser; a plain object so tests can describe any phone. */
export interface BrowserFacts {
  userAgent: string;
  /** navigator.connection.type / effectiveType where the browser exposes them (Android Chrome). */
  connectionType?: string;
  effectiveType?: string;
  screenWidth?: number;
  screenHeight?: number;
  devicePixelRatio?: number;
  /** navigator.maxTouchPoints: tells an iPad (which claims to be a Mac since iPadOS 13) from a Mac. */
  maxTouchPoints?: number;
}

function randomHex(bytes: number): string {
  const out = new Uint8Array(bytes);
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(out);
  else for (let i = 0; i < bytes; i++) out[i] = Math.floor(Math.random() * 256);
  return Array.prototype.map.call(out, (b: number) => (b < 16 ? '0' : '') + b.toString(16)).join('');
}

/** A random UUID v4 (crypto.randomUUID is missing on older phones). */
export function newDeviceId(): string {
  const h = randomHex(16).split('');
  h[12] = '4';
  h[16] = '89ab'[parseInt(h[16], 16) & 3];
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The phone's stable id: created once, then reused (changing it would orphan the phone's state). */
export function deviceId(store: KeyValueStore): string {
  const existing = store.get(DEVICE_ID_KEY);
  if (existing && /^[0-9a-f-]{16,64}$/i.test(existing)) return existing;
  const id = newDeviceId();
  store.set(DEVICE_ID_KEY, id);
  return id;
}

/** UTF-8 safe Base64 for header values (btoa alone rejects non-Latin-1 characters). */
export function base64(text: string): string {
  const bytes = unescape(encodeURIComponent(text));
  if (typeof btoa === 'function') return btoa(bytes);
  return Buffer.from(text, 'utf8').toString('base64');
}

export function deviceIdentifierHeader(id: string): string {
  return `fingerprint ${base64(id)}`;
}

function versionFrom(match: RegExpMatchArray | null, group = 1): string | undefined {
  return match && match[group] ? match[group].replace(/_/g, '.') : undefined;
}

function browserOf(ua: string): Pick<DeviceInfo, 'browserName' | 'browserVendor' | 'browserVersion'> {
  let m: RegExpMatchArray | null;
  if ((m = ua.match(/Edg(?:e|A|iOS)?\/([\d.]+)/))) return { browserName: 'Edge', browserVendor: 'Microsoft', browserVersion: m[1] };
  if ((m = ua.match(/(?:OPR|OPT)\/([\d.]+)/))) return { browserName: 'Opera', browserVersion: m[1] };
  if ((m = ua.match(/(?:Firefox|FxiOS)\/([\d.]+)/))) return { browserName: 'Firefox', browserVendor: 'Mozilla', browserVersion: m[1] };
  if ((m = ua.match(/(?:HeadlessChrome|Chrome|CriOS)\/([\d.]+)/))) return { browserName: 'Chrome', browserVendor: 'Google', browserVersion: m[1] };
  if ((m = ua.match(/Version\/([\d.]+).*Safari\//))) return { browserName: 'Safari', browserVendor: 'Apple', browserVersion: m[1] };
  if (/Android/.test(ua) && /Safari\//.test(ua)) return { browserName: 'Android Browser' };
  return {};
}

type OsPart = Pick<DeviceInfo, 'primaryHardwareType' | 'model' | 'manufacturer' | 'vendor' | 'osName' | 'osFamily' | 'osVendor' | 'osVersion'>;

function osOf(ua: string, touchPoints: number): OsPart {
  let m: RegExpMatchArray | null;
  const apple = { manufacturer: 'Apple', vendor: 'Apple', osVendor: 'Apple' as const };
  if ((m = ua.match(/\((iPhone|iPod|iPad)[^)]*?OS (\d+[_.]\d+(?:[_.]\d+)?)/))) {
    const model = m[1];
    return {
      ...apple,
      primaryHardwareType: model === 'iPad' ? 'Tablet' : 'MobilePhone',
      model,
      osName: 'iOS',
      osFamily: 'iOS',
      osVersion: versionFrom(m, 2) ?? '0',
    };
  }
  if ((m = ua.match(/Android (\d+(?:\.\d+)*)(?:; ([^;)]+))?/))) {
    const rawModel = (m[2] || '').replace(/ Build\/.*/, '').trim();
    // Chrome's reduced UA says only "K"; say so honestly rather than inventing a model.
    const model = rawModel && rawModel !== 'K' ? rawModel : 'Android device';
    return {
      primaryHardwareType: /Mobile/.test(ua) ? 'MobilePhone' : 'Tablet',
      model,
      osName: 'Android',
      osFamily: 'Android',
      osVendor: 'Google',
      osVersion: m[1],
    };
  }
  if ((m = ua.match(/CrOS \S+ ([\d.]+)/))) {
    return { primaryHardwareType: 'Desktop', model: 'Chromebook', osName: 'Chrome OS', osFamily: 'Linux', osVendor: 'Google', osVersion: m[1] };
  }
  if ((m = ua.match(/Windows NT ([\d.]+)/))) {
    return { primaryHardwareType: 'Desktop', model: 'PC', osName: 'Windows', osFamily: 'Windows', osVendor: 'Microsoft', osVersion: m[1] };
  }
  if ((m = ua.match(/Mac OS X (\d+[_.]\d+(?:[_.]\d+)?)/))) {
    // iPadOS 13+ presents itself as a Mac; a touch screen gives it away (Macs have none). Its real OS
    // version is not in the UA; Safari's version follows it closely enough to describe the device.
    if (touchPoints > 1) {
      const safari = ua.match(/Version\/(\d+(?:\.\d+)*)/);
      return { ...apple, primaryHardwareType: 'Tablet', model: 'iPad', osName: 'iOS', osFamily: 'iOS', osVersion: safari ? safari[1] : '0' };
    }
    return { ...apple, primaryHardwareType: 'Desktop', model: 'Mac', osName: 'Mac OS', osFamily: 'macOS', osVersion: versionFrom(m) ?? '0' };
  }
  if (/Linux|X11/.test(ua)) {
    return { primaryHardwareType: 'Desktop', model: 'PC', osName: 'Linux', osFamily: 'Linux', osVersion: '0' };
  }
  return { primaryHardwareType: 'Unknown', model: 'Browser', osName: 'Linux', osVersion: '0' };
}

/** Maps the Network Information API to the spec's examples (WiFi, LAN, 3G, 4G, 5G). */
function connectionOf(facts: BrowserFacts, hardware: DeviceInfo['primaryHardwareType']): string {
  switch (facts.connectionType) {
    case 'wifi':
      return 'WiFi';
    case 'ethernet':
      return 'LAN';
    case 'cellular': {
      const e = facts.effectiveType;
      return e === '4g' ? '4G' : e === '3g' ? '3G' : e === '2g' || e === 'slow-2g' ? '2G' : 'Cellular';
    }
  }
  // Most browsers do not say; phones and tablets are most often on Wi-Fi at home, desktops on LAN.
  return hardware === 'Desktop' ? 'LAN' : 'WiFi';
}

export function describeDevice(facts: BrowserFacts, applicationId?: string): DeviceInfo {
  const os = osOf(facts.userAgent, facts.maxTouchPoints ?? 0);
  const browser = browserOf(facts.userAgent);
  const ratio = facts.devicePixelRatio && facts.devicePixelRatio > 0 ? facts.devicePixelRatio : 1;
  const info: DeviceInfo = {
    ...os,
    // No hardware version is visible to a web page; the browser version is the most useful stand-in.
    version: browser.browserVersion ?? '0',
    ...browser,
    userAgent: facts.userAgent,
    connectionType: connectionOf(facts, os.primaryHardwareType),
  };
  if (facts.screenWidth && facts.screenHeight) {
    info.displayWidth = Math.round(facts.screenWidth * ratio);
    info.displayHeight = Math.round(facts.screenHeight * ratio);
  }
  if (applicationId) info.applicationId = applicationId;
  return info;
}

export function deviceInfoHeader(info: DeviceInfo): string {
  return base64(JSON.stringify(info));
}

/** Reads BrowserFacts from the real browser. */
export function browserFacts(): BrowserFacts {
  const nav = navigator as Navigator & { connection?: { type?: string; effectiveType?: string } };
  return {
    userAgent: nav.userAgent,
    connectionType: nav.connection?.type,
    effectiveType: nav.connection?.effectiveType,
    screenWidth: typeof screen !== 'undefined' ? screen.width : undefined,
    screenHeight: typeof screen !== 'undefined' ? screen.height : undefined,
    devicePixelRatio: typeof devicePixelRatio === 'number' ? devicePixelRatio : undefined,
    maxTouchPoints: typeof nav.maxTouchPoints === 'number' ? nav.maxTouchPoints : undefined,
  };
}
