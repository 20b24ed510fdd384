/**
 * TempPass through the flows against the real emulator (spec §14): basic (no login, countdown from the
 * profile, used-up pass → Adobe's error, switching to a real provider without logout) and promotional
 * (pairing on the programmer backend, the email's hash in AP-TempPass-Identity, the email nowhere on the TV side).
 */
import { createHash } from 'node:crypto';
import { createTrialPairingClient } from '../../src/catalog/trial-pairing';
import {
  createPassFlows,
  type PassFlows,
  type PassFlowsConfig,
  type Provider,
  type TempPassOffer,
} from '../../src/flows';
import type { SignedInProfile, TrialPairingCode, Failure } from '../../src/flows/api';
import { calls, headerViolations, startHarness, type Harness, type JournalEntry } from './emulator-harness';
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
const P = (suffix: string) => `/api/v2/${SP}/${suffix}`;
const EMAIL = 'Trial.Viewer@example.com';
const HASH = createHash('sha256').update(EMAIL.toLowerCase()).digest('hex');

let emu: Harness;
let clock: FakeClock;
let timers: ManualTimers;
let storage: MemoryStorage;
let logger: CapturingLogger;

beforeAll(async () => {
  emu = await startHarness();
});
afterAll(() => emu.close());
afterEach(async () => {
  expect(headerViolations(await emu.journal())).toEqual([]);
});
beforeEach(async () => {
  await emu.reset();
  // These journeys run 10–20 calls on a fake device clock whose waits are instant; Adobe's throttling
  // (tested with the scheduler elsewhere) would only add 429s that say nothing about TempPass.
  await emu.admin('POST', 'settings', { throttling: false });
  clock = new FakeClock(Date.now());
  timers = new ManualTimers(clock);
  storage = new MemoryStorage();
  logger = new CapturingLogger();
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
    pollIntervalMs: 3000,
    hiddenMvpdIds: [],
    tempPass: { offer: true, minutes: { TempPass_DEMO15: 15 }, promotional: ['TempPass_PROMO3'], identityKey: 'email' },
    ...extra,
  };
}

function flows(extra: Partial<PassFlowsConfig> = {}): PassFlows {
  return createPassFlows(config(extra), {
    platform: { deviceIdentifierHeader: () => DEVICE_ID_HEADER, deviceInfoHeader: () => DEVICE_INFO_HEADER, storage },
    trialPairing: createTrialPairingClient({ baseUrl: emu.programmerUrl }),
    clock,
    timers,
    logger,
    sleep: async () => undefined,
  });
}

async function offers(f: PassFlows): Promise<TempPassOffer[]> {
  const r = await f.tempPassOffers();
  if (!r.ok) throw new Error(r.failure.message);
  return r.value;
}

const ACME: Provider = { id: 'AcmeCable', displayName: 'Acme Cable', isTempPass: false, isProxy: false };
const decode = (e: JournalEntry) =>
  JSON.parse(Buffer.from(String(e.headers['ap-temppass-identity']), 'base64').toString('utf8')) as Record<
    string,
    string
  >;

