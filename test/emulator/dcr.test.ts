import type { RunningEmulator } from '../../emulator/src/server';
import { STATEMENTS, TV_INFO, TestClient, admin, deviceInfoHeader, http, start } from './helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

const INFO = { 'x-device-info': deviceInfoHeader() };
const register = (body: unknown, contentType = 'application/json', headers: Record<string, string> = INFO) =>
  http('POST', `${emu.adobeUrl}/o/client/register`, { headers: { 'content-type': contentType, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const token = (form: Record<string, string> | string, headers: Record<string, string> = INFO) =>
  http('POST', `${emu.adobeUrl}/o/client/token`, {
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: typeof form === 'string' ? form : new URLSearchParams(form).toString(),
  });

describe('X-Device-Info on DCR calls (required on register and token)', () => {
  const statement = { software_statement: STATEMENTS['demotv-lightning-tv'] };
  it.each([
    ['missing', {}],
    ['not Base64 JSON', { 'x-device-info': 'not json' }],
    ['without the required keys (strict)', { 'x-device-info': deviceInfoHeader({ primaryHardwareType: 'TV' }) }],
  ])('register: 400 invalid_request when X-Device-Info is %s', async (_n, headers) => {
    const r = await register(statement, 'application/json', headers);
    expect(r).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it('token: 400 invalid_request without X-Device-Info, 201 with it', async () => {
    const reg = await register(statement);
    const form = { client_id: reg.body.client_id, client_secret: reg.body.client_secret, grant_type: 'client_credentials' };
    expect(await token(form, {})).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect((await token(form, { 'x-device-info': deviceInfoHeader(TV_INFO) })).status).toBe(201);
  });

  it('lenient device info accepts any decodable JSON object on DCR too', async () => {
    await admin(emu.adobeUrl, 'POST', '/settings', { strictDeviceInfo: false });
    try {
      expect((await register(statement, 'application/json', { 'x-device-info': deviceInfoHeader({ model: 'x' }) })).status).toBe(201);
    } finally {
      await admin(emu.adobeUrl, 'POST', '/settings', { strictDeviceInfo: true });
    }
  });
});

describe('POST /o/client/register', () => {
  it('returns 201 client credentials for an approved statement (with or without charset)', async () => {
    for (const ct of ['application/json', 'application/json;charset=utf-8', 'application/json; charset=UTF-8']) {
      const r = await register({ software_statement: STATEMENTS['demotv-lightning-tv'] }, ct);
      expect(r.status).toBe(201);
      expect(r.body).toEqual({
        client_id: expect.any(String), client_secret: expect.any(String), client_id_issued_at: expect.any(Number),
        redirect_uris: [], grant_types: ['client_credentials'], scopes: ['api:client:v2'],
      });
      expect(r.body.client_id_issued_at).toBeLessThan(1e11); // seconds, not ms
    }
  });

  it('issues a distinct pair per registration', async () => {
    const a = await register({ software_statement: STATEMENTS['demotv-lightning-tv'] });
    const b = await register({ software_statement: STATEMENTS['demotv-lightning-tv'] });
    expect(a.body.client_id).not.toBe(b.body.client_id);
  });

  it('accepts an allowed redirect_uri and rejects others with invalid_redirect_uri', async () => {
    const ok = await register({ software_statement: STATEMENTS['demotv-lightning-tv'], redirect_uri: 'demotv://auth/done' });
    expect(ok.status).toBe(201);
    expect(ok.body.redirect_uris).toEqual(['demotv://auth/done']);
    const bad = await register({ software_statement: STATEMENTS['demotv-lightning-tv'], redirect_uri: 'https://evil.example/cb' });
    expect(bad).toMatchObject({ status: 400, body: { error: 'invalid_redirect_uri' } });
  });

  it.each([
    ['no body', ''],
    ['missing software_statement', JSON.stringify({ redirect_uri: 'demotv://auth/done' })],
    ['non-string statement', JSON.stringify({ software_statement: 42 })],
    ['broken JSON', '{"software_statement": '],
  ])('400 invalid_request: %s', async (_name, body) => {
    const r = await register(body);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: 'invalid_request' });
  });

  it('400 invalid_request for a form-encoded body', async () => {
    const r = await register(`software_statement=${STATEMENTS['demotv-lightning-tv']}`, 'application/x-www-form-urlencoded');
    expect(r.body).toEqual({ error: 'invalid_request' });
  });

  it('400 invalid_software_statement for garbage and for a tampered signature', async () => {
    expect((await register({ software_statement: 'not-a-jwt' })).body).toEqual({ error: 'invalid_software_statement' });
    const [h, p, s] = STATEMENTS['demotv-lightning-tv'].split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, software_id: 'othertv-tv' })).toString('base64url');
    expect((await register({ software_statement: `${h}.${forged}.${s}` })).body).toEqual({ error: 'invalid_software_statement' });
  });

  it('400 unapproved_software_statement for a valid but unapproved statement', async () => {
    const r = await register({ software_statement: STATEMENTS['demotv-unapproved'] });
    expect(r).toMatchObject({ status: 400, body: { error: 'unapproved_software_statement' } });
  });

  it('405 for GET', async () => {
    expect((await http('GET', `${emu.adobeUrl}/o/client/register`)).status).toBe(405);
  });
});

