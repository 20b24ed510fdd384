import type { RunningEmulator } from '../../emulator/src/server';
import { MRSS, TestClient, admin, b64, expectEnhanced, start } from './helpers';

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

const advance = async (ms: number) => {
  await admin(emu.adobeUrl, 'POST', '/clock/advance', { ms });
  await tv.refreshToken();
};
const identity = (email: string) => ({ 'AP-TempPass-Identity': b64(JSON.stringify({ email })) });

describe('basic TempPass (TempPass_DEMO15, 15 min)', () => {
  it('profile before first use starts now without starting the clock (A14)', async () => {
    const p1 = (await tv.get('/api/v2/DEMOTV/profiles/TempPass_DEMO15')).body.profiles.TempPass_DEMO15;
    expect(p1).toMatchObject({ issuer: 'Adobe', type: 'temporary', attributes: { userID: { value: expect.stringMatching(/^temppass_/) } } });
    expect(p1.notAfter - p1.notBefore).toBe(900_000);
    await advance(600_000);
    const p2 = (await tv.get('/api/v2/DEMOTV/profiles/TempPass_DEMO15')).body.profiles.TempPass_DEMO15;
    expect(p2.notBefore).toBeGreaterThan(p1.notBefore);
  });

  it('first authorize starts the TTL; permits with source temppass and a token; expiry → item-level then top-level 403', async () => {
    const d = (await tv.authorize('TempPass_DEMO15', ['DEMOTV-SPORTS'])).body.decisions[0];
    expect(d).toMatchObject({ source: 'temppass', authorized: true, token: { serializedToken: expect.any(String) } });
    const v = await admin(emu.adobeUrl, 'GET', `/verify-media-token?token=${encodeURIComponent(d.token.serializedToken)}&resource=DEMOTV-SPORTS`);
    expect(v.body.result).toBe('VALID_TOKEN');
    const pre = (await tv.preauthorize('TempPass_DEMO15', ['DEMOTV', 'DEMOTV-PPV'])).body.decisions;
    expect(pre.map((x: { authorized: boolean }) => x.authorized)).toEqual([true, true]);

    await advance(900_000);
    const late = await tv.authorize('TempPass_DEMO15', ['DEMOTV']);
    expect(late.status).toBe(200);
    expect(late.body.decisions[0]).toMatchObject({ source: 'temppass', authorized: false });
    expectEnhanced(late.body.decisions[0].error, 'temporary_access_duration_limit_exceeded', 403, 'authentication');
    const prof = await tv.get('/api/v2/DEMOTV/profiles/TempPass_DEMO15');
    expect(prof.status).toBe(403);
    expectEnhanced(prof.body, 'temporary_access_duration_limit_exceeded', 403);

    // Another device gets its own trial; an admin reset gives this device a new one.
    const other = await TestClient.create(emu.adobeUrl);
    expect((await other.authorize('TempPass_DEMO15', ['DEMOTV'])).body.decisions[0].authorized).toBe(true);
    await admin(emu.adobeUrl, 'POST', '/temppass/reset', { mvpd: 'TempPass_DEMO15', deviceId: tv.deviceId });
    expect((await tv.authorize('TempPass_DEMO15', ['DEMOTV'])).body.decisions[0].authorized).toBe(true);
    expect((await other.authorize('TempPass_DEMO15', ['DEMOTV'])).body.decisions[0].authorized).toBe(true);
  });
});

