/**
 * Start-up in the flows (issue 17): one boot run shared by the entry point and the splash, boot steps
 * reported as they happen, and on a first launch the configuration asked for together with the
 * profiles (never when a provider or profile is stored), the picker answering from that request.
 */
import { createPassFlows, type BootStep, type PassFlowsConfig, type StartablePassFlows } from '../../src/flows';
import { startFakeServer, scriptDcr, type FakeServer } from '../pass/fake-server';
import { DEVICE_ID_HEADER, DEVICE_INFO_HEADER, FakeClock, MemoryStorage } from './helpers';
import { ManualTimers } from '../support/manualTimers';

const SP = 'DEMOTV';
const PROFILES = `GET /api/v2/${SP}/profiles`;
const CONFIGURATION = `GET /api/v2/${SP}/configuration`;
const CONFIG = {
  requestor: { id: SP, mvpds: [{ id: 'AcmeCable', displayName: 'Acme Cable', logoUrl: 'http://l/acme.png' }] },
};
const ACME_PROFILE = {
  mvpd: 'AcmeCable',
  notBefore: 1,
  notAfter: 9e12,
  type: 'regular',
  attributes: { userID: { value: 'u1', state: 'plain' } },
};

let server: FakeServer;
let clock: FakeClock;
let storage: MemoryStorage;

beforeEach(async () => {
  server = await startFakeServer();
  scriptDcr(server);
  clock = new FakeClock();
  storage = new MemoryStorage();
});
afterEach(() => server.close());

function flows(extra: Partial<PassFlowsConfig> = {}): StartablePassFlows {
  return createPassFlows(
    {
      restBaseUrl: server.url,
      dcrBaseUrl: server.url,
      serviceProvider: SP,
      softwareStatement: 'statement.jwt',
      domainName: 'demotv.example',
      redirectUrl: 'http://localhost:4030/done',
      secondScreenUrl: 'http://localhost:4030',
      secondScreenShortUrl: 'localhost:4030',
      ...extra,
    },
    {
      platform: { deviceIdentifierHeader: () => DEVICE_ID_HEADER, deviceInfoHeader: () => DEVICE_INFO_HEADER, storage },
      clock,
      timers: new ManualTimers(clock),
      sleep: async () => undefined,
    },
  );
}

const adobeCalls = (): string[] => server.requests.map((r) => `${r.method} ${r.path}`);

describe('one boot run', () => {
  test('the early run is joined while it runs and taken once after it settled; Retry runs afresh', async () => {
    server.on(PROFILES, { json: { profiles: {} }, delayMs: 50 });
    const f = flows();
    f.startBoot();
    const joined = f.boot();
    const joinedAgain = f.boot();
    expect(joinedAgain).toBe(joined);
    expect((await joined).ok).toBe(true);
    expect(adobeCalls()).toEqual(['POST /o/client/register', 'POST /o/client/token', PROFILES]);

    const retry = await f.boot(); // the run was taken: a new one
    expect(retry.ok).toBe(true);
    expect(server.count(PROFILES)).toBe(2);
  });

  test('a splash that asks after the early run settled gets its result without a request', async () => {
    server.on(PROFILES, { json: { profiles: {} } });
    const f = flows();
    const steps: BootStep[] = [];
    f.startBoot((s) => steps.push(s));
    // Let the early run finish before anyone asks (a fast warm launch, a slow first frame).
    for (let i = 0; i < 200 && server.count(PROFILES) === 0; i++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 20));
    const before = server.requests.length;
    const late: BootStep[] = [];
    const result = await f.boot((s) => late.push(s));
    expect(result).toEqual({ ok: true, value: { signedIn: false, profiles: [] } });
    expect(server.requests.length).toBe(before);
    expect(steps).toEqual(['registering', 'checking-provider']);
    expect(late).toEqual([]); // settled: nothing left to report
  });

  test('steps: a late joiner hears the current step at once; a stored provider is "confirming"', async () => {
    storage.set(`adobePass.${SP}.provider`, { id: 'AcmeCable', displayName: 'Acme Cable' });
    server.on(`${PROFILES}/AcmeCable`, { json: { profiles: { AcmeCable: ACME_PROFILE } }, delayMs: 100 });
    const f = flows();
    f.startBoot();
    for (let i = 0; i < 200 && server.count(`${PROFILES}/AcmeCable`) === 0; i++)
      await new Promise((r) => setTimeout(r, 5));
    const heard: BootStep[] = [];
    const result = await f.boot((s) => heard.push(s));
    expect(heard).toEqual(['confirming-provider']);
    expect(result.ok && result.value.signedIn).toBe(true);
  });
});

