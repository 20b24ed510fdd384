/**
 * A minimal W3C WebDriver client over fetch: the few commands the WPE lane needs (session, navigate,
 * execute script, key actions, screenshot). WPEWebDriver speaks plain W3C; a full client library would
 * bring hundreds of files for these eight requests.
 */

export interface WebDriverError extends Error {
  /** W3C error code, e.g. "javascript error", "no such window". */
  code?: string;
}

/** W3C key values for the remote keys the app maps (Backspace = Back on RDK, 8). */
export const WD_KEYS = {
  Up: '\uE013',
  Down: '\uE015',
  Left: '\uE012',
  Right: '\uE014',
  Enter: '\uE007',
  Back: '\uE003',
  Escape: '\uE00C',
} as const;

export type WdKeyName = keyof typeof WD_KEYS;

async function call<T>(base: string, method: string, path: string, body?: unknown, timeoutMs = 60000): Promise<T> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  let res: Response;
  try {
    res = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: ctrl.signal,
    });
  } catch (e) {
    const why = ctrl.signal.aborted ? `no answer within ${timeoutMs} ms` : (e as Error).message;
    throw new Error(`WebDriver ${method} ${path}: ${why}`);
  } finally {
    clearTimeout(timer);
  }
  const text = await res.text();
  let parsed: { value?: unknown } = {};
  try {
    parsed = text ? (JSON.parse(text) as { value?: unknown }) : {};
  } catch {
    throw new Error(`WebDriver ${method} ${path}: HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`);
  }
  const value = parsed.value as { error?: string; message?: string } | undefined;
  if (!res.ok || (value && typeof value === 'object' && typeof value.error === 'string')) {
    const err: WebDriverError = new Error(
      `WebDriver ${method} ${path}: ${value?.error ?? res.status}: ${value?.message ?? text.slice(0, 200)}`,
    );
    err.code = value?.error;
    throw err;
  }
  return parsed.value as T;
}

export interface Session {
  id: string;
  capabilities: Record<string, unknown>;
  navigate(url: string): Promise<void>;
  /** Run `script` (a function body; `arguments[i]` are the args) and return its JSON result. */
  execute<T>(script: string, args?: unknown[]): Promise<T>;
  /** Like execute, but the body calls `arguments[arguments.length - 1](result)` when done. */
  executeAsync<T>(script: string, args?: unknown[]): Promise<T>;
  /**
   * Press and release each key through WebDriver input actions (real key events in the engine),
   * `gapMs` apart, in one request.
   */
  keys(values: string[], gapMs?: number): Promise<void>;
  /** The engine's own PNG of the viewport. */
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

/** Wait until the driver at `base` answers /status with ready. */
export async function waitForDriver(base: string, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      await call<unknown>(base, 'GET', '/status', undefined, 2000);
      return;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebDriver at ${base} did not answer within ${timeoutMs} ms (${last})`);
}

export async function newSession(base: string, capabilities: Record<string, unknown>): Promise<Session> {
  const created = await call<{ sessionId: string; capabilities: Record<string, unknown> }>(
    base,
    'POST',
    '/session',
    { capabilities: { alwaysMatch: capabilities } },
    60000,
  );
  const id = created.sessionId;
  const s = `/session/${id}`;
  await call(base, 'POST', `${s}/timeouts`, { script: 30000, pageLoad: 60000 });
  return {
    id,
    capabilities: created.capabilities,
    navigate: async (url) => {
      await call(base, 'POST', `${s}/url`, { url });
    },
    execute: (script, args = []) => call(base, 'POST', `${s}/execute/sync`, { script, args }),
    executeAsync: (script, args = []) => call(base, 'POST', `${s}/execute/async`, { script, args }),
    keys: async (values, gapMs = 0) => {
      const actions: Array<{ type: string; value?: string; duration?: number }> = [];
      values.forEach((v, i) => {
        if (i > 0 && gapMs > 0) actions.push({ type: 'pause', duration: gapMs });
        actions.push({ type: 'keyDown', value: v }, { type: 'keyUp', value: v });
      });
      await call(base, 'POST', `${s}/actions`, { actions: [{ type: 'key', id: 'remote', actions }] });
      await call(base, 'DELETE', `${s}/actions`);
    },
    screenshot: async () => Buffer.from(await call<string>(base, 'GET', `${s}/screenshot`), 'base64'),
    close: async () => {
      await call(base, 'DELETE', s, undefined, 15000);
    },
  };
}
