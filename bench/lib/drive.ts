/** Driving the apps in the bench (and the legacy-engine journey): keys, waits, the emulator's admin API. */
import type { startEmulator } from '../../emulator/src/server';
import { openBrowser, type BenchBrowser, type OpenOptions } from './browser';
import { READY } from './apps';

export type Emu = Awaited<ReturnType<typeof startEmulator>>;
export interface Journal {
  entries: Array<{ method: string; path: string }>;
}

export const emuRewrite = (emu: Emu) => ({
  'http://localhost:4010': emu.adobeUrl,
  'http://localhost:4020': emu.programmerUrl,
});

export async function admin<T>(emu: Emu, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${emu.adobeUrl}/__emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`admin ${path}: ${res.status}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Wait until the emulator has seen no request for `ms`: a relaunch after the app finished its work.
 * The client keeps Adobe's steady rate (one request a second, its window kept in storage: checklist 37),
 * so a reload a moment after the previous launch's last request (a late preauthorization) would time the
 * client's wait for its slot rather than the launch.
 */
export async function quietFor(emu: Emu, ms: number, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    const n = (await admin<Journal>(emu, 'GET', 'journal')).entries.length;
    if (n !== seen) {
      seen = n;
      since = Date.now();
    } else if (Date.now() - since >= ms) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the app kept sending requests for ${timeoutMs} ms`);
}

export async function press(b: BenchBrowser, keyCode: number): Promise<void> {
  await b.page.evaluate((code) => {
    const init = { keyCode: code, which: code, bubbles: true } as KeyboardEventInit;
    window.dispatchEvent(new KeyboardEvent('keydown', init));
    window.dispatchEvent(new KeyboardEvent('keyup', init));
  }, keyCode);
  await b.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
export const KEY = { left: 37, up: 38, right: 39, down: 40, enter: 13, back: 8 };

/**
 * Press `keyCode` until the app navigates (the router sets location.hash synchronously in the key
 * handler), then wait for `readyExpr`. A screen may ignore keys for a moment after it opens (the
 * catalog ignores OK for 400 ms so an OK meant for the previous screen cannot start playback): an
 * ignored press changes nothing, so pressing again is safe, and no fixed sleep has to guess the guard.
 */
export async function pressUntilNavigated(b: BenchBrowser, keyCode: number, readyExpr: string, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const moved = await b.page.evaluate((code) => {
      const before = location.hash;
      const init = { keyCode: code, which: code, bubbles: true } as KeyboardEventInit;
      window.dispatchEvent(new KeyboardEvent('keydown', init));
      window.dispatchEvent(new KeyboardEvent('keyup', init));
      return location.hash !== before;
    }, keyCode);
    if (moved) break;
    if (Date.now() > deadline) throw new Error(`key ${keyCode} did not navigate within ${timeoutMs} ms`);
    await b.page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  }
  await waitFor(b, readyExpr);
}

export async function waitFor(b: BenchBrowser, expr: string, timeoutMs = 30000): Promise<void> {
  await b.page.waitForFunction(expr, undefined, { timeout: timeoutMs, polling: 25 });
}

/** Cold launch (fresh profile) → ready, at a CPU throttle rate. */
export async function launch(o: OpenOptions, rate: number): Promise<{ ms: number; b: BenchBrowser }> {
  const b = await openBrowser(o);
  await b.throttle(rate);
  await b.page.goto(b.url);
  return { ms: await b.readyAt(), b };
}

/** Our first-launch journey: providers → first provider → code → admin completes → catalog. */
export async function signIn(b: BenchBrowser, emu: Emu): Promise<number> {
  await press(b, KEY.enter);
  await waitFor(b, `window.__tveJourney && window.__tveJourney.activationCode`);
  const code = await b.page.evaluate(
    () => (window as unknown as { __tveJourney: { activationCode: string } }).__tveJourney.activationCode,
  );
  const fixtures = await admin<{ subscribers: Array<{ username: string; password: string }> }>(emu, 'GET', 'fixtures');
  const alice = fixtures.subscribers.find((s) => s.username === 'alice')!;
  const t0 = Date.now();
  await admin(emu, 'POST', `sessions/${code}/complete`, { username: alice.username, password: alice.password });
  await waitFor(b, READY.catalog, 60000);
  return Date.now() - t0;
}

/** Warm launch: reload with the stored state → ready. */
export async function reload(b: BenchBrowser): Promise<number> {
  await b.page.reload();
  return b.readyAt();
}
