/**
 * Issue #16 item 4: two browser fault rows, written apart from faults.e2e.test.ts so they can be folded
 * into its table (same columns, kit.ts helpers, build/ with 3 s polling).
 *
 *  1. Adobe's 429 as a TV app sees it. Adobe answers a throttled request with an HTML page and no
 *     Access-Control-Allow-Origin, so a web page gets a network error with no status at all, not a 429.
 *     A local server answers exactly that (HTML 429, no CORS headers) to the configuration request of
 *     the picker and to one poll of the code (browser routes send those two requests there). It must cost the viewer about a second: the
 *     next request waits ≥ 1 s (§10: after a 429 wait at least 1 s; a poll also keeps its ≥ 3 s
 *     cadence), no message, the journey goes on.
 *  2. The code screen left alone. Each code expires on the emulator clock (advanced past the session
 *     lifetime); after one automatic new code the polling stops and "Get a new code" is focused; pressing
 *     it starts again.
 */
import type { Route } from 'playwright-core';
import type { AppSession } from '../harness';
import {
  closeServers,
  focusedPanel,
  journey,
  launchOn,
  startFaultHarness,
  type FaultHarness,
  type RowReport,
} from './kit';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../harness';

/** Adobe's throttling page (emulator/src/adobe/throttle.ts has the same text), served without CORS headers. */
const ADOBE_429 =
  '<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n<body>\r\n<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>openresty</center>\r\n</body>\r\n</html>\r\n';
/** The emulator's default session (code) lifetime: 30 min (emulator/src/settings.ts). */
const SESSION_TTL_MS = 30 * 60_000;
const POLL_MS = 3000;

let h: FaultHarness;
let app: AppSession;
const rows: RowReport[] = [];

/**
 * Adobe's throttled answer, for real: an HTTP server that answers every request with the 429 page and
 * no CORS headers. The browser applies CORS to it, so the app sees what a TV app sees from Adobe: a
 * failed request with no status and no body. (A route.fulfill() answer would not do: Playwright lets
 * the page read it, status 429 included.)
 */
let adobe429: Server;
let adobe429Url = '';
let served429 = 0;

/** Sends the first request matching `pattern` to the 429 server, lets later ones through; records when each was sent. */
async function throttleOnce(pattern: RegExp): Promise<{ sent: number[]; unroute(): Promise<void> }> {
  const sent: number[] = [];
  const handler = async (route: Route) => {
    if (route.request().method() === 'OPTIONS') return route.continue();
    sent.push(Date.now());
    if (sent.length === 1) return route.continue({ url: `${adobe429Url}${new URL(route.request().url()).pathname}` });
    return route.continue();
  };
  await app.context.route(pattern, handler);
  return { sent, unroute: () => app.context.unroute(pattern, handler) };
}

const codeOnScreen = () =>
  app.page.waitForFunction(
    () => !!(window as unknown as { __tveJourney?: { activationCode: string | null } }).__tveJourney?.activationCode,
    undefined,
    { timeout: 20000 },
  );

