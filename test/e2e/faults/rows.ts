/**
 * The browser fault rows as a table (like the Node matrix's cells.ts): one row per phase, in journey
 * order on one app session. Every row follows one skeleton (faults.e2e.test.ts `runRow`): `fail`
 * injects the fault and brings the app to the failure, asserting what the screen shows and the focused
 * way forward; the skeleton takes the screenshot and counts the requests; `check` asserts more while the
 * fault holds; `recover` clears it, takes the way forward and asserts the journey continues.
 */
import type { AppSession } from '../harness';
import { journey, launchOn, waitForPanel, type FaultHarness, type RowReport } from './kit';

const SP = 'DEMOTV';
const PERSISTENT = 1000;
const rest = (suffix: string) => `^/api/v2/${SP}/${suffix}`;

type JourneyWindow = {
  __tveJourney?: { activationCode: string | null; playerPhase: string | null; titles(): Array<{ access: string }> };
};

/** The one app session the rows share, and the steps they are made of. */
export class FaultRun {
  app!: AppSession;
  /** Journal sequence the request count starts from (0 after a restart: the journal restarts too). */
  since = 0;

  constructor(readonly h: FaultHarness) {}

  async arm(path: string, fault: unknown): Promise<void> {
    this.since = await this.h.lastSeq();
    await this.h.admin('POST', 'faults', { match: { path }, count: PERSISTENT, fault });
  }

  clear(): Promise<unknown> {
    return this.h.admin('DELETE', 'faults');
  }

  /** The fault clears, then the viewer presses OK on the focused way forward. */
  async takeWayForward(): Promise<void> {
    await this.clear();
    await this.app.press('Enter');
  }