describe('promotional TempPass (TempPass_PROMO3, 3 distinct titles)', () => {
  it('requires AP-TempPass-Identity: 400 on profiles, item-level 400 on authorize', async () => {
    expectEnhanced((await tv.get('/api/v2/DEMOTV/profiles/TempPass_PROMO3')).body, 'invalid_header_identity_for_temporary_access', 400);
    expectEnhanced((await tv.get('/api/v2/DEMOTV/profiles/TempPass_PROMO3', { 'AP-TempPass-Identity': b64('{"phone":"1"}') })).body, 'invalid_header_identity_for_temporary_access', 400);
    const d = (await tv.authorize('TempPass_PROMO3', ['DEMOTV'])).body.decisions[0];
    expect(d.authorized).toBe(false);
    expectEnhanced(d.error, 'invalid_header_identity_for_temporary_access', 400);
  });

  it('counts distinct titles; re-authorizing a used title is free; the 4th title is denied; profile shows the quota', async () => {
    const id = identity('viewer@example.com');
    const titles = ['a', 'b', 'c'].map((t) => MRSS('DEMOTV-MOVIES', `Film ${t}`, 'tv-pg'));
    for (const t of titles) expect((await tv.authorize('TempPass_PROMO3', [t], id)).body.decisions[0].authorized).toBe(true);
    expect((await tv.authorize('TempPass_PROMO3', [titles[0]], id)).body.decisions[0].authorized).toBe(true);
    const fourth = (await tv.authorize('TempPass_PROMO3', [MRSS('DEMOTV-MOVIES', 'Film d', 'tv-pg')], id)).body.decisions[0];
    expectEnhanced(fourth.error, 'temporary_access_resources_limit_exceeded', 403, 'authentication');
    const prof = await tv.get('/api/v2/DEMOTV/profiles/TempPass_PROMO3', id);
    expect(prof.status).toBe(403);
    expectEnhanced(prof.body, 'temporary_access_resources_limit_exceeded', 403);

    // Same identity on another device → same (used-up) trial; a new identity on a new device → new trial.
    const other = await TestClient.create(emu.adobeUrl);
    expect((await other.authorize('TempPass_PROMO3', [MRSS('DEMOTV-MOVIES', 'Film e', 'tv-pg')], id)).body.decisions[0].authorized).toBe(false);
    const fresh = await TestClient.create(emu.adobeUrl);
    const ok = await fresh.authorize('TempPass_PROMO3', ['DEMOTV'], identity('new@example.com'));
    expect(ok.body.decisions[0].authorized).toBe(true);
    const p = (await fresh.get('/api/v2/DEMOTV/profiles/TempPass_PROMO3', identity('new@example.com'))).body.profiles.TempPass_PROMO3;
    expect(p.attributes).toMatchObject({ remaining_resources: { value: 2 }, used_assets: { value: ['DEMOTV'] }, expiration_date: { value: p.notAfter } });
  });
});

describe('degradation rules (§15)', () => {
  it('AuthNAll: sessions answer degraded, profiles synthesise a degraded profile, decisions permit with source degradation', async () => {
    await admin(emu.adobeUrl, 'POST', '/degradation', { mvpd: 'BlueRiverTV', rule: 'AuthNAll' });
    expect((await tv.createSession('BlueRiverTV')).body).toMatchObject({ actionName: 'authorize', reasonType: 'degraded' });
    const p = (await tv.get('/api/v2/DEMOTV/profiles/BlueRiverTV')).body.profiles.BlueRiverTV;
    expect(p).toMatchObject({ issuer: 'Adobe', type: 'degraded', attributes: { userID: { value: expect.stringMatching(/^95cf93bcd183214a/) } } });
    const d = (await tv.authorize('BlueRiverTV', ['DEMOTV-PPV'])).body.decisions[0];
    expect(d).toMatchObject({ source: 'degradation', authorized: true, token: { serializedToken: expect.any(String) } });
    expect((await tv.get('/api/v2/DEMOTV/logout/BlueRiverTV?redirectUrl=http%3A%2F%2Flocalhost%2F')).body.logouts.BlueRiverTV.actionName).toBe('complete');
    await admin(emu.adobeUrl, 'POST', '/degradation', { mvpd: 'BlueRiverTV', rule: null });
    expect((await tv.get('/api/v2/DEMOTV/profiles/BlueRiverTV')).body).toEqual({ profiles: {} });
  });

  it('AuthZAll: permits everything with a token and no decision window; AuthZNone: denies everything', async () => {
    await tv.login('LakesideBroadband', 'dan');
    await admin(emu.adobeUrl, 'POST', '/degradation', { mvpd: 'LakesideBroadband', rule: 'AuthZAll' });
    const d = (await tv.authorize('LakesideBroadband', ['DEMOTV'])).body.decisions[0];
    expect(d).toMatchObject({ source: 'degradation', authorized: true, token: expect.any(Object) });
    expect(d.notBefore).toBeUndefined();
    await admin(emu.adobeUrl, 'POST', '/degradation', { mvpd: 'LakesideBroadband', rule: 'AuthZNone' });
    const pre = (await tv.preauthorize('LakesideBroadband', ['DEMOTV', 'DEMOTV-KIDS'])).body.decisions;
    for (const x of pre) {
      expect(x).toMatchObject({ source: 'degradation', authorized: false });
      expectEnhanced(x.error, 'authorization_denied_by_degradation_rule', 403, 'none');
    }
  });

  it('AuthZAll still needs authentication', async () => {
    await admin(emu.adobeUrl, 'POST', '/degradation', { mvpd: 'LakesideBroadband', rule: 'AuthZAll' });
    expectEnhanced((await tv.authorize('LakesideBroadband', ['DEMOTV'])).body.decisions[0].error, 'authenticated_profile_missing', 403);
  });
});
