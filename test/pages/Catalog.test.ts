import { Catalog, INPUT_GUARD_MS } from '../../src/pages/Catalog';
import { REVEAL_DELAY_MS } from '../../src/components/reveal';
import type { PosterRow } from '../../src/components/PosterRow';
import type { RowStack } from '../../src/components/RowStack';
import { SETTLE_MS } from '../../src/controllers/catalog';
import { ACME, FakeFlows, fail, profileFor } from '../support/fakeFlows';
import { SAMPLE_CATALOG, mountPage, type Mounted } from '../support/harness';

const denied = (resource: string) => ({
  resource,
  authorized: false,
  failure: {
    kind: 'denied' as const,
    message: 'Not included in your package.',
    details: 'Upgrade to Movies Plus',
    retryable: false,
  },
});

function signedInFlows(): FakeFlows {
  const flows = new FakeFlows();
  flows.signedIn = { profile: profileFor('AcmeCable'), provider: ACME };
  return flows;
}

describe('Catalog', () => {
  let m: Mounted<Catalog> | undefined;
  afterEach(() => m?.destroy());
  const rows = (): PosterRow[] => (m!.page.tag('Viewport.Rows') as unknown as RowStack).liveRows();
  const tiles = (row: PosterRow) => row.tiles();

  it('sends signed-out users to the picker', async () => {
    m = await mountPage(Catalog);
    expect(m.routes).toEqual(['providers']);
  });

  it('preauthorizes the distinct resources once and locks denied titles with the reason', async () => {
    const flows = signedInFlows();
    flows.decisions.set('DEMOTV-SPORTS', denied('DEMOTV-SPORTS'));
    m = await mountPage(Catalog, { flows });
    const pre = flows.calls.filter((c) => c.name === 'preauthorize');
    expect(pre).toHaveLength(1);
    expect(pre[0]!.args[0]).toEqual(['DEMOTV', 'DEMOTV-SPORTS', 'DEMOTV-MOVIES', 'DEMOTV-KIDS']);
    const first = tiles(rows()[0]!);
    expect(first.map((t) => t.access)).toEqual(['unlocked', 'locked', 'unlocked']);
    expect(first[1]!.tag('Lock')!.visible).toBe(true);
    // Focus the denied title: the details panel shows why (once focus settled).
    m.timers.advance(SETTLE_MS);
    m.press('Right');
    await m.settle(); // the details follow the frame that draws the focus move
    expect(m.page.tag('Details')!.current!.tag('Title')!.text!.text).toBe('Derby Day');
    expect(m.page.tag('Details')!.current!.tag('Lock')!.visible).toBe(true);
    expect(m.page.tag('Details')!.current!.tag('Lock.Reason')!.text!.text).toBe(
      'Not included in your package. — Upgrade to Movies Plus',
    );
  });

  it('hides denied titles when showLockedTitles is off', async () => {
    const flows = signedInFlows();
    flows.decisions.set('DEMOTV-SPORTS', denied('DEMOTV-SPORTS'));
    flows.decisions.set('DEMOTV-KIDS', denied('DEMOTV-KIDS'));
    m = await mountPage(Catalog, { flows, showLockedTitles: false });
    expect(rows().map((r) => r.row!.items.map((i) => i.id))).toEqual([['t01', 't03']]);
  });

  it('OK on any title (locked too) opens the player; focus is remembered', async () => {
    const flows = signedInFlows();
    flows.decisions.set('DEMOTV-SPORTS', denied('DEMOTV-SPORTS'));
    m = await mountPage(Catalog, { flows });
    m.press('Right');
    m.press('Enter'); // too soon after the page appeared: ignored
    expect(m.routes).toEqual([]);
    m.timers.advance(INPUT_GUARD_MS);
    m.press('Enter');
    expect(m.routes).toEqual(['play/t02']);
    expect(m.services.session.catalogFocus).toEqual({ row: 0, col: 1 });
  });

  it('Down switches rows, Up reaches the Account button, Menu opens the account', async () => {
    m = await mountPage(Catalog, { flows: signedInFlows() });
    m.press('Down');
    expect(m.page.rowIndex).toBe(1);
    expect(m.page.tag('Details')!.current!.tag('Title')!.text!.text).toBe('Harbor Lights'); // right after it appeared
    m.timers.advance(SETTLE_MS);
    await m.settle();
    expect(m.page.tag('Details')!.current!.tag('Title')!.text!.text).toBe('Pixel & Pip');
    m.press('Up');
    m.press('Up');
    expect(m.page.zone).toBe('header');
    m.press('Enter');
    expect(m.routes).toEqual(['account']);
    m.press('Down');
    m.press('Menu');
    expect(m.routes).toEqual(['account', 'account']);
  });

  it('draws nothing while the rows load, then the whole page at once; a slow load shows the spinner after REVEAL_DELAY_MS', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    m = await mountPage(Catalog, {
      flows: signedInFlows(),
      catalog: { load: async () => (await held, { ok: true as const, value: SAMPLE_CATALOG }) },
    });
    const drawn = () =>
      (['Background', 'Brand', 'Header', 'Spinner', 'Viewport'] as const).filter((ref) => m!.page.tag(ref)!.visible);
    expect(m.page.zone).toBe('loading');
    expect(drawn()).toEqual([]);
    m.timers.advance(REVEAL_DELAY_MS);
    expect(drawn()).toEqual(['Background', 'Brand', 'Header', 'Spinner']);
    release();
    await m.settle();
    expect(drawn()).toEqual(['Background', 'Brand', 'Header', 'Viewport']);
  });

  it('a fast load shows the whole page as soon as the rows are there', async () => {
    m = await mountPage(Catalog, { flows: signedInFlows() });
    expect(m.page.zone).toBe('rows');
    expect(m.page.tag('Background')!.visible).toBe(true);
    expect(m.page.tag('Viewport')!.visible).toBe(true);
  });

  it('shows the provider name/logo in the header', async () => {
    m = await mountPage(Catalog, { flows: signedInFlows() });
    expect(m.page.tag('Header.ProviderPlate.Name')!.text!.text).toBe('Acme Cable');
    expect(m.page.tag('Header.ProviderPlate')!.visible).toBe(true);
  });

  it('a catalog failure shows Retry; preauthorization failure still shows titles', async () => {
    const flows = signedInFlows();
    let calls = 0;
    m = await mountPage(Catalog, {
      flows,
      catalog: {
        load: async () =>
          ++calls === 1 ? fail('The catalog is not available right now.') : { ok: true, value: SAMPLE_CATALOG },
      },
    });
    expect(m.page.zone).toBe('failed');
    flows.preauthorizeResult = fail('Preauthorization down');
    m.press('Enter');
    await m.settle();
    expect(calls).toBe(2);
    expect(m.page.zone).toBe('rows');
    expect(tiles(rows()[0]!)[0]!.access).toBe('unknown');
  });
});