const polls = async (since: number) => (await h.journalSince(since)).filter((e) => /\/profiles\/code\//.test(e.path));
const sessionsCreated = async (since: number) =>
  (await h.journalSince(since)).filter((e) => e.method === 'POST' && /\/sessions$/.test(e.path));

beforeAll(async () => {
  h = await startFaultHarness();
  adobe429 = createServer((_req, res) => {
    served429++;
    res.writeHead(429, { 'content-type': 'text/html' }).end(ADOBE_429);
  });
  await new Promise<void>((ok) => adobe429.listen(0, '127.0.0.1', () => ok()));
  adobe429Url = `http://127.0.0.1:${(adobe429.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (app) await app.close();
  if (h) await h.close();
  await closeServers();
  await new Promise<void>((ok) => (adobe429 ? adobe429.close(() => ok()) : ok()));
  if (rows.length) {
    const lines = [
      '| phase | fault injected | what the TV shows | focused way forward | requests while faulty | after the fault clears |',
      '|---|---|---|---|---:|---|',
      ...rows.map(
        (r) =>
          `| ${r.phase} | ${r.fault} | ${r.shown.replace(/\|/g, '/')} | ${r.wayForward} | ${r.requests} | ${r.recovered} |`,
      ),
    ];
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(join(ROOT, 'test-results', 'fault-browser-throttle-renewal.md'), lines.join('\n') + '\n');
    process.stdout.write(`\nFault rows in the TV app (Chromium): throttling and code renewal\n\n${lines.join('\n')}\n`);
  }
});

test('sign-in: Adobe 429 without CORS headers (no status in the browser) on the configuration and on a poll → the TV waits ≥ 1 s and goes on, no message', async () => {
  app = await launchOn(h);
  await app.waitForState((s) => s.route === 'providers' && /Tile/.test(s.focusPath.join('/')), 45000);

  // The picker after a relaunch (the configuration is cached in memory only): its request is throttled.
  const config = await throttleOnce(/\/api\/v2\/[^/]+\/configuration(\?|$)/);
  const reloaded = Date.now();
  await app.page.reload();
  await app.waitForState((s) => s.route === 'providers' && /Tile/.test(s.focusPath.join('/')), 30000);
  const pickerMs = Date.now() - reloaded;
  await config.unroute();
  expect(await focusedPanel(app)).toBeNull();
  expect(served429).toBe(1); // the app really got Adobe's status-less 429
  expect(config.sent.length).toBeGreaterThanOrEqual(2); // the throttled request, then the one that listed the providers
  const configWait = config.sent[1]! - config.sent[0]!;
  expect(configWait).toBeGreaterThanOrEqual(1000);

  // A poll of the code is throttled: the next poll keeps the cadence (≥ 3 s, so also ≥ 1 s).
  const since = await h.lastSeq();
  const poll = await throttleOnce(/\/profiles\/code\//);
  await app.press('Enter');
  await codeOnScreen();
  const code = (await journey(app))!.code!;
  const deadline = Date.now() + 20000;
  while (poll.sent.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(poll.sent.length).toBeGreaterThanOrEqual(2);
  const pollWait = poll.sent[1]! - poll.sent[0]!;
  expect(pollWait).toBeGreaterThanOrEqual(POLL_MS - 5);
  expect((await journey(app))!.code).toBe(code); // same code, no message, still waiting for the viewer
  expect(await focusedPanel(app)).toBeNull();
  await h.complete(code, 'alice');
  await app.waitForState((s) => s.route === 'activate' && s.focusedLabel === 'Start watching', 15000);
  await poll.unroute();
  expect((await polls(since)).every((p) => p.status < 400)).toBe(true);
  rows.push({
    phase: 'sign-in (throttled)',
    fault: 'Adobe 429 page without CORS headers (no status in the browser), once on configuration, once on a poll',
    shown: `no message: the picker ${(pickerMs / 1000).toFixed(1)} s after the relaunch (configuration asked again after ${configWait} ms); the code stays (next poll after ${pollWait} ms)`,
    wayForward: 'none needed',
    requests: config.sent.length + poll.sent.length,
    recovered: 'providers listed; sign-in completed',
  });
});

test('code screen left alone: the code expires (emulator clock), one automatic new code, then polling stops with "Get a new code" focused; pressing it starts again', async () => {
  if (app) await app.close();
  app = await launchOn(h);
  // A fresh browser profile: a new TV, signed out.
  await app.waitForState((s) => s.route === 'providers' && /Tile/.test(s.focusPath.join('/')), 45000);
  const since = await h.lastSeq();
  await app.press('Enter');
  await codeOnScreen();
  const first = (await journey(app))!.code!;

  // First expiry: the next poll finds the code gone; the TV shows a new one by itself.
  await h.admin('POST', 'clock/advance', { ms: SESSION_TTL_MS + 60_000 });
  await app.page.waitForFunction(
    (old) => {
      const c = (window as unknown as { __tveJourney?: { activationCode: string | null } }).__tveJourney
        ?.activationCode;
      return !!c && c !== old;
    },
    first,
    { timeout: 15000 },
  );
  const second = (await journey(app))!.code!;

  // Second expiry: no third code; polling stops.
  await h.admin('POST', 'clock/advance', { ms: SESSION_TTL_MS + 60_000 });
  const stopDeadline = Date.now() + 15000;
  while (Date.now() < stopDeadline) {
    if ((await polls(since)).some((p) => p.path.endsWith(second) && p.status >= 400)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 500)); // the TV's reaction to that answer
  const seq = await h.lastSeq();
  await new Promise((r) => setTimeout(r, 2 * POLL_MS + 1500)); // two intervals: nothing may be sent
  const after = await h.journalSince(seq);
  const created = await sessionsCreated(since);
  const state = await app.state();
  expect(after.map((e) => `${e.method} ${e.path}`)).toEqual([]);
  expect(created).toHaveLength(2); // the first code and one automatic renewal
  expect(state.focusedLabel).toBe('Get a new code');
  await app.screenshot('fault-code-renewal-stopped');

  // The viewer comes back: "Get a new code" works.
  const before = await h.lastSeq();
  await app.press('Enter');
  await app.page.waitForFunction(
    (old) => {
      const c = (window as unknown as { __tveJourney?: { activationCode: string | null } }).__tveJourney
        ?.activationCode;
      return !!c && c !== old;
    },
    second,
    { timeout: 15000 },
  );
  const third = (await journey(app))!.code!;
  await new Promise((r) => setTimeout(r, POLL_MS + 1000));
  expect((await polls(before)).some((p) => p.path.endsWith(third))).toBe(true);
  rows.push({
    phase: 'code screen left alone',
    fault: 'the code expires twice (emulator clock +31 min each time)',
    shown: `one new code by itself (${first} → ${second}), then polling stops`,
    wayForward: state.focusedLabel ?? '',
    requests: created.length,
    recovered: `Get a new code → ${third}, polled again`,
  });
});

test('no page errors', () => {
  expect(app.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
});
