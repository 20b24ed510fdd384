import type { Catalog } from '../../src/catalog/types';
import type { PreauthorizeOptions } from '../../src/flows/api';
import {
  CatalogController,
  INPUT_GUARD_MS,
  SETTLE_MS,
  WHOLE_CATALOG_CHANNELS,
  type CatalogState,
} from '../../src/controllers/catalog';
import { SAMPLE_CATALOG } from '../support/catalog';
import { channelId, largeCatalog } from '../support/largeCatalog';
import { flush, recorder, testDeps, type TestDepsOptions } from '../support/deps';
import { ACME, BLUE, FakeFlows, fail, profileFor } from '../support/fakeFlows';

const denied = (resource: string) => ({
  resource,
  authorized: false,
  failure: { kind: 'denied' as const, message: 'Not included.', details: 'Upgrade', retryable: false },
});

function setup(options: TestDepsOptions = {}, signedIn = true) {
  const flows = options.flows ?? new FakeFlows();
  if (signedIn) flows.signedIn = { profile: profileFor('AcmeCable'), provider: ACME };
  const deps = testDeps({ ...options, flows });
  const toasts: string[] = [];
  const ctl = new CatalogController(deps, { toast: (t) => toasts.push(t) });
  const seen = recorder<CatalogState>();
  ctl.subscribe(seen.render);
  return { deps, flows, ctl, seen, toasts };
}

const browsing = (s: CatalogState) => {
  if (s.kind !== 'browsing') throw new Error(`not browsing: ${s.kind}`);
  return s;
};

