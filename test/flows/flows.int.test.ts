/**
 * The cookbook flows end to end against the real emulator, under a fake device clock and hand-fired
 * poll timers (one test uses real timers to measure the cadence in the journal). Assertions cover
 * behaviour, exact request sequences/counts and the headers of every request.
 */
import { createPassFlows, type PassFlows, type PassFlowsConfig, type Provider } from '../../src/flows';
import { LOGOUT_MESSAGES } from '../../src/flows/logout';
import { calls, countOf, headerViolations, startHarness, type Harness, type JournalEntry } from './emulator-harness';
import {
  DEVICE_ID_HEADER,
  DEVICE_INFO_HEADER,
  FakeClock,
  MemoryStorage,
  RecordingListener,
  waitFor,
} from './helpers';
import { ManualTimers } from '../support/manualTimers';

const SP = 'DEMOTV';
let emu: Harness;
let clock: FakeClock;
let timers: ManualTimers;
let storage: MemoryStorage;

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
  clock = new FakeClock(Date.now());
  timers = new ManualTimers(clock);
  storage = new MemoryStorage();
});

function config(extra: Partial<PassFlowsConfig> = {}): PassFlowsConfig {
  return {
    restBaseUrl: emu.adobeUrl,
    dcrBaseUrl: emu.adobeUrl,
    serviceProvider: SP,
    softwareStatement: emu.statement,
    domainName: 'demotv.example',
    redirectUrl: 'http://localhost:4030/done',
    secondScreenUrl: 'http://localhost:4030',
    secondScreenShortUrl: 'localhost:4030',
    pollIntervalMs: 5000,
    configCacheTtlMs: 180_000,
    preauthorizeBatchSize: 5,
    hiddenMvpdIds: [],
    ...extra,
  };
}

function flows(extra: Partial<PassFlowsConfig> = {}, realTimers = false): PassFlows {
  return createPassFlows(config(extra), {
    platform: { deviceIdentifierHeader: () => DEVICE_ID_HEADER, deviceInfoHeader: () => DEVICE_INFO_HEADER, storage },
    ...(realTimers ? {} : { clock, timers, sleep: async () => undefined }),
  });
}

const ACME: Provider = { id: 'AcmeCable', displayName: 'Acme Cable', isTempPass: false, isProxy: false };
const NORTHSTAR: Provider = { id: 'NorthStarFiber', displayName: 'NorthStar Fiber', isTempPass: false, isProxy: false };
const P = (suffix: string) => `/api/v2/${SP}/${suffix}`;

/** Activation with hand-fired timers: show the code, poll once (pending), log in, poll again (profile). */
async function signIn(f: PassFlows, provider: Provider, username: string): Promise<RecordingListener> {
  const listener = new RecordingListener();
  f.startActivation(provider, listener);
  await waitFor(() => listener.codes.length === 1 && timers.pending === 1, 'code');
  const code = listener.codes[0].code;
  timers.fireNext();
  await waitFor(() => timers.pending === 1, 'first poll');
  await emu.complete(code, username);
  timers.fireNext();
  await waitFor(() => listener.signedIn.length === 1, 'signed in');
  return listener;
}

function restOnly(journal: JournalEntry[]): string[] {
  return calls(journal).filter((c) => !c.includes('/o/client/'));
}

