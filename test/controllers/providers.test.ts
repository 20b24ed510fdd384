import {
  MAX_QUERY,
  PHONE_CHOICE,
  PICKER_TEXT,
  ProvidersController,
  RAIL_MIN,
  type Picking,
  type ProvidersState,
} from '../../src/controllers/providers';
import type { Provider } from '../../src/flows/api';
import { flush, testDeps } from '../support/deps';
import { ACME, BLUE, FakeFlows, SUMMIT, fail, ok } from '../support/fakeFlows';

const p = (id: string, displayName = id): Provider => ({ id, displayName, isTempPass: false, isProxy: false });

/** Fourteen providers in configuration order (not A–Z), with accents and a number. */
const MANY = [
  p('vista', 'Vista Stream TV'),
  p('eclair', 'Éclair Câble'),
  p('rio', 'Río Grande Cable & Internet'),
  p('acme', 'Acme Cable'),
  p('delta', 'Delta Fiber'),
  p('zeta', 'Zeta Networks'),
  p('blue', 'Blue River TV'),
  p('c14', 'Coastal Cable 14'),
  p('c2', 'Coastal Cable 2'),
  p('fjord', 'Fjord Telecom'),
  p('mesa', 'Mesa Verde Telephone Cooperative'),
  p('north', 'North Río Grande Media'),
  p('summit', 'Summit Satellite'),
  p('old', 'Old Town Cable'),
];
const AZ = [
  'Acme Cable',
  'Blue River TV',
  'Coastal Cable 2',
  'Coastal Cable 14',
  'Delta Fiber',
  'Éclair Câble',
  'Fjord Telecom',
  'Mesa Verde Telephone Cooperative',
  'North Río Grande Media',
  'Old Town Cable',
  'Río Grande Cable & Internet',
  'Summit Satellite',
  'Vista Stream TV',
  'Zeta Networks',
];

async function setup(list: Provider[], options: { lastUsed?: Provider; featured?: string[] } = {}) {
  const flows = new FakeFlows();
  flows.providersResult = ok(list);
  flows.lastUsed = options.lastUsed;
  const deps = testDeps({ flows });
  deps.settings = { ...deps.settings, featuredProviders: options.featured };
  const ctl = new ProvidersController(deps, 5);
  await ctl.load();
  return { deps, flows, ctl };
}

const picking = (s: ProvidersState): Picking => {
  if (s.kind !== 'picking') throw new Error(`not picking: ${s.kind}`);
  return s;
};
/** Each row as text: headers as `# title`, tiles by name, the no-match row as `∅ query`. */
const rowsOf = (s: ProvidersState) =>
  picking(s).rows.map((r) =>
    r.kind === 'header'
      ? `# ${r.title}`
      : r.kind === 'empty'
        ? `∅ ${r.query}`
        : r.tiles.map((t) => t.provider.displayName),
  );
const tileNames = (s: ProvidersState) =>
  picking(s).rows.flatMap((r) => (r.kind === 'tiles' ? r.tiles.map((t) => t.provider.displayName) : []));
const focused = (ctl: ProvidersController) => ctl.focused()?.displayName;