describe('first launch: configuration with the profiles', () => {
  test('nothing stored → configuration sent before the profiles answer; the picker makes no second request', async () => {
    server.on(PROFILES, { json: { profiles: {} }, delayMs: 150 });
    server.on(CONFIGURATION, { json: CONFIG });
    const f = flows({ firstLaunchConfiguration: true });
    const booted = await f.boot();
    expect(booted).toEqual({ ok: true, value: { signedIn: false, profiles: [] } });
    const profilesSent = server.requests.find((r) => `${r.method} ${r.path}` === PROFILES)!.at;
    const configSent = server.requests.find((r) => `${r.method} ${r.path}` === CONFIGURATION)?.at;
    expect(configSent).toBeDefined();
    expect(Math.abs(configSent! - profilesSent)).toBeLessThan(150); // together, not after the answer
    const list = await f.providers();
    expect(list.ok && list.value.map((p) => p.id)).toEqual(['AcmeCable']);
    expect(server.count(CONFIGURATION)).toBe(1);
  });

  test('the picker opened while the prefetch is on its way shares it', async () => {
    server.on(PROFILES, { json: { profiles: {} } });
    server.on(CONFIGURATION, { json: CONFIG, delayMs: 150 });
    const f = flows({ firstLaunchConfiguration: true });
    await f.boot();
    const [a, b] = await Promise.all([f.providers(), f.providers()]);
    expect(a.ok && b.ok).toBe(true);
    expect(server.count(CONFIGURATION)).toBe(1);
  });

  test.each([
    ['a stored provider', 'provider', { id: 'AcmeCable', displayName: 'Acme Cable' }],
    ['a stored profile', 'profile', { mvpd: 'AcmeCable', notAfter: 9e12, attributes: {} }],
  ])('%s → no configuration request at boot (checklist 6)', async (_what, key, value) => {
    storage.set(`adobePass.${SP}.${key}`, value);
    server.on(`${PROFILES}/AcmeCable`, { json: { profiles: { AcmeCable: ACME_PROFILE } } });
    const f = flows({ firstLaunchConfiguration: true });
    const booted = await f.boot();
    expect(booted.ok && booted.value.signedIn).toBe(true);
    expect(server.count(CONFIGURATION)).toBe(0);
  });

  test('without the option the boot never asks for the configuration', async () => {
    server.on(PROFILES, { json: { profiles: {} } });
    await flows().boot();
    await new Promise((r) => setTimeout(r, 50));
    expect(server.count(CONFIGURATION)).toBe(0);
  });

  test('configurationWhenSignedOut: it leaves once the profiles answer holds none, and the picker shares it', async () => {
    server.on(PROFILES, { json: { profiles: {} }, delayMs: 100 });
    server.on(CONFIGURATION, { json: CONFIG, delayMs: 100 });
    const f = flows({ configurationWhenSignedOut: true });
    await f.boot();
    // Sent by the boot without waiting for it (the splash moves on meanwhile).
    for (let i = 0; i < 100 && server.count(CONFIGURATION) === 0; i++) await new Promise((r) => setTimeout(r, 10));
    const profiles = server.requests.find((r) => `${r.method} ${r.path}` === PROFILES)!.at;
    const config = server.requests.find((r) => `${r.method} ${r.path}` === CONFIGURATION)?.at;
    expect(config).toBeDefined();
    expect(config! - profiles).toBeGreaterThanOrEqual(100); // after the answer, not with the request
    const list = await f.providers();
    expect(list.ok && list.value.map((p) => p.id)).toEqual(['AcmeCable']);
    expect(server.count(CONFIGURATION)).toBe(1);
  });

  test('configurationWhenSignedOut with several profiles (the chooser): no configuration request at boot', async () => {
    server.on(PROFILES, {
      json: { profiles: { AcmeCable: ACME_PROFILE, NorthStarFiber: { ...ACME_PROFILE, mvpd: 'NorthStarFiber' } } },
    });
    const booted = await flows({ configurationWhenSignedOut: true }).boot();
    expect(booted.ok && !booted.value.signedIn && booted.value.profiles.length).toBe(2);
    // A prefetch would be on its way without the boot waiting for it: give it the time to arrive.
    await new Promise((r) => setTimeout(r, 100));
    expect(server.count(CONFIGURATION)).toBe(0);
  });
});
