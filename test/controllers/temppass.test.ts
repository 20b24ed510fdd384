/** TempPass in the controllers: picker tiles, starting a pass, the pairing screen, the player's stop at expiry. */
import { PlayerController, type PlayerState, type VideoPort } from '../../src/controllers/player';
import { ProvidersController, type Picking } from '../../src/controllers/providers';
import { clock, countdownSpeech, countdownText, offerLabel, tempPassFailure } from '../../src/controllers/temppass';
import { TrialController, type TrialState } from '../../src/controllers/trial';
import type { TempPassOffer } from '../../src/flows/api';
import { SAMPLE_CATALOG } from '../support/catalog';
import { flush, recorder, testDeps } from '../support/deps';
import { ACME, BLUE, FakeFlows, PROMO, SUMMIT, TEMPPASS, fail, ok, tempPassProfile } from '../support/fakeFlows';

const BASIC: TempPassOffer = { provider: TEMPPASS, kind: 'basic', minutes: 15 };
const PROMOTIONAL: TempPassOffer = { provider: PROMO, kind: 'promotional' };
const USED: Parameters<typeof tempPassFailure>[0] = {
  kind: 'authentication',
  message: 'The temporary access period is over.',
  code: 'temporary_access_duration_limit_exceeded',
  retryable: false,
};

describe('TempPass wording', () => {
  it('labels, countdown and speech', () => {
    expect(offerLabel(BASIC)).toBe('Watch free for 15 minutes');
    expect(offerLabel({ ...BASIC, minutes: undefined })).toBe('Watch free');
    expect(offerLabel(PROMOTIONAL)).toBe('Free trial with your email');
    expect(offerLabel({ ...BASIC, usedUp: USED })).toBe('Free preview used');
    expect(clock(754_200)).toBe('12:35');
    expect(clock(-5)).toBe('0:00');
    expect(clock(3_600_000 + 61_000)).toBe('1:01:01');
    const status = { mvpd: 'P', kind: 'promotional' as const, expiresAt: 1_000_000 + 125_000, remainingResources: 2 };
    expect(countdownText(status, 1_000_000)).toBe('Free preview: 2:05 left · 2 free titles left');
    expect(countdownSpeech(status, 1_000_000)).toBe('Free preview, 2 minutes and 5 seconds left. 2 free titles left');
  });

  it('Adobe’s TempPass codes read plainly; other failures are left alone', () => {
    expect(tempPassFailure(USED)).toMatchObject({
      title: 'Your free preview has ended',
      failure: { message: 'Sign in with your TV provider to keep watching.', code: USED.code },
    });
    expect(tempPassFailure({ ...USED, code: 'temporary_access_resources_limit_exceeded' })?.failure.message).toMatch(
      /all your free titles/,
    );
    expect(tempPassFailure({ ...USED, code: 'authenticated_profile_missing' })).toBeUndefined();
  });
});

describe('picker: TempPass tiles', () => {
  async function setup(offers: TempPassOffer[]) {
    const flows = new FakeFlows();
    flows.providersResult = ok([ACME, BLUE, SUMMIT]);
    flows.tempPassOffersResult = ok(offers);
    const deps = testDeps({ flows });
    const ctl = new ProvidersController(deps, 5);
    await ctl.load();
    return { deps, flows, ctl };
  }
  const tiles = (s: Picking) => s.rows.flatMap((r) => (r.kind === 'tiles' ? r.tiles : []));

  it('come after the A–Z list, one per offer, carrying the offer; the phone tile stays last', async () => {
    const { ctl } = await setup([BASIC, PROMOTIONAL]);
    const all = tiles(ctl.state as Picking);
    expect(all.map((t) => (t.phone ? 'phone' : t.trial ? `trial:${t.trial.kind}` : t.provider.id))).toEqual([
      'AcmeCable',
      'BlueRiverTV',
      'SummitSat',
      'trial:basic',
      'trial:promotional',
      'phone',
    ]);
  });

  it('none when nothing is offered', async () => {
    const { ctl } = await setup([]);
    expect(tiles(ctl.state as Picking).some((t) => t.trial)).toBe(false);
  });

  it('basic: OK starts the pass and opens the catalog (no activation)', async () => {
    const { ctl, deps, flows } = await setup([BASIC]);
    ctl.choose(TEMPPASS);
    await flush();
    expect(flows.count('startTempPass')).toBe(1);
    expect(flows.count('startActivation')).toBe(0);
    expect(deps.routes).toEqual(['catalog']);
  });

  it('basic used up: Adobe’s answer in plain words, the way on is sign-in (the picker again)', async () => {
    const { ctl, deps, flows } = await setup([BASIC]);
    flows.startTempPassResult = fail('The temporary access period is over.', {
      kind: 'authentication',
      code: USED.code,
      retryable: false,
    });
    ctl.choose(TEMPPASS);
    await flush();
    expect(ctl.state).toMatchObject({
      kind: 'failed',
      title: 'Your free preview has ended',
      actions: [{ id: 'retry', label: 'Sign in with your TV provider' }],
    });
    expect(deps.routes).toEqual([]);
    ctl.retry();
    await flush();
    expect(ctl.state.kind).toBe('picking');
  });

  it('a pass known to be used up is not started again', async () => {
    const { ctl, flows } = await setup([{ ...BASIC, usedUp: USED }]);
    ctl.choose(TEMPPASS);
    await flush();
    expect(flows.count('startTempPass')).toBe(0);
    expect(ctl.state.kind).toBe('failed');
  });

  it('promotional: goes to the pairing screen with the offer', async () => {
    const { ctl, deps } = await setup([PROMOTIONAL]);
    ctl.choose(PROMO);
    expect(deps.routes).toEqual(['trial']);
    expect(deps.session.tempPassOffer).toBe(PROMOTIONAL);
  });
});

