/**
 * The catalog at scale on a real (canvas2d) stage: 20 rows × 40 titles. Only the rows and tiles near view
 * exist as Lightning elements; moving focus recycles them; posters are asked for only by live tiles; each
 * row keeps its column; decisions re-apply locks without rebuilding rows; the journey hook still lists
 * every title.
 */
import { Catalog } from '../../src/pages/Catalog';
import { TILE_MARGIN, VISIBLE, type PosterRow } from '../../src/components/PosterRow';
import { ROW_MARGIN, type RowStack } from '../../src/components/RowStack';
import type { PosterTile } from '../../src/components/PosterTile';
import { SETTLE_MS } from '../../src/controllers/catalog';
import type { Decision } from '../../src/flows/api';
import { ACME, FakeFlows, profileFor } from '../support/fakeFlows';
import { mountPage, type Mounted } from '../support/harness';
import { channelId, largeCatalog } from '../support/largeCatalog';

const CATALOG = largeCatalog(20, 40, 5);
const MAX_ROWS = ROW_MARGIN.before + ROW_MARGIN.after + 1;
const MAX_TILES = VISIBLE + 2 * TILE_MARGIN;

let m: Mounted<Catalog> | undefined;
afterEach(() => m?.destroy());

async function mountLarge(flows = new FakeFlows()): Promise<Mounted<Catalog>> {
  flows.signedIn = { profile: profileFor('AcmeCable'), provider: ACME };
  m = await mountPage(Catalog, { flows, catalog: { load: async () => ({ ok: true, value: CATALOG }) } });
  return m;
}
const stack = () => m!.page.tag('Viewport.Rows') as unknown as RowStack;
const liveTiles = () =>
  stack()
    .liveRows()
    .reduce((n, r) => n + r.tiles().length, 0);
const label = () => (m!.focused() as unknown as PosterTile | undefined)?.label;
/** Every element under the rows (tiles, their frames, posters, locks…). */
function elementCount(): number {
  let n = 0;
  const walk = (e: { children: unknown[] }) => {
    n++;
    for (const c of e.children) walk(c as { children: unknown[] });
  };
  walk(stack() as unknown as { children: unknown[] });
  return n;
}

describe('Catalog at scale', () => {
  it('800 titles: only the rows and tiles near view exist, whatever the focus does', async () => {
    await mountLarge();
    expect(stack().liveRows().length).toBeLessThanOrEqual(MAX_ROWS);
    expect(liveTiles()).toBeLessThanOrEqual(MAX_ROWS * MAX_TILES);
    const atStart = elementCount();
    m!.press('Right', 30);
    expect(label()).toBe('Title 0.30');
    m!.press('Down', 10);
    expect(label()).toBe('Title 10.0');
    expect(stack().liveRows().length).toBe(MAX_ROWS);
    stack()
      .liveRows()
      .forEach((r) => expect(r.tiles().length).toBeLessThanOrEqual(MAX_TILES));
    // Bounded: about what the first screen had (rows above the first one now exist too).
    expect(elementCount()).toBeLessThanOrEqual(atStart * 1.5);
    console.log(`catalog 20×40: ${stack().liveRows().length} rows, ${liveTiles()} tiles, ${elementCount()} elements`);
  });

  it('posters are asked for by live tiles only: the far titles’ posters are never set', async () => {
    await mountLarge();
    const posters = () =>
      stack()
        .liveRows()
        .flatMap((r) => r.tiles())
        .map((t) => (t.tag('Frame.Poster')!.texture as unknown as { src?: string } | null)?.src ?? '');
    expect(posters().every((src) => /r[0-2]t([0-9]|10)\.png$/.test(src))).toBe(true);
    m!.press('Right', 20);
    expect(posters()).toContain('http://p/r0t20.png');
    expect(posters()).not.toContain('http://p/r0t0.png'); // recycled for a title in view
  });

  it('each row keeps its column; coming back to a row shows its remembered title', async () => {
    await mountLarge();
    m!.press('Right', 25);
    m!.press('Down');
    m!.press('Right', 3);
    m!.press('Down', 5); // row 0 is long recycled by now
    m!.press('Up', 5);
    expect(label()).toBe('Title 1.3');
    m!.press('Up');
    expect(label()).toBe('Title 0.25');
    m!.timers.advance(SETTLE_MS);
    await m!.settle();
    expect(m!.page.tag('Details')!.current!.tag('Title')!.text!.text).toBe('Title 0.25');
  });

  it('decisions arriving re-apply locks to the live rows (same elements) and to tiles scrolled in later', async () => {
    const flows = new FakeFlows();
    let release!: () => void;
    flows.holdPreauthorize = new Promise<void>((r) => (release = r));
    const denied: Decision = {
      resource: channelId(2),
      authorized: false,
      failure: { kind: 'denied', message: 'Not in your package.', retryable: false },
    };
    flows.decisions.set(channelId(2), denied);
    await mountLarge(flows);
    const before: PosterRow[] = stack().liveRows();
    expect(before[0]!.tiles().every((t) => t.access === 'unknown')).toBe(true);
    release();
    await m!.settle();
    expect(flows.calls.filter((c) => c.name === 'preauthorize').map((c) => c.args[0])).toEqual([
      [0, 1, 2, 3, 4].map(channelId),
    ]);
    expect(stack().liveRows()).toEqual(before); // not rebuilt
    const lockOf = (t: PosterTile) => [t.item!.channel, t.access];
    expect(before[0]!.tiles().map(lockOf)).toContainEqual([channelId(2), 'locked']);
    m!.press('Right', 30);
    const scrolledIn = stack().rowAt(0)!.tiles();
    expect(scrolledIn.every((t) => t.access === (t.item!.channel === channelId(2) ? 'locked' : 'unlocked'))).toBe(true);
    const journey = (window as unknown as { __tveJourney: { titles(): Array<{ access: string }> } }).__tveJourney;
    expect(journey.titles()).toHaveLength(800);
    expect(journey.titles().filter((t) => t.access === 'locked')).toHaveLength(160);
  });
});
