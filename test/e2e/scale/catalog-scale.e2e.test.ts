/**
 * Catalog at scale (issue 13, item 2), measured in Chromium on the TV build, on the same signed-in TV
 * relaunched in turn (standard, full, large, standard, …; medians of RUNS each):
 *  - standard: the fixture, 27 titles in 6 rows of 3–5 (rows end before the screen does);
 *  - full: 6 rows × 8 titles = 48, as many posters on screen as the large one (the same-screen reference);
 *  - large: 20 rows × 40 titles = 800.
 * Figures printed:
 *  - interactive: navigation start → the catalog routed with focus on its first title;
 *  - all decided: … → every title's lock known (one preauthorize request by channel in each);
 *  - per key press: main-thread work the press causes — the key handler plus every animation-frame
 *    callback (Lightning's frame: update, render, texture uploads) in PRESS_WINDOW_MS after it, timed by
 *    wrapping requestAnimationFrame before the app loads — over the same presses in every catalog (each
 *    one moves focus), split left/right and up/down — each run's mean, then the median run; and, large
 *    only, presses to the right through a row of 40 (tiles reused). Timing callbacks rather than frame-to-frame intervals keeps other processes' load
 *    out of the figure;
 *  - JS heap after a forced garbage collection, once the catalog is decided.
 * Asserted: issue 13's budgets against the standard catalog for start-up (1.2×) and heap (1.3×); per key
 * press 1.2× against `full` (what the catalog's size costs), and generously (2×) against `standard`,
 * whose short rows draw and load fewer posters per press (said in the output). On this busy 2-core
 * machine timings jitter from run to run, so time ratios carry an absolute slack (TIME_SLACK_MS,
 * PRESS_SLACK_MS); the heap, which does not jitter, carries none.
 *
 * Opt-in (≈ 6 min of a busy machine): runs when TVE_E2E_SCALE=1, else the suite is skipped with a note.
 *
 * Throttling is off in this file (and only here): the TV is relaunched back to back, and each fresh page
 * starts with a fresh scheduler while the emulator's per-IP burst is spent — what is measured is the
 * catalog's rendering, not Adobe's request budget (the journeys run with throttling on).
 */
import type { CDPSession } from 'playwright-core';
import type { AppSession } from '../harness';
import { admin, launchTv, startStack, subscriber, waitForJourney, type Stack } from '../journeys/support';

const RUNS = 3;
const TIME_SLACK_MS = 150;
const PRESS_SLACK_MS = 5;
/** How long after a press its frames are counted (the longest focus animation is 0.3 s). */
const PRESS_WINDOW_MS = 400;
/** Installed before the app's scripts: times every animation-frame callback (the TV's frames). */
const FRAME_TIMER = `(() => {
  const raw = window.requestAnimationFrame.bind(window);
  window.__frameWork = [];
  window.requestAnimationFrame = (cb) => raw((ts) => {
    const t0 = performance.now();
    try { cb(ts); } finally { window.__frameWork.push(performance.now() - t0); }
  });
})();`;
const KEYS = { Left: 37, Up: 38, Right: 39, Down: 40 } as const;
type Key = keyof typeof KEYS;
/** Presses that move focus in both catalogs (standard rows hold 5, 5, 5, 5, 4 and 3 titles). */
const SAME_PRESSES: Key[] = [
  ...(['Right', 'Right', 'Right', 'Down', 'Right', 'Right', 'Left', 'Down', 'Right', 'Right', 'Right'] as Key[]),
  ...(['Down', 'Right', 'Up', 'Up', 'Down', 'Down', 'Down', 'Right', 'Right', 'Left', 'Up', 'Left'] as Key[]),
];
const FAR_RIGHT: Key[] = Array.from({ length: 20 }, () => 'Right' as Key);

interface Press {
  /** The key handler itself. */
  sync: number;
  /** Frame callbacks in PRESS_WINDOW_MS after it. */
  frames: number;
  changed: boolean;
}
interface Run {
  interactiveMs: number;
  decidedMs: number;
  heapBytes: number;
  idle: number;
  press: number[];
  far: number[];
}

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const ms = (x: number) => `${x.toFixed(1)} ms`;

let stack: Stack;
let app: AppSession;
let cdp: CDPSession;