describe('TrialController (promotional pairing)', () => {
  function setup() {
    const flows = new FakeFlows();
    const deps = testDeps({ flows, session: { tempPassOffer: PROMOTIONAL } });
    const ctl = new TrialController(deps);
    const seen = recorder<TrialState>();
    ctl.subscribe(seen.render);
    return { flows, deps, ctl, seen };
  }

  it('shows the code; the phone pairs; the catalog opens', () => {
    const { flows, deps, ctl } = setup();
    ctl.activate();
    const p = flows.pairings[0]!;
    expect(p.offer).toBe(PROMOTIONAL);
    const code = {
      code: 'ABC234',
      activationUrl: 'http://localhost:4030/trial?code=ABC234',
      shortUrl: 'localhost:4030/trial',
      notAfter: 0,
    };
    p.listener.onCode(code);
    expect(ctl.state).toEqual({ kind: 'code', code });
    p.listener.onSignedIn(tempPassProfile(PROMO));
    expect(deps.routes).toEqual(['catalog']);
  });

  it('Back stops the pairing; a late answer changes nothing', () => {
    const { flows, deps, ctl } = setup();
    ctl.activate();
    ctl.back();
    expect(flows.pairings[0]!.stopped).toBe(true);
    flows.pairings[0]!.listener.onSignedIn(tempPassProfile(PROMO));
    expect(deps.routes).toEqual(['providers']);
  });

  it('an expired code offers a new one; a used-up pass offers sign-in', () => {
    const { flows, ctl } = setup();
    ctl.activate();
    flows.pairings[0]!.listener.onFailure({
      kind: 'expired-code',
      message: 'This code has expired. A new code is needed.',
      retryable: true,
    });
    expect(ctl.state).toMatchObject({ kind: 'failed', actions: [{ id: 'retry' }, { id: 'back' }] });
    ctl.panelAction('retry');
    expect(flows.pairings).toHaveLength(2);
    flows.pairings[1]!.listener.onFailure({ ...USED, code: 'temporary_access_resources_limit_exceeded' });
    expect(ctl.state).toMatchObject({
      kind: 'failed',
      title: 'Your free preview has ended',
      actions: [{ id: 'back', label: 'Sign in with your TV provider' }],
    });
  });

  it('without an offer it goes back to the picker', () => {
    const flows = new FakeFlows();
    const deps = testDeps({ flows });
    new TrialController(deps).activate();
    expect(deps.routes).toEqual(['providers']);
  });
});

describe('player with a TempPass', () => {
  class Video implements VideoPort {
    opened: string[] = [];
    closed = 0;
    currentTime = 0;
    duration = 0;
    open = (u: string) => void this.opened.push(u);
    close = () => void this.closed++;
    play = () => undefined;
    pause = () => undefined;
    seekBy = () => undefined;
  }

  function setup(expiresInMs: number) {
    const flows = new FakeFlows();
    const deps = testDeps({ flows, session: { catalog: SAMPLE_CATALOG } });
    flows.tempPassStatus = { mvpd: TEMPPASS.id, kind: 'basic', expiresAt: deps.now() + expiresInMs };
    const video = new Video();
    const ctl = new PlayerController(deps, video);
    const seen = recorder<PlayerState>();
    ctl.subscribe(seen.render);
    return { flows, deps, ctl, video };
  }

  it('stops the stream at the pass’s expiry, forgets the pass (no logout) and offers sign-in', async () => {
    const { flows, deps, ctl, video } = setup(60_000);
    ctl.setItem('t02', true);
    await flush();
    ctl.playing();
    expect(video.opened).toHaveLength(1);
    deps.timers.advance(59_000);
    expect(ctl.state.kind).toBe('playing');
    deps.timers.advance(1_000);
    expect(ctl.state).toMatchObject({
      kind: 'error',
      title: 'Your free preview has ended',
      actions: [{ id: 'signin' }, { id: 'back' }],
    });
    expect(video.closed).toBeGreaterThan(0);
    await flush();
    expect(flows.count('endTempPass')).toBe(1);
    expect(flows.count('logout')).toBe(0);
    ctl.panelAction('signin');
    expect(deps.routes).toEqual(['providers']);
  });

  it('leaving the player disarms the expiry', async () => {
    const { flows, deps, ctl } = setup(60_000);
    ctl.setItem('t02', true);
    await flush();
    ctl.stop();
    deps.timers.advance(120_000);
    expect(flows.count('endTempPass')).toBe(0);
  });

  it('a used-up pass on play reads plainly with sign-in', async () => {
    const { flows, ctl } = setup(60_000);
    flows.authorizeResult = fail('The temporary access resource limit is reached.', {
      kind: 'authentication',
      code: 'temporary_access_resources_limit_exceeded',
      retryable: false,
    });
    ctl.setItem('t02', true);
    await flush();
    expect(ctl.state).toMatchObject({
      kind: 'error',
      failure: { message: expect.stringMatching(/all your free titles/) },
      actions: [{ id: 'signin' }, { id: 'back' }],
    });
  });
});
