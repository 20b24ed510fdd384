/**
 * Typed, redacting wrapper of the SDK Log plugin (which prints only when platformSettings.log is true;
 * warnings and errors bypass that switch, see `defaultSink`).
 * Whatever callers pass, values under secret-looking keys and bearer/JWT-looking strings are replaced
 * before anything reaches the console: tokens, client secrets, software statements, passwords and
 * media tokens must never be logged.
 */
import { Log as SdkLog } from '@lightningjs/sdk';

interface SdkLogApi {
  info(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

const SECRET_KEY =
  /token|secret|password|passwd|authorization|statement|credential|cookie|code_verifier|apikey|api_key/i;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
/** Three base64url segments: a JWT/JWS (access tokens, software statements, media tokens). */
const JWT = /\b[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g;
const QUERY_SECRET = /([?&](?:mediaToken|token|access_token|client_secret|password)=)[^&\s#]+/gi;

export const REDACTED = '[redacted]';

export function redactString(s: string): string {
  return s.replace(BEARER, `$1 ${REDACTED}`).replace(JWT, REDACTED).replace(QUERY_SECRET, `$1${REDACTED}`);
}

/** Deep copy with secrets replaced (depth-limited, cycle-safe). */
export function redact(value: unknown, depth = 0, seen: unknown[] = []): unknown {
  if (typeof value === 'string') return redactString(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 5 || seen.indexOf(value) >= 0) return '[…]';
  seen.push(value);
  if (value instanceof Error) return { name: value.name, message: redactString(value.message) };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const inner = (value as Record<string, unknown>)[key];
    out[key] = SECRET_KEY.test(key) ? REDACTED : redact(inner, depth + 1, seen);
  }
  return out;
}

const sdk = SdkLog as SdkLogApi;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

type Sink = (level: LogLevel, args: unknown[]) => void;

/**
 * Info and debug go through the SDK logger, which prints only while `platformSettings.log` is on (the dev
 * build; device builds turn it off, scripts/lib/postprocess.ts). Warnings and errors are rare and are
 * what a partner's remote inspector needs, so they reach the console either way.
 */
const defaultSink: Sink = (level, args) => {
  if (level === 'warn' || level === 'error') console[level]('[tve]', ...args);
  else sdk[level](...args);
};

/** Where redacted lines go; swappable in tests. */
let sink: Sink = defaultSink;

export function setLogSink(fn: Sink | null): void {
  sink = fn ?? defaultSink;
}

function write(level: LogLevel, message: string, data?: unknown): void {
  const args: unknown[] = [redactString(message)];
  if (data !== undefined) args.push(redact(data));
  try {
    sink(level, args);
  } catch {
    // logging must never break the app
  }
}

export const Log = {
  debug: (message: string, data?: unknown): void => write('debug', message, data),
  info: (message: string, data?: unknown): void => write('info', message, data),
  warn: (message: string, data?: unknown): void => write('warn', message, data),
  error: (message: string, data?: unknown): void => write('error', message, data),
};

/** Same shape as the flows' LoggerPort, so `Log` can be handed to the flows layer directly. */
export default Log;
