import type { RunningEmulator } from '../../emulator/src/server';
import { TestClient, admin, expectEnhanced, http, start } from './helpers';

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

describe('faults', () => {
  it('enhanced-error fault for the next N matching requests, then normal service', async () => {
    await tv.login('AcmeCable', 'alice');
    const f = await admin(emu.adobeUrl, 'POST', '/faults', {
      match: { method: 'POST', path: '/decisions/authorize/', mvpd: 'AcmeCable' }, count: 2,
      fault: { type: 'enhanced-error', status: 500, code: 'internal_server_error' },
    });
    expect(f.status).toBe(200);
    // other MVPD: not matched (no profile → item-level authenticated_profile_missing)
    expect((await tv.authorize('BlueRiverTV', ['DEMOTV'])).body.decisions[0].error.code).toBe('authenticated_profile_missing');
    for (let i = 0; i < 2; i++) {
      const r = await tv.authorize('AcmeCable', ['DEMOTV']);
      expect(r.status).toBe(500);
      expectEnhanced(r.body, 'internal_server_error', 500, 'none');
    }
    expect((await tv.authorize('AcmeCable', ['DEMOTV'])).body.decisions[0].authorized).toBe(true);
  });

  it('item-level enhanced error inside a 200 for decisions', async () => {
    await tv.login('AcmeCable', 'alice');
    await admin(emu.adobeUrl, 'POST', '/faults', { match: { path: 'preauthorize' }, count: 1, fault: { type: 'enhanced-error', code: 'network_connection_timeout', itemLevel: true } });
    const r = await tv.preauthorize('AcmeCable', ['DEMOTV', 'DEMOTV-KIDS']);
    expect(r.status).toBe(200);
    expect(r.body.decisions).toHaveLength(2);
    expectEnhanced(r.body.decisions[0].error, 'network_connection_timeout', 403, 'retry');
  });

  it('status, malformed, drop and latency faults', async () => {
    await admin(emu.adobeUrl, 'POST', '/faults', { match: { path: 'configuration' }, count: 1, fault: { type: 'status', status: 503, body: '<html>down</html>', contentType: 'text/html' } });
    const s = await tv.get('/api/v2/DEMOTV/configuration');
    expect([s.status, s.text]).toEqual([503, '<html>down</html>']);

    await admin(emu.adobeUrl, 'POST', '/faults', { match: { path: 'configuration' }, count: 1, fault: { type: 'malformed' } });
    const m = await tv.get('/api/v2/DEMOTV/configuration');
    expect(m.status).toBe(200);
    expect(() => JSON.parse(m.text)).toThrow();

    await admin(emu.adobeUrl, 'POST', '/faults', { match: { path: 'configuration' }, count: 1, fault: { type: 'drop' } });
    await expect(fetch(`${emu.adobeUrl}/api/v2/DEMOTV/configuration`, { headers: tv.headers() })).rejects.toThrow();
    const last = (await admin(emu.adobeUrl, 'GET', '/journal')).body.entries.pop();
    expect(last).toMatchObject({ path: '/api/v2/DEMOTV/configuration', status: 0 });

    await admin(emu.adobeUrl, 'POST', '/faults', { match: { path: 'configuration' }, count: 1, fault: { type: 'latency', ms: 50 } });
    expect((await tv.get('/api/v2/DEMOTV/configuration')).status).toBe(200);
    expect((await admin(emu.adobeUrl, 'GET', '/faults')).body.faults).toEqual([]);
  });

  it('rejects unusable fault definitions; DELETE clears armed faults', async () => {
    expect((await admin(emu.adobeUrl, 'POST', '/faults', { fault: { type: 'nope' } })).status).toBe(400);
    expect((await admin(emu.adobeUrl, 'POST', '/faults', { match: { path: '(' }, fault: { type: 'drop' } })).status).toBe(400);
    await admin(emu.adobeUrl, 'POST', '/faults', { count: 5, fault: { type: 'status', status: 500 } });
    await admin(emu.adobeUrl, 'DELETE', '/faults');
    expect((await tv.get('/api/v2/DEMOTV/configuration')).status).toBe(200);
  });
});