test('first launch journey: boot → providers → activation → preauthorize → authorize → logout, with no extra request', async () => {
  const f = flows();
  const booted = await f.boot();
  expect(booted).toEqual({ ok: true, value: { signedIn: false, profiles: [] } });
  expect(f.lastUsedProvider()).toBeUndefined();

  const providers = await f.providers();
  if (!providers.ok) throw new Error(providers.failure.message);
  const ids = providers.value.map((p) => p.id);
  expect(ids).toContain('AcmeCable');
  expect(ids.filter((id) => /TempPass|TestMVPD|OldTown/.test(id))).toEqual([]); // TempPass, test MVPD, disabled integration

  const listener = await signIn(f, ACME, 'alice');
  expect(listener.codes[0].activationUrl).toBe(`http://localhost:4030/?code=${listener.codes[0].code}`);
  expect(listener.signedIn[0]).toEqual(expect.objectContaining({ mvpd: 'AcmeCable', type: 'regular' }));
  expect(timers.scheduled).toEqual([5000, 5000]);
  expect(timers.pending).toBe(0);

  const resources = [
    'DEMOTV',
    'DEMOTV-SPORTS',
    'DEMOTV-KIDS',
    'DEMOTV-NEWS',
    'DEMOTV-MOVIES',
    'DEMOTV-PPV',
    'DEMOTV-LIVE',
  ];
  const pre = await f.preauthorize(resources);
  if (!pre.ok) throw new Error(pre.failure.message);
  expect(Array.from(pre.value.values()).every((d) => d.authorized)).toBe(true);
  const again = await f.preauthorize(resources);
  expect(again.ok).toBe(true); // served from the permit cache

  const grant = await f.authorize('DEMOTV');
  if (!grant.ok) throw new Error(grant.failure.message);
  const verdict = await emu.admin<{ result: string }>(
    'GET',
    `verify-media-token?token=${encodeURIComponent(grant.value.mediaToken)}&resource=DEMOTV`,
  );
  expect(verdict.result).toBe('VALID_TOKEN');

  const out = await f.logout();
  if (!out.ok) throw new Error(out.failure.message);
  // AcmeCable's logout is interactive; a TV has no browser: done, with a plain sentence and no URL.
  expect(out.value).toEqual({
    followUpUrls: [],
    partnerSignOut: false,
    notice: 'signed-out',
    message: LOGOUT_MESSAGES['signed-out'],
  });
  expect(f.current()).toBeUndefined();
  expect(storage.data.has(`adobePass.${SP}.profile`)).toBe(false);
  expect(storage.data.has(`adobePass.${SP}.provider`)).toBe(true);

  const journal = await emu.journal();
  const code = listener.codes[0].code;
  expect(calls(journal)).toEqual([
    'POST /o/client/register',
    'POST /o/client/token',
    `GET ${P('profiles')}`,
    `GET ${P('configuration')}`,
    `POST ${P('sessions')}`,
    `GET ${P(`profiles/code/${code}`)}`,
    `GET ${P(`profiles/code/${code}`)}`,
    `POST ${P('decisions/preauthorize/AcmeCable')}`,
    `POST ${P('decisions/preauthorize/AcmeCable')}`,
    `POST ${P('decisions/authorize/AcmeCable')}`,
    `GET ${P('logout/AcmeCable')}`,
  ]);
  expect(headerViolations(journal)).toEqual([]);
});

test('returning user: stored credentials, token and MVPD → one profiles/{mvpd} request, signed in', async () => {
  await signIn(flows(), ACME, 'alice');
  const before = (await emu.journal()).length;
  const f = flows(); // a restart: same storage, new instance
  const booted = await f.boot();
  expect(booted.ok && booted.value.signedIn).toBe(true);
  expect(f.current()?.provider.id).toBe('AcmeCable');
  const after = (await emu.journal()).slice(before);
  expect(calls(after)).toEqual([`GET ${P('profiles/AcmeCable')}`]);
});

test('corrupt stored token: ignored, a new token is fetched with the stored credentials (no re-registration)', async () => {
  await flows().boot();
  storage.unreadable(`adobePass.${SP}.token`);
  await emu.admin('DELETE', 'journal');
  await flows().boot();
  expect(calls(await emu.journal())).toEqual(['POST /o/client/token', `GET ${P('profiles')}`]);
});

test('several profiles: ordered by longest validity, the UI chooses', async () => {
  await signIn(flows(), ACME, 'alice');
  timers = new ManualTimers(clock);
  await signIn(flows(), NORTHSTAR, 'alice');
  storage.remove(`adobePass.${SP}.provider`);
  storage.remove(`adobePass.${SP}.profile`);
  const f = flows();
  const booted = await f.boot();
  if (!booted.ok || booted.value.signedIn) throw new Error('expected a choice');
  expect(booted.value.profiles.map((p) => p.mvpd)).toEqual(['AcmeCable', 'NorthStarFiber']); // 30 days vs 7 days
  f.chooseProfile(booted.value.profiles[1]);
  expect(f.current()?.profile.mvpd).toBe('NorthStarFiber');
});

