/**
 * Flow logic under a fake clock and hand-fired timers, against a scripted local server
 * (the emulator integration tests cover the same flows end to end).
 */
import { createPassFlows, type PassFlows, type PassFlowsConfig } from '../../src/flows';
import { LOGOUT_MESSAGES } from '../../src/flows/logout';
import { startFakeServer, scriptDcr, type FakeServer } from '../pass/fake-server';
import {
  CapturingLogger,
  DEVICE_ID_HEADER,
  DEVICE_INFO_HEADER,
  FakeClock,
  MemoryStorage,
  RecordingListener,
  waitFor,
} from './helpers';
import { ManualTimers } from '../support/manualTimers';

const SP = 'DEMOTV';
let server: FakeServer;
let clock: FakeClock;
let timers: ManualTimers;
let storage: MemoryStorage;
let logger: CapturingLogger;
let sleeps: number[];

beforeEach(async () => {
  server = await startFakeServer();
  scriptDcr(server);
  clock = new FakeClock();
  timers = new ManualTimers(clock);
  storage = new MemoryStorage();
  logger = new CapturingLogger();
  sleeps = [];
});
afterEach(() => server.close());

function config(extra: Partial<PassFlowsConfig> = {}): PassFlowsConfig {
  return {
    restBaseUrl: server.url,
    dcrBaseUrl: server.url,
    serviceProvider: SP,
    softwareStatement: 'statement.jwt',
    domainName: 'demotv.example',
    redirectUrl: 'http://localhost:4030/done',
    secondScreenUrl: 'http://localhost:4030',
    secondScreenShortUrl: 'localhost:4030',
    ...extra,
  };
}

function flows(extra: Partial<PassFlowsConfig> = {}): PassFlows {
  return createPassFlows(config(extra), {
    platform: { deviceIdentifierHeader: () => DEVICE_ID_HEADER, deviceInfoHeader: () => DEVICE_INFO_HEADER, storage },
    clock,
    timers,
    logger,
    sleep: async (ms) => void sleeps.push(ms),
  });
}

const profile = (mvpd: string, notAfter: number) => ({
  notBefore: 1,
  notAfter,
  issuer: mvpd,
  type: 'regular',
  attributes: { userID: { value: `u-${mvpd}`, state: 'plain' } },
});
const session = (code: string, windowMs = 1_800_000) => ({
  actionName: 'authenticate',
  actionType: 'interactive',
  reasonType: 'none',
  url: `/api/v2/authenticate/${SP}/${code}`,
  code,
  notBefore: '1000',
  notAfter: String(1000 + windowMs),
});
const PROVIDER = { id: 'AcmeCable', displayName: 'Acme Cable', isTempPass: false, isProxy: false };
const codePath = (code: string) => `GET /api/v2/${SP}/profiles/code/${code}`;

