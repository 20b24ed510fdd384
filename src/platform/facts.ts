/** What a platform's own APIs say about the device (everything optional: older models answer less). */
export interface PlatformFacts {
  /** A hardware-linked id (hashed before use: src/platform/identity.ts). */
  hardwareId?: { source: 'firebolt-uid' | 'tizen-duid' | 'webos-lgudid'; value: string };
  make?: string;
  model?: string;
  /** Firmware / device software version. */
  firmware?: string;
  osVersion?: string;
  /** RDK: the operator that distributes the box (X-Device-Info `vendor`). */
  distributor?: string;
}

/** Call a vendor getter that may be missing or throw (old firmware, missing privilege). */
export function safeString(fn: (() => unknown) | undefined): string | undefined {
  if (!fn) return undefined;
  try {
    const v = fn();
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  } catch {
    return undefined;
  }
}