describe('CatalogController', () => {
  it('signed out: straight to the picker, nothing loaded', async () => {
    const { ctl, deps, flows } = setup({}, false);
    ctl.activate();
    await flush();
    expect(deps.routes).toEqual(['providers']);
    expect(flows.count('preauthorize')).toBe(0);
  });

  it('shows the rows at once, then the decisions without new rows; the provider comes from flows.current()', async () => {
    const flows = new FakeFlows();
    flows.decisions.set('DEMOTV-SPORTS', denied('DEMOTV-SPORTS'));
    const { ctl, seen } = setup({ flows });
    ctl.activate();
    await flush();
    expect(seen.kinds()).toEqual(['loading', 'loading', 'loading', 'browsing', 'browsing']);
    const s = browsing(ctl.state);
    expect(s.provider).toBe(ACME);
    // The same rows: the view re-applies locks to its tiles instead of rebuilding them.
    expect(s.rows).toBe(browsing(seen.states[3]!).rows);
    expect(s.access).toBe(browsing(seen.states[3]!).access + 1);
    const derby = SAMPLE_CATALOG.rows[0]!.items[1]!;
    expect(ctl.accessOf(derby)).toBe('locked');
    expect(ctl.reasonFor(derby)).toBe('Not included. — Upgrade');
    expect(ctl.accessOf(SAMPLE_CATALOG.rows[0]!.items[0]!)).toBe('unlocked');
    // Back from the player: the same titles, the same rows array (nothing rebuilt), locks kept meanwhile.
    ctl.deactivate();
    ctl.activate();
    expect(browsing(ctl.state).rows).toBe(s.rows);
    expect(ctl.accessOf(derby)).toBe('locked');
    await flush();
    expect(browsing(ctl.state).rows).toBe(s.rows);
  });

  it('hides denied titles when showLockedTitles is off; all denied → a failure with Retry/Account', async () => {
    const flows = new FakeFlows();
    for (const r of ['DEMOTV', 'DEMOTV-SPORTS', 'DEMOTV-MOVIES']) flows.decisions.set(r, denied(r));
    const { ctl } = setup({ flows, showLockedTitles: false });
    ctl.activate();
    await flush();
    expect(browsing(ctl.state).rows.map((r) => r.id)).toEqual(['kids']);
    flows.decisions.set('DEMOTV-KIDS', denied('DEMOTV-KIDS'));
    ctl.panelAction('retry');
    await flush();
    const s = ctl.state;
    expect(s.kind).toBe('failed');
    expect(s.kind === 'failed' && s.actions.map((a) => a.id)).toEqual(['retry', 'account']);
  });

  it('another provider since the last visit: its own decisions and focus on the first title, not the Account button', async () => {
    const flows = new FakeFlows();
    flows.decisions.set('DEMOTV-SPORTS', denied('DEMOTV-SPORTS'));
    const { ctl } = setup({ flows });
    ctl.activate();
    await flush();
    const derby = SAMPLE_CATALOG.rows[0]!.items[1]!;
    expect(ctl.accessOf(derby)).toBe('locked');
    ctl.up(); // to the header's Account button, then on to Account → Add a provider
    expect(browsing(ctl.state).zone).toBe('header');
    ctl.deactivate();
    flows.signedIn = { profile: profileFor('BlueRiverTV'), provider: BLUE };
    flows.decisions.clear(); // everything permitted by the new provider
    ctl.activate(); // the catalog is in memory: its rows at once
    expect(browsing(ctl.state)).toMatchObject({ provider: BLUE, zone: 'rows', row: 0, col: 0 });
    expect(ctl.accessOf(derby)).toBe('unknown'); // nothing of the old provider's locks shown meanwhile
    await flush();
    expect(browsing(ctl.state)).toMatchObject({ provider: BLUE, zone: 'rows', row: 0, col: 0 });
    expect(ctl.accessOf(derby)).toBe('unlocked');
  });

  it('moves between header and rows, remembers each row’s column, and restores focus from the session', async () => {
    const { ctl, deps } = setup();
    ctl.activate();
    await flush();
    ctl.focusCol(2);
    expect(ctl.down()).toBe(true);
    expect(browsing(ctl.state)).toMatchObject({ row: 1, col: 0 });
    ctl.up();
    expect(browsing(ctl.state)).toMatchObject({ zone: 'rows', row: 0, col: 2 });
    ctl.up();
    expect(browsing(ctl.state).zone).toBe('header');
    expect(ctl.up()).toBe(false);
    ctl.down();
    expect(browsing(ctl.state).zone).toBe('rows');
    deps.timers.advance(INPUT_GUARD_MS);
    ctl.select(SAMPLE_CATALOG.rows[0]!.items[2]!);
    expect(deps.routes).toEqual(['play/t03']);
    expect(deps.session.catalogFocus).toEqual({ row: 0, col: 2 });
    // Back from the player: the same focus again.
    const again = new CatalogController(deps, { toast: () => undefined });
    again.activate();
    await flush();
    expect(browsing(again.state)).toMatchObject({ row: 0, col: 2 });
  });

  it('ignores OK right after it appeared (an OK meant for the previous screen)', async () => {
    const { ctl, deps } = setup();
    ctl.activate();
    await flush();
    ctl.select(SAMPLE_CATALOG.rows[0]!.items[0]!);
    expect(deps.routes).toEqual([]);
    deps.timers.advance(INPUT_GUARD_MS);
    ctl.select(SAMPLE_CATALOG.rows[0]!.items[0]!);
    expect(deps.routes).toEqual(['play/t01']);
  });

  it('a lost sign-in during preauthorization goes to the picker with a toast; other failures keep the titles', async () => {
    const flows = new FakeFlows();
    flows.preauthorizeResult = fail('gone', { kind: 'authentication' });
    const { ctl, deps, toasts } = setup({ flows });
    ctl.activate();
    await flush();
    expect(deps.routes).toEqual(['providers']);
    expect(toasts).toEqual(['Please sign in with your TV provider again.']);
    flows.preauthorizeResult = fail('down');
    ctl.activate();
    await flush();
    expect(ctl.state.kind).toBe('browsing');
    expect(toasts[1]).toMatch(/could not check/);
  });

  it('answers that arrive after the page was left are dropped', async () => {
    let release!: (v: { ok: true; value: typeof SAMPLE_CATALOG }) => void;
    const { ctl, flows } = setup({ catalog: { load: () => new Promise((r) => (release = r)) } });
    ctl.activate();
    ctl.deactivate();
    release({ ok: true, value: SAMPLE_CATALOG });
    await flush();
    expect(ctl.state.kind).toBe('loading');
    expect(flows.count('preauthorize')).toBe(0);
  });

  it('the pointer moves focus to a row or the header', async () => {
    const { ctl } = setup();
    ctl.activate();
    await flush();
    ctl.pointAt(1);
    expect(browsing(ctl.state)).toMatchObject({ zone: 'rows', row: 1 });
    ctl.pointAt('header');
    expect(browsing(ctl.state).zone).toBe('header');
    ctl.pointAt(7);
    expect(browsing(ctl.state)).toMatchObject({ zone: 'header', row: 1 });
  });

  it('a title’s lock is its channel’s decision: one call with the distinct channel resources', async () => {
    const flows = new FakeFlows();
    flows.decisions.set(channelId(1), denied(channelId(1)));
    const catalog = largeCatalog(3, 10, 5);
    const { ctl } = setup({ flows, catalog: { load: async () => ({ ok: true, value: catalog }) } });
    ctl.activate();
    await flush();
    const calls = flows.calls.filter((c) => c.name === 'preauthorize');
    expect(calls.map((c) => c.args[0])).toEqual([[0, 1, 2, 3, 4].map(channelId)]);
    const items = catalog.rows.flatMap((r) => r.items);
    expect(items.filter((i) => ctl.accessOf(i) === 'locked').map((i) => i.channel)).toEqual(
      items.filter((i) => i.channel === channelId(1)).map(() => channelId(1)),
    );
    expect(items.filter((i) => ctl.accessOf(i) === 'locked')).toHaveLength(6);
    expect(ctl.reasonFor(items.find((i) => i.channel === channelId(1))!)).toBe('Not included. — Upgrade');
  });

  it('an answer the flows could not match leaves its titles unknown (authorize decides)', async () => {
    const flows = new FakeFlows();
    const { ctl } = setup({ flows });
    flows.preauthorizeResult = { ok: true, value: new Map([['DEMOTV', { resource: 'DEMOTV', authorized: true }]]) };
    ctl.activate();
    await flush();
    const [harbor, derby] = SAMPLE_CATALOG.rows[0]!.items;
    expect(ctl.accessOf(harbor!)).toBe('unlocked');
    expect(ctl.accessOf(derby!)).toBe('unknown');
  });

  it('more channels than one call covers: only the rows within reach, more as focus moves, never twice', async () => {
    const flows = new FakeFlows();
    // Row r holds channels r..r+1 (mod 40): two channels per row.
    const catalog = largeCatalog(20, 2, 40);
    const { ctl } = setup({ flows, catalog: { load: async () => ({ ok: true, value: catalog }) } });
    ctl.activate();
    await flush();
    const asked = () => flows.calls.filter((c) => c.name === 'preauthorize').map((c) => c.args[0] as string[]);
    expect(asked()).toEqual([[0, 1, 2, 3, 4].map(channelId)]); // rows 0..3
    expect(asked()[0]!.length).toBeLessThanOrEqual(WHOLE_CATALOG_CHANNELS);
    ctl.down();
    await flush();
    expect(asked()).toHaveLength(2);
    expect(asked()[1]).toEqual([channelId(5)]); // row 4 came within reach
    ctl.up();
    await flush();
    expect(asked()).toHaveLength(2); // nothing new within reach
    const row4 = catalog.rows[4]!.items[1]!;
    expect(ctl.accessOf(row4)).toBe('unlocked');
    expect(ctl.accessOf(catalog.rows[10]!.items[0]!)).toBe('unknown'); // out of reach: not asked
  });

  it('leaving the catalog aborts the signal of the batches still queued; their late answer is dropped', async () => {
    const flows = new FakeFlows();
    let release!: () => void;
    flows.holdPreauthorize = new Promise<void>((r) => (release = r));
    const { ctl } = setup({ flows });
    ctl.activate();
    await flush();
    const options = flows.calls.find((c) => c.name === 'preauthorize')!.args[1] as PreauthorizeOptions;
    expect(options.signal?.aborted).toBe(false);
    ctl.deactivate();
    expect(options.signal?.aborted).toBe(true);
    release();
    await flush();
    expect(ctl.accessOf(SAMPLE_CATALOG.rows[0]!.items[0]!)).toBe('unknown');
  });

  /** A catalog of two rows of 12 titles, browsing, with the title the details panel shows. */
  async function browsingTwoRows() {
    const catalog: Catalog = largeCatalog(2, 12);
    const { ctl, deps } = setup({ catalog: { load: async () => ({ ok: true, value: catalog }) } });
    ctl.activate();
    await flush();
    return { ctl, deps, details: () => browsing(ctl.state).details?.id };
  }

  it('the details follow focus at once after a pause, and once focus settles while a key is held', async () => {
    const { ctl, deps, details } = await browsingTwoRows();
    expect(details()).toBe('r0t0');
    deps.timers.advance(SETTLE_MS);
    ctl.focusCol(1);
    expect(details()).toBe('r0t1'); // focus was still: at once
    deps.timers.advance(50);
    ctl.focusCol(2);
    deps.timers.advance(50);
    ctl.focusCol(3);
    expect(details()).toBe('r0t1'); // held key: not yet
    deps.timers.advance(SETTLE_MS - 1);
    expect(details()).toBe('r0t1');
    deps.timers.advance(1);
    expect(details()).toBe('r0t3');
  });

  it('presses in quick succession are one scroll: the details update once, after the last', async () => {
    const { ctl, deps, details } = await browsingTwoRows();
    deps.timers.advance(SETTLE_MS);
    const shown: Array<string | undefined> = [];
    for (let col = 1; col <= 6; col++) {
      ctl.focusCol(col);
      shown.push(details());
      deps.timers.advance(SETTLE_MS * 0.6);
    }
    // The first press came after a rest; the others were part of the scroll.
    expect(shown).toEqual(['r0t1', 'r0t1', 'r0t1', 'r0t1', 'r0t1', 'r0t1']);
    deps.timers.advance(SETTLE_MS * 0.4);
    expect(details()).toBe('r0t6');
  });

  it('each row remembers its column (by row id) when focus moves between rows', async () => {
    const catalog = largeCatalog(3, 12);
    const { ctl } = setup({ catalog: { load: async () => ({ ok: true, value: catalog }) } });
    ctl.activate();
    await flush();
    ctl.focusCol(7);
    ctl.down();
    ctl.focusCol(3);
    ctl.down();
    expect(browsing(ctl.state)).toMatchObject({ row: 2, col: 0 });
    ctl.up();
    expect(browsing(ctl.state)).toMatchObject({ row: 1, col: 3 });
    ctl.up();
    expect(browsing(ctl.state)).toMatchObject({ row: 0, col: 7 });
    expect(ctl.colOf(1)).toBe(3);
  });

  it('a failing preauthorization toasts once per visit, however many calls fail', async () => {
    const flows = new FakeFlows();
    flows.preauthorizeResult = fail('down');
    const catalog = largeCatalog(20, 2, 40);
    const { ctl, toasts } = setup({ flows, catalog: { load: async () => ({ ok: true, value: catalog }) } });
    ctl.activate();
    await flush();
    ctl.down();
    await flush();
    expect(flows.count('preauthorize')).toBe(2);
    expect(toasts).toHaveLength(1);
  });

  it('back from the player: the remembered title once; a move made before the decisions land is not undone', async () => {
    const flows = new FakeFlows();
    const { ctl, deps } = setup({ flows, session: { catalogFocus: { row: 0, col: 2 } } });
    let release!: () => void;
    flows.holdPreauthorize = new Promise<void>((r) => (release = r));
    ctl.activate();
    await flush();
    expect(browsing(ctl.state)).toMatchObject({ row: 0, col: 2 });
    ctl.focusCol(1); // the viewer moves on while the preauthorization is still out
    release();
    await flush();
    expect(browsing(ctl.state)).toMatchObject({ row: 0, col: 1 });
    deps.timers.advance(INPUT_GUARD_MS);
    ctl.select(browsing(ctl.state).rows[0]!.items[1]!);
    expect(deps.routes).toEqual(['play/t02']);
  });

  it('hidden locked titles: focus stays on the title the viewer is on when decisions remove others', async () => {
    const flows = new FakeFlows();
    flows.decisions.set('DEMOTV', denied('DEMOTV'));
    let release!: () => void;
    flows.holdPreauthorize = new Promise<void>((r) => (release = r));
    const { ctl } = setup({ flows, showLockedTitles: false });
    ctl.activate();
    await flush();
    ctl.focusCol(1); // Derby Day, before Harbor Lights (DEMOTV, left of it) is known to be denied
    release();
    await flush();
    const s = browsing(ctl.state);
    expect(s.rows[0]!.items.map((i) => i.id)).toEqual(['t02', 't03']);
    expect(s.rows[s.row]!.items[s.col]!.id).toBe('t02'); // not the title that slid into column 1
  });
});
