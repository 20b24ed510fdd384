/**
 * Issue #6 item 2, in the real TV app (Chromium, build/): one row per phase, in journey order on one
 * app session. Each row injects a representative fault at that phase, asserts what the screen shows
 * (a titled message panel with a focused way forward, or for preauthorization a toast with the
 * catalog still usable), that the requests stayed bounded, then clears the fault, presses the way
 * forward and asserts the journey continues. The full phase × fault matrix runs in Node
 * (test/flows-faults); these rows prove the screens wire those failures to a way out.
 */
import type { AppSession } from '../harness';
import {
  closeServers,
  journey,
  launchOn,
  printRows,
  startFaultHarness,
  waitForPanel,
  type FaultHarness,
  type RowReport,
} from './kit';

const SP = 'DEMOTV';
const PERSISTENT = 1000;
let h: FaultHarness;
let app: AppSession;
const rows: RowReport[] = [];
let since = 0;

const arm = async (path: string, fault: unknown) => {
  since = await h.lastSeq();
  await h.admin('POST', 'faults', { match: { path }, count: PERSISTENT, fault });
};
const clear = () => h.admin('DELETE', 'faults');
/** Adobe Pass requests (DCR + REST V2) since the fault was armed; MVPD logos are not counted. */
const requestsSince = async () =>
  (await h.journalSince(since)).filter((e) => /^\/(api\/v2|o\/client)\//.test(e.path)).length;
const rest = (suffix: string) => `^/api/v2/${SP}/${suffix}`;

async function wayForward(expected: string): Promise<string> {
  const s = await app.waitForState((st) => st.focusedLabel === expected, 15000);
  return s.focusedLabel ?? '';
}

async function toAccount(): Promise<void> {
  for (let i = 0; i < 8 && (await app.state()).focusedLabel !== 'Account'; i++) await app.press('Up');
  await app.press('Enter');
  await app.waitForState((s) => s.route === 'account' && s.ready);
}

async function toCatalogFromAccount(): Promise<void> {
  await app.press('Back');
  await app.waitForState((s) => s.route === 'catalog' && s.ready, 20000);
}

/** Back on the catalog the focus may sit on the Account button: move down to a poster. */
async function focusPoster(): Promise<void> {
  await app.waitForState((s) => s.route === 'catalog' && s.ready, 20000);
  for (let i = 0; i < 4 && !/PosterTile/.test((await app.state()).focusPath.join('/')); i++) await app.press('Down');
  await app.waitForState((s) => /PosterTile/.test(s.focusPath.join('/')), 5000);
  // The catalog ignores OK for 400 ms after it opens (an OK meant for the previous screen must not start
  // playback); a test pressing OK right after coming back would be ignored, so let that window pass.
  await app.page.waitForTimeout(500);
}

beforeAll(async () => {
  h = await startFaultHarness();
});

afterAll(async () => {
  if (app) await app.close();
  if (h) await h.close();
  await closeServers();
  if (rows.length) printRows(rows);
});

test('registration: DCR answers 503 → splash message with Retry; Retry after the fault clears reaches the provider picker', async () => {
  await arm('^/o/client/', { type: 'status', status: 503, body: 'unavailable' });
  app = await launchOn(h);
  const panel = await waitForPanel(app);
  expect(panel.title).toMatch(/could not start/i);
  expect(panel.message.length).toBeGreaterThan(0);
  const forward = await wayForward('Retry');
  expect((await app.state()).route).toBe('splash');
  await app.screenshot('fault-registration');
  const requests = await requestsSince();
  await clear();
  await app.press('Enter');
  await app.waitForState((s) => s.route === 'providers' && /Tile/.test(s.focusPath.join('/')), 30000);
  rows.push({
    phase: 'registration',
    fault: 'DCR 503 (persistent)',
    shown: `${panel.title}: ${panel.message}`,
    wayForward: forward,
    requests,
    recovered: 'Retry → provider picker',
  });
});

test('profiles: corrupt storage + dropped profiles request on relaunch → splash message with Retry; Retry recovers', async () => {
  await arm(rest('profiles$'), { type: 'drop' });
  await app.close();
  const garbage = {
    'tve.adobePass.DEMOTV.client': '{not json',
    'tve.adobePass.DEMOTV.token': '[]',
    'tve.adobePass.DEMOTV.provider': '{"v":1,"data":{"id":42}}',
    'tve.adobePass.DEMOTV.profile': 'null',
    'tve.deviceId': '"\\u0000"',
  };
  app = await launchOn(h, garbage);
  const panel = await waitForPanel(app);
  expect(panel.title).toMatch(/could not start/i);
  const forward = await wayForward('Retry');
  await app.screenshot('fault-profiles');
  const requests = await requestsSince();
  await clear();
  await app.press('Enter');
  await app.waitForState((s) => s.route === 'providers' && /Tile/.test(s.focusPath.join('/')), 30000);
  rows.push({
    phase: 'profiles',
    fault: 'garbage in storage, then GET profiles dropped',
    shown: `${panel.title}: ${panel.message}`,
    wayForward: forward,
    requests,
    recovered: 'Retry → provider picker (storage rewritten)',
  });
});

test('configuration: malformed configuration → provider picker message with Retry; Retry lists the providers', async () => {
  await arm(rest('configuration$'), { type: 'malformed' });
  await app.page.reload(); // the configuration is cached in memory: a relaunch asks again
  const panel = await waitForPanel(app);
  expect((await app.state()).route).toBe('providers');
  expect(panel.message.length).toBeGreaterThan(0);
  const forward = await wayForward('Retry');
  await app.screenshot('fault-configuration');
  const requests = await requestsSince();
  await clear();
  await app.press('Enter');
  const s = await app.waitForState((st) => st.route === 'providers' && /Tile/.test(st.focusPath.join('/')), 20000);
  expect(s.focusedLabel).toBeTruthy();
  rows.push({
    phase: 'configuration',
    fault: '200 with broken JSON',
    shown: `${panel.title}: ${panel.message}`,
    wayForward: forward,
    requests,
    recovered: 'Retry → provider tiles',
  });
});

test('sessions: POST sessions answers an enhanced error (retry action) → "Sign-in did not complete" with Try again; Try again shows a code', async () => {
  await arm(rest('sessions$'), {
    type: 'enhanced-error',
    status: 403,
    code: 'network_connection_timeout',
    action: 'retry',
  });
  await app.press('Enter'); // the focused provider
  const panel = await waitForPanel(app);
  expect((await app.state()).route).toBe('activate');
  expect(panel.title).toMatch(/did not complete/i);
  const forward = await wayForward('Try again');
  await app.screenshot('fault-sessions');
  const requests = await requestsSince();
  await clear();
  await app.press('Enter');
  await app.page.waitForFunction(
    () => !!(window as unknown as { __tveJourney?: { activationCode: string | null } }).__tveJourney?.activationCode,
    undefined,
    { timeout: 20000 },
  );
  rows.push({
    phase: 'sessions',
    fault: 'enhanced error network_connection_timeout (action retry)',
    shown: `${panel.title}: ${panel.message}`,
    wayForward: forward,
    requests,
    recovered: 'Try again → new code on screen',
  });
});

test('polling: throttling on while the code is shown → polling stops with a message and Try again; after it clears, sign-in completes', async () => {
  since = await h.lastSeq();
  await h.admin('POST', 'settings', { throttling: true, throttleRatePerSec: 0, throttleBurst: 0 });
  const panel = await waitForPanel(app, 60000);
  expect(panel.title).toMatch(/did not complete/i);
  const forward = await wayForward('Try again');
  await app.screenshot('fault-polling');
  const requests = await requestsSince();
  await new Promise((r) => setTimeout(r, 4000)); // no poll runs after the failure
  const after = await requestsSince();
  expect(after).toBe(requests);
  await h.admin('POST', 'settings', { throttling: false });
  // Preauthorization fails from here on (next row), so arm it before the catalog opens.
  await app.press('Enter');
  await app.page.waitForFunction(
    () => !!(window as unknown as { __tveJourney?: { activationCode: string | null } }).__tveJourney?.activationCode,
    undefined,
    { timeout: 20000 },
  );
  const code = (await journey(app))!.code!;
  await arm(rest('decisions/preauthorize/'), { type: 'status', status: 503, body: 'unavailable' });
  await h.complete(code, 'alice');
  await app.waitForState((s) => s.route === 'catalog' && s.ready, 30000);
  rows.push({
    phase: 'polling',
    fault: 'throttling on (every request 429)',
    shown: `${panel.title}: ${panel.message}`,
    wayForward: forward,
    requests,
    recovered: 'Try again → new code → signed in → catalog',
  });
});

test('preauthorization: 503 on every batch → catalog still browsable with a toast; leaving and coming back after the fault clears unlocks titles', async () => {
  const toast = (await app.waitForState((s) => !!s.toast, 20000)).toast!;
  expect(toast).toMatch(/could not check/i);
  const titles = (await journey(app))!.titles;
  expect(titles.length).toBeGreaterThan(0);
  expect(titles.every((t) => t.access === 'unknown')).toBe(true);
  const s = await app.state();
  expect(s.focusPath.join('/')).toMatch(/PosterTile/);
  await app.screenshot('fault-preauthorization');
  const requests = await requestsSince();
  await clear();
  await toAccount();
  await toCatalogFromAccount();
  await app.page.waitForFunction(
    () =>
      (window as unknown as { __tveJourney: { titles(): Array<{ access: string }> } }).__tveJourney
        .titles()
        .some((t) => t.access === 'unlocked'),
    undefined,
    { timeout: 20000 },
  );
  rows.push({
    phase: 'preauthorization',
    fault: '503 on every preauthorize batch',
    shown: `toast: ${toast}; titles shown as "unknown"`,
    wayForward: `focus stays on a poster (${s.focusedLabel ?? 'tile'})`,
    requests,
    recovered: 'Account → Back: titles unlocked',
  });
});

test('authorization: dropped authorize → player message with Retry; Retry after the fault clears plays', async () => {
  await focusPoster();
  await arm(rest('decisions/authorize/'), { type: 'drop' });
  await app.press('Enter');
  const panel = await waitForPanel(app);
  expect((await app.state()).route).toMatch(/^play/);
  expect(panel.message.length).toBeGreaterThan(0);
  const forward = await wayForward('Retry');
  await app.screenshot('fault-authorization');
  const requests = await requestsSince();
  if (process.env.FAULTS_DEBUG)
    console.log((await h.journalSince(since)).map((e) => `${e.method} ${e.path} ${e.status}`).join('\n'));
  await clear();
  await app.press('Enter');
  await app.page.waitForFunction(
    () =>
      /starting|playing/.test(
        String((window as unknown as { __tveJourney: { playerPhase: string | null } }).__tveJourney.playerPhase),
      ),
    undefined,
    { timeout: 30000 },
  );
  rows.push({
    phase: 'authorization',
    fault: 'connection dropped on authorize',
    shown: `${panel.title}: ${panel.message}`,
    wayForward: forward,
    requests,
    recovered: 'Retry → playback starts',
  });
  await app.press('Back');
  await app.waitForState((s) => s.route === 'catalog' && s.ready, 20000);
});

test('media: the stream answers 503 → "Playback stopped" style message with Retry; Retry after it clears plays', async () => {
  await focusPoster();
  let mediaRequests = 0;
  await app.context.route(/\/media\//, (route) => {
    mediaRequests++;
    return route.fulfill({ status: 503, body: 'unavailable' });
  });
  since = await h.lastSeq();
  await app.press('Enter');
  const panel = await waitForPanel(app, 45000);
  expect((await app.state()).route).toMatch(/^play/);
  const forward = await wayForward('Retry');
  await app.screenshot('fault-media');
  await app.context.unroute(/\/media\//);
  await app.press('Enter');
  await app.page.waitForFunction(
    () =>
      (window as unknown as { __tveJourney: { playerPhase: string | null } }).__tveJourney.playerPhase === 'playing',
    undefined,
    { timeout: 45000 },
  );
  rows.push({
    phase: 'media',
    fault: 'stream URL answers 503 (browser-side route)',
    shown: `${panel.title}: ${panel.message}`,
    wayForward: forward,
    requests: mediaRequests,
    recovered: 'Retry → new authorization → playing',
  });
  expect(mediaRequests).toBeLessThanOrEqual(20);
  await app.press('Back');
  await app.waitForState((s) => s.route === 'catalog' && s.ready, 20000);
});

test('logout: 5xx on logout → "Sign-out did not complete" with Retry; Retry signs out to the provider picker', async () => {
  await toAccount();
  await arm(rest('logout/'), { type: 'status', status: 500, body: 'oops' });
  const account = await app.state();
  expect(account.focusedLabel).toBe('Sign out');
  await app.press('Enter');
  await app.waitForState((s) => s.focusedLabel === 'Sign out' && s.dialog !== null, 10000).catch(() => undefined);
  await app.press('Enter'); // confirm
  const panel = await waitForPanel(app);
  expect(panel.title).toMatch(/sign-out did not complete/i);
  const forward = await wayForward('Retry');
  await app.screenshot('fault-logout');
  const requests = await requestsSince();
  await clear();
  await app.press('Enter');
  await app.waitForState((s) => s.route === 'providers' && s.ready, 20000);
  rows.push({
    phase: 'logout',
    fault: 'HTTP 500 on logout',
    shown: `${panel.title}: ${panel.message}`,
    wayForward: forward,
    requests,
    recovered: 'Retry → signed out, provider picker',
  });
});

test('emulator restarted mid-journey (signed in, catalog on screen) → playing a title shows the service message, Sign in leads to the provider picker, sign-in works again; after a second restart the TV leads to sign-in again', async () => {
  await app.waitForState((s) => s.route === 'providers' && /Tile/.test(s.focusPath.join('/')), 20000);
  await app.press('Enter');
  await app.page.waitForFunction(
    () => !!(window as unknown as { __tveJourney?: { activationCode: string | null } }).__tveJourney?.activationCode,
    undefined,
    { timeout: 20000 },
  );
  await h.complete((await journey(app))!.code!, 'alice');
  await focusPoster();
  await h.restart(); // every client, token, session and profile is gone
  since = 0;
  await app.press('Enter');
  const panel = await waitForPanel(app);
  expect((await app.state()).route).toMatch(/^play/);
  expect(panel.message.length).toBeGreaterThan(0); // Adobe's message (authenticated_profile_missing)
  const forward = (await app.state()).focusedLabel ?? '';
  expect(forward).toBe('Sign in'); // the sign-in is gone: the focused way forward is signing in again
  await app.screenshot('fault-restart');
  const requests = await requestsSince();
  await app.press('Enter');
  await app.waitForState((s) => s.route === 'providers' && /Tile/.test(s.focusPath.join('/')), 20000);
  await app.press('Enter');
  await app.page.waitForFunction(
    () => !!(window as unknown as { __tveJourney?: { activationCode: string | null } }).__tveJourney?.activationCode,
    undefined,
    { timeout: 20000 },
  );
  await h.complete((await journey(app))!.code!, 'alice');
  await app.waitForState((s) => s.route === 'catalog' && s.ready, 30000);
  // Let this catalog visit's preauthorization finish for every title (all batches): a restart while a batch
  // is in flight, or before it is sent, would send the TV to the picker before the check below starts.
  await app.page.waitForFunction(
    () =>
      (window as unknown as { __tveJourney: { titles(): Array<{ access: string }> } }).__tveJourney
        .titles()
        .every((t) => t.access !== 'unknown'),
    undefined,
    { timeout: 30000 },
  );
  rows.push({
    phase: 'authorization after restart',
    fault: 'emulator restarted on the same ports',
    shown: `${panel.title}: ${panel.message}`,
    wayForward: forward,
    requests,
    recovered: 'Sign in → provider picker → sign in → catalog',
  });
  // Restarted again while the catalog is on screen. The TV learns it on its next Adobe call: either the
  // catalog's preauthorization on the way back (→ provider picker) or, when every permit is cached in
  // memory (checklist 18) and browsing sends nothing, the next play (→ "Sign in" focused). Both are a
  // clear state with a way forward; which one depends on what was still to be preauthorized.
  await h.restart();
  since = 0;
  await toAccount();
  await app.press('Back');
  await app.waitForState((s) => s.route === 'providers' || (s.route === 'catalog' && s.ready), 20000);
  await app.page.waitForTimeout(1500); // a revisit's preauthorization answers well within this
  let shown = 'catalog → provider picker (preauthorization: sign-in gone)';
  let way = 'provider picker';
  if ((await app.state()).route !== 'providers') {
    await focusPoster();
    await app.press('Enter');
    const again = await waitForPanel(app);
    expect((await app.state()).focusedLabel).toBe('Sign in');
    shown = `${again.title}: ${again.message}`;
    way = 'Sign in';
    await app.press('Enter');
  }
  const picker = await app.waitForState((s) => s.route === 'providers' && /Tile/.test(s.focusPath.join('/')), 30000);
  expect(picker.focusedLabel).toBeTruthy();
  rows.push({
    phase: 'after a second restart',
    fault: 'emulator restarted on the same ports',
    shown,
    wayForward: way,
    requests: await requestsSince(),
    recovered: `provider picker (${picker.focusedLabel}) → sign in`,
  });
});

test('no page errors and every faulty phase stayed within a few requests', () => {
  expect(app.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  for (const r of rows) expect(r.requests).toBeLessThanOrEqual(20);
});
