import { PHONE_CHOICE, ProvidersController, RAIL_MIN, type ProvidersState } from '../../src/controllers/providers';
import type { Provider } from '../../src/flows/api';
import { flush, testDeps } from '../support/deps';
import { ACME, BLUE, FakeFlows, SUMMIT, fail, ok } from '../support/fakeFlows';

const p = (i: number): Provider => ({ id: `m${i}`, displayName: `P${i}`, isTempPass: false, isProxy: false });

async function setup(list: Provider[], lastUsed?: Provider) {
  const flows = new FakeFlows();
  flows.providersResult = ok(list);
  flows.lastUsed = lastUsed;
  const deps = testDeps({ flows });
  const ctl = new ProvidersController(deps, 5);
  await ctl.load();
  return { deps, flows, ctl };
}

const picking = (s: ProvidersState) => {
  if (s.kind !== 'picking') throw new Error(`not picking: ${s.kind}`);
  return s;
};

describe('ProvidersController', () => {
  it('pins the last used provider only when the flows put it first and there is a choice', async () => {
    expect(picking((await setup([SUMMIT, ACME], SUMMIT)).ctl.state).pinned).toBe(true);
    expect(picking((await setup([ACME, SUMMIT], SUMMIT)).ctl.state).pinned).toBe(false);
    expect(picking((await setup([SUMMIT], SUMMIT)).ctl.state).pinned).toBe(false);
    expect(picking((await setup([SUMMIT, ACME])).ctl.state).pinned).toBe(false);
  });

  it('moves in a grid of five (phone tile last), clamps at the edges and the short last row', async () => {
    const { ctl } = await setup([1, 2, 3, 4, 5, 6, 7].map(p)); // 8 tiles: rows of 5 and 3
    const focus = () => picking(ctl.state).focus;
    expect(ctl.left()).toBe(true);
    expect(focus()).toBe(0);
    ctl.right();
    ctl.right();
    ctl.down();
    expect(focus()).toBe(7); // below 2 is 7 (the phone tile)
    ctl.down();
    ctl.right();
    expect(focus()).toBe(7);
    ctl.left();
    ctl.left();
    ctl.down(); // on the last row Down does nothing (no sideways jump to the last tile)
    expect(focus()).toBe(5);
    ctl.right();
    ctl.right();
    ctl.up();
    expect(focus()).toBe(2);
    ctl.up(); // first row, no rail under RAIL_MIN providers
    expect(picking(ctl.state)).toMatchObject({ zone: 'grid', focus: 2, rail: false });
  });

  it('long lists offer the rail: Up from the first row reaches it, Down and a jump return to the grid', async () => {
    const list = Array.from({ length: RAIL_MIN }, (_, i) => p(i));
    const { ctl } = await setup(list);
    ctl.up();
    expect(picking(ctl.state).zone).toBe('rail');
    expect(ctl.left()).toBe(false); // the rail moves between letters itself
    ctl.down();
    expect(picking(ctl.state).zone).toBe('grid');
    ctl.pointAt('rail');
    ctl.jumpTo(6);
    expect(picking(ctl.state)).toMatchObject({ zone: 'grid', focus: 6 });
  });

  it('a provider goes to activation with it; the phone tile without one', async () => {
    const { ctl, deps } = await setup([ACME, BLUE]);
    ctl.choose(1);
    expect(deps.session).toMatchObject({ provider: BLUE, chooseOnPhone: false });
    ctl.choose(2);
    expect(deps.session.provider).toBeUndefined();
    expect(deps.session.chooseOnPhone).toBe(true);
    expect(deps.routes).toEqual(['activate', 'activate']);
    expect(PHONE_CHOICE.id).toBe('');
  });

  it('an empty list or a failure offers Retry; late answers after leaving are dropped', async () => {
    const { ctl, flows } = await setup([]);
    expect(ctl.state).toMatchObject({ kind: 'failed', failure: { kind: 'configuration' } });
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
