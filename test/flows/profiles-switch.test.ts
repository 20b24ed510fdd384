/**
 * Several profiles, switching and degraded decisions in the flows (issue 14), against a scripted server:
 * profiles() lists GET profiles plus the adopted profile that endpoint does not list (degraded/TempPass),
 * a chosen profile is persisted and asked for alone at the next launch, and `source: "degradation"`
 * reaches the UI as `degraded`, an AuthZNone denial as its own code.
 */
import { createPassFlows, type PassFlows } from '../../src/flows';
import { DEGRADATION_DENIAL, isDegradationDenial } from '../../src/flows/degraded';
import { startFakeServer, scriptDcr, type FakeServer } from '../pass/fake-server';
import { CapturingLogger, DEVICE_ID_HEADER, DEVICE_INFO_HEADER, FakeClock, MemoryStorage } from './helpers';
import { ManualTimers } from '../support/manualTimers';

const SP = 'DEMOTV';
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

function flows(): PassFlows {
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
    },
    {
      platform: { deviceIdentifierHeader: () => DEVICE_ID_HEADER, deviceInfoHeader: () => DEVICE_INFO_HEADER, storage },
      clock,
      timers: new ManualTimers(clock),
      logger: new CapturingLogger(),
      sleep: async () => undefined,
    },
  );
}

const profile = (mvpd: string, notAfter: number, type = 'regular') => ({
  notBefore: 1,
  notAfter,
  issuer: type === 'regular' ? mvpd : 'Adobe',
  type,
  attributes: { userID: { value: `u-${mvpd}`, state: 'plain' } },
});

describe('switching between profiles', () => {
  test('profiles() = GET profiles + the adopted degraded profile it does not list, longest first; the choice is remembered', async () => {
    storage.set(`adobePass.${SP}.provider`, { id: 'BlueRiverTV', displayName: 'Blue River TV' });
    server.on(`GET /api/v2/${SP}/profiles/BlueRiverTV`, {
      json: { profiles: { BlueRiverTV: profile('BlueRiverTV', 3e12, 'degraded') } },
    });
    server.on(`GET /api/v2/${SP}/profiles`, {
      json: { profiles: { AcmeCable: profile('AcmeCable', 9e12), NorthStarFiber: profile('NorthStarFiber', 5e12) } },
    });
    const f = flows();
    const booted = await f.boot();
    expect(booted.ok && booted.value.signedIn && booted.value.profile.type).toBe('degraded');
    const listed = await f.profiles();
    if (!listed.ok) throw new Error('profiles failed');
    expect(listed.value.map((p) => `${p.mvpd}:${p.type}`)).toEqual([
      'AcmeCable:regular',
      'NorthStarFiber:regular',
      'BlueRiverTV:degraded',
    ]);
    // The adopted one keeps the provider it was signed in with.
    expect(listed.value[2]!.provider.displayName).toBe('Blue River TV');

    f.chooseProfile(listed.value[1]!);
    expect(f.current()?.profile.mvpd).toBe('NorthStarFiber');
    await new Promise((r) => setTimeout(r, 10));
    expect(storage.get(`adobePass.${SP}.provider`)).toEqual(expect.objectContaining({ id: 'NorthStarFiber' }));
    expect(server.count('GET /o/client/register') + server.count(`GET /api/v2/${SP}/logout/BlueRiverTV`)).toBe(0);

    // Next launch: the remembered choice is asked for alone.
    server.on(`GET /api/v2/${SP}/profiles/NorthStarFiber`, {
      json: { profiles: { NorthStarFiber: profile('NorthStarFiber', 5e12) } },
    });
    const again = await flows().boot();
    expect(again.ok && again.value.signedIn && again.value.profile.mvpd).toBe('NorthStarFiber');
    expect(server.count(`GET /api/v2/${SP}/profiles/NorthStarFiber`)).toBe(1);
    expect(server.count(`GET /api/v2/${SP}/profiles`)).toBe(1);
  });

  test('profiles(): no profile at all (authentication error) is an empty list; a server failure is a failure', async () => {
    server.on(
      `GET /api/v2/${SP}/profiles`,
      { status: 403, json: { status: 403, code: 'authenticated_profile_missing', action: 'authentication' } },
      { status: 400, json: { status: 400, code: 'invalid_parameter_service_provider', action: 'none' } },
    );
    const f = flows();
    expect(await f.profiles()).toEqual({ ok: true, value: [] });
    const second = await f.profiles();
    expect(second.ok).toBe(false);
  });
});

describe('degraded decisions', () => {
  test('source "degradation" marks permits and grants degraded; AuthZNone denials carry their own code', async () => {
    storage.set(`adobePass.${SP}.provider`, { id: 'AcmeCable', displayName: 'Acme Cable' });
    server.on(`GET /api/v2/${SP}/profiles/AcmeCable`, {
      json: { profiles: { AcmeCable: profile('AcmeCable', 9e12) } },
    });
    const decision = (resource: string, source: string) => ({
      resource,
      serviceProvider: SP,
      mvpd: 'AcmeCable',
      authorized: true,
      source,
    });
    server.on(
      `POST /api/v2/${SP}/decisions/preauthorize/AcmeCable`,
      { json: { decisions: [decision('A', 'degradation'), decision('B', 'mvpd')] } },
      {
        json: {
          decisions: [
            {
              resource: 'C',
              serviceProvider: SP,
              mvpd: 'AcmeCable',
              authorized: false,
              source: 'degradation',
              error: {
                status: 403,
                code: DEGRADATION_DENIAL,
                message: 'Denied by a degradation rule.',
                action: 'none',
              },
            },
          ],
        },
      },
    );
    server.on(`POST /api/v2/${SP}/decisions/authorize/AcmeCable`, {
      json: {
        decisions: [
          { ...decision('A', 'degradation'), token: { notBefore: 1, notAfter: 9e12, serializedToken: 'dG9r' } },
        ],
      },
    });
    const f = flows();
    await f.boot();
    const pre = await f.preauthorize(['A', 'B']);
    if (!pre.ok) throw new Error('preauthorize failed');
    expect(pre.value.get('A')).toEqual({ resource: 'A', authorized: true, degraded: true });
    expect(pre.value.get('B')).toEqual({ resource: 'B', authorized: true });
    const denied = await f.preauthorize(['C']);
    if (!denied.ok) throw new Error('preauthorize failed');
    expect(isDegradationDenial(denied.value.get('C')?.failure)).toBe(true);
    const grant = await f.authorize('A');
    expect(grant.ok && grant.value.degraded).toBe(true);
  });
});