describe('basic TempPass', () => {
  it('offer → start (no session, no login) → play; the countdown follows the first authorization', async () => {
    const f = flows();
    await f.boot();
    const list = await offers(f);
    expect(list.map((o) => [o.provider.id, o.kind, o.minutes])).toEqual([
      ['TempPass_DEMO15', 'basic', 15],
      ['TempPass_PROMO3', 'promotional', undefined],
    ]);
    // The regular picker still hides TempPass MVPDs.
    const providers = await f.providers();
    expect(providers.ok && providers.value.some((p) => p.isTempPass)).toBe(false);

    await emu.admin('POST', 'clock/advance', { ms: 120_000 }); // the viewer browses before playing
    const started = await f.startTempPass(list[0]);
    expect(started.ok && started.value.type).toBe('temporary');
    const before = f.tempPass();
    expect(before).toMatchObject({ mvpd: 'TempPass_DEMO15', kind: 'basic' });

    const grant = await f.authorize('DEMOTV');
    expect(grant.ok).toBe(true);
    const after = f.tempPass()!;
    const trials = await emu.admin<{ tempPass: Array<{ startedAt: number; expiresAt: number }> }>('GET', 'state');
    expect(trials.tempPass[0].expiresAt - trials.tempPass[0].startedAt).toBe(900_000);
    // Adobe's clock runs 2 minutes ahead of this TV's: on the TV's clock the pass still has its full 15 minutes.
    expect(Math.abs(after.expiresAt - clock.now() - 900_000)).toBeLessThan(3_000);

    const rest = calls(await emu.journal()).filter((c) => !c.includes('/o/client/'));
    expect(rest).toEqual([
      `GET ${P('profiles')}`,
      `GET ${P('configuration')}`,
      `GET ${P('profiles/TempPass_DEMO15')}`,
      `POST ${P('decisions/authorize/TempPass_DEMO15')}`,
      `GET ${P('profiles/TempPass_DEMO15')}`,
    ]);
    // The whole provider list is offered to a TempPass viewer (sign in with a real provider).
    const all = await f.providers();
    expect(all.ok && all.value.length).toBeGreaterThan(1);
  });

  it('minutes come from the pass itself when the settings do not say', async () => {
    const f = flows({ tempPass: { offer: true, promotional: ['TempPass_PROMO3'] } });
    await f.boot();
    expect((await offers(f))[0]).toMatchObject({ provider: { id: 'TempPass_DEMO15' }, minutes: 15 });
    expect(await offers(flows({ tempPass: { offer: false } }))).toEqual([]);
  });

  it('expired: play answers Adobe’s error (sign in), no logout; a restart is refused plainly; a real sign-in keeps both profiles', async () => {
    const f = flows();
    await f.boot();
    const [basic] = await offers(f);
    expect((await f.startTempPass(basic)).ok).toBe(true);
    expect((await f.authorize('DEMOTV')).ok).toBe(true);
    await emu.admin('POST', 'clock/advance', { ms: 900_000 });
    clock.advance(900_000);
    const late = await f.authorize('DEMOTV');
    expect(late.ok).toBe(false);
    if (!late.ok)
      expect(late.failure).toMatchObject({ kind: 'authentication', code: 'temporary_access_duration_limit_exceeded' });
    expect(f.current()).toBeUndefined();
    expect(f.tempPass()).toBeUndefined();

    const again = await f.startTempPass(basic);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.failure.code).toBe('temporary_access_duration_limit_exceeded');
    const offered = (await offers(f))[0];
    expect(offered.usedUp?.code).toBe('temporary_access_duration_limit_exceeded');

    // Sign in with a real provider: an ordinary activation; nothing is logged out.
    const listener = new RecordingListener();
    f.startActivation(ACME, listener);
    await waitFor(() => listener.codes.length === 1 && timers.pending === 1, 'code');
    await emu.complete(listener.codes[0].code, 'alice');
    timers.fireNext();
    await waitFor(() => listener.signedIn.length === 1, 'signed in');
    expect(f.current()?.provider.id).toBe('AcmeCable');
    expect(f.lastUsedProvider()?.id).toBe('AcmeCable');
    // Signed in with a real provider: no TempPass offer and no configuration request for one (checklist 6).
    const before = (await emu.journal()).length;
    expect(await offers(f)).toEqual([]);
    expect((await emu.journal()).length).toBe(before);
    expect(calls(await emu.journal()).some((c) => c.includes('/logout/'))).toBe(false);
  });

  it('switching from a running TempPass to a real provider keeps the TempPass profile at Adobe', async () => {
    const f = flows();
    await f.boot();
    const [basic] = await offers(f);
    await f.startTempPass(basic);
    expect((await f.authorize('DEMOTV')).ok).toBe(true);
    const listener = new RecordingListener();
    f.startActivation(ACME, listener);
    await waitFor(() => listener.codes.length === 1 && timers.pending === 1, 'code');
    await emu.complete(listener.codes[0].code, 'bob');
    timers.fireNext();
    await waitFor(() => listener.signedIn.length === 1, 'signed in');
    const state = await emu.admin<{ tempPass: unknown[] }>('GET', 'state');
    expect(state.tempPass).toHaveLength(1);
    expect(calls(await emu.journal()).some((c) => c.includes('/logout/'))).toBe(false);
    // A relaunch finds the real provider (last used), not the TempPass.
    const g = flows();
    const booted = await g.boot();
    expect(booted.ok && booted.value.signedIn && booted.value.profile.mvpd).toBe('AcmeCable');
  });
});

