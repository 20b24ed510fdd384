/**
 * The stable device identifier sent as `AP-Device-Identifier: fingerprint <base64(id)>` (spec §6.2).
 * Adobe Pass binds profiles to it, so the rule is "never change it on a TV that has one":
 *   1. an id already stored on this TV (UUID from earlier versions, or a hashed hardware id) is kept;
 *   2. else the platform's hardware-linked id (Firebolt Device.uid, Tizen DUID, webOS LGUDID), hashed
 *      with SHA-256 together with the app id so the raw id never leaves the TV and apps cannot join
 *      their records on it; it survives a reinstall or cleared storage;
 *   3. else a random UUID v4 (crypto.getRandomValues when available).
 * The result is stored, so a later launch where the hardware API fails still sends the same id.
 */
import type { EntryStore } from './storage';
import { base64Utf8 } from './base64';
import type { PlatformFacts } from './facts';
import { sha256Hex } from './sha256';

export const DEVICE_ID_KEY = 'deviceId';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuidV4(x: unknown): x is string {
  return typeof x === 'string' && UUID_RE.test(x);
}

/** RFC 4122 version 4 UUID. Falls back to Math.random mixed with the time on engines without crypto. */
export function uuidV4(getRandomValues?: (bytes: Uint8Array) => Uint8Array): string {
  const bytes = new Uint8Array(16);
  let filled = false;
  if (getRandomValues) {
    try {
      getRandomValues(bytes);
      filled = true;
    } catch {
      filled = false;
    }
  }
  if (!filled) {
    let t = Date.now();
    for (let i = 0; i < 16; i++) {
      bytes[i] = (Math.random() * 256 + t) & 0xff;
      t = Math.floor(t / 256);
    }
  }
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  let hex = '';
  for (let i = 0; i < 16; i++) hex += ((bytes[i] as number) + 0x100).toString(16).slice(1);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** What this app may have stored as the device id: a UUID v4 or a hashed hardware id. */
export function isDeviceId(x: unknown): x is string {
  return isUuidV4(x) || (typeof x === 'string' && SHA256_HEX.test(x));
}

/** The hashed form of a hardware id (64 hex characters). */
export function hashHardwareId(hardware: NonNullable<PlatformFacts['hardwareId']>, appId: string): string {
  return sha256Hex(`${hardware.source}|${appId}|${hardware.value}`);
}

export type DeviceIdOrigin = 'stored' | 'hardware' | 'generated';

export interface DeviceIdOptions {
  hardware?: PlatformFacts['hardwareId'];
  /** Mixed into the hash (the app identifier). */
  appId: string;
  getRandomValues?: (bytes: Uint8Array) => Uint8Array;
  /** Hears when the new id could not be stored (it then lasts for this run only). */
  onWriteError?: (error: unknown) => void;
}

export function resolveDeviceId(storage: EntryStore, options: DeviceIdOptions): { id: string; origin: DeviceIdOrigin } {
  const existing = storage.peek(DEVICE_ID_KEY, isDeviceId);
  if (existing) return { id: existing, origin: 'stored' };
  const hardware = options.hardware && options.hardware.value ? options.hardware : undefined;
  const id = hardware ? hashHardwareId(hardware, options.appId) : uuidV4(options.getRandomValues);
  try {
    storage.set(DEVICE_ID_KEY, id);
  } catch (e) {
    if (options.onWriteError) options.onWriteError(e);
  }
  return { id, origin: hardware ? 'hardware' : 'generated' };
}

/** The persisted id, creating and storing a random one on first use (no hardware id). */
export function loadOrCreateDeviceId(
  storage: EntryStore,
  getRandomValues?: (bytes: Uint8Array) => Uint8Array,
  onWriteError?: (error: unknown) => void,
): string {
  return resolveDeviceId(storage, { appId: '', getRandomValues, onWriteError }).id;
}

/** `AP-Device-Identifier` value (spec §6.2). */
export function deviceIdentifierHeader(deviceId: string): string {
  return `fingerprint ${base64Utf8(deviceId)}`;
}
