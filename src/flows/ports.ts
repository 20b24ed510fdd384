/**
 * What the flows need from the outside world, injected so they run anywhere (TV, tests under a fake
 * clock, another app). Nothing here imports the platform layer: the app hands its objects in.
 */

type MaybePromise<T> = T | Promise<T>;

/**
 * Durable key/value storage of JSON values, namespaced by the platform layer, which owns the one
 * envelope (serialising, versioning, migrating). `get` resolves undefined when the key is absent and
 * rejects/throws when the entry is unreadable; `set` rejects/throws when the value was not stored.
 * `secret` marks credentials and tokens: the platform keeps them in its secure store where it has one.
 */
export interface StoragePort {
  get(key: string, options?: { secret?: boolean }): MaybePromise<unknown>;
  set(key: string, value: unknown, options?: { secret?: boolean }): MaybePromise<void>;
  remove(key: string, options?: { secret?: boolean }): MaybePromise<void>;
}

export interface ClockPort {
  now(): number;
}

export interface TimersPort {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LoggerPort {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** What the platform layer provides: the two device headers (§6.2, §6.3) and durable storage. */
export interface PlatformPort {
  deviceIdentifierHeader(): string;
  deviceInfoHeader(): string;
  storage: StoragePort;
}

/**
 * The programmer backend's promotional-TempPass pairing (src/catalog/trial-pairing.ts): a short code the TV
 * shows, and, once the viewer gave an email on the phone, that email's SHA-256 hash — never the email.
 */
export interface TrialPairingPort {
  create(): Promise<{ code: string; notAfter: number }>;
  /** `expired` when the backend no longer knows the code. Throws on transport/server failures. */
  check(
    code: string,
  ): Promise<{ status: 'pending' } | { status: 'ready'; identityHash: string } | { status: 'expired' }>;
}

export interface FlowPorts {
  /** Promotional TempPass pairing with the programmer backend; absent: promotional TempPass is not offered. */
  trialPairing?: TrialPairingPort;
  platform: PlatformPort;
  /** Told when the user becomes signed in or signed out (the platform tells the TV, e.g. Firebolt Discovery). */
  onSignInChange?: (signedIn: boolean) => void;
  clock?: ClockPort;
  timers?: TimersPort;
  logger?: LoggerPort;
  /** Waiting between retries inside the pass client (defaults to timers-based sleep). */
  sleep?: (ms: number) => Promise<void>;
}

export const systemClock: ClockPort = { now: () => Date.now() };

export const systemTimers: TimersPort = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const silent = () => undefined;
export const silentLogger: LoggerPort = { debug: silent, info: silent, warn: silent, error: silent };

/** Keys whose values are never logged (tokens, secrets, passwords, statements, media tokens). */
const SECRET_KEY = /token|secret|password|authorization|statement|credential|cookie/i;
const BEARER = /Bearer\s+[^\s"',]+/gi;

/** Replace secret-looking values, recursively; strings are scrubbed of bearer tokens. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(BEARER, 'Bearer [redacted]');
  if (depth > 4 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const inner = (value as Record<string, unknown>)[key];
    out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(inner, depth + 1);
  }
  return out;
}

/** Wraps a logger so nothing secret reaches it, whatever a caller passes. */
export function redactingLogger(inner: LoggerPort): LoggerPort {
  const wrap = (level: keyof LoggerPort) => (message: string, data?: Record<string, unknown>) =>
    inner[level](redact(message) as string, data === undefined ? undefined : (redact(data) as Record<string, unknown>));
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}