describe('promotional TempPass', () => {
  it('pairing: the phone gives the email, the TV sends only its hash in AP-TempPass-Identity', async () => {
    const f = flows();
    await f.boot();
    const promo = (await offers(f)).find((o) => o.kind === 'promotional')!;
    const codes: TrialPairingCode[] = [];
    const signedIn: SignedInProfile[] = [];
    const failures: Failure[] = [];
    f.pairTempPass(promo, {
      onCode: (c) => codes.push(c),
      onSignedIn: (p) => signedIn.push(p),
      onFailure: (x) => failures.push(x),
    });
    await waitFor(() => codes.length === 1 && timers.pending === 1, 'pairing code');
    expect(codes[0].activationUrl).toBe(`http://localhost:4030/trial?code=${codes[0].code}`);
    timers.fireNext(); // pending
    await waitFor(() => timers.pending === 1, 'second poll scheduled');

    // The phone (second-screen /trial) sends the email to the programmer backend.
    const phone = await fetch(`${emu.programmerUrl}/trial/pairings/${codes[0].code}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: EMAIL }),
    });
    expect(phone.status).toBe(204);
    timers.fireNext();
    await waitFor(() => signedIn.length === 1 || failures.length > 0, 'signed in');
    expect(failures).toEqual([]);
    expect(f.tempPass()).toMatchObject({ kind: 'promotional', remainingResources: 3 });

    expect((await f.authorize('DEMOTV')).ok).toBe(true);
    expect(f.tempPass()?.remainingResources).toBe(2);

    const journal = await emu.journal();
    const promoCalls = journal.filter((e) => e.path.includes('TempPass_PROMO3'));
    expect(promoCalls.map((e) => `${e.method} ${e.path}`)).toEqual([
      `GET ${P('profiles/TempPass_PROMO3')}`,
      `POST ${P('decisions/authorize/TempPass_PROMO3')}`,
      `GET ${P('profiles/TempPass_PROMO3')}`,
    ]);
    for (const e of promoCalls) expect(decode(e)).toEqual({ email: HASH });
    // The email is nowhere in what the TV sent to Adobe, nor in the TV's logs; the hash is not logged either.
    const sent = JSON.stringify(journal).toLowerCase();
    expect(sent).not.toContain(EMAIL.toLowerCase());
    expect(logger.lines.join('\n').toLowerCase()).not.toContain(EMAIL.toLowerCase());
    expect(logger.lines.join('\n')).not.toContain(HASH);

    // A relaunch resumes the promotional pass with the stored hash (and never the email).
    const g = flows();
    const booted = await g.boot();
    expect(booted.ok && booted.value.signedIn && booted.value.profile.mvpd).toBe('TempPass_PROMO3');
    expect(JSON.stringify(storage)).not.toContain(EMAIL.toLowerCase());
  });

  it('quota used up: Adobe’s resources error comes back plainly', async () => {
    const f = flows();
    await f.boot();
    const promo = (await offers(f)).find((o) => o.kind === 'promotional')!;
    const signedIn: SignedInProfile[] = [];
    const codes: TrialPairingCode[] = [];
    f.pairTempPass(promo, {
      onCode: (c) => codes.push(c),
      onSignedIn: (p) => signedIn.push(p),
      onFailure: () => undefined,
    });
    await waitFor(() => codes.length === 1, 'code');
    await fetch(`${emu.programmerUrl}/trial/pairings/${codes[0].code}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: EMAIL }),
    });
    timers.fireNext();
    await waitFor(() => signedIn.length === 1, 'signed in');
    for (const r of ['DEMOTV', 'DEMOTV-KIDS', 'DEMOTV-MOVIES']) expect((await f.authorize(r)).ok).toBe(true);
    const fourth = await f.authorize('DEMOTV-SPORTS');
    expect(fourth.ok).toBe(false);
    if (!fourth.ok)
      expect(fourth.failure).toMatchObject({
        kind: 'authentication',
        code: 'temporary_access_resources_limit_exceeded',
      });
  });

  it('an expired pairing code ends with a plain failure', async () => {
    const f = flows();
    await f.boot();
    const promo = (await offers(f)).find((o) => o.kind === 'promotional')!;
    const failures: Failure[] = [];
    const codes: TrialPairingCode[] = [];
    f.pairTempPass(promo, {
      onCode: (c) => codes.push(c),
      onSignedIn: () => undefined,
      onFailure: (x) => failures.push(x),
    });
    await waitFor(() => codes.length === 1 && timers.pending === 1, 'code');
    await emu.admin('POST', 'clock/advance', { ms: 10 * 60_000 });
    timers.fireNext();
    await waitFor(() => failures.length === 1, 'failure');
    expect(failures[0].kind).toBe('expired-code');
  });
});
