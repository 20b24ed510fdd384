import { PHONE_CHOICE, RAIL_MIN, type Picking } from '../../src/controllers/providers';
import type { Provider } from '../../src/flows/api';
import { Providers } from '../../src/pages/Providers';
import { REVEAL_DELAY_MS } from '../../src/components/reveal';
import { ACME, BLUE, FakeFlows, SUMMIT, fail, ok } from '../support/fakeFlows';
import { mountPage, type Mounted } from '../support/harness';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveSettings } from '../../src/services';

const p = (id: string, displayName: string): Provider => ({ id, displayName, isTempPass: false, isProxy: false });
const label = (m: Mounted<Providers>) => (m.focused() as unknown as { label?: string } | undefined)?.label;
const picking = (m: Mounted<Providers>): Picking => {
  const s = m.page.picker;
  if (s.kind !== 'picking') throw new Error(`not picking: ${s.kind}`);
  return s;
};
/** A key that has no Lightning name (letters, digits): a real keydown, as a keyboard sends it. */
const typeKeys = (text: string) => {
  for (const c of text.toUpperCase())
    window.dispatchEvent(new KeyboardEvent('keydown', { keyCode: c.charCodeAt(0) } as KeyboardEventInit));
};
const NAMES = [
  'Vista',
  'Acme',
  'Blue',
  'Coast',
  'Delta',
  'Echo',
  'Metro',
  'Nova',
  'Summit',
  'Río Grande Cable',
  'Alpha',
];

async function mountWith(list: Provider[], lastUsed?: Provider, featured?: string[]) {
  const flows = new FakeFlows();
  flows.providersResult = ok(list);
  flows.lastUsed = lastUsed;
  const m = await mountPage(Providers, { flows });
  // Settings are read when the page loads the list: install them, then load again.
  m.services.settings.featuredProviders = featured;
  (m.page as unknown as { _active(): void })._active();
  await m.settle();
  return m;
}

