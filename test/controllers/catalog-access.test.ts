/** The catalog under a parental limit from the profile and under degraded access (issue 14). */
import { CatalogController } from '../../src/controllers/catalog';
import { DEGRADATION_DENIAL } from '../../src/flows/degraded';
import { SAMPLE_CATALOG } from '../support/catalog';
import { flush, testDeps } from '../support/deps';
import { ACME, FakeFlows, profileFor } from '../support/fakeFlows';
import type { SignedInProfile } from '../../src/flows/api';

const [harbor, derby, canyon] = SAMPLE_CATALOG.rows[0]!.items as [never, never, never];
const pip = SAMPLE_CATALOG.rows[1]!.items[0]!;

function setup(profile: SignedInProfile, showLockedTitles = true) {
  const flows = new FakeFlows();
  flows.signedIn = { profile, provider: ACME };
  const deps = testDeps({ flows, showLockedTitles });
  const ctl = new CatalogController(deps, { toast: () => undefined });
  return { flows, ctl };
}

const kim = (encrypted = false): SignedInProfile => ({
  ...profileFor('AcmeCable'),
  attributes: {
    userID: { value: 'u-kim', encrypted: false },
    maxRating: { value: { VCHIP: 'TV-PG', MPAA: 'PG' }, encrypted },
  },
});

describe('parental limit from the profile', () => {
  it('locks titles rated above the limit, whatever preauthorization says, with the reason', async () => {
    const { ctl } = setup(kim());
    ctl.activate();
    await flush();
    expect(ctl.accessOf(harbor)).toBe('parental'); // TV-14 > TV-PG
    expect(ctl.accessOf(canyon)).toBe('parental'); // R > PG
    expect(ctl.accessOf(derby)).toBe('unlocked'); // TV-G
    expect(ctl.accessOf(pip)).toBe('unlocked');
    expect(ctl.reasonFor(harbor)).toBe('Rated TV-14: above the parental limit your TV provider set (TV-PG).');
    expect(ctl.reasonFor(derby)).toBeUndefined();
  });

  it('hides them with the other locked titles when locked titles are not shown', async () => {
    const { ctl } = setup(kim(), false);
    ctl.activate();
    await flush();
    const s = ctl.state;
    expect(s.kind === 'browsing' && s.rows.map((r) => r.items.map((i) => i.id))).toEqual([['t02'], ['t04']]);
  });

  it('an encrypted limit is protected: nothing is locked on the TV', async () => {
    const { ctl } = setup(kim(true));
    ctl.activate();
    await flush();
    expect(ctl.accessOf(harbor)).toBe('unlocked');
  });
});

describe('degraded access', () => {
  it('a degraded sign-in says so in a plain line and keeps the catalog working', async () => {
    const { ctl, flows } = setup({ ...profileFor('AcmeCable'), type: 'degraded' });
    ctl.activate();
    await flush();
    const s = ctl.state;
    expect(s.kind === 'browsing' && s.notice).toMatch(/^Limited service: your TV provider cannot be reached/);
    expect(flows.count('preauthorize')).toBe(1);
  });

  it('degraded permits and AuthZNone denials each have their line; the denial reads as such', async () => {
    const { ctl, flows } = setup(profileFor('AcmeCable'));
    flows.decisions.set('DEMOTV', { resource: 'DEMOTV', authorized: true, degraded: true });
    ctl.activate();
    await flush();
    let s = ctl.state;
    expect(s.kind === 'browsing' && s.notice).toMatch(/^Limited service: titles are allowed without/);
    ctl.deactivate();

    const paused = setup(profileFor('AcmeCable'));
    const failure = {
      kind: 'denied' as const,
      message: 'Denied by degradation rule.',
      code: DEGRADATION_DENIAL,
      retryable: false,
    };
    for (const r of ['DEMOTV', 'DEMOTV-SPORTS', 'DEMOTV-MOVIES', 'DEMOTV-KIDS'])
      paused.flows.decisions.set(r, { resource: r, authorized: false, failure });
    paused.ctl.activate();
    await flush();
    s = paused.ctl.state;
    expect(s.kind === 'browsing' && s.notice).toMatch(/^Limited service: access to titles is paused/);
    expect(paused.ctl.reasonFor(derby)).toBe(s.kind === 'browsing' ? s.notice : '');
  });

  it('no line when nothing is degraded', async () => {
    const { ctl } = setup(profileFor('AcmeCable'));
    ctl.activate();
    await flush();
    const s = ctl.state;
    expect(s.kind === 'browsing' && s.notice).toBeUndefined();
  });
});