test('code invalidated on the server: polling stops for it, a new code is created and polled', async () => {
  const listener = new RecordingListener();
  const activation = flows().startActivation(ACME, listener);
  await waitFor(() => timers.pending === 1, 'code');
  const old = listener.codes[0].code;
  await emu.admin('POST', 'expire', { kind: 'session', code: old });
  timers.fireNext();
  await waitFor(() => listener.codes.length === 2 && timers.pending === 1, 'new code');
  timers.fireNext();
  const fresh = listener.codes[1].code;
  await waitFor(() => timers.pending === 1, 'poll new');
  activation.stop();
  const journal = await emu.journal();
  expect(listener.expired.map((c) => c.code)).toEqual([old]);
  expect(countOf(journal, `GET ${P(`profiles/code/${old}`)}`)).toBe(1);
  expect(countOf(journal, `GET ${P(`profiles/code/${fresh}`)}`)).toBe(1);
  expect(countOf(journal, `POST ${P('sessions')}`)).toBe(2);
});

test('code passes notAfter on the device clock: no request after expiry, new code', async () => {
  await emu.admin('POST', 'settings', { sessionTtlMs: 9000 });
  const listener = new RecordingListener();
  const activation = flows().startActivation(ACME, listener);
  await waitFor(() => timers.pending === 1, 'code');
  const old = listener.codes[0].code;
  timers.fireNext(); // 5 s: poll
  await waitFor(() => timers.pending === 1, 'poll');
  timers.fireNext(); // 9 s: expiry, no poll
  await waitFor(() => listener.codes.length === 2, 'new code');
  activation.stop();
  expect(timers.scheduled.slice(0, 2)).toEqual([5000, 4000]);
  expect(countOf(await emu.journal(), `GET ${P(`profiles/code/${old}`)}`)).toBe(1);
});

test('a timer that fires a little early at the end of the window expires the code instead of polling again', async () => {
  await emu.admin('POST', 'settings', { sessionTtlMs: 7000 });
  const listener = new RecordingListener();
  const activation = flows().startActivation(ACME, listener);
  await waitFor(() => timers.pending === 1, 'code');
  const old = listener.codes[0].code;
  timers.fireNext(); // 5 s: poll
  await waitFor(() => timers.pending === 1, 'poll');
  timers.fireNext(20); // TV timers drift: this one lands 20 ms before the device's expiry instant
  await waitFor(() => listener.codes.length === 2, 'new code');
  activation.stop();
  expect(listener.expired.map((c) => c.code)).toEqual([old]);
  expect(countOf(await emu.journal(), `GET ${P(`profiles/code/${old}`)}`)).toBe(1);
});

test('polling cadence with real timers (3 s minimum) as seen by the emulator', async () => {
  const listener = new RecordingListener();
  const activation = flows({ pollIntervalMs: 1000 }, true).startActivation(ACME, listener); // clamped to 3000
  await waitFor(() => listener.codes.length === 1, 'code');
  const path = `GET ${P(`profiles/code/${listener.codes[0].code}`)}`;
  let polls: JournalEntry[] = [];
  const started = Date.now();
  while (polls.length < 2 && Date.now() - started < 10_000) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    polls = (await emu.journal()).filter((e) => `${e.method} ${e.path}` === path);
  }
  activation.stop();
  const sessionEntry = (await emu.journal()).filter((e) => e.path === P('sessions'))[0];
  expect(polls.length).toBe(2);
  const gaps = [polls[0].time - sessionEntry.time, polls[1].time - polls[0].time];
  console.log(`poll gaps (ms): ${gaps.join(', ')}`);
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(2990);
}, 15_000);