describe('ProvidersController: order', () => {
  it('shows the featured row (last used first of all), then every provider A–Z, then the phone tile', async () => {
    const { ctl } = await setup(MANY, {
      lastUsed: MANY[6],
      featured: ['summit', 'unknown', 'acme', 'blue', 'mesa', 'zeta', 'old'],
    });
    const rows = rowsOf(ctl.state);
    expect(rows[0]).toBe(`# ${PICKER_TEXT.featured}`);
    // Blue River first (last used), configured order after it, unknown ids skipped, one row of five.
    expect(rows[1]).toEqual([
      'Blue River TV',
      'Summit Satellite',
      'Acme Cable',
      'Mesa Verde Telephone Cooperative',
      'Zeta Networks',
    ]);
    expect(rows[2]).toBe(`# ${PICKER_TEXT.all}`);
    // A–Z, accents and case ignored (É with E, Río with R), numbers by value (2 before 14); featured ones included.
    expect(tileNames(ctl.state).slice(5)).toEqual([...AZ, PHONE_CHOICE.displayName]);
    const s = picking(ctl.state);
    expect(s.rows[1]!.kind === 'tiles' && s.rows[1].tiles.map((t) => t.lastUsed)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(focused(ctl)).toBe('Blue River TV');
    expect(s.letters).toEqual(expect.arrayContaining(['A', 'E', 'R', 'Z']));
  });

  it('without featured settings the row holds only the last-used provider; without either there is none', async () => {
    expect(rowsOf((await setup(MANY, { lastUsed: MANY[12] })).ctl.state).slice(0, 3)).toEqual([
      `# ${PICKER_TEXT.featured}`,
      ['Summit Satellite'],
      `# ${PICKER_TEXT.all}`,
    ]);
    const { ctl } = await setup(MANY);
    expect(rowsOf(ctl.state)[0]).toEqual(AZ.slice(0, 5));
    expect(focused(ctl)).toBe('Acme Cable');
  });

  it('short lists have no featured row: the last-used provider leads, marked', async () => {
    const { ctl } = await setup([ACME, BLUE, SUMMIT], { lastUsed: SUMMIT, featured: ['AcmeCable'] });
    expect(rowsOf(ctl.state)).toEqual([['Summit Satellite', 'Acme Cable', 'Blue River TV', PHONE_CHOICE.displayName]]);
    expect(picking(ctl.state)).toMatchObject({ rail: false, featured: [] });
    const s = picking(ctl.state);
    expect(s.rows[0]!.kind === 'tiles' && s.rows[0].tiles[0]!.lastUsed).toBe(true);
  });
});

describe('ProvidersController: moving around', () => {
  it('moves between rows over the section headers, clamping to short rows', async () => {
    const { ctl } = await setup(MANY, { featured: ['summit', 'acme'] });
    const s0 = picking(ctl.state);
    expect([s0.row, s0.col]).toEqual([1, 0]);
    ctl.right();
    ctl.right(); // the featured row has two tiles
    expect(focused(ctl)).toBe('Acme Cable');
    ctl.down(); // over the "All providers" header
    expect([picking(ctl.state).row, focused(ctl)]).toEqual([3, 'Blue River TV']);
    ctl.down();
    ctl.right();
    ctl.right();
    ctl.right();
    ctl.right();
    expect(focused(ctl)).toBe('Old Town Cable');
    ctl.down(); // the last row: Río … Zeta, then the phone tile
    expect(ctl.focused()).toBe(PHONE_CHOICE);
    ctl.down();
    expect(ctl.focused()).toBe(PHONE_CHOICE);
    ctl.left();
    ctl.down();
    ctl.page(-1); // three tile rows up, over the header: the featured row, col clamped to its last tile
    expect(focused(ctl)).toBe('Acme Cable');
    ctl.page(1); // three tile rows down, in column 1
    expect(focused(ctl)).toBe('Summit Satellite');
  });

  it('Up from the first row reaches the rail, then the search field; Down comes back', async () => {
    const { ctl } = await setup(MANY);
    expect(picking(ctl.state).rail).toBe(true);
    ctl.up();
    expect(picking(ctl.state).zone).toBe('rail');
    expect(ctl.left()).toBe(false); // the rail moves between letters itself
    ctl.up();
    expect(picking(ctl.state).zone).toBe('search');
    ctl.down();
    expect(picking(ctl.state).zone).toBe('rail');
    ctl.down();
    expect(picking(ctl.state)).toMatchObject({ zone: 'grid', row: 0, col: 0 });
  });

  it('short lists (no rail): Up from the first row reaches the search field', async () => {
    const { ctl } = await setup(MANY.slice(0, RAIL_MIN - 1));
    ctl.up();
    expect(picking(ctl.state).zone).toBe('search');
    ctl.down();
    expect(picking(ctl.state).zone).toBe('grid');
  });

  it('a letter jumps to the first provider filed under it (accents ignored), else the next letter', async () => {
    const { ctl } = await setup(MANY, { featured: ['zeta'] });
    ctl.up();
    ctl.jumpTo('E');
    expect([picking(ctl.state).zone, focused(ctl)]).toEqual(['grid', 'Éclair Câble']);
    ctl.jumpTo('R');
    expect(focused(ctl)).toBe('Río Grande Cable & Internet');
    ctl.jumpTo('T'); // nothing under T: V follows
    expect(focused(ctl)).toBe('Vista Stream TV');
  });

  it('the pointer can focus a tile, the rail, the field or the keyboard', async () => {
    const { ctl } = await setup(MANY);
    ctl.pointAt({ row: 2, col: 3 });
    expect(focused(ctl)).toBe(AZ[13]);
    ctl.pointAt('rail');
    expect(picking(ctl.state).zone).toBe('rail');
    ctl.pointAt('search');
    expect(picking(ctl.state).zone).toBe('search');
  });
});

describe('ProvidersController: search', () => {
  it('filters as the viewer types: any word of the name, from its start, case and accents ignored', async () => {
    const { ctl } = await setup(MANY, { featured: ['acme'] });
    ctl.openSearch();
    expect(picking(ctl.state)).toMatchObject({ searching: true, zone: 'keyboard', query: '', rail: false });
    expect(tileNames(ctl.state)).toEqual([...AZ, PHONE_CHOICE.displayName]); // no featured row
    ctl.type('G');
    ctl.type('R');
    expect(tileNames(ctl.state)).toEqual([
      'North Río Grande Media',
      'Río Grande Cable & Internet',
      PHONE_CHOICE.displayName,
    ]);
    ctl.clear();
    ctl.type('rio');
    expect(picking(ctl.state).matches).toBe(2);
    ctl.clear();
    ctl.type('TELEPHONE'); // a word in the middle of the name
    expect(tileNames(ctl.state)).toEqual(['Mesa Verde Telephone Cooperative', PHONE_CHOICE.displayName]);
    ctl.clear();
    ctl.type('cable coa'); // several words, any order, the last one partial
    expect(tileNames(ctl.state)).toEqual(['Coastal Cable 2', 'Coastal Cable 14', PHONE_CHOICE.displayName]);
    ctl.clear();
    ctl.type('cab');
    expect(picking(ctl.state).matches).toBe(6);
    ctl.clear();
    ctl.type('able'); // not the start of a word
    expect(picking(ctl.state).matches).toBe(0);
  });

  it('no match: a message row, and the phone tile still offered', async () => {
    const { ctl } = await setup(MANY);
    ctl.type('x'); // typing opens the search
    ctl.type('q');
    expect(rowsOf(ctl.state)).toEqual(['∅ xq', [PHONE_CHOICE.displayName]]);
    ctl.down();
    expect(ctl.focused()).toBe(PHONE_CHOICE);
    ctl.up();
    expect(picking(ctl.state).zone).toBe('keyboard');
    ctl.pointAt('search'); // the pointer on the field, then Down: back to the keyboard
    ctl.down();
    expect(picking(ctl.state).zone).toBe('keyboard');
  });

  it('the results grid starts at the first match; typing while there keeps focus in the grid', async () => {
    const { ctl } = await setup(MANY);
    ctl.openSearch();
    ctl.type('c');
    ctl.down();
    ctl.right();
    expect(focused(ctl)).toBe('Coastal Cable 2');
    ctl.type('o');
    expect(picking(ctl.state).zone).toBe('grid');
    expect(focused(ctl)).toBe('Coastal Cable 2'); // back to the first match
    ctl.up();
    expect(picking(ctl.state).zone).toBe('keyboard');
  });

  it('keeps at most MAX_QUERY characters', async () => {
    const { ctl } = await setup(MANY);
    ctl.type('a'.repeat(MAX_QUERY + 5));
    expect(picking(ctl.state).query).toHaveLength(MAX_QUERY);
  });
});

describe('ProvidersController: Back', () => {
  it('while searching: deletes the last character, then closes the search where browsing was', async () => {
    const { ctl } = await setup(MANY);
    ctl.down();
    ctl.right(); // browsing focus: row 1, col 1
    ctl.type('de');
    expect(ctl.back()).toBe(true);
    expect(picking(ctl.state).query).toBe('d');
    expect(ctl.back()).toBe(true);
    expect(picking(ctl.state)).toMatchObject({ query: '', searching: true });
    expect(ctl.back()).toBe(true);
    expect(picking(ctl.state)).toMatchObject({ searching: false, zone: 'search', rail: true });
    ctl.down();
    ctl.down();
    expect(focused(ctl)).toBe(AZ[6]); // row 1, col 1 again
    expect(tileNames(ctl.state)).toHaveLength(AZ.length + 1);
  });

  it('deep in the list Back goes up to the rail; at the top it is the shell’s (exit rules)', async () => {
    const { ctl } = await setup(MANY, { featured: ['acme'] });
    expect(ctl.back()).toBe(false); // first row
    ctl.down();
    ctl.down();
    expect(ctl.back()).toBe(true);
    expect(picking(ctl.state).zone).toBe('rail');
    expect(ctl.back()).toBe(false);
    ctl.down();
    expect(focused(ctl)).toBe(AZ[5]); // Down returns to the tile Back left
  });

  it('without a rail, Back deep in the list returns to the first tile', async () => {
    const { ctl } = await setup(MANY.slice(0, 7), { featured: [] });
    ctl.down();
    expect(ctl.back()).toBe(true);
    expect(picking(ctl.state)).toMatchObject({ zone: 'grid', row: 0, col: 0 });
  });
});

describe('ProvidersController: choice and failures', () => {
  it('a provider goes to activation with it; the phone tile without one', async () => {
    const { ctl, deps } = await setup([ACME, BLUE]);
    ctl.choose(BLUE);
    expect(deps.session).toMatchObject({ provider: BLUE, chooseOnPhone: false });
    ctl.choose(PHONE_CHOICE);
    expect(deps.session.provider).toBeUndefined();
    expect(deps.session.chooseOnPhone).toBe(true);
    expect(deps.routes).toEqual(['activate', 'activate']);
    expect(PHONE_CHOICE.id).toBe('');
  });

  it('an empty list or a failure offers Retry; late answers after leaving are dropped', async () => {
    const { ctl, flows } = await setup([]);
    expect(ctl.state).toMatchObject({ kind: 'failed', failure: { kind: 'configuration' } });
    expect(ctl.back()).toBe(false);
    flows.providersResult = fail('busy');
    ctl.retry();
    await flush();
    expect(ctl.state).toMatchObject({ kind: 'failed', failure: { message: 'busy' } });
    flows.providersResult = ok([ACME]);
    const late = ctl.load();
    ctl.stop();
    await late;
    expect(ctl.state.kind).toBe('loading');
  });
});
