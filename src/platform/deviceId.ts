/**
 * The stable device identifier sent as `AP-Device-Identifier: fingerprint <base64(id)>` (spec §6.2).
 * Generated once (UUID v4 from crypto.getRandomValues when available) and persisted; changing it
 * invalidates every Adobe Pass profile, so an unreadable stored value is replaced only when absent.
 */
import type { EntryStore } from './storage';
import { base64Utf8 } from './base64';

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

/**
 * The persisted id, creating and storing one on first use. `onWriteError` hears when the new id could
 * not be stored (it then lasts for this run only, and the next launch is a new device to Adobe).
 */
export function loadOrCreateDeviceId(
  storage: EntryStore,
  getRandomValues?: (bytes: Uint8Array) => Uint8Array,
  onWriteError?: (error: unknown) => void,
): string {
  const existing = storage.peek(DEVICE_ID_KEY, isUuidV4);
  if (existing) return existing;
  const id = uuidV4(getRandomValues);
  try {
    storage.set(DEVICE_ID_KEY, id);
  } catch (e) {
    if (onWriteError) onWriteError(e);
  }
  return id;
}

/** `AP-Device-Identifier` value (spec §6.2). */
export function deviceIdentifierHeader(deviceId: string): string {
  return `fingerprint ${base64Utf8(deviceId)}`;
}
