/**
 * PassClient's waits and priorities against a scripted server, on the scheduler's clock: the device clock
 * stands still and every sleep returns at once, so each request is stamped with the time the scheduler
 * believed it was (which is what it guarantees the gaps on).
 */
import {
  CALL_RULES,
  PRIORITY,
  PassClient,
  PassError,
  cancelSource,
  memoryCredentialsStore,
  react,
  retryDelayMs,
  type CredentialsStore,
} from '../../src/pass';
import { FakeTime } from './fake-time';
import { DEVICE, SP, scriptDcr, startFakeServer, type FakeServer } from './fake-server';

const NOW = 1_000_000;
let server: FakeServer;
let sent: Array<{ path: string; method: string; t: number }>;
let sleeps: number[];
let retries: number;

beforeEach(async () => {
  server = await startFakeServer();
  scriptDcr(server);
  sent = [];
  sleeps = [];
  retries = 0;
});
afterEach(() => server.close());

/** Credentials and a token already stored, so no DCR request takes part in the counts. */
async function signedUpStore(): Promise<CredentialsStore> {
  const store = memoryCredentialsStore();
  await store.saveClient({ clientId: 'cid', clientSecret: 'sec' });
  await store.saveToken({ accessToken: 'tok', expiresAt: NOW + 3_600_000, refreshAt: NOW + 3_000_000 });
  return store;
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition never met');
}

/** Advances the fake clock in small steps, letting real I/O happen in between, until `work` settles. */
async function drive<T>(time: FakeTime, work: Promise<T>): Promise<T> {
  let settled = false;
  const done = work.finally(() => (settled = true));
  for (let i = 0; i < 2000 && !settled; i++) {
    await time.advance(50);
    await new Promise((r) => setTimeout(r, 2));
  }
  return done;
}

function client(credentials: CredentialsStore, sleep?: (ms: number) => Promise<void>): PassClient {
  const c: PassClient = new PassClient({
    restBaseUrl: server.url,
    dcrBaseUrl: server.url,
    serviceProvider: SP,
    softwareStatement: 'statement.jwt',
    device: DEVICE,
    credentials,
    now: () => NOW,
    // Returns on the next turn of the event loop: requests already started can queue up first.
    sleep:
      sleep ??
      ((ms) => {
        sleeps.push(ms);
        return new Promise((resolve) => setImmediate(resolve));
      }),
    onEvent: (e) => {
      if (e.type === 'retry') retries += 1;
      if (e.type === 'request') sent.push({ method: e.method ?? '', path: e.path ?? '', t: c.scheduler.time() - NOW });
    },
  });
  return c;
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

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]);
const P = (suffix: string) => `/api/v2/${SP}/${suffix}`;
const EMPTY = { json: { profiles: {} } };

describe('failures without a status (how a web page sees Adobe 429)', () => {
  test('each retry waits at least 1 s, and nothing else of the client leaves meanwhile', async () => {
    server.on(`GET ${P('profiles')}`, { drop: true }, { drop: true }, EMPTY);
    server.on(`GET ${P('configuration')}`, { json: { mvpds: [] } });
    const time = new FakeTime(); // the scheduler's sleeps end only when this clock is advanced
    const c = client(await signedUpStore(), time.sleep);
    const first = c.profiles();
    await until(() => retries === 1); // the first attempt has failed (no status)
    const other = c.configuration();
    await drive(time, Promise.all([first, other]));
    const profiles = sent.filter((s) => s.path === P('profiles')).map((s) => s.t);
    expect(profiles).toHaveLength(3);
    for (const gap of gaps(profiles)) expect(gap).toBeGreaterThanOrEqual(1000);
    const config = sent.filter((s) => s.path === P('configuration'))[0].t;
    expect(config - profiles[0]).toBeGreaterThanOrEqual(1000);
  });

  test('a readable 429 is treated the same way', async () => {
    server.on(`GET ${P('profiles')}`, { status: 429, body: '<html>429</html>', contentType: 'text/html' }, EMPTY);
    const c = client(await signedUpStore());
    await c.profiles();
    const times = sent.map((s) => s.t);
    expect(times).toHaveLength(2);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(1000);
  });

  test('a status-less failure also spends what is left of the burst: the next calls keep the steady rate', async () => {
    server.on(`GET ${P('profiles')}`, { drop: true }, EMPTY);
    const c = client(await signedUpStore());
    await c.profiles();
    await Promise.all([c.profiles(), c.profiles(), c.profiles()]);
    const times = sent.map((s) => s.t);
    expect(times).toHaveLength(5);
    for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(1000);
  });
});

describe('polls', () => {
  test('no poll sooner than 3 s after the previous one, retries included', async () => {
    const code = P('profiles/code/ABC1234');
    server.on(`GET ${code}`, EMPTY, { status: 503, body: '' }, { drop: true }, EMPTY);
    const c = client(await signedUpStore());
    await c.profileForCode('ABC1234'); // a normal poll
    await c.profileForCode('ABC1234'); // asked for at once: it waits; then 503 and a dropped answer, retried
    const times = sent.map((s) => s.t);
    expect(times).toHaveLength(4);
    for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(3000);
  });

  test('a queued poll abandoned through its signal is never sent', async () => {
    server.on(`GET ${P('profiles/code/ABC1234')}`, EMPTY);
    const time = new FakeTime(); // sleeps end only when the test says so: the second poll stays queued
    const c = client(await signedUpStore(), time.sleep);
    await c.profileForCode('ABC1234');
    const source = cancelSource();
    const second = c.profileForCode('ABC1234', { signal: source.signal });
    await until(() => c.scheduler.waiting === 1);
    source.cancel();
    const error = await failureOf(second);
    expect(error.cancelled).toBe(true);
    expect(server.count(`GET ${P('profiles/code/ABC1234')}`)).toBe(1);
  });
});