async function firstTitle(): Promise<string> {
  const catalog = (await (await fetch(`${stack.emu.programmerUrl}/catalog`)).json()) as {
    rows: Array<{ items: Array<{ title: string }> }>;
  };
  return catalog.rows[0]!.items[0]!.title;
}

/** Press `keys` one by one inside the page: each press's handler time and the frame work after it. */
function pressAll(keys: Key[]): Promise<Press[]> {
  return app.page.evaluate(
    async ({ codes, windowMs }) => {
      const w = window as unknown as { __frameWork: number[]; __tve: { focusedLabel(): string | null } };
      const out: Press[] = [];
      for (const code of codes) {
        const before = w.__tve.focusedLabel();
        const init = { keyCode: code, which: code, bubbles: true } as KeyboardEventInit;
        const from = w.__frameWork.length;
        const t0 = performance.now();
        window.dispatchEvent(new KeyboardEvent('keydown', init));
        window.dispatchEvent(new KeyboardEvent('keyup', init));
        const sync = performance.now() - t0;
        await new Promise((r) => setTimeout(r, windowMs));
        const frames = w.__frameWork.slice(from).reduce((a, b) => a + b, 0);
        out.push({ sync, frames, changed: w.__tve.focusedLabel() !== before });
      }
      return out;
    },
    { codes: keys.map((k) => KEYS[k]), windowMs: PRESS_WINDOW_MS },
  );
}

/** Frame work in PRESS_WINDOW_MS without a press (what the figures above sit on). */
function idleWork(): Promise<number> {
  return app.page.evaluate(async (windowMs) => {
    const w = window as unknown as { __frameWork: number[] };
    const from = w.__frameWork.length;
    await new Promise((r) => setTimeout(r, windowMs));
    return w.__frameWork.slice(from).reduce((a, b) => a + b, 0);
  }, PRESS_WINDOW_MS);
}

async function measure(catalog: string, farRight: boolean): Promise<Run> {
  await admin(stack, 'POST', 'settings', { catalog });
  const title = await firstTitle();
  await app.page.goto(app.url);
  const interactive = await app.page.waitForFunction(
    (expected) => {
      const h = (window as unknown as { __tve?: { route(): string; focusedLabel(): string | null } }).__tve;
      return h && h.route() === 'catalog' && h.focusedLabel() === expected ? performance.now() : false;
    },
    title,
    { polling: 'raf', timeout: 30000 },
  );
  const decided = await app.page.waitForFunction(
    () => {
      const j = (window as unknown as { __tveJourney?: { titles(): Array<{ access: string }> } }).__tveJourney;
      const titles = j ? j.titles() : [];
      return titles.length > 0 && titles.every((t) => t.access !== 'unknown') ? performance.now() : false;
    },
    undefined,
    { polling: 100, timeout: 30000 },
  );
  await new Promise((r) => setTimeout(r, 1000)); // posters in, animations over
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const idle = await idleWork();
  const presses = await pressAll(SAME_PRESSES);
  expect(presses.filter((p) => !p.changed)).toEqual([]); // every press moved focus
  const far = farRight ? await pressAll(FAR_RIGHT) : [];
  expect(far.filter((p) => !p.changed)).toEqual([]);
  return {
    interactiveMs: (await interactive.jsonValue()) as number,
    decidedMs: (await decided.jsonValue()) as number,
    heapBytes: usedSize,
    idle,
    press: presses.map((p) => p.sync + p.frames),
    far: far.map((p) => p.sync + p.frames),
  };
}

const enabled = process.env.TVE_E2E_SCALE === '1';
const suite = enabled ? describe : describe.skip;
if (!enabled) console.log('catalog-scale: skipped (set TVE_E2E_SCALE=1 to measure the catalog at scale)');

