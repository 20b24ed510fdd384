/**
 * Fixtures and switches for issue 14: a device with two providers' profiles (admin `profiles/add`), a
 * degraded MVPD (admin `degradation`), parental limits in the user metadata, plain (kim) and encrypted (erin).
 */
import type { RunningEmulator } from '../../emulator/src/server';
import { MRSS, TestClient, admin, start } from './helpers';

let emu: RunningEmulator;
let tv: TestClient;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await admin(emu.adobeUrl, 'POST', '/reset');
  tv = await TestClient.create(emu.adobeUrl);
});

describe('two providers on one device', () => {
  it('profiles/add puts a second provider beside the sign-in; GET profiles lists both; decisions use each', async () => {
    await tv.login('AcmeCable', 'alice');
    const other = await TestClient.create(emu.adobeUrl); // another device, not signed in: untouched
    const r = await admin(emu.adobeUrl, 'POST', '/profiles/add', {
      mvpd: 'NorthStarFiber',
      username: 'kim',
      clientId: tv.clientId,
    });
    expect(r.status).toBe(200);
    expect(r.body.added).toHaveLength(1);
    const all = await tv.get('/api/v2/DEMOTV/profiles');
    expect(Object.keys(all.body.profiles).sort()).toEqual(['AcmeCable', 'NorthStarFiber']);
    expect(all.body.profiles.NorthStarFiber).toMatchObject({ issuer: 'NorthStarFiber', type: 'regular' });
    expect(all.body.profiles.NorthStarFiber.attributes.maxRating).toEqual({
      value: { VCHIP: 'TV-PG', MPAA: 'PG' },
      state: 'plain',
    });
    expect((await other.get('/api/v2/DEMOTV/profiles')).body.profiles).toEqual({});
    // NorthStar is kim's: TV-MA is refused by her parental limit; Acme is alice's: permitted.
    const tvma = MRSS('DEMOTV', 'Night Shift', 'TV-MA');
    expect((await tv.authorize('NorthStarFiber', [tvma])).body.decisions[0].error.code).toBe(
      'authorization_denied_by_parental_controls',
    );
    expect((await tv.authorize('AcmeCable', [tvma])).body.decisions[0].authorized).toBe(true);
  });

  it('refuses an unknown user, a user who cannot use the MVPD, and a device with no sign-in', async () => {
    expect(
      (await admin(emu.adobeUrl, 'POST', '/profiles/add', { mvpd: 'NorthStarFiber', username: 'alice' })).status,
    ).toBe(404);
    await tv.login('AcmeCable', 'alice');
    expect(
      (await admin(emu.adobeUrl, 'POST', '/profiles/add', { mvpd: 'NorthStarFiber', username: 'nobody' })).status,
    ).toBe(400);
    expect((await admin(emu.adobeUrl, 'POST', '/profiles/add', { mvpd: 'BlueRiverTV', username: 'otto' })).status).toBe(
      400,
    );
  });
});

describe('a degraded MVPD', () => {
  it('AuthNAll: a degraded profile without login and degradation permits; AuthZNone: item-level denials', async () => {
    expect((await admin(emu.adobeUrl, 'POST', '/degradation', { mvpd: 'BlueRiverTV', rule: 'AuthNAll' })).status).toBe(
      200,
    );
    const p = await tv.get('/api/v2/DEMOTV/profiles/BlueRiverTV');
    expect(p.body.profiles.BlueRiverTV).toMatchObject({ issuer: 'Adobe', type: 'degraded' });
    const d = (await tv.authorize('BlueRiverTV', ['DEMOTV'])).body.decisions[0];
    expect(d).toMatchObject({ authorized: true, source: 'degradation' });
    await admin(emu.adobeUrl, 'POST', '/degradation', { mvpd: 'AcmeCable', rule: 'AuthZNone' });
    await tv.login('AcmeCable', 'alice');
    const n = (await tv.preauthorize('AcmeCable', ['DEMOTV'])).body.decisions[0];
    expect(n).toMatchObject({
      authorized: false,
      source: 'degradation',
      error: { code: 'authorization_denied_by_degradation_rule' },
    });
  });
});

describe('parental limits in the metadata', () => {
  it('erin’s maxRating travels encrypted (state enc, not readable as plain JSON); the MVPD still applies it', async () => {
    await tv.login('AcmeCable', 'erin');
    const attrs = (await tv.get('/api/v2/DEMOTV/profiles/AcmeCable')).body.profiles.AcmeCable.attributes;
    expect(attrs.maxRating.state).toBe('enc');
    expect(typeof attrs.maxRating.value).toBe('string');
    expect(attrs.maxRating.value).not.toMatch(/TV-PG/);
    expect(attrs.householdID.state).toBe('enc');
    expect(attrs.userID).toEqual({ value: 'u-erin-0006', state: 'plain' });
    const pg13 = MRSS('DEMOTV', 'Heist', 'PG-13', 'urn:mpaa');
    expect((await tv.authorize('AcmeCable', [pg13])).body.decisions[0].error.code).toBe(
      'authorization_denied_by_parental_controls',
    );
  });
});