describe('POST sessions', () => {
  test('no answer: not re-sent; a typed, retryable failure says the outcome is unknown', async () => {
    server.on(`POST ${P('sessions')}`, { drop: true });
    const c = client(await signedUpStore());
    const error = await failureOf(c.createSession({ mvpd: 'AcmeCable', domainName: 'demotv.example', redirectUrl: 'http://x/done' }));
    expect(server.count(`POST ${P('sessions')}`)).toBe(1);
    expect(error).toEqual(expect.objectContaining({ kind: 'network', retryable: true, outcomeUnknown: true }));
  });

  test('a readable 429 or an explicit retry answer is still retried (the request was not acted on)', async () => {
    const action = { actionName: 'authenticate', actionType: 'interactive', code: 'ABC1234', url: `/api/v2/authenticate/${SP}/ABC1234` };
    server.on(`POST ${P('sessions')}`, { status: 429, body: '<html></html>', contentType: 'text/html' }, { json: action });
    const c = client(await signedUpStore());
    await expect(c.createSession({ mvpd: 'AcmeCable' })).resolves.toEqual(expect.objectContaining({ code: 'ABC1234' }));
    expect(server.count(`POST ${P('sessions')}`)).toBe(2);
  });

  test('other calls are retried after no answer (bounded)', async () => {
    server.on(`POST ${P('decisions/authorize/AcmeCable')}`, { drop: true });
    const c = client(await signedUpStore());
    const error = await failureOf(c.authorize('AcmeCable', 'DEMOTV'));
    expect(error.kind).toBe('network');
    expect(error.outcomeUnknown).toBe(false);
    expect(server.count(`POST ${P('decisions/authorize/AcmeCable')}`)).toBe(3);
  });
});

describe('priorities through the client', () => {
  test('with the burst spent: authorize, then polls, then profiles, then preauthorize', async () => {
    for (const path of ['profiles', 'profiles/code/ABC1234']) server.on(`GET ${P(path)}`, EMPTY);
    const decisions = { json: { decisions: [{ resource: 'DEMOTV', authorized: true, token: { serializedToken: 'mt' } }] } };
    server.on(`POST ${P('decisions/preauthorize/AcmeCable')}`, decisions);
    server.on(`POST ${P('decisions/authorize/AcmeCable')}`, decisions);
    const c = client(await signedUpStore());
    const burst = Array.from({ length: 10 }, () => c.profiles());
    const queued = [
      c.preauthorize('AcmeCable', ['DEMOTV']),
      c.profiles(),
      c.profileForCode('ABC1234'),
      c.authorize('AcmeCable', 'DEMOTV'),
    ];
    await Promise.all([...burst, ...queued]);
    expect(sent.slice(10).map((s) => s.path)).toEqual([
      P('decisions/authorize/AcmeCable'),
      P('profiles/code/ABC1234'),
      P('profiles'),
      P('decisions/preauthorize/AcmeCable'),
    ]);
    for (const gap of gaps(sent.slice(9).map((s) => s.t))) expect(gap).toBeGreaterThanOrEqual(1000);
  });

  test('a caller may raise or lower a priority', async () => {
    server.on(`GET ${P('profiles')}`, EMPTY);
    server.on(`GET ${P('configuration')}`, { json: { mvpds: [] } });
    const c = client(await signedUpStore());
    const burst = Array.from({ length: 10 }, () => c.profiles());
    const low = c.profiles({ priority: PRIORITY.background });
    const high = c.configuration({ priority: PRIORITY.play });
    await Promise.all([...burst, low, high]);
    expect(sent.slice(10).map((s) => s.path)).toEqual([P('configuration'), P('profiles')]);
  });
});

describe('the policy table', () => {
  test('retry waits: no status or 429 → 1 s then 2 s; a readable server error → 0.5 s then 1 s', () => {
    const noStatus = react({ type: 'transport' }, 'profiles');
    const throttled = react({ type: 'response', endpoint: 'rest', status: 429 }, 'profiles');
    const server5xx = react({ type: 'response', endpoint: 'rest', status: 503 }, 'profiles');
    expect([0, 1].map((n) => retryDelayMs(noStatus, n, 500))).toEqual([1000, 2000]);
    expect([0, 1].map((n) => retryDelayMs(throttled, n, 500))).toEqual([1000, 2000]);
    expect([0, 1].map((n) => retryDelayMs(server5xx, n, 500))).toEqual([500, 1000]);
  });

  test('only POST sessions refuses a blind re-send; polls carry the 3 s spacing', () => {
    const refusing = (Object.keys(CALL_RULES) as Array<keyof typeof CALL_RULES>).filter((k) => !CALL_RULES[k].resendWithoutAnswer);
    expect(refusing).toEqual(['session-create']);
    expect(react({ type: 'transport' }, 'session-create')).toEqual(
      expect.objectContaining({ type: 'fail', kind: 'network', outcomeUnknown: true, retryable: true }),
    );
    expect(CALL_RULES.poll.minGapMs).toBe(3000);
  });
});