describe('Providers (picker)', () => {
  let m: Mounted<Providers> | undefined;
  afterEach(() => m?.destroy());

  it('short lists: the last used first and marked; OK passes the choice on', async () => {
    m = await mountWith([SUMMIT, ACME, BLUE], SUMMIT);
    expect(m.page.zone).toBe('grid');
    const tiles = m.page.tag('Viewport.Grid')!.tag('Rows')!.children[0]!.children;
    expect(tiles.map((t) => (t as unknown as { label: string }).label)).toEqual([
      'Summit Satellite',
      'Acme Cable',
      'Blue River TV',
      PHONE_CHOICE.displayName,
    ]);
    expect(tiles[0]!.tag('Badge')!.visible).toBe(true);
    expect(tiles[1]!.tag('Badge')!.visible).toBe(false);
    expect(m.page.tag('Rail')!.visible).toBe(false);
    m.press('Right');
    m.press('Enter');
    await m.settle();
    expect(m.services.session.provider).toBe(ACME);
    expect(m.routes).toEqual(['activate']);
  });

  it('long lists: featured row first, A–Z after it, the rail jumps into the A–Z part', async () => {
    m = await mountWith(
      NAMES.map((n, i) => p(`id${i}`, n)),
      undefined,
      ['id8', 'id1'],
    );
    expect(label(m)).toBe('Summit');
    expect(m.page.tag('Rail')!.visible).toBe(true);
    expect(NAMES.length).toBeGreaterThanOrEqual(RAIL_MIN);
    m.press('Down');
    expect(label(m)).toBe('Acme'); // over the "All providers" header
    m.press('Up', 2); // featured row → rail, on the letter of the provider focus came from
    expect(m.page.zone).toBe('rail');
    expect(m.page.tag('Rail')!.letter).toBe('S');
    m.press('Left'); // letters with providers: A B C D E M N R S V
    expect(m.page.tag('Rail')!.letter).toBe('R');
    m.press('Enter');
    expect(m.page.zone).toBe('grid');
    expect(label(m)).toBe('Río Grande Cable');
  });

  it('ends with a "choose on your phone" tile that starts activation without a provider', async () => {
    m = await mountWith([ACME, BLUE]);
    m.press('Right', 2);
    expect(label(m)).toBe(PHONE_CHOICE.displayName);
    m.press('Right'); // no further tile
    m.press('Enter');
    expect(m.routes).toEqual(['activate']);
    expect(m.services.session.chooseOnPhone).toBe(true);
    expect(m.services.session.provider).toBeUndefined();
  });

  it('typing on a keyboard searches at once; Back deletes, then closes the search, then is the shell’s', async () => {
    m = await mountWith(NAMES.map((n, i) => p(`id${i}`, n)));
    typeKeys('gr');
    expect(picking(m)).toMatchObject({ searching: true, query: 'GR', matches: 1 });
    expect(m.page.tag('Keyboard')!.visible).toBe(true);
    expect(m.page.tag('Rail')!.visible).toBe(false);
    expect(m.page.tag('Subtitle')!.text!.text).toBe('1 provider matches “GR”');
    expect(m.page.tag('Field')!.query).toBe('GR');
    m.press('Down', 3); // keyboard rows, then the results
    expect(label(m)).toBe('Río Grande Cable');
    m.press('Back');
    expect(picking(m).query).toBe('G');
    m.press('Back');
    m.press('Back');
    expect(picking(m)).toMatchObject({ searching: false, zone: 'search' });
    expect(m.page.tag('Keyboard')!.visible).toBe(false);
    expect(label(m)).toBe('Search');
    expect((m.page as unknown as { _handleBack(): unknown })._handleBack()).toBe(false);
  });

  it('the on-screen keyboard: OK on the field opens it, keys type, no match still offers the phone', async () => {
    m = await mountWith(NAMES.map((n, i) => p(`id${i}`, n)));
    m.press('Up', 2);
    expect(label(m)).toBe('Search');
    m.press('Enter');
    expect(m.page.zone).toBe('keyboard');
    expect(label(m)).toBe('A');
    m.press('Down'); // N row
    m.press('Right', 10); // X
    m.press('Enter');
    expect(picking(m).query).toBe('X');
    expect(picking(m).rows[0]).toEqual({ kind: 'empty', query: 'X' });
    m.press('Down', 2);
    expect(label(m)).toBe(PHONE_CHOICE.displayName);
    m.press('Up');
    expect(m.page.zone).toBe('keyboard');
  });

  it('the Search key opens the search; keys that type nothing are left alone', async () => {
    m = await mountWith([ACME, BLUE]);
    const page = m.page as unknown as { _handleKey(e: { keyCode: number }): unknown; _handleSearch(): void };
    expect(page._handleKey({ keyCode: 179 })).toBe(false);
    page._handleSearch();
    expect(picking(m)).toMatchObject({ searching: true, zone: 'keyboard' });
  });

  it('draws nothing while the providers load, then the grid; a slow load shows the spinner after REVEAL_DELAY_MS', async () => {
    const flows = new FakeFlows();
    let release!: () => void;
    flows.holdProviders = new Promise<void>((r) => (release = r));
    m = await mountPage(Providers, { flows });
    const drawn = () =>
      (['Background', 'Brand', 'Title', 'Spinner', 'Viewport'] as const).filter((ref) => m!.page.tag(ref)!.visible);
    expect(m.page.zone).toBe('loading');
    expect(drawn()).toEqual([]);
    m.timers.advance(REVEAL_DELAY_MS);
    expect(drawn()).toEqual(['Background', 'Brand', 'Title', 'Spinner']);
    release();
    await m.settle();
    expect(drawn()).toEqual(['Background', 'Brand', 'Title', 'Viewport']);
  });

  it('a fast load shows the whole page as soon as the grid is there', async () => {
    m = await mountPage(Providers);
    expect(m.page.zone).toBe('grid');
    expect(m.page.tag('Background')!.visible).toBe(true);
    expect(m.page.tag('Title')!.visible).toBe(true);
  });

  it('shows a failure with Retry, and Retry loads again', async () => {
    const flows = new FakeFlows();
    flows.providersResult = fail('The service is busy');
    m = await mountPage(Providers, { flows });
    expect(m.page.zone).toBe('failed');
    flows.providersResult = ok([ACME]);
    m.press('Enter');
    await m.settle();
    expect(flows.count('providers')).toBe(2);
    expect(m.page.zone).toBe('grid');
  });
});

describe('settings featuredProviders', () => {
  const settingsJson = JSON.parse(readFileSync(join(__dirname, '..', '..', 'settings.json'), 'utf8')) as {
    appSettings: { adobePass: Record<string, unknown> };
  };

  it('reach the TV settings from settings.json (strings only), not the flows config', () => {
    const adobePass = settingsJson.appSettings.adobePass;
    const resolved = resolveSettings(adobePass);
    expect(resolved.tv.featuredProviders).toEqual(adobePass.featuredProviders);
    expect(resolved.tv.featuredProviders).toContain('AcmeCable');
    expect('featuredProviders' in resolved.flows).toBe(false);
    expect(resolveSettings({ ...adobePass, featuredProviders: ['A', 3, ''] }).tv.featuredProviders).toEqual(['A']);
    expect(resolveSettings({ ...adobePass, featuredProviders: 'A' }).tv.featuredProviders).toBeUndefined();
  });
});
