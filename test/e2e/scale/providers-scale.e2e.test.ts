/**
 * The provider picker with a configuration of 1,000 MVPDs (emulator fixture switch `mvpdCount`) against
 * the standard fixture (issue 13, "Done when"), in Chromium on the build (TVE_E2E_DIR, default build/):
 *  - picker interactive within 1.2× of the standard's: its own time (picker route shown → a provider tile
 *    focused: configuration request, sorting, first rows) and from navigation (boot included),
 *  - the cost of a key press (key handling + the Lightning frames it causes) within 1.2×,
 *  - JS heap (after GC) within 1.3×;
 *  - the list is the featured row, then A–Z (the page's own Intl.Collator), complete;
 *  - the rail jumps to a letter; the grid keeps only the rows near the view alive;
 *  - search finds a provider by a word in the middle of its name (typed as key codes, accent left out);
 *  - no console error per logo (providers without a logo make no request).
 *
 * Runs are interleaved (standard, large, standard, large…) so a busy machine slows both alike, and the
 * medians are compared. Tolerance: limit = ratio × standard median + slack, where slack is the spread
 * of the standard runs themselves, at least 1 ms (work per press), one 60 Hz frame (latency, which is
 * frame-quantized) or 50 ms (launch) — a busy 2-core machine moves single figures by that much; the
 * printed table shows what was measured.
 * PROVIDERS_SCALE_RUNS=5 for more runs. Screenshots: test-results/screenshots/providers-*.png.
 */
import { resolve } from 'node:path';
import { openBrowser, type BenchBrowser } from '../../../bench/lib/browser';
import { median } from '../../../bench/lib/stats';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/server';
import type { PickerInfo } from '../../../src/pages/hooks';
import { ROOT } from '../harness';
import {
  KEY,
  MILESTONES,
  PICKER_READY,
  focusedLabel,
  heapMb,
  inCollatorOrder,
  milestones,
  picker,
  press,
  pressCosts,
  typeKeys,
  type PressCost,
} from './providers-measure';

const RUNS = Math.max(1, Number(process.env.PROVIDERS_SCALE_RUNS ?? 3));
const LARGE = 1000;
const DIR = resolve(ROOT, process.env.TVE_E2E_DIR ?? 'build');
const SHOTS = resolve(ROOT, 'test-results', 'screenshots');
/** Moves that change focus in both configurations (featured row and the first A–Z rows). */
const PATTERN = [KEY.down, KEY.down, KEY.right, KEY.right, KEY.up, KEY.up, KEY.left, KEY.left];
const FRAME_MS = 1000 / 60;
/** Smallest difference in per-press work treated as real (timer jitter, a GC slice). */
const WORK_FLOOR_MS = 1;
/** settings.json `featuredProviders`. */
const FEATURED = ['Acme Cable', 'NorthStar Fiber', 'Summit Satellite', 'Blue River TV', 'Coastal Cablevision'];

