import { CatalogController, INPUT_GUARD_MS, type CatalogState } from '../../src/controllers/catalog';
import { SAMPLE_CATALOG } from '../support/catalog';
import { flush, recorder, testDeps, type TestDepsOptions } from '../support/deps';
import { ACME, FakeFlows, fail, profileFor } from '../support/fakeFlows';

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

  it('shows the rows at once, then again with the decisions; the provider comes from flows.current()', async () => {
    const flows = new FakeFlows();
    flows.decisions.set('DEMOTV-SPORTS', denied('DEMOTV-SPORTS'));
    const { ctl, seen } = setup({ flows });
    ctl.activate();
    await flush();
    expect(seen.kinds()).toEqual(['loading', 'loading', 'loading', 'browsing', 'browsing']);
    const s = browsing(ctl.state);
    expect(s.provider).toBe(ACME);
    expect(s.rows).not.toBe(browsing(seen.states[3]!).rows); // a new array: the view rebuilds
    const derby = SAMPLE_CATALOG.rows[0]!.items[1]!;
    expect(ctl.accessOf(derby)).toBe('locked');
    expect(ctl.reasonFor(derby)).toBe('Not included. — Upgrade');
    expect(ctl.accessOf(SAMPLE_CATALOG.rows[0]!.items[0]!)).toBe('unlocked');
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
});
