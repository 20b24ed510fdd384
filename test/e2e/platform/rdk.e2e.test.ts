/**
 * RDK in the browser (`?platform=rdk`): the app talks to the real @firebolt-js/sdk whose built-in mock
 * transport answers, with `window.__firebolt = {automation: true, testHarness}` installed before the app
 * loads. Every message the app sends to the "box" is recorded on the Node side (it survives the mock's
 * navigation to about:blank after Lifecycle.finished). The journey asserts:
 *   ready only once the first screen has focus · signOut at start, signIn after the activation ·
 *   the launch's deep link (the SDK example intent, title "abc") continues after the sign-in, and the
 *   failure the player then shows reaches Metrics.error · page() on routes · X-Device-Info in the
 *   emulator's journal carries the box's model (Device.model) · exit → close(userExit) → finished.
 */
import type { AppSession } from '../harness';
import { admin, journal, launchTv, startStack, subscriber, waitForJourney, type Stack } from '../journeys/support';

interface Sent {
  call: string;
  params: Record<string, unknown>;
  /** The app's own readiness (first page routed and focused) when the message left. */
  appReady: boolean;
  route: string;
}

const HARNESS = `(() => {
  window.__firebolt = {
    automation: true,
    testHarness: {
      onSend: function (module, method, params) {
        var hook = window.__tve;
        window.__recordFirebolt({
          call: String(module).toLowerCase() + '.' + method,
          params: params || {},
          appReady: !!(hook && hook.ready()),
          route: hook ? hook.route() : '',
        });
      },
    },
  };
})();`;

const POLL_MS = 5000;

describe('RDK through Firebolt (SDK mock transport)', () => {
  let stack: Stack;
  let app: AppSession;
  const sent: Sent[] = [];
  const calls = (name: string): Sent[] => sent.filter((s) => s.call === name);
  const until = async (what: string, predicate: () => boolean, timeoutMs = 15000): Promise<void> => {
    const end = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > end)
        throw new Error(`timed out waiting for ${what}; sent: ${sent.map((s) => s.call).join(', ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    stack = await startStack();
    app = await launchTv(stack, { query: '?platform=rdk' });
    // Relaunch with the harness in place before any of the app's scripts.
    await app.page.exposeFunction('__recordFirebolt', (s: Sent) => void sent.push(s));
    await app.context.addInitScript(HARNESS);
    await app.page.evaluate(() => localStorage.clear());
    sent.length = 0;
    await app.page.goto(app.url, { waitUntil: 'load' });
  });
  afterAll(async () => {
    await app?.close();
    await stack?.close();
  });

  it('ready after the first focus, signIn after activation, metrics on a failure, close on exit', async () => {
    // First screen: the provider picker (signed out). ready() left once the app had focus on it.
    await app.waitForState(
      (s) => s.platform === 'rdk' && s.route === 'providers' && s.focusedLabel === 'Acme Cable',
      30000,
    );
    await until('lifecycle.ready', () => calls('lifecycle.ready').length === 1);
    expect(calls('lifecycle.ready')[0]!.appReady).toBe(true);
    expect(calls('lifecycle.ready')[0]!.route).toBe('providers');
    await until('signOut', () => calls('discovery.signOut').length === 1);
    expect(calls('discovery.signIn')).toEqual([]);
    expect(calls('parameters.initialization')).toHaveLength(1);
    expect(calls('metrics.page').map((c) => c.params.pageId)).toEqual(expect.arrayContaining(['splash', 'providers']));

    // X-Device-Info reaching the emulator names the box (Device.* of the SDK's mock), no placeholder.
    const requests = await admin<{ entries: Array<{ path: string; headers: Record<string, string> }> }>(
      stack,
      'GET',
      'journal',
    );
    const infos = requests.entries
      .map((e) => e.headers['x-device-info'])
      .filter((h): h is string => typeof h === 'string')
      .map((h) => JSON.parse(Buffer.from(h, 'base64').toString('utf8')) as Record<string, unknown>);
    expect(infos.length).toBeGreaterThan(0);
    for (const info of infos)
      expect(info).toMatchObject({
        model: 'xi6',
        manufacturer: 'Arris',
        vendor: 'Company',
        primaryHardwareType: 'SetTopBox',
      });

    // Sign in (the MVPD login completed on the emulator's side).
    await app.press('Enter');
    await app.waitForState((s) => s.route === 'activate');
    const code = (await waitForJourney(app, (j) => !!j.activationCode)).activationCode!;
    const who = await subscriber(stack, 'alice');
    const before = sent.length;
    await admin(stack, 'POST', `sessions/${code}/complete`, { username: who.username, password: who.password });
    await until('signIn', () => calls('discovery.signIn').length === 1, POLL_MS + 5000);
    expect(sent.findIndex((s) => s.call === 'discovery.signIn')).toBeGreaterThanOrEqual(before);
    await app.waitForState((s) => s.focusedLabel === 'Start watching', 10000);
    await app.press('Enter');

    // The launch's deep link (title "abc", which this catalog does not have) continues after the
    // sign-in: the player says so, and that failure is reported.
    await app.waitForState((s) => s.route === 'play/:id', 10000);
    await waitForJourney(app, (j) => j.playerPhase === 'error', 15000);
    await until('metrics.error', () => calls('metrics.error').length > 0);
    expect(calls('metrics.error')[0]!.params).toMatchObject({
      type: 'other',
      description: 'This title is no longer available.',
      visible: true,
    });
    expect(calls('metrics.page').map((c) => c.params.pageId)).toContain('play/abc');
    await app.screenshot('rdk-01-deep-link-failure');

    // Back to the catalog, Back again asks "Exit?", Exit closes through Firebolt.
    await app.press('Enter'); // the panel's Back
    await app.waitForState((s) => s.route === 'catalog', 10000);
    await app.press('Back');
    await app.waitForState((s) => s.dialog === 'exit' && s.focusedLabel === 'Cancel');
    await app.press('Right');
    await app.waitForState((s) => s.focusedLabel === 'Exit');
    // The mock answers within milliseconds and then leaves the page (about:blank): the key press's
    // follow-up frame wait may find the page gone.
    await app.press('Enter').catch((e: Error) => {
      if (!/context was destroyed|navigation/i.test(e.message)) throw e;
    });
    await until('lifecycle.close', () => calls('lifecycle.close').length === 1);
    expect(calls('lifecycle.close')[0]!.params).toEqual({ reason: 'userExit' });
    // The mock moves the app to inactive, then unloading: the app cleans up and finishes.
    await until('lifecycle.finished', () => calls('lifecycle.finished').length === 1);
    expect(calls('lifecycle.ready')).toHaveLength(1);
    const journalled = await journal(stack);
    expect(journalled.length).toBeGreaterThan(0);
  });
});
