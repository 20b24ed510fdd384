/**
 * PassClient against the real emulator: DCR lifecycle and every branch of the error policy,
 * asserted on behaviour and on the emulator's request journal (counts, headers, timing after 429).
 */
import { PassClient, PassError, memoryCredentialsStore, type BudgetOptions, type CredentialsStore } from '../../src/pass';
import { DEVICE_ID_HEADER, DEVICE_INFO_HEADER } from '../flows/helpers';
import {
  calls,
  countOf,
  headerViolations,
  startHarness,
  statementFixture,
  type Harness,
  type JournalEntry,
} from '../flows/emulator-harness';

// Real sleeps against a throttling emulator: a loaded CI machine needs more than jest's 5 s default.
jest.setTimeout(30_000);

const SP = 'DEMOTV';
let emu: Harness;
let sleeps: number[];
/** The clients' clock when sleeps are faked: it moves only by their sleeps, so the waits asked for are exact. */
let fakeNow: number;

beforeAll(async () => {
  emu = await startHarness();
});
afterAll(() => emu.close());
// Checklist 28–30, 32: whatever a test did, no request lacked the three headers or carried an undefined one.
afterEach(async () => {
  expect(headerViolations(await emu.journal())).toEqual([]);
});
beforeEach(async () => {
  await emu.reset();
  sleeps = [];
  fakeNow = Date.now();
});

function client(
  extra: {
    credentials?: CredentialsStore;
    timeoutMs?: number;
    realSleep?: boolean;
    softwareStatement?: string;
    budget?: Partial<BudgetOptions>;
  } = {},
): PassClient {
  return new PassClient({
    restBaseUrl: emu.adobeUrl,
    dcrBaseUrl: emu.adobeUrl,
    serviceProvider: SP,
    softwareStatement: extra.softwareStatement ?? emu.statement,
    device: { identifierHeader: () => DEVICE_ID_HEADER, infoHeader: () => DEVICE_INFO_HEADER },
    credentials: extra.credentials,
    timeoutMs: extra.timeoutMs,
    now: extra.realSleep ? undefined : () => fakeNow,
    sleep: extra.realSleep
      ? undefined
      : async (ms) => {
          sleeps.push(ms);
          fakeNow += ms;
        },
    budget: extra.budget,
  });
}

async function failureOf(promise: Promise<unknown>): Promise<PassError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PassError) return error;
    throw error;
  }
  throw new Error('expected a PassError');
}

const PROFILES = `GET /api/v2/${SP}/profiles`;
const fault = (path: string, f: unknown, count = 1) => emu.admin('POST', 'faults', { match: { path }, count, fault: f });