describe('POST /o/client/token', () => {
  let c: TestClient;
  beforeAll(async () => {
    c = await TestClient.create(emu.adobeUrl);
  });

  it('returns 201 with a bearer token, created_at in ms and the configured expires_in', async () => {
    const r = await token({ client_id: c.clientId, client_secret: c.clientSecret, grant_type: 'client_credentials' });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), access_token: expect.any(String), created_at: expect.any(Number), expires_in: 21600, token_type: 'bearer' });
    expect(r.body.created_at).toBeGreaterThan(1e12);
  });

  it.each([
    ['missing grant_type', (c: TestClient) => ({ client_id: c.clientId, client_secret: c.clientSecret }), 'invalid_request'],
    ['missing client_secret', (c: TestClient) => ({ client_id: c.clientId, grant_type: 'client_credentials' }), 'invalid_request'],
    ['wrong secret', (c: TestClient) => ({ client_id: c.clientId, client_secret: 'nope', grant_type: 'client_credentials' }), 'invalid_client'],
    ['unknown client', () => ({ client_id: 'nobody', client_secret: 'nope', grant_type: 'client_credentials' }), 'invalid_client'],
    ['refresh_token grant', (c: TestClient) => ({ client_id: c.clientId, client_secret: c.clientSecret, grant_type: 'refresh_token' }), 'unauthorized_client'],
    ['made-up grant', (c: TestClient) => ({ client_id: c.clientId, client_secret: c.clientSecret, grant_type: 'magic' }), 'unsupported_grant_type'],
  ])('400 %s', async (_n, form, error) => {
    const r = await token(form(c));
    expect(r).toMatchObject({ status: 400, body: { error } });
  });

  it('400 invalid_request for duplicated parameters and for a JSON body', async () => {
    const dup = `client_id=${c.clientId}&client_id=${c.clientId}&client_secret=${c.clientSecret}&grant_type=client_credentials`;
    expect((await token(dup)).body).toEqual({ error: 'invalid_request' });
    const json = await http('POST', `${emu.adobeUrl}/o/client/token`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: c.clientId, client_secret: c.clientSecret, grant_type: 'client_credentials' }),
    });
    expect(json.body).toEqual({ error: 'invalid_request' });
  });

  it('honours the accessTokenTtlS setting', async () => {
    await admin(emu.adobeUrl, 'POST', '/settings', { accessTokenTtlS: 60 });
    const r = await token({ client_id: c.clientId, client_secret: c.clientSecret, grant_type: 'client_credentials' });
    expect(r.body.expires_in).toBe(60);
    await admin(emu.adobeUrl, 'POST', '/settings', { accessTokenTtlS: 21600 });
  });

  it('invalid_client after the client or its statement is revoked', async () => {
    const a = await TestClient.create(emu.adobeUrl);
    await admin(emu.adobeUrl, 'POST', `/clients/${a.clientId}/revoke`);
    expect((await token({ client_id: a.clientId, client_secret: a.clientSecret, grant_type: 'client_credentials' })).body).toEqual({ error: 'invalid_client' });

    const b = await TestClient.create(emu.adobeUrl, 'othertv-tv');
    await admin(emu.adobeUrl, 'POST', '/statements/othertv-tv/revoke');
    expect((await token({ client_id: b.clientId, client_secret: b.clientSecret, grant_type: 'client_credentials' })).body).toEqual({ error: 'invalid_client' });
    expect((await register({ software_statement: STATEMENTS['othertv-tv'] })).body).toEqual({ error: 'invalid_software_statement' });
  });
});