  /** Adobe Pass requests (DCR + REST V2) since the fault was armed; MVPD logos are not counted. */
  async requestsSince(): Promise<number> {
    return (await this.h.journalSince(this.since)).filter((e) => /^\/(api\/v2|o\/client)\//.test(e.path)).length;
  }

  async wayForward(expected: string): Promise<string> {
    const s = await this.app.waitForState((st) => st.focusedLabel === expected, 15000);
    return s.focusedLabel ?? '';
  }

  async toAccount(): Promise<void> {
    for (let i = 0; i < 8 && (await this.app.state()).focusedLabel !== 'Account'; i++) await this.app.press('Up');
    await this.app.press('Enter');
    await this.app.waitForState((s) => s.route === 'account' && s.ready);
  }

  async toCatalogFromAccount(): Promise<void> {
    await this.app.press('Back');
    await this.app.waitForState((s) => s.route === 'catalog' && s.ready, 20000);
  }

  /** Back on the catalog the focus may sit on the Account button: move down to a poster. */
  async focusPoster(): Promise<void> {
    await this.app.waitForState((s) => s.route === 'catalog' && s.ready, 20000);
    for (let i = 0; i < 4 && !/PosterTile/.test((await this.app.state()).focusPath.join('/')); i++)
      await this.app.press('Down');
    await this.app.waitForState((s) => /PosterTile/.test(s.focusPath.join('/')), 5000);
    // The catalog ignores OK for 400 ms after it opens (an OK meant for the previous screen must not start
    // playback); a test pressing OK right after coming back would be ignored, so let that window pass.
    await this.app.page.waitForTimeout(500);
  }

  async providerTiles(timeoutMs: number) {
    return this.app.waitForState((s) => s.route === 'providers' && /Tile/.test(s.focusPath.join('/')), timeoutMs);
  }

  async codeOnScreen(): Promise<void> {
    await this.app.page.waitForFunction(() => !!(window as unknown as JourneyWindow).__tveJourney?.activationCode, undefined, {
      timeout: 20000,
    });
  }

  async playerPhase(pattern: RegExp, timeoutMs: number): Promise<void> {
    await this.app.page.waitForFunction(
      (source) => new RegExp(source).test(String((window as unknown as JourneyWindow).__tveJourney?.playerPhase)),
      pattern.source,
      { timeout: timeoutMs },
    );
  }

  async someTitle(predicate: 'unlocked' | 'none-unknown', timeoutMs: number): Promise<void> {
    await this.app.page.waitForFunction(
      (which) => {
        const titles = (window as unknown as JourneyWindow).__tveJourney!.titles();
        return which === 'unlocked' ? titles.some((t) => t.access === 'unlocked') : titles.every((t) => t.access !== 'unknown');
      },
      predicate,
      { timeout: timeoutMs },
    );
  }
}

/** What `fail` saw: the sentence on screen and the focused way forward. */
export interface Seen {
  shown: string;
  wayForward: string;
}

export interface FaultRow {
  /** The test's name. */
  title: string;
  phase: string;
  fault: string;
  /** Screenshot name (test-results/screens/fault-<shot>.png). */
  shot: string;
  /** What "recovered" means for the report. */
  recovered: string;
  fail(r: FaultRun): Promise<Seen>;
  /** Requests while faulty when the journal is not the measure (browser-side faults). */
  requests?(): number;
  check?(r: FaultRun, requests: number): Promise<void>;
  /** Returns further report rows the recovery produced (the restart row's second restart). */
  recover(r: FaultRun): Promise<RowReport[] | void>;
}

const panelSeen = (panel: { title: string; message: string }, wayForward: string): Seen => ({
  shown: `${panel.title}: ${panel.message}`,
  wayForward,
});

let mediaRequests = 0;

export const ROWS: FaultRow[] = [
  {
    title: 'registration: DCR answers 503 → splash message with Retry; Retry after the fault clears reaches the provider picker',
    phase: 'registration',
    fault: 'DCR 503 (persistent)',
    shot: 'registration',
    recovered: 'Retry → provider picker',
    async fail(r) {
      await r.arm('^/o/client/', { type: 'status', status: 503, body: 'unavailable' });
      r.app = await launchOn(r.h);
      const panel = await waitForPanel(r.app);
      expect(panel.title).toMatch(/could not start/i);
      expect(panel.message.length).toBeGreaterThan(0);
      const forward = await r.wayForward('Retry');
      expect((await r.app.state()).route).toBe('splash');
      return panelSeen(panel, forward);
    },
    async recover(r) {
      await r.takeWayForward();
      await r.providerTiles(30000);
    },
  },
  {
    title: 'profiles: corrupt storage + dropped profiles request on relaunch → splash message with Retry; Retry recovers',
    phase: 'profiles',
    fault: 'garbage in storage, then GET profiles dropped',
    shot: 'profiles',
    recovered: 'Retry → provider picker (storage rewritten)',
    async fail(r) {
      await r.arm(rest('profiles$'), { type: 'drop' });
      await r.app.close();
      const garbage = {
        'tve.adobePass.DEMOTV.client': '{not json',
        'tve.adobePass.DEMOTV.token': '[]',
        'tve.adobePass.DEMOTV.provider': '{"v":1,"data":{"id":42}}',
        'tve.adobePass.DEMOTV.profile': 'null',
        'tve.deviceId': '"\\u0000"',
      };
      r.app = await launchOn(r.h, garbage);
      const panel = await waitForPanel(r.app);
      expect(panel.title).toMatch(/could not start/i);
      return panelSeen(panel, await r.wayForward('Retry'));
    },
    async recover(r) {
      await r.takeWayForward();
      await r.providerTiles(30000);
    },
  },
  {
    title: 'configuration: malformed configuration → provider picker message with Retry; Retry lists the providers',
    phase: 'configuration',
    fault: '200 with broken JSON',
    shot: 'configuration',
    recovered: 'Retry → provider tiles',
    async fail(r) {
      await r.arm(rest('configuration$'), { type: 'malformed' });
      await r.app.page.reload(); // the configuration is cached in memory: a relaunch asks again
      const panel = await waitForPanel(r.app);
      expect((await r.app.state()).route).toBe('providers');
      expect(panel.message.length).toBeGreaterThan(0);
      return panelSeen(panel, await r.wayForward('Retry'));
    },
    async recover(r) {
      await r.takeWayForward();
      const s = await r.providerTiles(20000);
      expect(s.focusedLabel).toBeTruthy();
    },
  },
  {
    title:
      'sessions: POST sessions answers an enhanced error (retry action) → "Sign-in did not complete" with Try again; Try again shows a code',
    phase: 'sessions',
    fault: 'enhanced error network_connection_timeout (action retry)',
    shot: 'sessions',
    recovered: 'Try again → new code on screen',
    async fail(r) {
      await r.arm(rest('sessions$'), { type: 'enhanced-error', status: 403, code: 'network_connection_timeout', action: 'retry' });
      await r.app.press('Enter'); // the focused provider
      const panel = await waitForPanel(r.app);
      expect((await r.app.state()).route).toBe('activate');
      expect(panel.title).toMatch(/did not complete/i);
      return panelSeen(panel, await r.wayForward('Try again'));
    },
    async recover(r) {
      await r.takeWayForward();
      await r.codeOnScreen();
    },
  },
  {
    title:
      "polling: Adobe's 429 on every poll while the code is shown → polling stops with a message and Try again; after it clears, sign-in completes",
    phase: 'polling',
    fault: "Adobe's 429 page on every poll (no allow-origin: no status in the browser)",
    shot: 'polling',
    recovered: 'Try again → new code → signed in → catalog',
    async fail(r) {
      r.since = await r.h.lastSeq();
      // Injected (journaled as a fault, not a provoked 429), so the budget the TV kept stays its own.
      await r.arm(rest('profiles/code/'), { type: 'throttled' });
      const panel = await waitForPanel(r.app, 60000);
      expect(panel.title).toMatch(/did not complete/i);
      return panelSeen(panel, await r.wayForward('Try again'));
    },
    async check(r, requests) {
      await new Promise((resolve) => setTimeout(resolve, 4000)); // no poll runs after the failure
      expect(await r.requestsSince()).toBe(requests);
    },
    async recover(r) {
      await r.h.admin('DELETE', 'faults');
      await r.app.press('Enter');
      await r.codeOnScreen();
      const code = (await journey(r.app))!.code!;
      // Preauthorization fails from here on (next row), so arm it before the catalog opens.
      await r.arm(rest('decisions/preauthorize/'), { type: 'status', status: 503, body: 'unavailable' });
      await r.h.complete(code, 'alice');
      await r.app.waitForState((s) => s.route === 'catalog' && s.ready, 30000);
    },
  },
  {
    title:
      'preauthorization: 503 on every batch → catalog still browsable with a toast; leaving and coming back after the fault clears unlocks titles',
    phase: 'preauthorization',
    fault: '503 on every preauthorize batch',
    shot: 'preauthorization',
    recovered: 'Account → Back: titles unlocked',
    async fail(r) {
      const toast = (await r.app.waitForState((s) => !!s.toast, 20000)).toast!;
      expect(toast).toMatch(/could not check/i);
      const titles = (await journey(r.app))!.titles;
      expect(titles.length).toBeGreaterThan(0);
      expect(titles.every((t) => t.access === 'unknown')).toBe(true);
      const s = await r.app.state();
      expect(s.focusPath.join('/')).toMatch(/PosterTile/);
      return {
        shown: `toast: ${toast}; titles shown as "unknown"`,
        wayForward: `focus stays on a poster (${s.focusedLabel ?? 'tile'})`,
      };
    },
    async recover(r) {
      await r.clear();
      await r.toAccount();
      await r.toCatalogFromAccount();
      await r.someTitle('unlocked', 20000);
    },
  },
  {
    title: 'authorization: dropped authorize → player message with Retry; Retry after the fault clears plays',
    phase: 'authorization',
    fault: 'connection dropped on authorize',
    shot: 'authorization',
    recovered: 'Retry → playback starts',
    async fail(r) {
      await r.focusPoster();
      await r.arm(rest('decisions/authorize/'), { type: 'drop' });
      await r.app.press('Enter');
      const panel = await waitForPanel(r.app);
      expect((await r.app.state()).route).toMatch(/^play/);
      expect(panel.message.length).toBeGreaterThan(0);
      return panelSeen(panel, await r.wayForward('Retry'));
    },
    async check(r) {
      if (process.env.FAULTS_DEBUG)
        console.log((await r.h.journalSince(r.since)).map((e) => `${e.method} ${e.path} ${e.status}`).join('\n'));
    },
    async recover(r) {
      await r.takeWayForward();
      await r.playerPhase(/starting|playing/, 30000);
      await r.app.press('Back');
      await r.app.waitForState((s) => s.route === 'catalog' && s.ready, 20000);
    },
  },
  {
    title: 'media: the stream answers 503 → "Playback stopped" style message with Retry; Retry after it clears plays',
    phase: 'media',
    fault: 'stream URL answers 503 (browser-side route)',
    shot: 'media',
    recovered: 'Retry → new authorization → playing',
    async fail(r) {
      await r.focusPoster();
      mediaRequests = 0;
      await r.app.context.route(/\/media\//, (route) => {
        mediaRequests++;
        return route.fulfill({ status: 503, body: 'unavailable' });
      });
      r.since = await r.h.lastSeq();
      await r.app.press('Enter');
      const panel = await waitForPanel(r.app, 45000);
      expect((await r.app.state()).route).toMatch(/^play/);
      return panelSeen(panel, await r.wayForward('Retry'));
    },
    requests: () => mediaRequests,
    async recover(r) {
      await r.app.context.unroute(/\/media\//);
      await r.app.press('Enter');
      await r.playerPhase(/^playing$/, 45000);
      expect(mediaRequests).toBeLessThanOrEqual(20);
      await r.app.press('Back');
      await r.app.waitForState((s) => s.route === 'catalog' && s.ready, 20000);
    },
  },
  {
    title: 'logout: 5xx on logout → "Sign-out did not complete" with Retry; Retry signs out to the provider picker',
    phase: 'logout',
    fault: 'HTTP 500 on logout',
    shot: 'logout',
    recovered: 'Retry → signed out, provider picker',
    async fail(r) {
      await r.toAccount();
      await r.arm(rest('logout/'), { type: 'status', status: 500, body: 'oops' });
      const account = await r.app.state();
      expect(account.focusedLabel).toBe('Sign out');
      await r.app.press('Enter');
      await r.app.waitForState((s) => s.focusedLabel === 'Sign out' && s.dialog !== null, 10000).catch(() => undefined);
      await r.app.press('Enter'); // confirm
      const panel = await waitForPanel(r.app);
      expect(panel.title).toMatch(/sign-out did not complete/i);
      return panelSeen(panel, await r.wayForward('Retry'));
    },
    async recover(r) {
      await r.takeWayForward();
      await r.app.waitForState((s) => s.route === 'providers' && s.ready, 20000);
    },
  },
  {
    title:
      'emulator restarted mid-journey (signed in, catalog on screen) → playing a title shows the service message, Sign in leads to the provider picker, sign-in works again; after a second restart the TV leads to sign-in again',
    phase: 'authorization after restart',
    fault: 'emulator restarted on the same ports',
    shot: 'restart',
    recovered: 'Sign in → provider picker → sign in → catalog',
    async fail(r) {
      await r.providerTiles(20000);
      await r.app.press('Enter');
      await r.codeOnScreen();
      await r.h.complete((await journey(r.app))!.code!, 'alice');
      await r.focusPoster();
      await r.h.restart(); // every client, token, session and profile is gone
      r.since = 0;
      await r.app.press('Enter');
      const panel = await waitForPanel(r.app);
      expect((await r.app.state()).route).toMatch(/^play/);
      expect(panel.message.length).toBeGreaterThan(0); // Adobe's message (authenticated_profile_missing)
      const forward = (await r.app.state()).focusedLabel ?? '';
      expect(forward).toBe('Sign in'); // the sign-in is gone: the focused way forward is signing in again
      return panelSeen(panel, forward);
    },
    async recover(r) {
      await r.app.press('Enter');
      await r.providerTiles(20000);
      await r.app.press('Enter');
      await r.codeOnScreen();
      await r.h.complete((await journey(r.app))!.code!, 'alice');
      await r.app.waitForState((s) => s.route === 'catalog' && s.ready, 30000);
      // Let this catalog visit's preauthorization finish for every title (all batches): a restart while a batch
      // is in flight, or before it is sent, would send the TV to the picker before the check below starts.
      await r.someTitle('none-unknown', 30000);
      return [await secondRestart(r)];
    },
  },
];

/**
 * Restarted again while the catalog is on screen. The TV learns it on its next Adobe call: either the
 * catalog's preauthorization on the way back (→ provider picker) or, when every permit is cached in
 * memory (checklist 18) and browsing sends nothing, the next play (→ "Sign in" focused). Both are a
 * clear state with a way forward; which one depends on what was still to be preauthorized.
 */
async function secondRestart(r: FaultRun): Promise<RowReport> {
  await r.h.restart();
  r.since = 0;
  await r.toAccount();
  await r.app.press('Back');
  await r.app.waitForState((s) => s.route === 'providers' || (s.route === 'catalog' && s.ready), 20000);
  await r.app.page.waitForTimeout(1500); // a revisit's preauthorization answers well within this
  let shown = 'catalog → provider picker (preauthorization: sign-in gone)';
  let way = 'provider picker';
  if ((await r.app.state()).route !== 'providers') {
    await r.focusPoster();
    await r.app.press('Enter');
    const again = await waitForPanel(r.app);
    expect((await r.app.state()).focusedLabel).toBe('Sign in');
    shown = `${again.title}: ${again.message}`;
    way = 'Sign in';
    await r.app.press('Enter');
  }
  const picker = await r.providerTiles(30000);
  expect(picker.focusedLabel).toBeTruthy();
  return {
    phase: 'after a second restart',
    fault: 'emulator restarted on the same ports',
    shown,
    wayForward: way,
    requests: await r.requestsSince(),
    recovered: `provider picker (${picker.focusedLabel}) → sign in`,
  };
}