describe('activation', () => {
  test('code shown → polling every 5 s → profile → signed in, persisted, polling stops', async () => {
    server.on(`POST /api/v2/${SP}/sessions`, { json: session('CODE111') });
    server.on(
      codePath('CODE111'),
      { json: { profiles: {} } },
      { json: { profiles: {} } },
      { json: { profiles: { AcmeCable: profile('AcmeCable', 9e12) } } },
    );
    const listener = new RecordingListener();
    const f = flows();
    const activation = f.startActivation(PROVIDER, listener);
    await waitFor(() => listener.codes.length === 1, 'code');
    expect(listener.codes[0]).toEqual(
      expect.objectContaining({ code: 'CODE111', activationUrl: 'http://localhost:4030/?code=CODE111', shortUrl: 'localhost:4030' }),
    );
    expect(activation.remainingMs()).toBe(1_800_000);
    expect(timers.pending).toBe(1); // polling starts as soon as the code is shown

    for (let i = 0; i < 3; i++) {
      const before = server.count(codePath('CODE111'));
      timers.fireNext();
      await waitFor(
        () => server.count(codePath('CODE111')) === before + 1 && (timers.pending === 1 || listener.signedIn.length === 1),
        'poll',
      );
    }
    await waitFor(() => listener.signedIn.length === 1, 'signed in');
    expect(timers.scheduled).toEqual([5000, 5000, 5000]);
    expect(timers.pending).toBe(0);
    expect(f.current()?.profile.mvpd).toBe('AcmeCable');
    expect(storage.get(`adobePass.${SP}.profile`)).toEqual({
      mvpd: 'AcmeCable',
      notAfter: 9e12,
      attributes: { userID: { value: 'u-AcmeCable', encrypted: false } },
    });
    expect(storage.get(`adobePass.${SP}.provider`)).toEqual({ id: 'AcmeCable', displayName: 'Acme Cable' });
  });

  test.each([
    [1000, 3000],
    [60_000, 5000],
    [4000, 4000],
  ])('poll interval %i ms is clamped to %i ms', async (wanted, used) => {
    server.on(`POST /api/v2/${SP}/sessions`, { json: session('CODE222') });
    const listener = new RecordingListener();
    flows({ pollIntervalMs: wanted }).startActivation(PROVIDER, listener);
    await waitFor(() => timers.pending === 1, 'timer');
    expect(timers.scheduled).toEqual([used]);
  });

  test('code expires (device clock): old code not polled again, a new code is created automatically', async () => {
    server.on(`POST /api/v2/${SP}/sessions`, { json: session('OLD0001', 12_000) }, { json: session('NEW0002') });
    server.on(codePath('OLD0001'), { json: { profiles: {} } });
    server.on(codePath('NEW0002'), { json: { profiles: {} } });
    const listener = new RecordingListener();
    const activation = flows().startActivation(PROVIDER, listener);
    await waitFor(() => timers.pending === 1, 'first timer');
    timers.fireNext(); // t=5 s
    await waitFor(() => server.count(codePath('OLD0001')) === 1 && timers.pending === 1, 'poll 1');
    timers.fireNext(); // t=10 s
    await waitFor(() => server.count(codePath('OLD0001')) === 2 && timers.pending === 1, 'poll 2');
    expect(timers.scheduled).toEqual([5000, 5000, 2000]); // the last wait ends exactly at notAfter
    timers.fireNext(); // t=12 s: expired, no request for the old code
    await waitFor(() => listener.codes.length === 2, 'new code');
    expect(listener.expired.map((c) => c.code)).toEqual(['OLD0001']);
    expect(server.count(codePath('OLD0001'))).toBe(2);
    expect(activation.remainingMs()).toBe(1_800_000);
    activation.stop();
    expect(timers.pending).toBe(0);
  });

  test('server says the session is invalid while polling: treated as expiry, new code', async () => {
    server.on(`POST /api/v2/${SP}/sessions`, { json: session('GONE001') }, { json: session('NEXT002') });
    server.on(codePath('GONE001'), { status: 400, json: { status: 400, code: 'invalid_authentication_session', action: 'none' } });
    const listener = new RecordingListener();
    flows().startActivation(PROVIDER, listener);
    await waitFor(() => timers.pending === 1, 'timer');
    timers.fireNext();
    await waitFor(() => listener.codes.length === 2, 'new code');
    expect(listener.expired.map((c) => c.code)).toEqual(['GONE001']);
    expect(server.count(codePath('GONE001'))).toBe(1);
  });

  test('newCode() abandons the old code at once; stop() stops everything', async () => {
    server.on(`POST /api/v2/${SP}/sessions`, { json: session('AAA0001') }, { json: session('BBB0002') });
    server.on(codePath('BBB0002'), { json: { profiles: {} } });
    const listener = new RecordingListener();
    const activation = flows().startActivation(PROVIDER, listener);
    await waitFor(() => timers.pending === 1, 'timer');
    await activation.newCode();
    expect(listener.codes.map((c) => c.code)).toEqual(['AAA0001', 'BBB0002']);
    expect(timers.pending).toBe(1);
    timers.fireNext();
    await waitFor(() => server.count(codePath('BBB0002')) === 1, 'poll new');
    expect(server.count(codePath('AAA0001'))).toBe(0);
    activation.stop();
    expect(timers.pending).toBe(0);
    expect(activation.remainingMs()).toBe(0);
  });

  test('transient polling failures: polling goes on; three in a row stop it with a retryable failure', async () => {
    server.on(`POST /api/v2/${SP}/sessions`, { json: session('FLAKY01') });
    server.on(codePath('FLAKY01'), { status: 503, body: '' });
    const listener = new RecordingListener();
    flows().startActivation(PROVIDER, listener);
    await waitFor(() => timers.pending === 1, 'timer');
    for (let i = 1; i <= 3; i++) {
      timers.fireNext();
      await waitFor(() => timers.pending === 1 || listener.failures.length === 1, `poll ${i}`);
    }
    expect(listener.failures).toEqual([expect.objectContaining({ kind: 'server', retryable: true })]);
    expect(timers.pending).toBe(0);
    expect(server.count(codePath('FLAKY01'))).toBe(9); // 3 polls × (1 + 2 client retries)
  });

  test('automatic new codes are bounded (maxAutoRenewals), then a retryable expired-code failure', async () => {
    server.on(`POST /api/v2/${SP}/sessions`, { json: session('SHORT01', 1000) });
    const listener = new RecordingListener();
    flows({ maxAutoRenewals: 2 }).startActivation(PROVIDER, listener);
    for (let i = 1; i <= 3; i++) {
      await waitFor(() => timers.pending === 1, `code ${i}`);
      timers.fireNext();
      await waitFor(() => listener.expired.length === i, `expiry ${i}`);
    }
    await waitFor(() => listener.failures.length === 1, 'failure');
    expect(listener.codes).toHaveLength(3);
    expect(listener.failures[0]).toEqual(expect.objectContaining({ kind: 'expired-code', retryable: true }));
    expect(server.count(codePath('SHORT01'))).toBe(0);
  });

  test('sessions answer authorize: signed in directly without a code', async () => {
    server.on(`POST /api/v2/${SP}/sessions`, {
      json: {
        actionName: 'authorize',
        actionType: 'direct',
        reasonType: 'authenticated',
        url: `/api/v2/${SP}/decisions/authorize/AcmeCable`,
        mvpd: 'AcmeCable',
      },
    });
    server.on(`GET /api/v2/${SP}/profiles/AcmeCable`, { json: { profiles: { AcmeCable: profile('AcmeCable', 9e12) } } });
    const listener = new RecordingListener();
    flows().startActivation(PROVIDER, listener);
    await waitFor(() => listener.signedIn.length === 1, 'signed in');
    expect(listener.codes).toHaveLength(0);
    expect(timers.pending).toBe(0);
  });
});

