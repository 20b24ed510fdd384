import type { RunningEmulator } from '../../emulator/src/server';
import { TV_INFO, TestClient, admin, b64, deviceInfoHeader, expectEnhanced, http, start } from './helpers';

let emu: RunningEmulator;
let c: TestClient;
beforeAll(async () => {
  emu = await start();
  c = await TestClient.create(emu.adobeUrl);
});
afterAll(() => emu.close());
// One test moves the emulator clock past the token lifetime; every test starts with a fresh token.
beforeEach(() => c.refreshToken());

describe('GET configuration', () => {
  it('answers the sample shape: mvpds nested in requestor, enabled integrations only, documented flags', async () => {
    const r = await c.get('/api/v2/DEMOTV/configuration');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.body.requestor).toMatchObject({ id: 'DEMOTV', name: 'Demo Television', domains: expect.arrayContaining([{ name: 'demotv.example', mvpdInitiated: false }]) });
    expect(r.body.device).toBe('tv');
    const ids = r.body.requestor.mvpds.map((m: { id: string }) => m.id);
    expect(ids.length).toBeGreaterThanOrEqual(12);
    expect(ids).toEqual(expect.arrayContaining(['AcmeCable', 'TestMVPD_QA', 'TempPass_DEMO15', 'TempPass_PROMO3', 'HarborDigital']));
    expect(ids).not.toContain('OldTownCable');
    const temp = r.body.requestor.mvpds.find((m: { id: string }) => m.id === 'TempPass_DEMO15');
    expect(temp).toMatchObject({ isTempPass: true, isProxy: false });
    expect(r.body.requestor.mvpds.find((m: { id: string }) => m.id === 'HarborDigital').isProxy).toBe(true);
    for (const m of r.body.requestor.mvpds) {
      expect(m).toEqual(expect.objectContaining({ displayName: expect.any(String), logoUrl: expect.stringMatching(/^http:\/\//), enablePlatformServices: expect.any(Boolean) }));
    }
  });

  it('serves the logo URLs it lists as PNG', async () => {
    const r = await c.get('/api/v2/DEMOTV/configuration');
    const logo = await fetch(r.body.requestor.mvpds[0].logoUrl);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await logo.arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  });

  it('treats a trailing slash as the same path and ignores device headers it does not need', async () => {
    const r = await http('GET', `${emu.adobeUrl}/api/v2/DEMOTV/configuration/`, { headers: { Authorization: `Bearer ${c.accessToken}`, Accept: 'application/json' } });
    expect(r.status).toBe(200);
  });

  it('drops and restores an MVPD when its integration is disabled and re-enabled', async () => {
    await admin(emu.adobeUrl, 'POST', '/integrations/NorthStarFiber', { enabled: false });
    let ids = (await c.get('/api/v2/DEMOTV/configuration')).body.requestor.mvpds.map((m: { id: string }) => m.id);
    expect(ids).not.toContain('NorthStarFiber');
    await admin(emu.adobeUrl, 'POST', '/integrations/NorthStarFiber', { enabled: true });
    ids = (await c.get('/api/v2/DEMOTV/configuration')).body.requestor.mvpds.map((m: { id: string }) => m.id);
    expect(ids).toContain('NorthStarFiber');
  });
});

describe('401 access token errors (A11)', () => {
  const cfg = (auth?: string) => http('GET', `${emu.adobeUrl}/api/v2/DEMOTV/configuration`, { headers: auth ? { Authorization: auth } : {} });

  it.each([['missing', undefined], ['garbage', 'Bearer nonsense'], ['wrong scheme', 'Basic abc']])('%s token → invalid_access_token_client_application', async (_n, auth) => {
    const r = await cfg(auth);
    expect(r.status).toBe(401);
    expectEnhanced(r.body, 'invalid_access_token_client_application', 401, 'application-registration');
  });

  it('expired token (emulator clock past expires_in) → 401, a fresh token works', async () => {
    const d = await TestClient.create(emu.adobeUrl);
    await admin(emu.adobeUrl, 'POST', '/clock/advance', { ms: 21_600_000 });
    expect((await d.get('/api/v2/DEMOTV/configuration')).status).toBe(401);
    await d.refreshToken();
    expect((await d.get('/api/v2/DEMOTV/configuration')).status).toBe(200);
  });

  it('admin expire access-token → 401', async () => {
    const d = await TestClient.create(emu.adobeUrl);
    await admin(emu.adobeUrl, 'POST', '/expire', { kind: 'access-token', clientId: d.clientId });
    expectEnhanced((await d.get('/api/v2/DEMOTV/configuration')).body, 'invalid_access_token_client_application', 401);
  });

  it('token of an app registered for another service provider → invalid_access_token_service_provider', async () => {
    const other = await TestClient.create(emu.adobeUrl, 'othertv-tv');
    const r = await other.get('/api/v2/DEMOTV/configuration');
    expect(r.status).toBe(401);
    expectEnhanced(r.body, 'invalid_access_token_service_provider', 401, 'application-registration');
    expect((await other.get('/api/v2/OTHERTV/configuration')).status).toBe(200);
  });

  it('unknown service provider → 400 invalid_parameter_service_provider', async () => {
    const r = await c.get('/api/v2/NOPE/configuration');
    expect(r.status).toBe(400);
    expectEnhanced(r.body, 'invalid_parameter_service_provider', 400, 'none');
  });
});

describe('device headers (A10)', () => {
  const profiles = (headers: Record<string, string>) => http('GET', `${emu.adobeUrl}/api/v2/DEMOTV/profiles`, { headers });

  it('missing or malformed AP-Device-Identifier → invalid_header_device_identifier', async () => {
    const h = c.headers();
    delete h['AP-Device-Identifier'];
    expectEnhanced((await profiles(h)).body, 'invalid_header_device_identifier', 400);
    expectEnhanced((await profiles({ ...h, 'AP-Device-Identifier': 'serial abc' })).body, 'invalid_header_device_identifier', 400);
    expectEnhanced((await profiles({ ...h, 'AP-Device-Identifier': 'fingerprint' })).body, 'invalid_header_device_identifier', 400);
  });

  it('missing, non-Base64-JSON or incomplete X-Device-Info → invalid_header_device_info (strict)', async () => {
    const h = c.headers();
    delete h['X-Device-Info'];
    expectEnhanced((await profiles(h)).body, 'invalid_header_device_info', 400);
    expectEnhanced((await profiles({ ...h, 'X-Device-Info': 'not json' })).body, 'invalid_header_device_info', 400);
    const { osVersion: _omit, ...noOsVersion } = TV_INFO;
    expectEnhanced((await profiles({ ...h, 'X-Device-Info': deviceInfoHeader(noOsVersion) })).body, 'invalid_header_device_info', 400);
    expectEnhanced((await profiles({ ...h, 'X-Device-Info': deviceInfoHeader({ ...TV_INFO, osName: 'Tizen' }) })).body, 'invalid_header_device_info', 400);
  });

  it('lenient mode accepts any decodable JSON object', async () => {
    await admin(emu.adobeUrl, 'POST', '/settings', { strictDeviceInfo: false });
    const r = await profiles(c.headers({ 'X-Device-Info': b64('{"osName":"Tizen"}') }));
    expect(r.status).toBe(200);
    await admin(emu.adobeUrl, 'POST', '/settings', { strictDeviceInfo: true });
  });
});

describe('methods and CORS', () => {
  it.each([
    ['DELETE', '/api/v2/DEMOTV/profiles'],
    ['GET', '/api/v2/DEMOTV/sessions'],
    ['GET', '/api/v2/DEMOTV/decisions/authorize/AcmeCable'],
    ['POST', '/api/v2/DEMOTV/logout/AcmeCable'],
  ])('%s %s → 405', async (method, path) => {
    const r = await http(method, `${emu.adobeUrl}${path}`, { headers: c.headers() });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBeTruthy();
  });

  it('answers preflight for a localhost origin with the custom headers allowed', async () => {
    const r = await http('OPTIONS', `${emu.adobeUrl}/api/v2/DEMOTV/profiles`, {
      headers: { Origin: 'http://localhost:8080', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,ap-device-identifier,x-device-info' },
    });
    expect(r.status).toBeLessThan(300);
    expect(r.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    expect((r.headers.get('access-control-allow-headers') ?? '').toLowerCase()).toContain('ap-device-identifier');
  });

  it('does not grant CORS to a foreign origin by default', async () => {
    const r = await http('GET', `${emu.adobeUrl}/api/v2/DEMOTV/configuration`, { headers: { ...c.headers(), Origin: 'https://evil.example' } });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });
});