describe('fixes found by the conformance run', () => {
  test('checklist 10: a poll whose retry is pending is abandoned at once when a new code is requested', async () => {
    let sleeping = false;
    let release: () => void = () => undefined;
    const f = createPassFlows(config(), {
      platform: { deviceIdentifierHeader: () => DEVICE_ID_HEADER, deviceInfoHeader: () => DEVICE_INFO_HEADER, storage },
      clock,
      timers,
      sleep: () =>
        new Promise<void>((resolve) => {
          sleeping = true;
          release = resolve;
        }),
    });
    const listener = new RecordingListener();
    const activation = f.startActivation(ACME, listener);
    await waitFor(() => listener.codes.length === 1 && timers.pending === 1, 'code');
    const oldCode = listener.codes[0].code;
    await emu.admin('POST', 'faults', {
      match: { path: 'profiles/code' },
      count: 5,
      fault: { type: 'status', status: 503 },
    });
    timers.fireNext(); // first poll → 503 → the client waits before its retry
    await waitFor(() => sleeping, 'retry backoff');
    await activation.newCode();
    await emu.admin('DELETE', 'faults');
    release();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const journal = calls(await emu.journal());
    const newSession = journal.lastIndexOf(`POST ${P('sessions')}`);
    expect(newSession).toBeGreaterThan(0);
    expect(journal.slice(newSession).filter((c) => c.includes(oldCode))).toEqual([]);
    activation.stop();
  });

  test('§9.5.2: item-level authenticated_profile_expired on preauthorize signs out like the top-level error', async () => {
    const f = flows();
    await signIn(f, ACME, 'alice');
    await emu.admin('POST', 'settings', { decisionErrorPlacement: 'item' });
    await emu.admin('POST', 'expire', { kind: 'profile', mvpd: 'AcmeCable' });
    const pre = await f.preauthorize(['DEMOTV', 'DEMOTV-KIDS']);
    expect(pre).toEqual({ ok: false, failure: expect.objectContaining({ kind: 'authentication' }) });
    expect(f.current()).toBeUndefined();
  });
});