describe('signed in with whom (one owner: the flows)', () => {
  const providerWrites = () => storage.writes.filter((k) => k === `adobePass.${SP}.provider`).length;

  test('a sign-in writes the provider to storage exactly once; a relaunch that finds the profile writes it again never', async () => {
    server.on(`POST /api/v2/${SP}/sessions`, { json: session('ONCE111') });
    server.on(codePath('ONCE111'), { json: { profiles: { AcmeCable: profile('AcmeCable', 9e12) } } });
    const listener = new RecordingListener();
    const f = flows();
    f.startActivation(PROVIDER, listener);
    await waitFor(() => timers.pending === 1, 'code');
    expect(providerWrites()).toBe(0); // choosing is not signing in
    timers.fireNext();
    await waitFor(() => listener.signedIn.length === 1, 'signed in');
    expect(providerWrites()).toBe(1);
    expect(listener.signedInWith).toEqual([PROVIDER]);
    expect(listener.signedIn[0].provider).toEqual(PROVIDER);
    expect(f.current()?.provider).toEqual(PROVIDER);
    expect(f.lastUsedProvider()).toEqual(PROVIDER);

    server.on(`GET /api/v2/${SP}/profiles/AcmeCable`, { json: { profiles: { AcmeCable: profile('AcmeCable', 9e12) } } });
    const relaunched = flows();
    const booted = await relaunched.boot();
    expect(booted.ok && booted.value.signedIn && booted.value.provider).toEqual(
      expect.objectContaining({ id: 'AcmeCable', displayName: 'Acme Cable' }),
    );
    expect(relaunched.current()?.provider.displayName).toBe('Acme Cable');
    expect(providerWrites()).toBe(1);
  });

  test('a provider chosen on the phone is resolved inside the flows (the picker\'s configuration, no new request), reported and persisted', async () => {
    server.on(`GET /api/v2/${SP}/configuration`, {
      json: { requestor: { id: SP, mvpds: [{ id: 'NorthStarFiber', displayName: 'NorthStar Fiber', logoUrl: 'http://l/ns.png' }] } },
    });
    server.on(`POST /api/v2/${SP}/sessions`, { json: session('PHONE11') });
    server.on(codePath('PHONE11'), { json: { profiles: { NorthStarFiber: profile('NorthStarFiber', 9e12) } } });
    const listener = new RecordingListener();
    const f = flows();
    await f.providers(); // the picker, where "choose on your phone" is
    f.startActivation(undefined, listener);
    await waitFor(() => timers.pending === 1, 'code');
    clock.advance(10 * 60_000); // the picker's copy is past its TTL: still good enough to name the provider
    timers.fireNext();
    await waitFor(() => listener.signedIn.length === 1, 'signed in');
    const northStar = { id: 'NorthStarFiber', displayName: 'NorthStar Fiber', logoUrl: 'http://l/ns.png', isTempPass: false, isProxy: false };
    expect(listener.signedInWith).toEqual([northStar]);
    expect(f.current()?.provider).toEqual(northStar);
    expect(f.lastUsedProvider()).toEqual(northStar);
    expect(storage.get(`adobePass.${SP}.provider`)).toEqual({
      id: 'NorthStarFiber',
      displayName: 'NorthStar Fiber',
      logoUrl: 'http://l/ns.png',
    });
    expect(providerWrites()).toBe(1);
    expect(server.count(`GET /api/v2/${SP}/configuration`)).toBe(1);
  });

  test('chosen on the phone, no picker copy of the configuration: signed in, provider named after its id, no configuration request', async () => {
    server.on(`POST /api/v2/${SP}/sessions`, { json: session('PHONE22') });
    server.on(codePath('PHONE22'), { json: { profiles: { NorthStarFiber: profile('NorthStarFiber', 9e12) } } });
    const listener = new RecordingListener();
    const f = flows();
    f.startActivation(undefined, listener);
    await waitFor(() => timers.pending === 1, 'code');
    timers.fireNext();
    await waitFor(() => listener.signedIn.length === 1, 'signed in');
    expect(listener.signedInWith[0]).toEqual({ id: 'NorthStarFiber', displayName: 'NorthStarFiber', isTempPass: false, isProxy: false });
    expect(f.current()?.provider.id).toBe('NorthStarFiber');
    expect(server.count(`GET /api/v2/${SP}/configuration`)).toBe(0);
  });
});