describe('journal', () => {
  it('records every Adobe-side request with headers and status, with a seq cursor; admin calls are not journaled', async () => {
    const before = (await admin(emu.adobeUrl, 'GET', '/journal')).body.entries;
    const cursor = before.length ? before[before.length - 1].seq : 0;
    await tv.get('/api/v2/DEMOTV/configuration?profile=x');
    await tv.get('/api/v2/NOPE/configuration');
    const entries = (await admin(emu.adobeUrl, 'GET', `/journal?since=${cursor}`)).body.entries;
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      method: 'GET', path: '/api/v2/DEMOTV/configuration', query: { profile: 'x' }, status: 200,
      headers: expect.objectContaining({ authorization: `Bearer ${tv.accessToken}`, 'ap-device-identifier': expect.stringMatching(/^fingerprint /) }),
      time: expect.any(Number), durationMs: expect.any(Number),
    });
    expect(entries[1].seq).toBeGreaterThan(entries[0].seq);
    expect(entries[1].status).toBe(400);
    expect(entries.some((e: { path: string }) => e.path.startsWith('/__emulator'))).toBe(false);
    await admin(emu.adobeUrl, 'DELETE', '/journal');
    expect((await admin(emu.adobeUrl, 'GET', '/journal')).body.entries).toEqual([]);
  });
});