describe('entitlements', () => {
  test('preauthorization denials carry the MVPD message; authorization still asked on play and denied with details; never a logout', async () => {
    const f = flows();
    await signIn(f, ACME, 'bob');
    const pre = await f.preauthorize(['DEMOTV', 'DEMOTV-SPORTS']);
    if (!pre.ok) throw new Error(pre.failure.message);
    expect(pre.value.get('DEMOTV')?.authorized).toBe(true);
    const denied = pre.value.get('DEMOTV-SPORTS');
    expect(denied?.authorized).toBe(false);
    expect(denied?.failure).toEqual(
      expect.objectContaining({ kind: 'denied', message: 'Your TV package does not include this channel.' }),
    );

    const grant = await f.authorize('DEMOTV-SPORTS');
    expect(grant.ok).toBe(false);
    if (grant.ok) return;
    expect(grant.failure).toEqual(
      expect.objectContaining({ kind: 'denied', details: 'Upgrade to the Premium package to watch.' }),
    );
    const journal = await emu.journal();
    expect(countOf(journal, `POST ${P('decisions/authorize/AcmeCable')}`)).toBe(1);
    expect(calls(journal).filter((c) => c.includes('/logout/'))).toEqual([]);
  });

  test('a preauthorization permit is never used for playback: authorize is requested every time', async () => {
    const f = flows();
    await signIn(f, ACME, 'alice');
    await f.preauthorize(['DEMOTV']);
    await f.authorize('DEMOTV');
    await f.authorize('DEMOTV');
    expect(countOf(await emu.journal(), `POST ${P('decisions/authorize/AcmeCable')}`)).toBe(2);
  });

  test('item-level retry errors: only the failed items are resent (bounded)', async () => {
    const f = flows();
    await signIn(f, ACME, 'alice');
    await emu.admin('POST', 'faults', {
      match: { path: 'preauthorize' },
      count: 1,
      fault: { type: 'enhanced-error', status: 403, code: 'network_received_error', action: 'retry', itemLevel: true },
    });
    const pre = await f.preauthorize(['DEMOTV', 'DEMOTV-KIDS']);
    expect(pre.ok && Array.from(pre.value.values()).map((d) => d.authorized)).toEqual([true, true]);
    expect(countOf(await emu.journal(), `POST ${P('decisions/preauthorize/AcmeCable')}`)).toBe(2);
  });

  test('preauthorize with a persistent item-level retry error: resent twice at most, then reported per item', async () => {
    const f = flows();
    await signIn(f, ACME, 'alice');
    await emu.admin('POST', 'faults', {
      match: { path: 'preauthorize' },
      count: 10,
      fault: { type: 'enhanced-error', status: 403, code: 'network_received_error', action: 'retry', itemLevel: true },
    });
    const pre = await f.preauthorize(['DEMOTV']);
    expect(pre.ok && pre.value.get('DEMOTV')?.failure).toEqual(
      expect.objectContaining({ kind: 'server', retryable: true }),
    );
    expect(countOf(await emu.journal(), `POST ${P('decisions/preauthorize/AcmeCable')}`)).toBe(3);
  });

  test('a failing service stops the remaining preauthorization batches (bounded requests per catalog load)', async () => {
    const f = flows({ preauthorizeBatchSize: 2 });
    await signIn(f, ACME, 'alice');
    await emu.admin('POST', 'faults', {
      match: { path: 'preauthorize' },
      count: 50,
      fault: { type: 'status', status: 503 },
    });
    const pre = await f.preauthorize(['DEMOTV', 'DEMOTV-SPORTS', 'DEMOTV-KIDS', 'DEMOTV-MOVIES', 'DEMOTV-PPV']);
    expect(pre).toEqual({ ok: false, failure: expect.objectContaining({ kind: 'server', retryable: true }) });
    // One batch: the first send plus the pass client's two retries; the other two batches are never sent.
    expect(countOf(await emu.journal(), `POST ${P('decisions/preauthorize/AcmeCable')}`)).toBe(3);
    await emu.admin('DELETE', 'faults');
  });

  test('batch size follows the setting (an MVPD limited to 3 per request)', async () => {
    const f = flows({ preauthorizeBatchSize: 3 });
    await signIn(
      f,
      { id: 'RedwoodWireless', displayName: 'Redwood Wireless', isTempPass: false, isProxy: false },
      'alice',
    );
    const pre = await f.preauthorize([
      'DEMOTV',
      'DEMOTV-SPORTS',
      'DEMOTV-KIDS',
      'DEMOTV-NEWS',
      'DEMOTV-MOVIES',
      'DEMOTV-LIVE',
      'DEMOTV-PPV',
    ]);
    expect(pre.ok && pre.value.size).toBe(7);
    expect(countOf(await emu.journal(), `POST ${P('decisions/preauthorize/RedwoodWireless')}`)).toBe(3);
  });

  test('batch larger than the MVPD allows: configuration failure, not retried', async () => {
    const f = flows({ preauthorizeBatchSize: 5 });
    await signIn(
      f,
      { id: 'RedwoodWireless', displayName: 'Redwood Wireless', isTempPass: false, isProxy: false },
      'alice',
    );
    const pre = await f.preauthorize(['DEMOTV', 'DEMOTV-SPORTS', 'DEMOTV-KIDS', 'DEMOTV-NEWS']);
    expect(pre).toEqual({
      ok: false,
      failure: expect.objectContaining({ kind: 'configuration', code: 'too_many_resources' }),
    });
    expect(countOf(await emu.journal(), `POST ${P('decisions/preauthorize/RedwoodWireless')}`)).toBe(1);
  });

  test('authorize with a persistent item-level retry error: 3 attempts, then a retryable server failure', async () => {
    const f = flows();
    await signIn(f, ACME, 'alice');
    await emu.admin('POST', 'faults', {
      match: { path: 'decisions/authorize' },
      count: 10,
      fault: {
        type: 'enhanced-error',
        status: 403,
        code: 'network_connection_timeout',
        action: 'retry',
        itemLevel: true,
      },
    });
    const grant = await f.authorize('DEMOTV');
    expect(grant).toEqual({
      ok: false,
      failure: expect.objectContaining({ kind: 'server', retryable: true, code: 'network_connection_timeout' }),
    });
    expect(countOf(await emu.journal(), `POST ${P('decisions/authorize/AcmeCable')}`)).toBe(3);
  });

  test.each(['top', 'item'])(
    'profile expired (%s-level error): authorization asks the user to sign in and forgets the profile',
    async (placement) => {
      const f = flows();
      await signIn(f, ACME, 'alice');
      await emu.admin('POST', 'settings', { decisionErrorPlacement: placement });
      await emu.admin('POST', 'expire', { kind: 'profile' });
      const grant = await f.authorize('DEMOTV');
      expect(grant).toEqual({ ok: false, failure: expect.objectContaining({ kind: 'authentication' }) });
      expect(f.current()).toBeUndefined();
      expect(calls(await emu.journal()).filter((c) => c.includes('/logout/'))).toEqual([]);
    },
  );

  test('re-reading the profile after authorization is an option (off by default)', async () => {
    const off = flows();
    await signIn(off, ACME, 'alice');
    await emu.admin('DELETE', 'journal');
    await off.authorize('DEMOTV');
    expect(calls(await emu.journal())).toEqual([`POST ${P('decisions/authorize/AcmeCable')}`]);

    await emu.admin('DELETE', 'journal');
    const on = flows({ rereadProfileAfterAuthorize: true });
    await on.boot();
    await on.authorize('DEMOTV');
    expect(restOnly(await emu.journal())).toEqual([
      `GET ${P('profiles/AcmeCable')}`,
      `POST ${P('decisions/authorize/AcmeCable')}`,
      `GET ${P('profiles/AcmeCable')}`,
    ]);
  });
});