describe('boot and profiles', () => {
  test('no cached MVPD → GET profiles; several profiles → ordered by longest validity, UI chooses', async () => {
    server.on(`GET /api/v2/${SP}/profiles`, {
      json: { profiles: { NorthStarFiber: profile('NorthStarFiber', 5e12), AcmeCable: profile('AcmeCable', 9e12) } },
    });
    const f = flows();
    const result = await f.boot();
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ signedIn: false }) });
    if (!result.ok || result.value.signedIn) throw new Error('unexpected');
    expect(result.value.profiles.map((p) => p.mvpd)).toEqual(['AcmeCable', 'NorthStarFiber']);
    // Each profile carries a provider; signed in, so no configuration call (checklist 6): named after the id.
    expect(result.value.profiles.map((p) => p.provider.id)).toEqual(['AcmeCable', 'NorthStarFiber']);
    expect(server.count(`GET /api/v2/${SP}/configuration`)).toBe(0);
    f.chooseProfile(result.value.profiles[1]);
    expect(f.current()?.profile.mvpd).toBe('NorthStarFiber');
    expect(f.current()?.provider).toEqual(expect.objectContaining({ id: 'NorthStarFiber', displayName: 'NorthStarFiber' }));
  });

  test('cached MVPD → only GET profiles/{mvpd}; authenticated_profile_* → must sign in', async () => {
    storage.set(`adobePass.${SP}.provider`, { id: 'AcmeCable', displayName: 'Acme Cable' });
    server.on(`GET /api/v2/${SP}/profiles/AcmeCable`, {
      status: 403,
      json: { status: 403, code: 'authenticated_profile_expired', action: 'authentication' },
    });
    const f = flows();
    const result = await f.boot();
    expect(result).toEqual({ ok: true, value: { signedIn: false, profiles: [] } });
    expect(f.lastUsedProvider()).toEqual(expect.objectContaining({ id: 'AcmeCable', displayName: 'Acme Cable' }));
    expect(server.count(`GET /api/v2/${SP}/profiles`)).toBe(0);
    expect(server.count(`GET /api/v2/${SP}/configuration`)).toBe(0);
  });

  test('unreadable and wrong-shape storage entries are treated as absent, and removed', async () => {
    storage.unreadable(`adobePass.${SP}.client`);
    storage.unreadable(`adobePass.${SP}.token`);
    storage.set(`adobePass.${SP}.provider`, { id: 42 });
    storage.set(`adobePass.${SP}.profile`, null);
    server.on(`GET /api/v2/${SP}/profiles`, { json: { profiles: {} } });
    const f = flows();
    const result = await f.boot();
    expect(result).toEqual({ ok: true, value: { signedIn: false, profiles: [] } });
    expect(f.lastUsedProvider()).toBeUndefined();
    expect(server.count('POST /o/client/register')).toBe(1);
    expect(storage.get(`adobePass.${SP}.client`)).toEqual(expect.objectContaining({ clientId: expect.any(String) }));
    expect(storage.data.has(`adobePass.${SP}.provider`)).toBe(false);
    expect(storage.data.has(`adobePass.${SP}.profile`)).toBe(false);
    expect(logger.lines.filter((l) => l.includes('Ignoring unreadable stored entry'))).toHaveLength(4);
  });

  test('a write the device refuses is reported, and the app carries on', async () => {
    storage.refuseWrites = true;
    server.on(`GET /api/v2/${SP}/profiles`, { json: { profiles: {} } });
    expect((await flows().boot()).ok).toBe(true);
    const warnings = logger.lines.filter((l) => l.includes('Could not persist entry'));
    expect(warnings.map((l) => /"key":"([^"]+)"/.exec(l)?.[1]).sort()).toEqual([`adobePass.${SP}.budget`, `adobePass.${SP}.client`, `adobePass.${SP}.token`]);
    expect(warnings.join('\n')).toContain('QuotaExceededError');
  });

  test('the logger never receives tokens or secrets', async () => {
    server.on(`GET /api/v2/${SP}/profiles`, { json: { profiles: { AcmeCable: profile('AcmeCable', 9e12) } } });
    await flows().boot();
    const all = logger.lines.join('\n');
    expect(all).not.toContain('tok-1');
    expect(all).not.toContain('sec-1');
    expect(all).not.toContain('statement.jwt');
  });
});

