/**
 * TV journeys in Chromium with remote keys against the emulator (issue #5 item 8):
 *  (a) first launch → provider → code → the QR's URL signs in on a second page → catalog with only
 *      entitled titles unlocked → play (time advances) → Back → a denied title shows the MVPD message
 *      → sign out → provider picker;
 *  (b) relaunch with cached state → catalog without a configuration call;
 *  (c) code expiry → a new code, and the old one is no longer polled;
 *  (d) the provider is chosen on the second screen, not on the TV.
 * Screenshots of every screen go to test-results/screenshots/journey-*.png.
 */
import { chromium, type Browser } from 'playwright-core';
import { REVEAL_DELAY_MS } from '../../../src/components/reveal';
import { CHROME_FLAGS, findChrome, type AppSession } from '../harness';
import {
  admin,
  catalogTakesOk,
  channelOf,
  journal,
  journey,
  lastSeq,
  launchTv,
  provoked429,
  startStack,
  subscriber,
  waitForJourney,
  type Stack,
} from './support';

/** appSettings.adobePass.pollIntervalMs in settings.json (the flows clamp it to 3–5 s). */
const POLL_MS = 5000;

async function toActivation(app: AppSession): Promise<string> {
  await app.waitForState((s) => s.route === 'providers' && s.focusedLabel === 'Acme Cable', 30000);
  await app.press('Enter');
  await app.waitForState((s) => s.route === 'activate');
  const j = await waitForJourney(app, (x) => !!x.activationCode);
  return j.activationCode!;
}

async function signInByAdmin(stack: Stack, app: AppSession, username: string): Promise<void> {
  const code = await toActivation(app);
  const who = await subscriber(stack, username);
  await admin(stack, 'POST', `sessions/${code}/complete`, { username: who.username, password: who.password });
  await app.waitForState((s) => s.focusedLabel === 'Start watching', POLL_MS + 3000);
  await app.press('Enter');
  await app.waitForState((s) => s.route === 'catalog');
  await waitForJourney(app, (j) => j.titles.length > 0 && j.titles.every((t) => t.access !== 'unknown'), 15000);
}

/**
 * Waits (up to 10 s) until the catalog's preauthorization batches sent after `since` are all answered: at
 * least one, and no new one for 1.5 s (batches leave one steady-rate slot, 1.1 s, apart); then a few frames.
 */
async function settledPreauthorization(stack: Stack, since: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  let seen = 0;
  let changedAt = Date.now();
  while (Date.now() < deadline) {
    const n = (await journal(stack, since)).filter((e) => /\/decisions\/preauthorize\//.test(e.path)).length;
    if (n !== seen) {
      seen = n;
      changedAt = Date.now();
    } else if (n > 0 && Date.now() - changedAt >= 1500) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 300));
}

/** Waits (up to 15 s) until the emulator has had no request for `ms`. */
async function quiet(stack: Stack, ms: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  let last = await lastSeq(stack);
  let since = Date.now();
  while (Date.now() < deadline && Date.now() - since < ms) {
    await new Promise((r) => setTimeout(r, 100));
    const seq = await lastSeq(stack);
    if (seq !== last) [last, since] = [seq, Date.now()];
  }
}