test('degraded access (AuthNAll): sessions answer authorize, signed in with a degraded profile without a code', async () => {
  await emu.admin('POST', 'degradation', { mvpd: 'AcmeCable', rule: 'AuthNAll' });
  const listener = new RecordingListener();
  flows().startActivation(ACME, listener);
  await waitFor(() => listener.signedIn.length === 1 || listener.failures.length > 0, 'degraded');
  expect(listener.codes).toEqual([]);
  expect(listener.signedIn[0]).toEqual(expect.objectContaining({ mvpd: 'AcmeCable', type: 'degraded' }));
});

test('TempPass: sessions answer authorize, signed in without a code', async () => {
  const f = flows({ showTempPass: true });
  const listener = new RecordingListener();
  f.startActivation(
    { id: 'TempPass_DEMO15', displayName: 'Free preview (15 min)', isTempPass: true, isProxy: false },
    listener,
  );
  await waitFor(() => listener.signedIn.length === 1 || listener.failures.length > 0, 'temppass');
  expect(listener.failures).toEqual([]);
  expect(listener.codes).toEqual([]);
  expect(listener.signedIn[0]).toEqual(expect.objectContaining({ mvpd: 'TempPass_DEMO15', type: 'temporary' }));
});

test('logout at an MVPD without a logout endpoint: complete, nothing to open', async () => {
  const f = flows();
  await signIn(f, NORTHSTAR, 'alice');
  const out = await f.logout();
  expect(out).toEqual({
    ok: true,
    value: { followUpUrls: [], partnerSignOut: false, notice: 'signed-out', message: LOGOUT_MESSAGES['signed-out'] },
  });
});

test('boot offline (connection dropped every time): a retryable network failure after bounded retries', async () => {
  await emu.admin('POST', 'faults', { match: { path: '^/o/client/register$' }, count: 3, fault: { type: 'drop' } });
  const booted = await flows().boot();
  expect(booted).toEqual({ ok: false, failure: expect.objectContaining({ kind: 'network', retryable: true }) });
  expect(storage.data.has(`adobePass.${SP}.client`)).toBe(false);
});

test('revoked software statement: boot reports a registration failure and stops', async () => {
  const f = flows();
  await f.boot();
  await emu.admin('POST', 'statements/demotv-lightning-tv/revoke');
  await emu.admin('POST', 'expire', { kind: 'access-token' });
  await emu.admin('DELETE', 'journal');
  const booted = await flows().boot();
  expect(booted).toEqual({ ok: false, failure: expect.objectContaining({ kind: 'registration', retryable: false }) });
  // 401 → token refresh → invalid_client → one re-registration attempt, refused → stop.
  expect(calls(await emu.journal())).toEqual([
    `GET ${P('profiles')}`,
    'POST /o/client/token',
    'POST /o/client/register',
  ]);
});

test('configuration failure surfaces as a typed failure with a way forward', async () => {
  const f = flows();
  await f.boot();
  await emu.admin('POST', 'faults', {
    match: { path: 'configuration' },
    count: 3,
    fault: { type: 'status', status: 500 },
  });
  const providers = await f.providers();
  expect(providers).toEqual({ ok: false, failure: expect.objectContaining({ kind: 'server', retryable: true }) });
  expect(countOf(await emu.journal(), `GET ${P('configuration')}`)).toBe(3);
});
