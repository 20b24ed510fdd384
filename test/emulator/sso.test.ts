/** Platform-identity and service-token SSO (spec §16), the emulator's small version. */
import type { RunningEmulator } from '../../emulator/src/server';
import { TestClient, admin, start } from './helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(() => admin(emu.adobeUrl, 'POST', '/reset'));

const jwt = (claims: object) =>
  ['{"alg":"RS256","typ":"JWT"}', JSON.stringify(claims), 'sig'].map((p, i) => (i < 2 ? Buffer.from(p).toString('base64url') : p)).join('.');

async function loginWith(c: TestClient, mvpd: string, headers: Record<string, string>, username = 'alice'): Promise<void> {
  const s = await c.postForm('/api/v2/DEMOTV/sessions', { mvpd, domainName: 'demotv.example', redirectUrl: 'http://localhost:4030/done' }, headers);
  expect(s.body.actionName).toBe('authenticate');
  expect((await admin(emu.adobeUrl, 'POST', `/sessions/${s.body.code}/complete`, { username, password: `${username}123` })).status).toBe(200);
}

it('platform identity: a second app with the same Adobe-Subject-Token finds a platformSSO profile and can play', async () => {
  const platform = { 'Adobe-Subject-Token': jwt({ sub: 'amzn-device-77' }) };
  const first = await TestClient.create(emu.adobeUrl, 'demotv-lightning-tv', 'fire-tv-1');
  await loginWith(first, 'AcmeCable', platform);

  const second = await TestClient.create(emu.adobeUrl, 'demotv-lightning-tv', 'fire-tv-1');
  expect((await second.get('/api/v2/DEMOTV/profiles')).body).toEqual({ profiles: {} });
  const p = (await second.get('/api/v2/DEMOTV/profiles', platform)).body.profiles.AcmeCable;
  expect(p).toMatchObject({ type: 'platformSSO', issuer: 'AcmeCable', attributes: { userID: { value: 'u-alice-0001' }, mvpd: { value: 'AcmeCable' } } });
  expect((await second.createSession('AcmeCable')).body.actionName).toBe('authenticate');
  const s = await second.postForm('/api/v2/DEMOTV/sessions', { mvpd: 'AcmeCable', domainName: 'demotv.example', redirectUrl: 'http://localhost/' }, platform);
  expect(s.body).toMatchObject({ actionName: 'authorize', reasonType: 'authenticatedSSO' });
  expect((await second.authorize('AcmeCable', ['DEMOTV'], platform)).body.decisions[0].authorized).toBe(true);
  expect((await second.authorize('AcmeCable', ['DEMOTV'])).body.decisions[0].error.code).toBe('authenticated_profile_missing');
});

it('service token: cross-device serviceTokenSSO profile; expired tokens mean no SSO; single logout removes it', async () => {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const token = { 'AD-Service-Token': jwt({ iss: 'demotv-idp', sub: 'user-42', aud: 'Adobe', exp }) };
  const tv = await TestClient.create(emu.adobeUrl);
  await loginWith(tv, 'BlueRiverTV', token, 'bob');
  const phone = await TestClient.create(emu.adobeUrl, 'demotv-activation-web');
  const p = (await phone.get('/api/v2/DEMOTV/profiles/BlueRiverTV', token)).body.profiles.BlueRiverTV;
  expect(p).toMatchObject({ type: 'serviceTokenSSO', attributes: { userID: { value: 'u-bob-0002' } } });

  const expired = { 'AD-Service-Token': jwt({ iss: 'demotv-idp', sub: 'user-42', exp: 1000 }) };
  expect((await phone.get('/api/v2/DEMOTV/profiles/BlueRiverTV', expired)).body).toEqual({ profiles: {} });

  const out = await phone.get(`/api/v2/DEMOTV/logout/BlueRiverTV?redirectUrl=${encodeURIComponent('http://localhost/bye')}`, token);
  expect(out.body.logouts.BlueRiverTV).toMatchObject({ actionName: 'logout', actionType: 'interactive' });
  expect((await phone.get('/api/v2/DEMOTV/profiles', token)).body).toEqual({ profiles: {} });
  // The TV's own regular profile is bound to its client and device, not to the identity.
  expect(Object.keys((await tv.get('/api/v2/DEMOTV/profiles')).body.profiles)).toEqual(['BlueRiverTV']);
});