describe('sessions complete, expire, revoke, settings, fixtures, reset', () => {
  it('complete: logs a pending session in without a browser; wrong password 401; unknown code 400', async () => {
    const code = (await tv.postForm('/api/v2/DEMOTV/sessions', {})).body.code;
    const wrong = await admin(emu.adobeUrl, 'POST', `/sessions/${code}/complete`, { username: 'alice', password: 'x', mvpd: 'AcmeCable' });
    expect(wrong.status).toBe(401);
    const ok = await admin(emu.adobeUrl, 'POST', `/sessions/${code}/complete`, { username: 'alice', password: 'alice123', mvpd: 'AcmeCable' });
    expect(ok.status).toBe(200);
    expect(ok.body.profile).toMatchObject({ type: 'regular', issuer: 'AcmeCable' });
    expect(Object.keys((await tv.get(`/api/v2/DEMOTV/profiles/code/${code}`)).body.profiles)).toEqual(['AcmeCable']);
    expect((await admin(emu.adobeUrl, 'POST', '/sessions/ZZZZZZZ/complete', { username: 'alice', password: 'alice123' })).status).toBe(400);
  });

  it('otto may only sign in at the MVPDs he subscribes to', async () => {
    const code = (await tv.createSession('BlueRiverTV')).body.code;
    expect((await admin(emu.adobeUrl, 'POST', `/sessions/${code}/complete`, { username: 'otto', password: 'otto123' })).status).toBe(401);
  });

  it('revoking the statement turns every call into 401 and blocks new tokens', async () => {
    await tv.login('AcmeCable', 'alice');
    await admin(emu.adobeUrl, 'POST', '/statements/demotv-lightning-tv/revoke');
    expectEnhanced((await tv.get('/api/v2/DEMOTV/profiles')).body, 'invalid_access_token_client_application', 401);
    await expect(tv.refreshToken()).rejects.toThrow(/invalid_client/);
  });

  it('revoking the client turns its calls into 401', async () => {
    await admin(emu.adobeUrl, 'POST', `/clients/${tv.clientId}/revoke`);
    expect((await tv.get('/api/v2/DEMOTV/configuration')).status).toBe(401);
    expect((await admin(emu.adobeUrl, 'POST', '/clients/unknown/revoke')).status).toBe(404);
  });

  it('settings: GET returns all switches, POST validates', async () => {
    const s = (await admin(emu.adobeUrl, 'GET', '/settings')).body;
    // throttling is false here because these tests start the emulator with it off (helpers.ts); its default is on.
    expect(s).toEqual({
      throttling: false, throttleRatePerSec: 1, throttleBurst: 10, strictDeviceInfo: true, decisionErrorPlacement: 'item',
      decisionResourceEcho: 'exact', relativeLogoutUrls: false, sessionTtlMs: 1_800_000, accessTokenTtlS: 21_600,
      mediaTokenTtlMs: 420_000, newSessionInvalidatesOld: true, degradedProfileTtlMs: 3_600_000, mvpdCount: 0, catalog: 'standard',
    });
    expect((await admin(emu.adobeUrl, 'POST', '/settings', { decisionErrorPlacement: 'middle' })).status).toBe(400);
    expect((await admin(emu.adobeUrl, 'POST', '/settings', { decisionResourceEcho: 'loud' })).status).toBe(400);
    for (const catalog of ['huge', '0x5', '99x5', '3x', 'large ']) {
      expect([catalog, (await admin(emu.adobeUrl, 'POST', '/settings', { catalog })).status]).toEqual([catalog, 400]);
    }
    for (const mvpdCount of [-1, 1.5, 100_000, '1000']) {
      expect([mvpdCount, (await admin(emu.adobeUrl, 'POST', '/settings', { mvpdCount })).status]).toEqual([mvpdCount, 400]);
    }
    expect((await admin(emu.adobeUrl, 'POST', '/settings', { sessionTtlMs: 'long' })).status).toBe(400);
    expect((await admin(emu.adobeUrl, 'POST', '/settings', { sessionTtlMs: 5000 })).body.sessionTtlMs).toBe(5000);
    const proto = await http('POST', `${emu.adobeUrl}/__emulator/settings`, { headers: { 'content-type': 'application/json' }, body: '{"__proto__": {"throttling": true}, "toString": 1}' });
    expect(proto.status).toBe(400);
    expect((await admin(emu.adobeUrl, 'GET', '/settings')).body.throttling).toBe(false);
  });

  it('GET /__emulator/ shows an HTML overview with live sessions', async () => {
    const code = (await tv.createSession('AcmeCable')).body.code;
    const r = await http('GET', `${emu.adobeUrl}/__emulator/`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.text).toContain(code);
    expect(r.text).toContain('OldTownCable');
  });

  it('fixtures lists providers, MVPDs, subscribers and statements; reset restores defaults and clears state', async () => {
    const f = (await admin(emu.adobeUrl, 'GET', '/fixtures')).body;
    expect(f.serviceProviders.map((s: { id: string }) => s.id)).toEqual(['DEMOTV', 'OTHERTV']);
    expect(f.mvpds.length).toBeGreaterThanOrEqual(12);
    expect(f.subscribers.map((s: { username: string }) => s.username)).toEqual(expect.arrayContaining(['alice', 'bob', 'kim', 'dan']));
    expect(Object.keys(f.softwareStatements)).toEqual(expect.arrayContaining(['demotv-lightning-tv', 'demotv-activation-web']));

    await tv.login('AcmeCable', 'alice');
    await admin(emu.adobeUrl, 'POST', '/settings', { throttling: true });
    await admin(emu.adobeUrl, 'POST', '/integrations/AcmeCable', { enabled: false });
    await admin(emu.adobeUrl, 'POST', '/clock/advance', { ms: 86_400_000 });
    const r = await admin(emu.adobeUrl, 'POST', '/reset');
    expect(Math.abs(r.body.now - Date.now())).toBeLessThan(60_000);
    expect((await admin(emu.adobeUrl, 'GET', '/settings')).body.throttling).toBe(false);
    expect((await tv.get('/api/v2/DEMOTV/configuration')).status).toBe(401); // clients are gone too
  });
});
