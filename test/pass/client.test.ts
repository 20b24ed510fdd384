/** PassClient against a scripted local HTTP server: headers, DCR lifecycle, error policy. */
import { PassClient, PassError, memoryCredentialsStore, type CredentialsStore } from '../../src/pass';
import { DEVICE, SP, scriptDcr, startFakeServer, type FakeServer } from './fake-server';

let server: FakeServer;
let sleeps: number[];
let now: number;

beforeEach(async () => {
  server = await startFakeServer();
  scriptDcr(server);
  sleeps = [];
  now = 1_000_000;
});
afterEach(() => server.close());

function client(extra: { credentials?: CredentialsStore; timeoutMs?: number } = {}): PassClient {
  return new PassClient({
    restBaseUrl: server.url,
    dcrBaseUrl: server.url,
    serviceProvider: SP,
    softwareStatement: 'statement.jwt',
    device: DEVICE,
    sleep: async (ms) => void sleeps.push(ms),
    now: () => now,
    ...extra,
  });
}

const CONFIG = { requestor: { id: SP, mvpds: [{ id: 'AcmeCable', displayName: 'Acme Cable' }] } };
const EMPTY_PROFILES = { profiles: {} };

async function failureOf(promise: Promise<unknown>): Promise<PassError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PassError) return error;
    throw error;
  }
  throw new Error('expected a PassError');
}

