/** TempPass against Adobe's flow pages: fresh device, TTL start, identity keying, Adobe's reset API (mgmt host). */
import type { RunningEmulator } from '../../emulator/src/server';
import { TestClient, admin, b64, expectEnhanced, http, start } from './helpers';

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

const advance = async (ms: number, ...clients: TestClient[]) => {
  await admin(emu.adobeUrl, 'POST', '/clock/advance', { ms });
  for (const c of clients) await c.refreshToken();
};
const identity = (hash: string) => ({ 'AP-TempPass-Identity': b64(JSON.stringify({ email: hash })) });
const HASH_A = 'f7ee5ec7312165148b69fcca1d29075b14b8aef0b5048a332b18b88d09069fb7';
const HASH_B = 'a'.repeat(64);

function reset(path: string, query: Record<string, string>, token: string | null): Promise<{ status: number }> {
  const q = new URLSearchParams(query).toString();
  return http(
    'DELETE',
    `${emu.adobeUrl}/reset-tempass/v3/${path}?${q}`,
    token === null ? {} : { headers: { Authorization: `Bearer ${token}` } },
  );
}

describe('TempPass follows Adobe’s temporary access flows', () => {
  it('a fresh device authorizes with no profile query; the TTL starts at that first authorization', async () => {
    await advance(120_000, tv); // time passes on the emulator before the viewer presses "watch free"
    const start = (await admin(emu.adobeUrl, 'GET', '/state')).body;
    expect(start.tempPass).toEqual([]);
    const d = (await tv.authorize('TempPass_DEMO15', ['DEMOTV'])).body.decisions[0];
    expect(d).toMatchObject({ authorized: true, source: 'temppass' });
    const p = (await tv.get('/api/v2/DEMOTV/profiles/TempPass_DEMO15')).body.profiles.TempPass_DEMO15;
    expect(p.attributes.expiration_date.value).toBe(p.notAfter);
    expect(p.notAfter).toBe(d.notAfter);
    expect(p.notAfter - p.notBefore).toBe(900_000);
    await advance(899_000, tv);
    expect((await tv.authorize('TempPass_DEMO15', ['DEMOTV'])).body.decisions[0].authorized).toBe(true);
    await advance(1_000, tv);
    expectEnhanced(
      (await tv.authorize('TempPass_DEMO15', ['DEMOTV'])).body.decisions[0].error,
      'temporary_access_duration_limit_exceeded',
      403,
    );
  });

  it('promotional trials are keyed by device and identity hash: known hash or known device → the same trial', async () => {
    expect((await tv.authorize('TempPass_PROMO3', ['DEMOTV'], identity(HASH_A))).body.decisions[0].authorized).toBe(
      true,
    );
    // Same device, another identity: still this device's trial (one title used).
    const p = (await tv.get('/api/v2/DEMOTV/profiles/TempPass_PROMO3', identity(HASH_B))).body.profiles.TempPass_PROMO3;
    expect(p.attributes.remaining_resources.value).toBe(2);
    // Another device with the first identity: the same trial.
    const other = await TestClient.create(emu.adobeUrl);
    const q = (await other.get('/api/v2/DEMOTV/profiles/TempPass_PROMO3', identity(HASH_A))).body.profiles
      .TempPass_PROMO3;
    expect(q.attributes.used_assets.value).toEqual(['DEMOTV']);
    // A new device with a new identity: a new trial.
    const third = await TestClient.create(emu.adobeUrl);
    const r = (await third.get('/api/v2/DEMOTV/profiles/TempPass_PROMO3', identity('c'.repeat(64)))).body.profiles
      .TempPass_PROMO3;
    expect(r.attributes.remaining_resources.value).toBe(3);
  });
});

describe('Adobe reset API: DELETE /reset-tempass/v3/reset and /reset/generic', () => {
  async function usedUpBasic(c: TestClient): Promise<void> {
    expect((await c.authorize('TempPass_DEMO15', ['DEMOTV'])).body.decisions[0].authorized).toBe(true);
  }

  it('needs a DCR bearer token (401) and requestor_id + a TempPass mvpd_id (400)', async () => {
    expect((await reset('reset', { requestor_id: 'DEMOTV', mvpd_id: 'TempPass_DEMO15' }, null)).status).toBe(401);
    expect((await reset('reset', { requestor_id: 'DEMOTV', mvpd_id: 'TempPass_DEMO15' }, 'not-a-token')).status).toBe(
      401,
    );
    expect((await reset('reset', { mvpd_id: 'TempPass_DEMO15' }, tv.accessToken)).status).toBe(400);
    expect((await reset('reset', { requestor_id: 'DEMOTV', mvpd_id: 'AcmeCable' }, tv.accessToken)).status).toBe(400);
    expect(
      (await reset('reset/generic', { requestor_id: 'DEMOTV', mvpd_id: 'TempPass_DEMO15' }, tv.accessToken)).status,
    ).toBe(400);
    expect((await http('GET', `${emu.adobeUrl}/reset-tempass/v3/reset`)).status).toBe(405);
  });

  it('per device (raw or Base64 id) and all devices → 204, the device gets a new trial', async () => {
    const other = await TestClient.create(emu.adobeUrl);
    await usedUpBasic(tv);
    await usedUpBasic(other);
    await advance(900_000, tv, other);
    const expired = async (c: TestClient) =>
      (await c.authorize('TempPass_DEMO15', ['DEMOTV'])).body.decisions[0].authorized === false;
    expect(await expired(tv)).toBe(true);
    const r = await reset(
      'reset',
      { requestor_id: 'DEMOTV', mvpd_id: 'TempPass_DEMO15', device_id: b64(tv.deviceId) },
      tv.accessToken,
    );
    expect(r.status).toBe(204);
    expect(await expired(tv)).toBe(false);
    expect(await expired(other)).toBe(true);
    expect(
      (await reset('reset', { requestor_id: 'DEMOTV', mvpd_id: 'TempPass_DEMO15', device_id: 'all' }, tv.accessToken))
        .status,
    ).toBe(204);
    expect(await expired(other)).toBe(false);
  });

  it('generic: per identity hash → 204 and that identity (on a new device) starts again', async () => {
    const titles = ['DEMOTV', 'DEMOTV-KIDS', 'DEMOTV-MOVIES'];
    for (const t of titles)
      expect((await tv.authorize('TempPass_PROMO3', [t], identity(HASH_A))).body.decisions[0].authorized).toBe(true);
    const fresh = await TestClient.create(emu.adobeUrl);
    const before = await fresh.get('/api/v2/DEMOTV/profiles/TempPass_PROMO3', identity(HASH_A));
    expectEnhanced(before.body, 'temporary_access_resources_limit_exceeded', 403);
    const r = await reset(
      'reset/generic',
      { requestor_id: 'DEMOTV', mvpd_id: 'TempPass_PROMO3', key: HASH_A },
      tv.accessToken,
    );
    expect(r.status).toBe(204);
    const after = (await fresh.get('/api/v2/DEMOTV/profiles/TempPass_PROMO3', identity(HASH_A))).body.profiles
      .TempPass_PROMO3;
    expect(after.attributes.remaining_resources.value).toBe(3);
  });
});