describe('throttling budget across launches', () => {
  const budget = () => ({ data: storage.get(`adobePass.${SP}.budget`) as { burstLeft: number; lastSentAt: number } });

  test('the budget is kept in storage; a relaunch right after a spent burst waits a slot instead of bursting again', async () => {
    server.on(`GET /api/v2/${SP}/profiles`, { json: { profiles: {} } });
    await flows().boot(); // register, token, profiles: three of the ten
    expect(budget().data).toEqual({ burstLeft: 7, lastSentAt: clock.now() });

    // The burst is gone (e.g. a big catalogue in the last run); the app starts again at once, same device.
    storage.set(`adobePass.${SP}.budget`, { burstLeft: 0, lastSentAt: clock.now() });
    sleeps = [];
    const relaunched = flows();
    await relaunched.boot();
    expect(sleeps[0]).toBe(1100); // one steady-rate slot after the last request of the previous launch
    expect(budget().data.burstLeft).toBe(0);
  });

  test('an unreadable budget entry is dropped (warned), never a crash: the launch counts as a first one', async () => {
    storage.set(`adobePass.${SP}.budget`, { burstLeft: 'lots' });
    server.on(`GET /api/v2/${SP}/profiles`, { json: { profiles: {} } });
    const result = await flows().boot();
    expect(result.ok).toBe(true);
    expect(sleeps).toEqual([]);
    expect(logger.lines.some((l) => l.includes('Ignoring unreadable stored entry') && l.includes('budget'))).toBe(true);
  });
});

