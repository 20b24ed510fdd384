import { ActivateController, BADGE_MS, SUCCESS_MS, type ActivateState } from '../../src/controllers/activate';
import type { Session } from '../../src/services';
import { recorder, testDeps } from '../support/deps';
import { ACME, BLUE, FakeFlows, profileFor } from '../support/fakeFlows';

function setup(session: Session = { provider: ACME }) {
  const flows = new FakeFlows();
  const deps = testDeps({ flows, session });
  const ctl = new ActivateController(deps);
  const seen = recorder<ActivateState>();
  ctl.subscribe(seen.render);
  ctl.activate();
  return { deps, flows, ctl, seen, activation: () => flows.activations[flows.activations.length - 1]! };
}

describe('ActivateController', () => {
  it('nothing chosen (and not the phone): back to the picker without starting', () => {
    const { deps, flows } = setup({});
    expect(deps.routes).toEqual(['providers']);
    expect(flows.activations).toHaveLength(0);
  });

  it('starts for the chosen provider; each code shows with a countdown that ticks every second', () => {
    const { ctl, activation, deps } = setup();
    expect(activation().provider).toBe(ACME);
    expect(ctl.state).toMatchObject({ kind: 'starting', chosen: ACME });
    activation().remaining = 125_000;
    activation().code('ABC1234');
    expect(ctl.state).toMatchObject({
      kind: 'code',
      newCode: false,
      countdown: { kind: 'running', remainingMs: 125_000 },
    });
    activation().remaining = 124_000;
    deps.timers.advance(1000);
    expect(ctl.state).toMatchObject({ countdown: { remainingMs: 124_000 } });
  });

  it('the countdown redraws as the time left crosses a whole second, so 0:01 turns on time', () => {
    const { ctl, activation, deps } = setup();
    activation().remaining = 1_300; // shows 0:02 (mm:ss rounds up)
    activation().code('ABC1234');
    activation().remaining = 1_001;
    deps.timers.advance(299);
    expect(ctl.state).toMatchObject({ countdown: { remainingMs: 1_300 } });
    activation().remaining = 1_000; // 0:01
    deps.timers.advance(1);
    expect(ctl.state).toMatchObject({ countdown: { remainingMs: 1_000 } });
    activation().remaining = 0; // expiry: the line changes on the second, not up to one later
    deps.timers.advance(1000);
    expect(ctl.state).toMatchObject({ countdown: { remainingMs: 0 } });
  });

  it('an expired code says so; the replacement is flagged new for BADGE_MS', () => {
    const { ctl, activation, deps } = setup();
    const first = activation().code('ABC1234');
    activation().listener.onExpired(first);
    expect(ctl.state).toMatchObject({ countdown: { kind: 'expired' } });
    activation().code('XYZ9876');
    expect(ctl.state).toMatchObject({ code: { code: 'XYZ9876' }, newCode: true });
    deps.timers.advance(BADGE_MS);
    expect(ctl.state).toMatchObject({ newCode: false });
  });

  it('"Get a new code" asks flows and says it is coming; leaving stops polling and every timer', () => {
    const { ctl, activation, deps } = setup();
    activation().code('ABC1234');
    ctl.action('new');
    expect(activation().newCodes).toBe(1);
    expect(ctl.state).toMatchObject({ countdown: { kind: 'renewing' } });
    ctl.back();
    expect(activation().stopped).toBe(true);
    expect(deps.routes).toEqual(['providers']);
    expect(deps.timers.pending).toBe(0);
  });

  it('success names the provider the flows give, then opens the catalog once (timer or OK)', () => {
    const { ctl, activation, deps } = setup();
    activation().code('ABC1234');
    activation().listener.onSignedIn(profileFor('AcmeCable'), ACME);
    expect(ctl.state).toMatchObject({ kind: 'success', provider: ACME });
    ctl.continue();
    deps.timers.advance(SUCCESS_MS);
    ctl.back();
    expect(deps.routes).toEqual(['catalog']);
  });

  it('the phone chose: no provider sent, the flows’ provider is shown and kept for the picker', () => {
    const { ctl, activation, deps } = setup({ chooseOnPhone: true });
    expect(activation().provider).toBeUndefined();
    activation().listener.onSignedIn(profileFor('BlueRiverTV'), BLUE);
    expect(ctl.state).toMatchObject({ kind: 'success', chosen: undefined, provider: BLUE });
    expect(deps.session.provider).toBe(BLUE);
  });

  it('adding a provider (signed in, chosen on the phone): giving up returns to Account; a sign-in ends the errand', () => {
    const { ctl, activation, deps } = setup({ chooseOnPhone: true, addingProvider: true });
    expect(activation().provider).toBeUndefined();
    activation().code('ABC1234');
    ctl.back();
    expect(activation().stopped).toBe(true);
    expect(deps.routes).toEqual(['account']);
    expect(deps.session).toMatchObject({ addingProvider: false, chooseOnPhone: false });
    const again = setup({ chooseOnPhone: true, addingProvider: true });
    again.activation().listener.onSignedIn(profileFor('BlueRiverTV'), BLUE);
    expect(again.deps.session).toMatchObject({ addingProvider: false, provider: BLUE });
  });

  it('a failure stops polling and offers Try again (retryable or expired code) and another provider', () => {
    const { ctl, activation, flows } = setup();
    const first = activation();
    first.listener.onFailure({ kind: 'expired-code', message: 'expired', retryable: false });
    expect(first.stopped).toBe(true);
    const s = ctl.state;
    expect(s.kind === 'failed' && s.actions.map((a) => a.id)).toEqual(['retry', 'providers']);
    ctl.panelAction('retry');
    expect(flows.activations).toHaveLength(2);
    expect(activation().provider).toBe(ACME);
    activation().listener.onFailure({ kind: 'configuration', message: 'no', retryable: false });
    const t = ctl.state;
    expect(t.kind === 'failed' && t.actions.map((a) => a.id)).toEqual(['providers']);
  });

  it('callbacks of a stopped activation are ignored', () => {
    const { ctl, activation } = setup();
    const old = activation();
    ctl.panelAction('retry');
    old.code('OLD1234');
    old.listener.onSignedIn(profileFor('AcmeCable'), ACME);
    expect(ctl.state.kind).toBe('starting');
  });

  it('codes stopped (the automatic new code expired too): the code screen stays, nothing ticks, "Get a new code" starts again', () => {
    const { ctl, activation, deps } = setup();
    const a = activation();
    a.listener.onExpired(a.code('ABC1234'));
    a.listener.onExpired(a.code('XYZ9876'));
    a.listener.onFailure({ kind: 'expired-code', message: 'The activation code expired.', retryable: true });
    expect(ctl.state).toMatchObject({
      kind: 'code',
      code: { code: 'XYZ9876' },
      countdown: { kind: 'stopped' },
      newCode: false,
    });
    expect(deps.timers.pending).toBe(0); // no countdown tick, no badge timer
    expect(a.stopped).toBe(false); // the same activation takes the viewer's request for a new code
    ctl.action('new');
    expect(a.newCodes).toBe(1);
    expect(ctl.state).toMatchObject({ countdown: { kind: 'renewing' } });
    a.code('NEW5555');
    expect(ctl.state).toMatchObject({ code: { code: 'NEW5555' }, countdown: { kind: 'running' } });
  });
});