describe('(a) first launch to sign-out', () => {
  let stack: Stack;
  let app: AppSession;
  let phoneBrowser: Browser | undefined;
  beforeAll(async () => {
    stack = await startStack();
    app = await launchTv(stack);
  });
  afterAll(async () => {
    await phoneBrowser?.close().catch(() => undefined);
    await app?.close();
    await stack?.close();
  });

  it('signs in through the QR page, plays an entitled title, explains a denial, and signs out', async () => {
    const bob = await subscriber(stack, 'bob');

    // Provider picker → activation code.
    const code = await toActivation(app);
    await app.screenshot('journey-a-01-activate');
    const j1 = await journey(app);
    expect(j1.activationUrl).toBe(`${stack.site.url}/?code=${encodeURIComponent(code)}`);

    // A second browser (the phone) opens the QR's URL and signs in at the mock MVPD. A separate
    // browser, not a tab of the TV's: a background tab would stop the TV page's animation frames.
    phoneBrowser = await chromium.launch({ executablePath: findChrome(), args: CHROME_FLAGS });
    const phone = await (
      await phoneBrowser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
    ).newPage();
    await phone.goto(j1.activationUrl!);
    await phone.getByRole('button', { name: 'Continue with Acme Cable' }).click();
    await phone.waitForURL(/\/__mock-mvpd\/[^/]+\/login/);
    await phone.fill('input[name="username"]', bob.username);
    await phone.fill('input[name="password"]', bob.password);
    const submitted = Date.now();
    await Promise.all([phone.waitForURL(/\/done/), phone.click('button[type="submit"]')]);

    // The TV notices within one poll interval (+1 s): its first poll after the MVPD accepted the
    // login (emulator journal, one clock) already finds the profile and the TV confirms.
    await app.waitForState((s) => s.route === 'activate' && s.focusedLabel === 'Start watching', 30000);
    console.log(`TV confirmed the sign-in ${Date.now() - submitted} ms after the login form was submitted`);
    const entries = await journal(stack);
    const login = entries.find(
      (e) => e.method === 'POST' && /\/__mock-mvpd\/[^/]+\/login/.test(e.path) && e.status === 302,
    );
    expect(login).toBeDefined();
    const nextPoll = entries.find((e) => e.seq > login!.seq && e.path.endsWith(`/profiles/code/${code}`));
    expect(nextPoll).toBeDefined();
    console.log(`first poll ${nextPoll!.time - login!.time} ms after the MVPD login (budget ${POLL_MS + 1000} ms)`);
    expect(nextPoll!.time - login!.time).toBeLessThanOrEqual(POLL_MS + 1000);
    await app.screenshot('journey-a-02-signed-in');
    await phone.screenshot({ path: 'test-results/screenshots/journey-a-02-phone-done.png' });
    await phoneBrowser.close();
    // The confirmation moves on to the catalog by itself after ~2 s.
    await app.waitForState((s) => s.route === 'catalog', 10000);

    // Only the titles bob's package includes are unlocked.
    const decided = await waitForJourney(
      app,
      (j) => j.titles.length > 0 && j.titles.every((t) => t.access !== 'unknown'),
      15000,
    );
    const catalog = (await (await fetch(`${stack.emu.programmerUrl}/catalog`)).json()) as {
      rows: Array<{ items: Array<{ id: string; resource: string }> }>;
    };
    const entitled = new Set(['DEMOTV', 'DEMOTV-KIDS']);
    const expected = Object.fromEntries(
      catalog.rows
        .flatMap((r) => r.items)
        .map((it) => [it.id, entitled.has(channelOf(it.resource)) ? 'unlocked' : 'locked']),
    );
    expect(Object.fromEntries(decided.titles.map((t) => [t.id, t.access]))).toEqual(expected);
    await app.screenshot('journey-a-03-catalog');
    // The catalog draws one full-screen layer (its background): each extra one costs a fill per frame.
    await app.waitForState((s) => s.fullScreenLayers.join() === 'Background', 5000);

    // Play the focused (entitled) title: the video's time advances.
    await catalogTakesOk(app);
    const first = await app.state();
    expect(expected[decided.titles[0]!.id]).toBe('unlocked');
    expect(first.focusedLabel).toBe(decided.titles[0]!.title);
    await app.press('Enter');
    const playing = await waitForJourney(
      app,
      (j) => j.playerPhase === 'playing' && !!j.player && j.player.readyState >= 2,
      20000,
    );
    const t1 = playing.player!.currentTime;
    await waitForJourney(app, (j) => !!j.player && j.player.currentTime > t1 + 1, 10000);
    await app.screenshot('journey-a-04-player');

    // Back stops playback and returns to the catalog.
    const beforeBack = await lastSeq(stack);
    await app.press('Back');
    await app.waitForState((s) => s.route === 'catalog');
    // The video element is emptied (source removed), not just hidden.
    await waitForJourney(app, (j) => !j.player || (!j.player.hasSource && j.player.paused), 5000);
    // The catalog asks again for the titles it has no permit for, in batches one steady-rate slot apart; when
    // the last answer lands the page rebuilds its rows on the remembered focus (the title just played), so a
    // move made before that is undone (src/pages/Catalog.ts _render; reported). Move on once it has landed.
    await settledPreauthorization(stack, beforeBack);
    await catalogTakesOk(app);

    // A denied title shows the MVPD's message (OK always asks for authorization).
    await app.press('Right');
    const second = await app.state();
    expect(expected[decided.titles[1]!.id]).toBe('locked');
    expect(second.focusedLabel).toBe(decided.titles[1]!.title);
    await app.screenshot('journey-a-05-catalog-locked');
    await app.press('Enter');
    const denied = await waitForJourney(app, (j) => j.playerPhase === 'denied', 15000);
    expect(denied.message).toBe('Your TV package does not include this channel.');
    expect((await app.state()).focusedLabel).toBe('Back');
    await app.screenshot('journey-a-06-denied');
    await app.press('Enter');
    await app.waitForState((s) => s.route === 'catalog');

    // Account → Sign out (confirmed) → provider picker. Acme's logout is interactive; a TV has no browser:
    // done, never a URL to visit (issue 16; the flows hand the page a plain sentence).
    await app.press('Up');
    await app.waitForState((s) => s.focusedLabel === 'Account');
    await app.press('Enter');
    await app.waitForState((s) => s.route === 'account' && s.focusedLabel === 'Sign out');
    await app.screenshot('journey-a-07-account');
    await app.press('Enter');
    await app.waitForState((s) => s.dialog === 'error' && s.focusedLabel === 'Sign out');
    await app.screenshot('journey-a-08-sign-out-confirm');
    await app.press('Enter');
    const out = await app.waitForState((s) => s.route === 'providers' && s.focusedLabel === 'Acme Cable', 15000);
    expect(out.toast ?? '').toMatch(/signed out/i);
    expect(out.toast ?? '').not.toMatch(/visit|https?:|\/\//);
    await app.screenshot('journey-a-09-signed-out');
    expect(app.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    expect(await provoked429(stack)).toEqual([]); // throttling on: neither the TV nor the phone provoked a 429
  });
});

describe('(b) relaunch with cached state', () => {
  let stack: Stack;
  let app: AppSession;
  beforeAll(async () => {
    stack = await startStack();
    app = await launchTv(stack);
  });
  afterAll(async () => {
    await app?.close();
    await stack?.close();
  });

  it('opens the catalog again without registering or fetching the configuration', async () => {
    await signInByAdmin(stack, app, 'alice');
    const since = await lastSeq(stack);
    await app.page.goto(app.url); // relaunch: same device storage, fresh app
    await app.waitForState((s) => s.route === 'catalog', 30000);
    await waitForJourney(app, (j) => j.titles.length > 0 && j.titles.every((t) => t.access === 'unlocked'), 15000);
    await app.screenshot('journey-b-01-catalog-after-relaunch');
    const paths = (await journal(stack, since)).map((e) => `${e.method} ${e.path}`);
    expect(paths.some((p) => /\/profiles/.test(p))).toBe(true); // the profile is checked
    expect(paths.filter((p) => /\/configuration/.test(p))).toEqual([]);
    expect(paths.filter((p) => /\/o\/client\/register/.test(p))).toEqual([]);
    // The relaunched app knows the burst is spent (its budget outlives the launch): no 429 for the relaunch.
    expect(await provoked429(stack)).toEqual([]);
  });

  it('a reload whose boot is done before the splash is shown leaves only the catalog drawn', async () => {
    // The splash navigated on from `_active` while the Router was still showing it: the Router never
    // hid it, and its spinner kept frames coming under the catalog (src/services.ts navigatorOver).
    // A relaunch a while after the last request (the client's 1 request/s window, kept across launches,
    // open again), with the translations file held for a moment, so the App (and the splash) is built
    // only after the boot has finished: the order a fast network and a slow TV give.
    await quiet(stack, 1200);
    await app.page.route('**/translations.json', async (route) => {
      await new Promise((r) => setTimeout(r, 700));
      await route.continue();
    });
    await app.page.reload();
    await app.waitForState((s) => s.route === 'catalog' && s.ready, 30000);
    await app.page.unroute('**/translations.json');
    // Past the splash's reveal delay: a splash left shown would draw its background and spinner by now.
    await new Promise((r) => setTimeout(r, REVEAL_DELAY_MS + 500));
    expect((await app.state()).fullScreenLayers).toEqual(['Background']);
  });
});

describe('(c) activation code expiry', () => {
  let stack: Stack;
  let app: AppSession;
  beforeAll(async () => {
    // Long enough that the replacement code outlives the checks below (one poll interval + 1 s).
    stack = await startStack({ sessionTtlMs: 12000 });
    app = await launchTv(stack);
  });
  afterAll(async () => {
    await app?.close();
    await stack?.close();
  });

  it('shows a new code when the old one expires and stops polling the old one', async () => {
    const oldCode = await toActivation(app);
    const renewed = await waitForJourney(app, (j) => !!j.activationCode && j.activationCode !== oldCode, 25000);
    const newCode = renewed.activationCode!;
    await app.screenshot('journey-c-01-new-code');
    const since = await lastSeq(stack);
    // Wait one poll interval and a second: the new code is polled, the old one never again.
    await new Promise((r) => setTimeout(r, POLL_MS + 1000));
    const paths = (await journal(stack, since)).map((e) => e.path);
    expect(paths.filter((p) => p.includes(oldCode))).toEqual([]);
    expect(paths.some((p) => p.includes(`/profiles/code/${newCode}`))).toBe(true);
    expect((await journey(app)).activationCode).toBe(newCode);
    expect(await provoked429(stack)).toEqual([]);
  });
});

describe('(d) provider chosen on the second screen', () => {
  let stack: Stack;
  let app: AppSession;
  let phoneBrowser: Browser | undefined;
  beforeAll(async () => {
    stack = await startStack();
    app = await launchTv(stack);
  });
  afterAll(async () => {
    await phoneBrowser?.close().catch(() => undefined);
    await app?.close();
    await stack?.close();
  });

  it('creates a code without a provider; the phone picks one; the TV learns and shows it', async () => {
    const alice = await subscriber(stack, 'alice');
    await app.waitForState((s) => s.route === 'providers' && s.focusedLabel === 'Acme Cable', 30000);
    // The last tile: "Choose on your phone" (Down twice, then Right to the end of the last row).
    await app.press('Down', 3);
    await app.press('Right', 5);
    await app.waitForState((s) => s.focusedLabel === 'Choose on phone');
    await app.screenshot('journey-d-01-providers-phone-tile');
    await app.press('Enter');
    await app.waitForState((s) => s.route === 'activate');
    const j = await waitForJourney(app, (x) => !!x.activationCode);
    await app.screenshot('journey-d-02-activate-no-provider');
    const created = (await journal(stack)).filter((e) => e.method === 'POST' && /\/sessions$/.test(e.path));
    expect(created.length).toBeGreaterThan(0);

    phoneBrowser = await chromium.launch({ executablePath: findChrome(), args: CHROME_FLAGS });
    const phone = await (
      await phoneBrowser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
    ).newPage();
    await phone.goto(j.activationUrl!);
    await phone.getByRole('heading', { name: 'Choose your TV provider' }).waitFor();
    await phone.getByRole('button', { name: 'Blue River TV' }).click();
    await phone.waitForURL(/\/__mock-mvpd\/[^/]+\/login/);
    await phone.fill('input[name="username"]', alice.username);
    await phone.fill('input[name="password"]', alice.password);
    await Promise.all([phone.waitForURL(/\/done/), phone.click('button[type="submit"]')]);
    await phoneBrowser.close();

    await app.waitForState((s) => s.route === 'activate' && s.focusedLabel === 'Start watching', POLL_MS + 5000);
    await app.screenshot('journey-d-03-signed-in-blue-river');
    await app.waitForState((s) => s.route === 'catalog', 10000);
    await waitForJourney(app, (x) => x.titles.length > 0 && x.titles.every((t) => t.access === 'unlocked'), 15000);
    await app.screenshot('journey-d-04-catalog');
    await app.press('Up');
    await app.press('Enter');
    await app.waitForState((s) => s.route === 'account');
    await app.screenshot('journey-d-05-account-blue-river');
    // The provider the phone chose is remembered on the TV (persisted provider entry).
    const stored = await app.page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => /provider/i.test(k))
        .map((k) => localStorage.getItem(k))
        .join(' '),
    );
    expect(stored).toContain('BlueRiverTV');
    expect(await provoked429(stack)).toEqual([]);
  });
});
