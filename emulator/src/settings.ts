/** Run-time switches of the emulator (POST /__emulator/settings). Defaults follow emulator-decisions.md. */
export interface EmulatorSettings {
  /** Token-bucket throttling per client IP (spec §10, A17). Off by default. */
  throttling: boolean;
  throttleRatePerSec: number;
  /** One-time burst on top of the rate (spec §10: 10). */
  throttleBurst: number;
  /** Enforce the five required X-Device-Info keys and restricted values (A10). */
  strictDeviceInfo: boolean;
  /** Where "no profile" errors of decisions go: top-level 403 or item-level inside 200 (A3). */
  decisionErrorPlacement: 'top' | 'item';
  /** Authentication session / code lifetime (A7). */
  sessionTtlMs: number;
  /** DCR access token lifetime, seconds (spec §4.2). */
  accessTokenTtlS: number;
  /** Media token lifetime (spec §13: 7 minutes). */
  mediaTokenTtlMs: number;
  /** A new session for the same (client, device, sp) invalidates older pending ones (A6). */
  newSessionInvalidatesOld: boolean;
  /** Lifetime of a degraded (AuthNAll) profile (A15). */
  degradedProfileTtlMs: number;
}

export const DEFAULT_SETTINGS: EmulatorSettings = {
  throttling: false,
  throttleRatePerSec: 1,
  throttleBurst: 10,
  strictDeviceInfo: true,
  decisionErrorPlacement: 'top',
  sessionTtlMs: 1_800_000,
  accessTokenTtlS: 21_600,
  mediaTokenTtlMs: 420_000,
  newSessionInvalidatesOld: true,
  degradedProfileTtlMs: 3_600_000,
};

/** Applies a partial update, ignoring unknown keys and values of the wrong type. Returns the keys rejected. */
export function applySettings(target: EmulatorSettings, patch: unknown): string[] {
  const rejected: string[] = [];
  if (typeof patch !== 'object' || patch === null) return ['<body>'];
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (!Object.prototype.hasOwnProperty.call(DEFAULT_SETTINGS, key)) {
      rejected.push(key);
      continue;
    }
    const k = key as keyof EmulatorSettings;
    const expected = typeof DEFAULT_SETTINGS[k];
    if (k === 'decisionErrorPlacement') {
      if (value === 'top' || value === 'item') target.decisionErrorPlacement = value;
      else rejected.push(key);
    } else if (typeof value === expected && (expected !== 'number' || (Number.isFinite(value) && (value as number) >= 0))) {
      (target as unknown as Record<string, unknown>)[k] = value;
    } else {
      rejected.push(key);
    }
  }
  return rejected;
}