suite('catalog at scale', () => {
  beforeAll(async () => {
    stack = await startStack({ throttling: false });
    app = await launchTv(stack);
    await app.context.addInitScript(FRAME_TIMER); // from the first relaunch on
    cdp = await app.context.newCDPSession(app.page);
    // Sign in once (alice: every channel), by the admin API instead of a phone.
    await app.waitForState((s) => s.route === 'providers' && s.focusedLabel === 'Acme Cable', 30000);
    await app.press('Enter');
    const { activationCode } = await waitForJourney(app, (j) => !!j.activationCode, 15000);
    const alice = await subscriber(stack, 'alice');
    await admin(stack, 'POST', `sessions/${activationCode}/complete`, {
      username: alice.username,
      password: alice.password,
    });
    await app.waitForState((s) => s.focusedLabel === 'Start watching', 15000);
    await app.press('Enter');
    await app.waitForState((s) => s.route === 'catalog', 15000);
  }, 120000);

  afterAll(async () => {
    await app?.close();
    await stack?.close();
  });

  type Kind = 'standard' | 'full' | 'large';
  /** The emulator's catalog switch for each: the fixture (27), rows of 8 (48: as full a screen as the large one), 20 × 40. */
  const SWITCH: Record<Kind, string> = { standard: 'standard', full: '6x8', large: 'large' };

  it('800 titles against the standard catalog: interactive time, per key press and heap within budget', async () => {
    const runs: Record<Kind, Run[]> = { standard: [], full: [], large: [] };
    for (let i = 0; i < RUNS; i++)
      for (const kind of ['standard', 'full', 'large'] as const)
        runs[kind].push(await measure(SWITCH[kind], kind === 'large'));
    const fig = (kind: Kind) => ({
      interactive: median(runs[kind].map((r) => r.interactiveMs)),
      decided: median(runs[kind].map((r) => r.decidedMs)),
      heap: median(runs[kind].map((r) => r.heapBytes)),
      idle: median(runs[kind].map((r) => r.idle)),
      // Per press: each run's mean (left/right and up/down presses differ; a median of the mix would jump
      // between the two), then the median run.
      press: median(runs[kind].map((r) => mean(r.press))),
      sideways: median(runs[kind].map((r) => mean(r.press.filter((_, i) => /Left|Right/.test(SAME_PRESSES[i]!))))),
      updown: median(runs[kind].map((r) => mean(r.press.filter((_, i) => /Up|Down/.test(SAME_PRESSES[i]!))))),
      far: median(runs[kind].map((r) => mean(r.far))),
    });
    const std = fig('standard');
    const full = fig('full');
    const big = fig('large');
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    const row = (name: string, f: (x: ReturnType<typeof fig>) => number, show: (x: number) => string = ms) =>
      `  ${name.padEnd(16)} ${[std, full, big].map((x) => show(f(x)).padStart(10)).join(' ')}   ` +
      `large/standard ${ratio(f(big), f(std))}  large/full ${ratio(f(big), f(full))}`;
    const mb = (x: number) => `${(x / 1e6).toFixed(2)} MB`;
    console.log(
      [
        `catalog at scale: medians of ${RUNS} relaunches each — standard (27 titles, rows of 3–5), full (6×8 = 48), large (20×40 = 800)`,
        `  ${''.padEnd(16)} ${['standard', 'full', 'large'].map((x) => x.padStart(10)).join(' ')}`,
        row('interactive', (x) => x.interactive),
        row('all decided', (x) => x.decided),
        row('per key press', (x) => x.press),
        row('  left/right', (x) => x.sideways),
        row('  up/down', (x) => x.updown),
        row('no press', (x) => x.idle),
        row('JS heap', (x) => x.heap, mb),
        `  far right (large only, ${FAR_RIGHT.length} presses through a row of 40): ${ms(big.far)} per press`,
        `  (per key press = main-thread work: handler + frame callbacks in ${PRESS_WINDOW_MS} ms; mean of ${SAME_PRESSES.length} presses, median of ${RUNS} runs)`,
      ].join('\n'),
    );
    // Issue 13's budgets against the standard catalog: start-up and memory.
    expect(big.interactive).toBeLessThanOrEqual(std.interactive * 1.2 + TIME_SLACK_MS);
    expect(big.heap).toBeLessThanOrEqual(std.heap * 1.3);
    // Per press, the catalog's size must not matter: the large catalog against one that fills the screen the same.
    expect(big.press).toBeLessThanOrEqual(full.press * 1.2 + PRESS_SLACK_MS);
    expect(big.far).toBeLessThanOrEqual(full.press * 1.2 + PRESS_SLACK_MS);
    // Against the standard catalog, whose short rows leave a third of the screen without posters, each press
    // draws and loads fewer posters (5 per row instead of 8): asserted generously, the figure is printed above.
    expect(big.press).toBeLessThanOrEqual(std.press * 2 + PRESS_SLACK_MS);
    expect(app.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  }, 900000);
});
