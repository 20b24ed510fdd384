/**
 * Legacy lane, part 2: TV journey (a) on dist/es5 in today's Chromium with every built-in and web API
 * that Chromium 47 (Tizen 2017) lacks — and the shipped code names — deleted before any app script
 * runs (list generated from @mdn/browser-compat-data, printed below). The app must get through on the
 * polyfills the build ships, or by feature detection, as it would on the TV:
 * provider → code → the QR's URL signs in on a phone → catalog (entitled titles unlocked) → play (time
 * advances) → Back → a denied title shows the MVPD message → Account → sign out → provider picker.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROME_FLAGS, findChrome, type AppSession } from '../e2e/harness';
import {
  catalogTakesOk,
  channelOf,
  launchTv,
  startStack,
  subscriber,
  waitForJourney,
  type Stack,
} from '../e2e/journeys/support';
import { deletionScript, keyOf, missingApis, NOT_DELETED, type Missing } from './missing-apis';
import { shippedNames } from './tokens';

const CHROME = Number(process.env.TVE_LEGACY_CHROME ?? 47);

function describeList(list: Missing[]): string {
  return list.map((m) => `${keyOf(m)} (${m.since})`).join(', ');
}

describe(`legacy APIs: journey (a) on dist/es5 in Chromium without what Chromium ${CHROME} lacks`, () => {
  let stack: Stack;
  let app: AppSession;
  let phoneBrowser: Browser | undefined;
  let list: Missing[];
  const started = Date.now();

  beforeAll(async () => {
    process.env.TVE_E2E_DIR = process.env.TVE_E2E_DIR ?? 'dist/es5';
    list = missingApis({ chrome: CHROME, used: shippedNames() });
    console.log(
      `[legacy] Chromium ${CHROME} lacks ${list.length} features the shipped code names ` +
        `(@mdn/browser-compat-data; first Chrome version in brackets):\n${describeList(list)}\n` +
        `[legacy] kept on purpose: ${Object.entries(NOT_DELETED)
          .map(([k, why]) => `${k}: ${why}`)
          .join('; ')}`,
    );
    stack = await startStack();
    // The deletions run first in <head>, before polyfills.js and every app script (the harness
    // serves a copy of the build with these string replacements applied to index.html).
    const script = deletionScript(list);
    app = await launchTv({ ...stack, rewrite: { ...stack.rewrite, '<head>': `<head><script>${script}</script>` } });
  });
  afterAll(async () => {
    await phoneBrowser?.close().catch(() => undefined);
    await app?.close();
    await stack?.close();
    console.log(`[legacy] journey took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it('deleted the features this Chromium has (before any app script)', async () => {
    const { deleted, undeletable } = await app.page.evaluate(() => {
      const w = window as unknown as { __legacyDeleted?: string[]; __legacyUndeletable?: string[] };
      return { deleted: w.__legacyDeleted, undeletable: w.__legacyUndeletable };
    });
    expect(Array.isArray(deleted)).toBe(true);
    console.log(
      `[legacy] deleted in this Chromium (the rest do not exist here): ${deleted!.length}: ${deleted!.join(', ')}\n` +
        `[legacy] present but not deletable (non-configurable): ${undeletable!.join(', ') || 'none'}`,
    );
    // Sanity: well-known gaps of Chromium 47 are among them (they exist in today's Chromium).
    for (const name of ['Object.entries', 'Promise.prototype.finally', 'globalThis']) expect(deleted).toContain(name);
  });

  it('signs in through the QR page, plays an entitled title, explains a denial, and signs out', async () => {
    const bob = await subscriber(stack, 'bob');
    await app.waitForState((s) => s.route === 'providers' && s.focusedLabel === 'Acme Cable', 30000);
    await app.press('Enter');
    await app.waitForState((s) => s.route === 'activate');
    const j1 = await waitForJourney(app, (x) => !!x.activationCode);
    expect(j1.activationUrl).toBe(`${stack.site.url}/?code=${encodeURIComponent(j1.activationCode!)}`);
    await app.screenshot('legacy-a-01-activate');

    // The phone: a separate, modern browser opens the QR's URL and signs in at the mock MVPD.
    phoneBrowser = await chromium.launch({ executablePath: findChrome(), args: CHROME_FLAGS });
    const phone = await (
      await phoneBrowser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
    ).newPage();
    await phone.goto(j1.activationUrl!);
    await phone.getByRole('button', { name: 'Continue with Acme Cable' }).click();
    await phone.waitForURL(/\/__mock-mvpd\/[^/]+\/login/);
    await phone.fill('input[name="username"]', bob.username);
    await phone.fill('input[name="password"]', bob.password);
    await Promise.all([phone.waitForURL(/\/done/), phone.click('button[type="submit"]')]);
    await phoneBrowser.close();

    await app.waitForState((s) => s.route === 'activate' && s.focusedLabel === 'Start watching', 30000);
    await app.waitForState((s) => s.route === 'catalog', 10000);
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
    await app.screenshot('legacy-a-02-catalog');

    // Play the focused (entitled) title: time advances.
    await catalogTakesOk(app);
    expect((await app.state()).focusedLabel).toBe(decided.titles[0]!.title);
    await app.press('Enter');
    const playing = await waitForJourney(
      app,
      (j) => j.playerPhase === 'playing' && !!j.player && j.player.readyState >= 2,
      20000,
    );
    const t1 = playing.player!.currentTime;
    await waitForJourney(app, (j) => !!j.player && j.player.currentTime > t1 + 1, 10000);
    await app.screenshot('legacy-a-03-player');

    // Back stops playback.
    await app.press('Back');
    await app.waitForState((s) => s.route === 'catalog');
    await waitForJourney(app, (j) => !j.player || (!j.player.hasSource && j.player.paused), 5000);
    await catalogTakesOk(app);

    // A denied title shows the MVPD's message.
    await app.press('Right');
    expect(expected[decided.titles[1]!.id]).toBe('locked');
    await app.press('Enter');
    const denied = await waitForJourney(app, (j) => j.playerPhase === 'denied', 15000);
    expect(denied.message).toBe('Your TV package does not include this channel.');
    await app.press('Enter');
    await app.waitForState((s) => s.route === 'catalog');

    // Account → Sign out (confirmed) → provider picker.
    await app.press('Up');
    await app.waitForState((s) => s.focusedLabel === 'Account');
    await app.press('Enter');
    await app.waitForState((s) => s.route === 'account' && s.focusedLabel === 'Sign out');
    await app.press('Enter');
    await app.waitForState((s) => s.dialog === 'error' && s.focusedLabel === 'Sign out');
    await app.press('Enter');
    await app.waitForState((s) => s.route === 'providers' && s.focusedLabel === 'Acme Cable', 15000);
    await app.screenshot('legacy-a-04-signed-out');
    expect(app.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