interface Run {
  /** Navigation → a provider tile focused (boot included). */
  readyMs: number;
  /** Picker route shown → a provider tile focused: the picker's own time. */
  pickerMs: number;
  press: PressCost[];
  heapMb: number;
  errors: string[];
}
interface Checks {
  order: PickerInfo;
  railTarget: string;
  railLanded: string | null;
  /** Down presses from the top of the list, then from the middle (after the rail jump to M). */
  top: PressCost[];
  deep: PressCost[];
  deepLiveTiles: number;
  word: string;
  target: string;
  found: string[];
  focusedTarget: string | null;
  noMatch: string[];
  collator: { ok: boolean; at: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
/** Words as a viewer sees them (letters and digits of any script). */
const wordsOf = (s: string) => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const works = (r: Run[]) => median(r.flatMap((x) => x.press.map((p) => p.work)));
const latencies = (r: Run[]) => median(r.flatMap((x) => x.press.map((p) => p.latency)).filter(Number.isFinite));
const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

let emu: RunningEmulator;
const runs: Record<'standard' | 'large', Run[]> = { standard: [], large: [] };
let checks: Checks | undefined;

async function open(): Promise<{ b: BenchBrowser; errors: string[] }> {
  const b = await openBrowser({
    dir: DIR,
    readyExpr: PICKER_READY,
    rewrite: { 'http://localhost:4010': emu.adobeUrl, 'http://localhost:4020': emu.programmerUrl },
  });
  const errors: string[] = [];
  b.page.on('console', (m) => {
    // The static server has no favicon; Chromium asks for one on every page.
    if (m.type() === 'error' && !/favicon/.test(m.location().url)) errors.push(m.text());
  });
  b.page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await b.context.addInitScript(MILESTONES);
  await b.page.goto(b.url, { waitUntil: 'load' });
  return { b, errors };
}

async function setMvpds(n: number): Promise<void> {
  const res = await fetch(`${emu.adobeUrl}/__emulator/settings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ mvpdCount: n }),
  });
  if (!res.ok) throw new Error(`emulator settings: ${res.status}`);
}

async function measure(n: number, shot: string | undefined): Promise<Run> {
  await setMvpds(n);
  const { b, errors } = await open();
  try {
    const readyMs = await b.readyAt(60000);
    const m = await milestones(b);
    await sleep(1500); // logos of the first rows load; the page settles
    if (shot) await b.page.screenshot({ path: `${SHOTS}/${shot}.png` });
    const costs = await pressCosts(b, [...PATTERN, ...PATTERN]);
    return { readyMs, pickerMs: m.readyAt - m.routeAt, press: costs, heapMb: await heapMb(b), errors };
  } finally {
    await b.close();
  }
}

/** The large list once more, for what is checked rather than timed. */
async function inspect(): Promise<Checks> {
  await setMvpds(LARGE);
  const { b } = await open();
  try {
    await b.readyAt(60000);
    const order = await picker(b);
    // The A–Z part, checked by the page's own collator.
    const collator = await inCollatorOrder(b, order.order.slice(order.featured, -1));
    await sleep(600);
    const top = await pressCosts(b, new Array<number>(12).fill(KEY.down));
    await press(b, KEY.back); // deep in the list, Back goes up to the rail (on the focused provider's letter)
    // The rail: Right or Left to "M", OK.
    const dir = ((await focusedLabel(b)) ?? 'A') < 'M' ? KEY.right : KEY.left;
    for (let i = 0; i < 26 && (await focusedLabel(b)) !== 'M'; i++) await press(b, dir);
    await press(b, 13);
    const azNames = order.order.slice(order.featured, -1);
    const railTarget = azNames.find((x) => fold(x).charAt(0) === 'm') ?? '';
    const railLanded = await focusedLabel(b);
    await sleep(600);
    const deep = await pressCosts(b, new Array<number>(12).fill(KEY.down));
    const deepLiveTiles = (await picker(b)).liveTiles;
    await b.page.screenshot({ path: `${SHOTS}/providers-1000-deep.png` });

    // Search by a word in the middle of a name: prefer one with an accent (typed without it).
    const middle = (x: string) => wordsOf(x).slice(1, -1);
    const accented = azNames.find((x) => middle(x).some((w) => fold(w) !== w.toLowerCase() && fold(w).length >= 3));
    const target = accented ?? azNames.find((x) => middle(x).some((w) => w.length >= 4))!;
    const word = fold(middle(target).find((w) => (accented ? fold(w) !== w.toLowerCase() : w.length >= 4))!);
    await typeKeys(b, word);
    await sleep(400);
    await b.page.screenshot({ path: `${SHOTS}/providers-1000-search.png` });
    const found = (await picker(b)).order.slice(0, -1);
    // Into the results (three keyboard rows down), then to the target's tile.
    const at = found.indexOf(target);
    await press(b, KEY.down, 3 + Math.floor(at / 5));
    await press(b, KEY.right, at % 5);
    const focusedTarget = await focusedLabel(b);
    await press(b, KEY.back, word.length);
    await typeKeys(b, 'qxz');
    await sleep(400);
    await b.page.screenshot({ path: `${SHOTS}/providers-1000-no-match.png` });
    const noMatch = (await picker(b)).order;
    return {
      order,
      railTarget,
      railLanded,
      top,
      deep,
      deepLiveTiles,
      word,
      target,
      found,
      focusedTarget,
      noMatch,
      collator,
    };
  } finally {
    await b.close();
  }
}

function row(what: string, std: number, large: number, unit: string): string {
  const ratio = std > 0 ? (large / std).toFixed(2) : '–';
  return `${what.padEnd(34)} ${std.toFixed(1).padStart(8)} ${large.toFixed(1).padStart(8)} ${unit.padEnd(3)} ${ratio}×`;
}

beforeAll(async () => {
  emu = await startEmulator({ adobePort: 0, programmerPort: 0, quiet: true });
  for (let i = 0; i < RUNS; i++) {
    runs.standard.push(await measure(0, i === 0 ? 'providers-standard' : undefined));
    runs.large.push(await measure(LARGE, i === 0 ? 'providers-1000' : undefined));
  }
  checks = await inspect();
  const s = runs.standard;
  const l = runs.large;
  console.log(
    [
      `provider picker, ${RUNS} interleaved runs each (medians)    standard    1,000`,
      row('interactive (navigation → focus)', median(s.map((r) => r.readyMs)), median(l.map((r) => r.readyMs)), 'ms'),
      row(
        'picker interactive (route → focus)',
        median(s.map((r) => r.pickerMs)),
        median(l.map((r) => r.pickerMs)),
        'ms',
      ),
      row('key press: work (handler + frames)', works(s), works(l), 'ms'),
      row('key press: latency (to next frame)', latencies(s), latencies(l), 'ms'),
      row('Down into new rows, top: work', works(s), median(checks.top.map((p) => p.work)), 'ms'),
      row('Down into new rows, middle: work', works(s), median(checks.deep.map((p) => p.work)), 'ms'),
      row('JS heap after GC', median(s.map((r) => r.heapMb)), median(l.map((r) => r.heapMb)), 'MB'),
      `tiles alive after scrolling deep: ${checks.deepLiveTiles} of ${checks.order.order.length}`,
      `search "${checks.word}" → ${checks.found.length} matches, target "${checks.target}"`,
    ].join('\n'),
  );
}, 600000);

afterAll(async () => {
  await emu?.close();
});

// Opt-in like the catalog measurement (TVE_E2E_SCALE=1): 3–5 min of a busy machine, and on a shared
// emulator address its repeated fresh launches can meet Adobe-model throttling (a CORS-less 429 that the
// console-error check then reports).
const scaleEnabled = process.env.TVE_E2E_SCALE === '1';
if (!scaleEnabled) console.log('providers-scale: skipped (set TVE_E2E_SCALE=1 to measure the picker at scale)');
(scaleEnabled ? describe : describe.skip)('provider picker: 1,000 MVPDs against the standard fixture', () => {
  const limit = (base: number[], ratio: number, floor: number) => ratio * median(base) + Math.max(spread(base), floor);

  it('is interactive within 1.2× of the standard picker (the picker’s own time, and from launch)', () => {
    const own = runs.standard.map((r) => r.pickerMs);
    expect(median(runs.large.map((r) => r.pickerMs))).toBeLessThanOrEqual(limit(own, 1.2, 50));
    const launch = runs.standard.map((r) => r.readyMs);
    expect(median(runs.large.map((r) => r.readyMs))).toBeLessThanOrEqual(limit(launch, 1.2, 50));
  });

  it('a key press costs within 1.2× (work per press, and latency to the frame)', () => {
    const perRun = (r: Run[]) => r.map((x) => median(x.press.map((p) => p.work)));
    expect(works(runs.large)).toBeLessThanOrEqual(limit(perRun(runs.standard), 1.2, WORK_FLOOR_MS));
    const lat = runs.standard.map((x) => median(x.press.map((p) => p.latency).filter(Number.isFinite)));
    expect(latencies(runs.large)).toBeLessThanOrEqual(limit(lat, 1.2, FRAME_MS));
    // Every press moved focus (NaN: focus did not change within a second).
    expect(runs.large.every((x) => x.press.every((p) => Number.isFinite(p.latency)))).toBe(true);
  });

  it('scrolling costs the same per press in the middle of the list as at its top; few tiles stay alive', () => {
    // Each Down here brings a new row (five tiles: names, logos): its cost depends on the row, not on
    // the length of the list or the position in it.
    const top = median(checks!.top.map((p) => p.work));
    expect(median(checks!.deep.map((p) => p.work))).toBeLessThanOrEqual(1.2 * top + WORK_FLOOR_MS);
    expect(checks!.deepLiveTiles).toBeLessThanOrEqual(40);
  });

  it('uses at most 1.3× the JS heap', () => {
    const std = runs.standard.map((r) => r.heapMb);
    expect(median(runs.large.map((r) => r.heapMb))).toBeLessThanOrEqual(limit(std, 1.3, 0.5));
  });

  it('lists the featured row, then every provider A–Z, then the phone tile', () => {
    const { order, featured } = checks!.order;
    expect(order.slice(0, featured)).toEqual(FEATURED);
    // (The TempPass offers, settings `tempPass`, sit between the A–Z list and the phone tile: not providers.)
    const az = order.slice(featured, -1).filter((name) => !/^(Free preview|Promotional pass)/.test(name));
    expect(order[order.length - 1]).toBe('Choose on phone');
    // Every provider of the configuration but the standard fixture's QA test and two TempPass entries.
    expect(az.length).toBe(LARGE - 3);
    expect(new Set(az).size).toBe(az.length);
    for (const name of FEATURED) expect(az).toContain(name);
    expect(checks!.collator).toEqual({ ok: true, at: -1 });
  });

  it('the letter rail jumps to the first provider under a letter', () => {
    expect(checks!.railTarget).not.toBe('');
    expect(checks!.railLanded).toBe(checks!.railTarget);
  });

  it('search finds a provider by a word in the middle of its name, accent left out', () => {
    const { word, target, found, focusedTarget } = checks!;
    expect(wordsOf(fold(target)).indexOf(word)).toBeGreaterThan(0);
    expect(found).toContain(target);
    expect(focusedTarget).toBe(target);
    // Everything found has a word that starts with what was typed.
    for (const name of found) expect(wordsOf(fold(name)).some((w) => w.startsWith(word))).toBe(true);
    expect(checks!.noMatch).toEqual(['Choose on phone']);
  });

  it('logs no console error (none per logo, none for providers without one)', () => {
    expect(runs.large.flatMap((r) => r.errors)).toEqual([]);
    expect(runs.standard.flatMap((r) => r.errors)).toEqual([]);
  });
});
