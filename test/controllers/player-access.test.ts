/** The player under a parental limit from the profile and under degraded access (issue 14). */
import { PlayerController, type VideoPort } from '../../src/controllers/player';
import { DEGRADATION_DENIAL } from '../../src/flows/degraded';
import type { SignedInProfile } from '../../src/flows/api';
import { SAMPLE_CATALOG } from '../support/catalog';
import { flush, testDeps } from '../support/deps';
import { ACME, FakeFlows, ok, profileFor } from '../support/fakeFlows';

const video = (): VideoPort & { opened: string[] } => {
  const opened: string[] = [];
  return {
    opened,
    open: (u) => opened.push(u),
    close: () => undefined,
    play: () => undefined,
    pause: () => undefined,
    seekBy: () => undefined,
    currentTime: 0,
    duration: 60,
  };
};

function setup(profile: SignedInProfile) {
  const flows = new FakeFlows();
  flows.signedIn = { profile, provider: ACME };
  const v = video();
  const ctl = new PlayerController(testDeps({ flows, session: { catalog: SAMPLE_CATALOG } }), v);
  return { flows, ctl, v };
}

const kim: SignedInProfile = {
  ...profileFor('AcmeCable'),
  attributes: { maxRating: { value: { VCHIP: 'TV-PG', MPAA: 'PG' }, encrypted: false } },
};

describe('PlayerController: parental limit', () => {
  it('refuses a title above the limit before authorizing, and says why', async () => {
    const { ctl, flows, v } = setup(kim);
    ctl.setItem('t01', true); // TV-14
    await flush();
    const s = ctl.state;
    expect(s.kind).toBe('denied');
    expect(s.kind === 'denied' && s.title).toBe('Blocked by parental controls');
    expect(s.kind === 'denied' && s.failure.message).toBe(
      'Rated TV-14: above the parental limit your TV provider set (TV-PG).',
    );
    expect(s.kind === 'denied' && s.actions.map((a) => a.id)).toEqual(['back']);
    expect(flows.count('authorize')).toBe(0);
    expect(v.opened).toEqual([]);
  });

  it('a title within the limit is authorized and played', async () => {
    const { ctl, flows } = setup(kim);
    ctl.setItem('t02', true); // TV-G
    await flush();
    expect(flows.count('authorize')).toBe(1);
    expect(ctl.state.kind).toBe('starting');
  });
});

describe('PlayerController: degraded access', () => {
  it('a degraded permit plays with a plain line; a regular one has none', async () => {
    const { ctl, flows } = setup(profileFor('AcmeCable'));
    flows.authorizeResult = ok({ resource: 'DEMOTV-SPORTS', mediaToken: 't', notAfter: 0, degraded: true });
    ctl.setItem('t02', true);
    await flush();
    let s = ctl.state;
    expect(s.kind === 'starting' && s.notice).toMatch(/^Limited service: this title is allowed without/);
    ctl.playing();
    s = ctl.state;
    expect(s.kind === 'playing' && s.notice).toMatch(/^Limited service/);

    const plain = setup(profileFor('AcmeCable'));
    plain.ctl.setItem('t02', true);
    await flush();
    s = plain.ctl.state;
    expect(s.kind === 'starting' && s.notice).toBeUndefined();
  });

  it('a degraded sign-in says so in the player', async () => {
    const { ctl } = setup({ ...profileFor('AcmeCable'), type: 'degraded' });
    ctl.setItem('t02', true);
    await flush();
    const s = ctl.state;
    expect(s.kind === 'starting' && s.notice).toMatch(/^Limited service: your TV provider cannot be reached/);
  });

  it('an AuthZNone denial reads as a pause by a rule, not as the MVPD’s refusal', async () => {
    const { ctl, flows } = setup(profileFor('AcmeCable'));
    flows.authorizeResult = {
      ok: false,
      failure: { kind: 'denied', message: 'Denied by degradation rule.', code: DEGRADATION_DENIAL, retryable: false },
    };
    ctl.setItem('t02', true);
    await flush();
    const s = ctl.state;
    expect(s.kind === 'denied' && s.failure.message).toMatch(/^Limited service: access to titles is paused/);
  });
});