test('registration, token and every call type: three headers on each REST V2 request, nothing undefined', async () => {
  // Twelve requests: two more than the burst, so the scheduler really waits (throttling may be on).
  const c = client({ realSleep: true });
  const configuration = await c.configuration();
  expect(configuration.mvpds.map((m) => m.id)).toContain('AcmeCable');
  expect(await c.profiles()).toEqual([]);
  const session = await c.createSession({ mvpd: 'AcmeCable', domainName: 'demotv.example', redirectUrl: 'http://localhost:4030/done' });
  expect(session.actionName).toBe('authenticate');
  const code = session.code as string;
  const info = await c.retrieveSession(code);
  expect(info.existingParameters.mvpd).toBe('AcmeCable');
  expect(await c.profileForCode(code)).toEqual([]);
  await emu.complete(code, 'alice');
  const [profile] = await c.profileForCode(code);
  expect(profile).toEqual(expect.objectContaining({ mvpd: 'AcmeCable', type: 'regular' }));
  expect(profile.attributes.userID.value).toBe('u-alice-0001');
  expect((await c.profileForMvpd('AcmeCable')).length).toBe(1);
  const pre = await c.preauthorize('AcmeCable', ['DEMOTV', 'DEMOTV-SPORTS']);
  expect(pre.map((d) => d.authorized)).toEqual([true, true]);
  const decision = await c.authorize('AcmeCable', 'DEMOTV');
  expect(decision.authorized).toBe(true);
  expect(decision.token?.serializedToken).toBeTruthy();
  const verdict = await emu.admin<{ result: string }>(
    'GET',
    `verify-media-token?token=${encodeURIComponent(decision.token?.serializedToken ?? '')}&resource=DEMOTV`,
  );
  expect(verdict.result).toBe('VALID_TOKEN');
  const logout = await c.logout('AcmeCable', 'http://localhost:4030/done');
  expect(logout[0]).toEqual(expect.objectContaining({ actionName: 'logout' }));
  expect(logout[0].url).toMatch(/^http:\/\//);

  const journal = await emu.journal();
  expect(headerViolations(journal)).toEqual([]);
  expect(countOf(journal, 'POST /o/client/register')).toBe(1);
  expect(countOf(journal, 'POST /o/client/token')).toBe(1);
  expect(journal).toHaveLength(2 + 10); // DCR + the ten REST calls above, nothing else
});

test('second screen: its own statement and device, resume a session created without mvpd, authenticate URL', async () => {
  const tv = client();
  const created = await tv.createSession({ domainName: 'demotv.example', redirectUrl: 'http://localhost:4030/done' });
  expect(created.actionName).toBe('resume');
  expect(created.missingParameters).toEqual(['mvpd']);
  const phone = new PassClient({
    restBaseUrl: emu.adobeUrl,
    dcrBaseUrl: emu.adobeUrl,
    serviceProvider: SP,
    softwareStatement: statementFixture('demotv-activation-web'),
    device: { identifierHeader: () => 'fingerprint cGhvbmU=', infoHeader: () => DEVICE_INFO_HEADER },
  });
  const code = created.code as string;
  expect((await phone.retrieveSession(code)).missingParameters).toEqual(['mvpd']);
  const resumed = await phone.resumeSession(code, {
    mvpd: 'AcmeCable',
    domainName: 'demotv.example',
    redirectUrl: 'http://localhost:4030/done',
  });
  expect(resumed.actionName).toBe('authenticate');
  expect(resumed.url).toBe(phone.authenticateUrl(code));
  expect(headerViolations(await emu.journal())).toEqual([]);
});

test('relative logout URL (Adobe SSO samples): resolved against the REST origin, and it opens the MVPD logout', async () => {
  await emu.admin('POST', 'settings', { relativeLogoutUrls: true });
  const c = client();
  const redirectUrl = 'http://localhost:4030/done';
  const session = await c.createSession({ mvpd: 'AcmeCable', domainName: 'demotv.example', redirectUrl });
  await emu.complete(session.code as string, 'alice');
  const [entry] = await c.logout('AcmeCable', redirectUrl);
  expect(entry).toEqual(expect.objectContaining({ actionName: 'logout', actionType: 'interactive' }));
  expect(entry.url).toMatch(new RegExp(`^${emu.adobeUrl.replace(/[.]/g, '\\.')}/adobe-services/logout\\?`));
  const opened = await fetch(entry.url as string, { redirect: 'manual' });
  expect(opened.status).toBe(302);
  expect(opened.headers.get('location')).toMatch(/^\/__mock-mvpd\/AcmeCable\/logout/);
  // That last request was a browser's, not the client's: keep it out of the header check.
  expect(headerViolations(await emu.journal()).every((v) => v.startsWith('GET /adobe-services/logout'))).toBe(true);
  await emu.admin('DELETE', 'journal');
});

describe('DCR lifecycle', () => {
  test('expired access token: 401 → one token refresh with the same credentials, one repeat; never re-register', async () => {
    const c = client();
    await c.profiles();
    await emu.admin('POST', 'expire', { kind: 'access-token' });
    await c.profiles();
    const journal = await emu.journal();
    expect(calls(journal)).toEqual([
      'POST /o/client/register',
      'POST /o/client/token',
      PROFILES,
      PROFILES,
      'POST /o/client/token',
      PROFILES,
    ]);
    expect(journal[3].status).toBe(401);
  });

  test('expired token seen by concurrent callers: one shared token request, each call repeated once', async () => {
    const c = client();
    await c.profiles();
    await emu.admin('POST', 'expire', { kind: 'access-token' });
    await emu.admin('DELETE', 'journal');
    await Promise.all([c.profiles(), c.profiles(), c.profiles()]);
    const journal = await emu.journal();
    expect(countOf(journal, 'POST /o/client/token')).toBe(1);
    expect(countOf(journal, PROFILES)).toBe(6);
    expect(countOf(journal, 'POST /o/client/register')).toBe(0);
  });

  test('revoked client: token endpoint says invalid_client → register again → token → repeat', async () => {
    const store = memoryCredentialsStore();
    const c = client({ credentials: store });
    await c.profiles();
    const first = await store.loadClient();
    await emu.admin('POST', `clients/${first?.clientId}/revoke`);
    await c.profiles();
    const journal = await emu.journal();
    expect(calls(journal).slice(3)).toEqual([
      PROFILES,
      'POST /o/client/token',
      'POST /o/client/register',
      'POST /o/client/token',
      PROFILES,
    ]);
    expect((await store.loadClient())?.clientId).not.toBe(first?.clientId);
  });

  test('stored credentials and token survive a restart: the next client makes no DCR call', async () => {
    const store = memoryCredentialsStore();
    await client({ credentials: store }).profiles();
    await client({ credentials: store }).profiles();
    expect(countOf(await emu.journal(), 'POST /o/client/register')).toBe(1);
    expect(countOf(await emu.journal(), 'POST /o/client/token')).toBe(1);
  });

  test('unapproved software statement: registration failure after one request', async () => {
    const error = await failureOf(client({ softwareStatement: statementFixture('demotv-unapproved') }).profiles());
    expect(error.kind).toBe('registration');
    expect(error.code).toBe('unapproved_software_statement');
    expect(calls(await emu.journal())).toEqual(['POST /o/client/register']);
  });
});

describe('error policy (faults injected by the emulator)', () => {
  const path = `^/api/v2/${SP}/profiles$`;

  test('action retry: two retries with backoff, then a server failure', async () => {
    const c = client();
    await c.ensureToken();
    await fault(path, { type: 'enhanced-error', status: 403, code: 'network_connection_timeout', action: 'retry' }, 5);
    const error = await failureOf(c.profiles());
    expect(error.kind).toBe('server');
    expect(countOf(await emu.journal(), PROFILES)).toBe(3);
    expect(sleeps).toEqual([1000, 2000]);
  });

  test('action retry once: the retry succeeds', async () => {
    await fault(path, { type: 'enhanced-error', status: 403, code: 'maximum_execution_time_exceeded', action: 'retry' }, 1);
    await expect(client().profiles()).resolves.toEqual([]);
    expect(countOf(await emu.journal(), PROFILES)).toBe(2);
  });

  test.each([
    ['authentication', 'authenticated_profile_invalidated', 403, 'authentication'],
    ['configuration', 'invalid_configuration_platform', 500, 'configuration'],
    ['none', 'invalid_parameter_mvpd', 400, 'unknown'],
    ['none', 'internal_server_error', 500, 'server'],
  ])('action %s (%s): one request, typed failure %s', async (action, code, status, kind) => {
    await fault(path, { type: 'enhanced-error', status, code, action, message: 'From the emulator' }, 1);
    const error = await failureOf(client().profiles());
    expect(error.kind).toBe(kind);
    expect(error.code).toBe(code);
    expect(error.message).toBe('From the emulator');
    expect(countOf(await emu.journal(), PROFILES)).toBe(1);
  });

  test('action application-registration: token refreshed, call repeated once, no re-registration', async () => {
    await fault(
      path,
      { type: 'enhanced-error', status: 401, code: 'invalid_access_token_client_application', action: 'application-registration' },
      1,
    );
    await client().profiles();
    const journal = await emu.journal();
    expect(calls(journal)).toEqual(['POST /o/client/register', 'POST /o/client/token', PROFILES, 'POST /o/client/token', PROFILES]);
  });

  test('application-registration twice: stops with a registration failure (no loop)', async () => {
    await fault(
      path,
      { type: 'enhanced-error', status: 401, code: 'invalid_access_token_service_provider', action: 'application-registration' },
      5,
    );
    const error = await failureOf(client().profiles());
    expect(error.kind).toBe('registration');
    expect(countOf(await emu.journal(), PROFILES)).toBe(2);
  });

  test('5xx without enhanced error: retried; 3 failures → server failure', async () => {
    await fault(path, { type: 'status', status: 503, body: '<html>down</html>', contentType: 'text/html' }, 3);
    const error = await failureOf(client().profiles());
    expect(error.kind).toBe('server');
    expect(countOf(await emu.journal(), PROFILES)).toBe(3);
  });

  test('malformed body: typed error, not retried', async () => {
    await fault(path, { type: 'malformed' }, 1);
    const error = await failureOf(client().profiles());
    expect(error.kind).toBe('malformed');
    expect(countOf(await emu.journal(), PROFILES)).toBe(1);
  });

  test('dropped connection (no status, maybe a hidden 429): retried after 1 s, then 2 s; recovers', async () => {
    const c = client();
    await c.ensureToken();
    await fault(path, { type: 'drop' }, 2);
    await expect(c.profiles()).resolves.toEqual([]);
    // Retry waits; a shorter wait for the steady-rate slot may come in between (the burst counts as spent).
    expect(sleeps.filter((ms) => ms >= 1000)).toEqual([1000, 2000]);
  });

  test('latency past the timeout: network failure after bounded retries', async () => {
    const c = client({ timeoutMs: 300 });
    await c.ensureToken();
    await fault(path, { type: 'latency', ms: 600 }, 3);
    const error = await failureOf(c.profiles());
    expect(error.kind).toBe('network');
    // Retry waits; a shorter wait for the steady-rate slot may come in between (the burst counts as spent).
    expect(sleeps.filter((ms) => ms >= 1000)).toEqual([1000, 2000]);
  });

  test('a client pushed past Adobe budget (its own budget raised): ≥ 1 s between each 429 and the next request', async () => {
    await emu.admin('POST', 'settings', { throttling: true });
    const c = client({ realSleep: true, budget: { burst: 100, intervalMs: 0, marginMs: 0 } });
    for (let i = 0; i < 12; i++) await c.profiles();
    const journal = await emu.journal();
    const throttled = journal.filter((e) => e.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    for (const hit of throttled) {
      const next = journal[journal.indexOf(hit) + 1];
      expect(next).toBeDefined();
      // Both timestamps come from the emulator clock; the client must leave at least 1000 ms.
      expect(arrival(next) - hit.time).toBeGreaterThanOrEqual(1000 - 5);
    }
    expect(journal.filter((e) => e.status === 200)).toHaveLength(12);
    expect(headerViolations(journal)).toEqual([]);
  }, 30_000);
});

/** When a request reached the emulator (its journal stamps the end). */
const arrival = (e: JournalEntry) => e.time - e.durationMs;

/** Requests per second since the first one, e.g. [10, 0, 1, 1, 1] (printed by the budget test). */
function perSecond(entries: JournalEntry[]): number[] {
  const times = entries.map(arrival).sort((a, b) => a - b);
  const counts: number[] = [];
  for (const t of times) {
    const second = Math.floor((t - times[0]) / 1000);
    while (counts.length <= second) counts.push(0);
    counts[second] += 1;
  }
  return counts;
}

describe('throttling budget, priorities and retry rules (real time, throttling on)', () => {
  beforeEach(async () => {
    await emu.admin('POST', 'settings', { throttling: true, throttleRatePerSec: 1, throttleBurst: 10 });
  });

  test('a burst of 14 concurrent calls on a fresh client: Adobe budget kept, zero 429s', async () => {
    const c = client({ realSleep: true });
    const results = await Promise.all(Array.from({ length: 14 }, () => c.profiles()));
    expect(results).toHaveLength(14);
    const journal = await emu.journal();
    const times = journal.map(arrival).sort((a, b) => a - b);
    console.log(`requests per second (DCR + 14 profiles): ${JSON.stringify(perSecond(journal))}`);
    expect(journal).toHaveLength(16);
    expect(journal.filter((e) => e.status === 429)).toEqual([]);
    // Adobe's model: 10 at once, then one per second. The client spaces departures 1.1 s apart; arrivals
    // on a loaded 2-core machine jitter by tens of ms, so the gap is checked with that margin (zero 429s
    // above is the service's own verdict).
    for (let i = 10; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(900);
  }, 30_000);

  test('priorities: once the burst is spent, authorize, then the poll, then profiles, then preauthorize', async () => {
    await emu.admin('POST', 'settings', { throttleBurst: 4 });
    const c = client({ realSleep: true, budget: { burst: 4 } });
    await c.ensureToken(); // 2
    await Promise.all([c.profiles(), c.profiles()]); // 4: the burst is spent
    const settle = (p: Promise<unknown>) => p.catch(() => undefined); // no profile: typed failures are fine here
    await Promise.all([
      settle(c.preauthorize('AcmeCable', ['DEMOTV'])),
      settle(c.profiles()),
      settle(c.profileForCode('NOSUCH1')),
      settle(c.authorize('AcmeCable', 'DEMOTV')),
    ]);
    const journal = await emu.journal();
    expect(calls(journal).slice(4)).toEqual([
      `POST /api/v2/${SP}/decisions/authorize/AcmeCable`,
      `GET /api/v2/${SP}/profiles/code/NOSUCH1`,
      PROFILES,
      `POST /api/v2/${SP}/decisions/preauthorize/AcmeCable`,
    ]);
    expect(journal.filter((e) => e.status === 429)).toEqual([]);
  }, 30_000);

  test('a failure without a status: nothing from the client for at least 1 s, then the call succeeds', async () => {
    const c = client({ realSleep: true });
    await c.ensureToken();
    await fault(`^/api/v2/${SP}/profiles$`, { type: 'drop' }, 1);
    await expect(c.profiles()).resolves.toEqual([]);
    const journal = await emu.journal();
    const dropped = journal.filter((e) => e.status === 0);
    expect(dropped).toHaveLength(1);
    const next = journal[journal.indexOf(dropped[0]) + 1];
    expect(arrival(next) - dropped[0].time).toBeGreaterThanOrEqual(1000);
    expect(journal.filter((e) => e.status === 429)).toEqual([]);
  }, 30_000);

  test('polls at least 3 s apart, the retry of a failed poll included', async () => {
    const c = client({ realSleep: true });
    const session = await c.createSession({ mvpd: 'AcmeCable', domainName: 'demotv.example', redirectUrl: 'http://localhost:4030/done' });
    const code = session.code as string;
    await fault(`^/api/v2/${SP}/profiles/code/`, { type: 'status', status: 503, body: '' }, 1);
    await c.profileForCode(code); // 503, then retried
    await c.profileForCode(code); // the next poll, asked for at once
    const polls = (await emu.journal()).filter((e) => e.path.startsWith(`/api/v2/${SP}/profiles/code/`));
    expect(polls.map((e) => e.status)).toEqual([503, 200, 200]);
    const times = polls.map(arrival);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(3000);
  }, 30_000);

  test('POST sessions without an answer is not re-sent: a typed failure; the next try creates a new session', async () => {
    const c = client({ realSleep: true });
    await c.ensureToken();
    await fault(`^/api/v2/${SP}/sessions$`, { type: 'drop' }, 1);
    const params = { mvpd: 'AcmeCable', domainName: 'demotv.example', redirectUrl: 'http://localhost:4030/done' };
    const error = await failureOf(c.createSession(params));
    expect(error).toEqual(expect.objectContaining({ kind: 'network', retryable: true, outcomeUnknown: true }));
    expect(countOf(await emu.journal(), `POST /api/v2/${SP}/sessions`)).toBe(1);
    // What the user's "Try again" does: a new session, at least 1 s after the unanswered one.
    const again = await c.createSession(params);
    expect(again.code).toBeTruthy();
    const sessions = (await emu.journal()).filter((e) => e.path === `/api/v2/${SP}/sessions`);
    expect(sessions.map((e) => e.status)).toEqual([0, 200]);
    expect(arrival(sessions[1]) - sessions[0].time).toBeGreaterThanOrEqual(1000);
  }, 30_000);
});