describe('providers', () => {
  const config = {
    requestor: {
      id: SP,
      mvpds: [
        { id: 'AcmeCable', displayName: 'Acme Cable', isTempPass: false },
        { id: 'NorthStarFiber', displayName: 'NorthStar Fiber' },
        { id: 'TestMVPD_QA', displayName: 'QA Test Provider' },
        { id: 'TempPass_DEMO15', displayName: 'Free preview', isTempPass: true },
        { id: 'HiddenOne', displayName: 'Hidden' },
      ],
    },
  };

  test('TempPass, test and hidden MVPDs filtered; last used first; cached for the TTL', async () => {
    server.on(`GET /api/v2/${SP}/configuration`, { json: config });
    storage.set(`adobePass.${SP}.provider`, { id: 'NorthStarFiber', displayName: 'NorthStar Fiber' });
    const f = flows({ hiddenMvpdIds: ['HiddenOne'], configCacheTtlMs: 180_000 });
    const first = await f.providers();
    expect(first.ok && first.value.map((p) => p.id)).toEqual(['NorthStarFiber', 'AcmeCable']);
    clock.advance(179_000);
    await f.providers();
    expect(server.count(`GET /api/v2/${SP}/configuration`)).toBe(1);
    clock.advance(1_000);
    await f.providers();
    expect(server.count(`GET /api/v2/${SP}/configuration`)).toBe(2);
  });

  test('filters are configurable (TempPass shown, test filter off)', async () => {
    server.on(`GET /api/v2/${SP}/configuration`, { json: config });
    const result = await flows({ showTempPass: true, testMvpdPattern: '' }).providers();
    expect(result.ok && result.value.map((p) => p.id)).toEqual([
      'AcmeCable',
      'NorthStarFiber',
      'TestMVPD_QA',
      'TempPass_DEMO15',
      'HiddenOne',
    ]);
  });
});

describe('logout', () => {
  async function signedIn(): Promise<PassFlows> {
    server.on(`GET /api/v2/${SP}/profiles`, { json: { profiles: { AcmeCable: profile('AcmeCable', 9e12) } } });
    const f = flows();
    await f.boot();
    return f;
  }

  test('follows every entry: interactive logout on a TV → done (no URL), partner_logout → system sign-out, complete/invalid/unknown → nothing', async () => {
    const f = await signedIn();
    server.on(`GET /api/v2/${SP}/logout/AcmeCable`, {
      json: {
        logouts: {
          AcmeCable: { actionName: 'logout', actionType: 'interactive', mvpd: 'AcmeCable', url: '/adobe-services/logout?mso_id=AcmeCable' },
          Apple: { actionName: 'partner_logout', actionType: 'partner_interactive', mvpd: 'AcmeCable' },
          Other: { actionName: 'complete', actionType: 'none' },
          Future: { actionName: 'something_new', actionType: 'none' },
        },
      },
    });
    const out = await f.logout();
    // A TV has no browser to finish at the MVPD: no URL; the partner entry asks for a system sign-out.
    expect(out).toEqual({
      ok: true,
      value: {
        followUpUrls: [],
        partnerSignOut: true,
        notice: 'partner-sign-out',
        message: LOGOUT_MESSAGES['partner-sign-out'],
      },
    });
    expect(f.current()).toBeUndefined();
    expect(storage.data.has(`adobePass.${SP}.profile`)).toBe(false);
  });

  test('a failed logout call keeps the user signed in (they can retry)', async () => {
    const f = await signedIn();
    server.on(`GET /api/v2/${SP}/logout/AcmeCable`, { status: 503, body: '' });
    const out = await f.logout();
    expect(out).toEqual({ ok: false, failure: expect.objectContaining({ kind: 'server', retryable: true }) });
    expect(f.current()?.profile.mvpd).toBe('AcmeCable');
    expect(server.count(`GET /api/v2/${SP}/logout/AcmeCable`)).toBe(3);
  });
});

describe('redaction', () => {
  test('tokens, secrets and bearer strings never reach the logger', async () => {
    const { redactingLogger } = await import('../../src/flows');
    const inner = new CapturingLogger();
    const log = redactingLogger(inner);
    log.info('Authorization: Bearer abc.def.ghi sent', {
      access_token: 'tok',
      nested: { client_secret: 'sec', mvpd: 'AcmeCable' },
      list: [{ serializedToken: 'mt' }],
    });
    const line = inner.lines.join('\n');
    for (const secret of ['abc.def.ghi', '"tok"', '"sec"', '"mt"']) expect(line).not.toContain(secret);
    expect(line).toContain('AcmeCable');
  });
});
