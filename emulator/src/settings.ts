/**
 * Run-time switches of the emulator (POST /__emulator/settings). Defaults follow Adobe's documented behaviour;
 * a switch that makes the emulator harsher than Adobe's usual answer is off by default (emulator/README.md).
 */
export interface EmulatorSettings {
  /** Throttling per client IP in Adobe's model (spec §10): on, as Adobe always throttles. */
  throttling: boolean;
  throttleRatePerSec: number;
  /** One-time burst on top of the rate (spec §10: 10), never refilled. */
  throttleBurst: number;
  /** Enforce the five required X-Device-Info keys and restricted values (A10). */
  strictDeviceInfo: boolean;
  /**
   * "No profile" errors of decisions: `item` = inside an HTTP 200 (Adobe lists no 403 for the decisions
   * endpoints); `top` = the error as the whole body with HTTP 400 (a status Adobe lists for them).
   */
  decisionErrorPlacement: 'top' | 'item';
  /**
   * How decisions echo `resource`: `exact` (byte for byte), `whitespace` (a trailing space, as in Adobe's
   * preauthorization sample) or `rewrite` (MRSS re-serialised the way an MVPD may: layout, CDATA, quotes).
   */
  decisionResourceEcho: 'exact' | 'whitespace' | 'rewrite';
  /** Logout `url` relative to the Adobe host (`/adobe-services/logout?…`, Adobe's SSO samples) instead of absolute. */
  relativeLogoutUrls: boolean;
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
  /** Fixture switch: 0 = the standard MVPDs; N > 0 = DEMOTV's configuration lists N MVPDs (generated ones added). */
  mvpdCount: number;
  /** Fixture switch for the programmer catalog: `standard`, `large` (20 rows × 40 titles) or `<rows>x<titles>`. */
  catalog: string;
}

export const DEFAULT_SETTINGS: EmulatorSettings = {
  throttling: true,
  throttleRatePerSec: 1,
  throttleBurst: 10,
  strictDeviceInfo: true,
  decisionErrorPlacement: 'item',
  decisionResourceEcho: 'exact',
  relativeLogoutUrls: false,
  sessionTtlMs: 1_800_000,
  accessTokenTtlS: 21_600,
  mediaTokenTtlMs: 420_000,
  newSessionInvalidatesOld: true,
  degradedProfileTtlMs: 3_600_000,
  mvpdCount: 0,
  catalog: 'standard',
};

/** Upper bounds that keep a typo from eating the machine. */
export const MAX_MVPDS = 5000;
export const MAX_CATALOG_ROWS = 50;
export const MAX_CATALOG_TITLES = 200;

const ENUMS: Partial<Record<keyof EmulatorSettings, readonly string[]>> = {
  decisionErrorPlacement: ['top', 'item'],
  decisionResourceEcho: ['exact', 'whitespace', 'rewrite'],
};

/** `standard` → null; `large` → 20 × 40; `RxT` → R × T; anything else → undefined (invalid). */
export function catalogSize(value: string): { rows: number; titlesPerRow: number } | null | undefined {
  if (value === 'standard') return null;
  if (value === 'large') return { rows: 20, titlesPerRow: 40 };
  const m = /^(\d{1,3})x(\d{1,4})$/.exec(value);
  if (!m) return undefined;
  const rows = Number(m[1]);
  const titlesPerRow = Number(m[2]);
  if (rows < 1 || titlesPerRow < 1 || rows > MAX_CATALOG_ROWS || titlesPerRow > MAX_CATALOG_TITLES) return undefined;
  return { rows, titlesPerRow };
}

function valid(key: keyof EmulatorSettings, value: unknown): boolean {
  const allowed = ENUMS[key];
  if (allowed) return typeof value === 'string' && allowed.includes(value);
  if (key === 'catalog') return typeof value === 'string' && catalogSize(value) !== undefined;
  if (key === 'mvpdCount') return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_MVPDS;
  const expected = typeof DEFAULT_SETTINGS[key];
  if (typeof value !== expected) return false;
  return expected !== 'number' || (Number.isFinite(value) && (value as number) >= 0);
}

/** Applies a partial update, ignoring unknown keys and values of the wrong type. Returns the keys rejected. */
export function applySettings(target: EmulatorSettings, patch: unknown): string[] {
  const rejected: string[] = [];
  if (typeof patch !== 'object' || patch === null) return ['<body>'];
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (!Object.prototype.hasOwnProperty.call(DEFAULT_SETTINGS, key) || !valid(key as keyof EmulatorSettings, value)) {
      rejected.push(key);
      continue;
    }
    (target as unknown as Record<string, unknown>)[key] = value;
  }
  return rejected;
}