describe('headers and encodings', () => {
  test('REST V2 calls carry Authorization, AP-Device-Identifier, X-Device-Info and Accept application/json', async () => {
    server.on(`GET /api/v2/${SP}/configuration`, { json: CONFIG });
    await client().configuration();
    const rest = server.requests.filter((r) => r.path.startsWith('/api/v2/'));
    expect(rest).toHaveLength(1);
    expect(rest[0].headers.authorization).toBe('Bearer tok-1');
    expect(rest[0].headers['ap-device-identifier']).toBe(DEVICE.identifierHeader());
    expect(rest[0].headers['x-device-info']).toBe(DEVICE.infoHeader());
    expect(rest[0].headers.accept).toBe('application/json');
  });

  test('DCR calls: JSON register, form token, X-Device-Info, no bearer or device id', async () => {
    server.on(`GET /api/v2/${SP}/configuration`, { json: CONFIG });
    await client().configuration();
    const [register, token] = server.requests;
    expect(register.path).toBe('/o/client/register');
    expect(register.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(register.body)).toEqual({ software_statement: 'statement.jwt' });
    expect(token.path).toBe('/o/client/token');
    expect(token.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(token.body).toBe('client_id=cid-1&client_secret=sec-1&grant_type=client_credentials');
    for (const r of [register, token]) {
      expect(r.headers['x-device-info']).toBe(DEVICE.infoHeader());
      expect(r.headers.authorization).toBeUndefined();
      expect(r.headers['ap-device-identifier']).toBeUndefined();
    }
  });

  test('sessions are form-encoded, decisions JSON, logout sends redirectUrl as the only query parameter', async () => {
    server.on(`POST /api/v2/${SP}/sessions`, {
      json: {
        actionName: 'authenticate',
        actionType: 'interactive',
        url: `/api/v2/authenticate/${SP}/ABC1234`,
        code: 'ABC1234',
        notBefore: '1000',
        notAfter: '1801000',
      },
    });
    server.on(`POST /api/v2/${SP}/decisions/authorize/AcmeCable`, {
      json: { decisions: [{ resource: 'DEMOTV', authorized: true, token: { serializedToken: 'mt', notAfter: 5 } }] },
    });
    server.on(`GET /api/v2/${SP}/logout/AcmeCable`, {
      json: {
        logouts: { AcmeCable: { actionName: 'logout', actionType: 'interactive', mvpd: 'AcmeCable', url: '/adobe-services/logout?x=1' } },
      },
    });
    const c = client();
    const session = await c.createSession({ mvpd: 'AcmeCable', domainName: 'demotv.example', redirectUrl: 'http://localhost:4030/done' });
    expect(session.url).toBe(`${server.url}/api/v2/authenticate/${SP}/ABC1234`);
    expect(session.notAfter).toBe(1801000);
    await c.authorize('AcmeCable', 'DEMOTV');
    const logout = await c.logout('AcmeCable', 'http://localhost:4030/done');
    expect(logout[0].url).toBe(`${server.url}/adobe-services/logout?x=1`);

    const [s, a, l] = server.requests.filter((r) => r.path.startsWith('/api/v2/'));
    expect(s.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(s.body).toBe('mvpd=AcmeCable&domainName=demotv.example&redirectUrl=http%3A%2F%2Flocalhost%3A4030%2Fdone');
    expect(a.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(a.body)).toEqual({ resources: ['DEMOTV'] });
    expect(l.query).toBe('redirectUrl=http%3A%2F%2Flocalhost%3A4030%2Fdone');
  });

  test('authenticate URL is built, not requested', () => {
    expect(client().authenticateUrl('ABC1234')).toBe(`${server.url}/api/v2/authenticate/${SP}/ABC1234`);
    expect(server.requests).toHaveLength(0);
  });
});

describe('DCR lifecycle', () => {
  test('one registration and one token for many calls, including concurrent ones', async () => {
    server.on(`GET /api/v2/${SP}/profiles`, { json: EMPTY_PROFILES });
    const c = client();
    await Promise.all([c.profiles(), c.profiles(), c.profiles()]);
    await c.profiles();
    expect(server.count('POST /o/client/register')).toBe(1);
    expect(server.count('POST /o/client/token')).toBe(1);
    expect(server.count(`GET /api/v2/${SP}/profiles`)).toBe(4);
  });

  test('stored credentials and token are reused: no DCR call at all', async () => {
    server.on(`GET /api/v2/${SP}/profiles`, { json: EMPTY_PROFILES });
    const store = memoryCredentialsStore();
    await store.saveClient({ clientId: 'cid-9', clientSecret: 'sec-9' });
    await store.saveToken({ accessToken: 'tok-9', expiresAt: now + 3_600_000, refreshAt: now + 3_000_000 });
    await client({ credentials: store }).profiles();
    expect(server.count('POST /o/client/register')).toBe(0);
    expect(server.count('POST /o/client/token')).toBe(0);
    expect(server.requests[0].headers.authorization).toBe('Bearer tok-9');
  });

  test('token refreshed ahead of expiry with the stored credentials, never by re-registering', async () => {
    server.on(`GET /api/v2/${SP}/profiles`, { json: EMPTY_PROFILES });
    const c = client();
    await c.profiles();
    now += 3_600_000 - 5 * 60_000; // inside the safety margin (10 % of 1 h = 6 min)
    await c.profiles();
    expect(server.count('POST /o/client/token')).toBe(2);
    expect(server.count('POST /o/client/register')).toBe(1);
    const tokenBodies = server.requests.filter((r) => r.path === '/o/client/token').map((r) => r.body);
    expect(tokenBodies[1]).toContain('client_id=cid-1');
  });

  test('401: one token refresh, one repeat', async () => {
    server.on(
      `GET /api/v2/${SP}/profiles`,
      { status: 401, json: { status: 401, code: 'invalid_access_token_client_application', action: 'application-registration' } },
      { json: EMPTY_PROFILES },
    );
    server.on(
      'POST /o/client/token',
      { status: 201, json: { access_token: 'tok-1', expires_in: 3600 } },
      { status: 201, json: { access_token: 'tok-2', expires_in: 3600 } },
    );
    await client().profiles();
    expect(server.count('POST /o/client/token')).toBe(2);
    expect(server.count('POST /o/client/register')).toBe(1);
    const calls = server.requests.filter((r) => r.path.startsWith('/api/v2/'));
    expect(calls.map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  test('401 twice: stops after one refresh with a registration failure', async () => {
    server.on(`GET /api/v2/${SP}/profiles`, { status: 401, body: '' });
    const error = await failureOf(client().profiles());
    expect(error.kind).toBe('registration');
    expect(server.count(`GET /api/v2/${SP}/profiles`)).toBe(2);
    expect(server.count('POST /o/client/token')).toBe(2);
    expect(server.count('POST /o/client/register')).toBe(1);
  });

  test('token endpoint invalid_client: register again, then token, then the call', async () => {
    server.on(`GET /api/v2/${SP}/profiles`, { json: EMPTY_PROFILES });
    server.on(
      'POST /o/client/token',
      { status: 400, json: { error: 'invalid_client' } },
      { status: 201, json: { access_token: 'tok-2', expires_in: 3600 } },
    );
    const store = memoryCredentialsStore();
    await store.saveClient({ clientId: 'revoked', clientSecret: 'x' });
    await client({ credentials: store }).profiles();
    expect(server.requests.map((r) => r.path)).toEqual([
      '/o/client/token',
      '/o/client/register',
      '/o/client/token',
      `/api/v2/${SP}/profiles`,
    ]);
    expect(await store.loadClient()).toEqual(expect.objectContaining({ clientId: 'cid-1' }));
  });

  test('registration refused: registration failure, no loop', async () => {
    server.on('POST /o/client/register', { status: 400, json: { error: 'unapproved_software_statement' } });
    const error = await failureOf(client().profiles());
    expect(error.kind).toBe('registration');
    expect(error.code).toBe('unapproved_software_statement');
    expect(server.requests).toHaveLength(1);
  });
});

describe('error policy', () => {
  const path = `/api/v2/${SP}/profiles`;

  test('5xx without enhanced error: two retries with backoff, then server failure', async () => {
    server.on(`GET ${path}`, { status: 503, body: '<html>busy</html>', contentType: 'text/html' });
    const error = await failureOf(client().profiles());
    expect(error.kind).toBe('server');
    expect(server.count(`GET ${path}`)).toBe(3);
    expect(sleeps).toEqual([1000, 2000]);
  });

  test('action retry: bounded retries; succeeds when the service recovers', async () => {
    const retry = { status: 403, json: { status: 403, code: 'network_connection_timeout', action: 'retry' } };
    server.on(`GET ${path}`, retry, { json: EMPTY_PROFILES });
    await expect(client().profiles()).resolves.toEqual([]);
    expect(server.count(`GET ${path}`)).toBe(2);
  });

  test.each([
    ['authentication', 403, 'authenticated_profile_expired', 'authentication', 'authentication'],
    ['configuration', 500, 'invalid_configuration_platform', 'configuration', 'configuration'],
    ['none (code decides)', 400, 'invalid_authentication_session', 'none', 'expired-code'],
    ['none (unknown code, 400)', 400, 'some_future_code', 'none', 'unknown'],
    ['code wins over a disagreeing action', 403, 'temporary_access_duration_limit_exceeded', 'none', 'authentication'],
  ])('action %s: no retry, typed failure', async (_name, status, code, action, kind) => {
    server.on(`GET ${path}`, { status, json: { status, code, action, message: 'From Adobe', trace: 't-1' } });
    const error = await failureOf(client().profiles());
    expect(error.kind).toBe(kind);
    expect(error.code).toBe(code);
    expect(server.count(`GET ${path}`)).toBe(1);
    expect(sleeps).toEqual([]);
  });

  test('429 with an HTML body: waits at least 1 s before the next request', async () => {
    server.on(`GET ${path}`, { status: 429, body: '<html>429</html>', contentType: 'text/html' }, { json: EMPTY_PROFILES });
    await client().profiles();
    expect(sleeps).toContain(1000);
    expect(server.count(`GET ${path}`)).toBe(2);
  });

  test('malformed 200 body: typed malformed error, no crash, no retry', async () => {
    server.on(`GET ${path}`, { status: 200, body: '{"profiles": {', contentType: 'application/json' });
    const error = await failureOf(client().profiles());
    expect(error.kind).toBe('malformed');
    expect(server.count(`GET ${path}`)).toBe(1);
  });

  test('well-formed JSON of the wrong shape is malformed too', async () => {
    server.on(`GET ${path}`, { json: { profiles: { AcmeCable: { notAfter: 'soon' } } } });
    expect((await failureOf(client().profiles())).kind).toBe('malformed');
  });

  test('dropped connection: bounded retries, then network failure', async () => {
    server.on(`GET ${path}`, { drop: true });
    const error = await failureOf(client().profiles());
    expect(error.kind).toBe('network');
    expect(server.count(`GET ${path}`)).toBe(3);
  });

  test('answer slower than the timeout: network failure after bounded retries', async () => {
    server.on(`GET ${path}`, { delayMs: 400, json: EMPTY_PROFILES });
    const error = await failureOf(client({ timeoutMs: 100 }).profiles());
    expect(error.kind).toBe('network');
    expect(server.count(`GET ${path}`)).toBe(3);
  });
});

test('promotional TempPass identity travels in AP-TempPass-Identity on authorize, only when given', async () => {
  server.on(`POST /api/v2/${SP}/decisions/authorize/TempPass_PROMO3`, {
    json: { decisions: [{ resource: 'DEMOTV', authorized: true, token: { serializedToken: 'mt' } }] },
  });
  const c = client();
  await c.authorize('TempPass_PROMO3', 'DEMOTV', 'eyJlbWFpbCI6ImFAYi5jIn0=');
  await c.authorize('TempPass_PROMO3', 'DEMOTV');
  const [withIdentity, without] = server.requests.filter((r) => r.path.includes('/decisions/'));
  expect(withIdentity.headers['ap-temppass-identity']).toBe('eyJlbWFpbCI6ImFAYi5jIn0=');
  expect(without.headers['ap-temppass-identity']).toBeUndefined();
});
