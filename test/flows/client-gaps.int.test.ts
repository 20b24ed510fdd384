/**
 * Issue 16's client gaps in the flows, against the real emulator (throttling on, Adobe's model), with a
 * fake device clock, hand-fired timers and the emulator clock moved along with them:
 *  - a code screen left alone stops polling after ONE automatic new code;
 *  - no `GET …/configuration` while a profile is held, on any path (activation with a provider, the phone
 *    choosing it, relaunch, the profile chooser, the catalog's calls, a page asking for providers);
 *  - preauthorization by channel: the catalog's channel resources in one request, answers matched when the
 *    emulator echoes them with whitespace or rewritten MRSS, the MVPD's smaller limit, a signal that drops
 *    queued batches, and a channel permit that does not stand in for authorize.
 */
import { parseCatalog } from '../../src/catalog/validate';
import { channelResources } from '../../src/catalog/validate';
import type { Catalog } from '../../src/catalog/types';
import { cancelSource } from '../../src/flows/cancel';
import { createPassFlows, type PassFlows, type PassFlowsConfig, type Provider } from '../../src/flows';
import { startEmulator, type RunningEmulator } from '../../emulator/src/server';
import { tvSoftwareStatement, type JournalEntry } from './emulator-harness';
import { DEVICE_ID_HEADER, DEVICE_INFO_HEADER, FakeClock, MemoryStorage, RecordingListener, waitFor } from './helpers';
import { ManualTimers } from '../support/manualTimers';

const SP = 'DEMOTV';
const ACME: Provider = { id: 'AcmeCable', displayName: 'Acme Cable', isTempPass: false, isProxy: false };
const NORTHSTAR: Provider = { id: 'NorthStarFiber', displayName: 'NorthStar Fiber', isTempPass: false, isProxy: false };
const REDWOOD: Provider = { id: 'RedwoodWireless', displayName: 'Redwood Wireless', isTempPass: false, isProxy: false };

let emu: RunningEmulator;
let clock: FakeClock;
let timers: ManualTimers;
let storage: MemoryStorage;
let passwords: Map<string, string>;

async function admin<T = unknown>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${emu.adobeUrl}/__emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`admin ${method} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
const journal = async () => (await admin<{ entries: JournalEntry[] }>('GET', 'journal')).entries;
const calls = (entries: JournalEntry[]) => entries.map((e) => `${e.method} ${e.path}`);
const configurationCalls = (entries: JournalEntry[]) => calls(entries).filter((c) => /\/configuration$/.test(c));
const P = (suffix: string) => `/api/v2/${SP}/${suffix}`;

beforeAll(async () => {
  emu = await startEmulator({ adobePort: 0, programmerPort: 0, quiet: true });
  const fixtures = await admin<{ subscribers: Array<{ username: string; password: string }> }>('GET', 'fixtures');
  passwords = new Map(fixtures.subscribers.map((s) => [s.username, s.password]));
});
afterAll(() => emu.close());
beforeEach(async () => {
  await admin('POST', 'reset'); // throttling on: Adobe's model
  clock = new FakeClock(Date.now());
  timers = new ManualTimers(clock);
  storage = new MemoryStorage();
});

function flows(extra: Partial<PassFlowsConfig> = {}): PassFlows {
  return createPassFlows(
    {
      restBaseUrl: emu.adobeUrl,
      dcrBaseUrl: emu.adobeUrl,
      serviceProvider: SP,
      softwareStatement: tvSoftwareStatement(),
      domainName: 'demotv.example',
      redirectUrl: 'http://localhost:4030/done',
      secondScreenUrl: 'http://localhost:4030',
      secondScreenShortUrl: 'localhost:4030',
      pollIntervalMs: 5000,
      ...extra,
    },
    {
      platform: { deviceIdentifierHeader: () => DEVICE_ID_HEADER, deviceInfoHeader: () => DEVICE_INFO_HEADER, storage },
      clock,
      timers,
      sleep: async () => undefined,
    },
  );
}

/** Fire the activation's one pending timer with the emulator clock moved by the same time first. */
async function fireActivationTimer(): Promise<void> {
  const wait = timers.scheduled[timers.scheduled.length - 1]!;
  await admin('POST', 'clock/advance', { ms: wait });
  timers.fireNext();
}

/** Activation: code shown, login completed on the emulator, the next poll signs in. */
async function signIn(f: PassFlows, provider: Provider | undefined, username: string, mvpd?: string) {
  const listener = new RecordingListener();
  f.startActivation(provider, listener);
  await waitFor(() => listener.codes.length === 1 && timers.pending === 1, 'code');
  await admin('POST', `sessions/${listener.codes[0]!.code}/complete`, {
    username,
    password: passwords.get(username),
    mvpd,
  });
  await fireActivationTimer();
  await waitFor(() => listener.signedIn.length === 1, 'signed in');
  return listener;
}

async function loadCatalog(): Promise<Catalog> {
  const parsed = parseCatalog(await (await fetch(`${emu.programmerUrl}/catalog`)).json());
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.catalog;
}

describe('a code screen left alone', () => {
  test('stops polling after one automatic new code; only the viewer’s "Get a new code" starts it again', async () => {
    await admin('POST', 'settings', { sessionTtlMs: 20_000 });
    const listener = new RecordingListener();
    const activation = flows().startActivation(ACME, listener);
    await waitFor(() => listener.codes.length === 1 && timers.pending === 1, 'first code');
    for (let fired = 0; timers.pending > 0; fired++) {
      if (fired > 20) throw new Error('still polling after 20 timers');
      await fireActivationTimer();
      await waitFor(() => timers.pending === 1 || listener.failures.length > 0, `timer ${fired}`);
    }
    expect(listener.codes).toHaveLength(2);
    expect(listener.expired.map((c) => c.code)).toEqual(listener.codes.map((c) => c.code));
    expect(listener.failures).toEqual([expect.objectContaining({ kind: 'expired-code', retryable: true })]);
    const sessions = (entries: JournalEntry[]) => calls(entries).filter((c) => c === `POST ${P('sessions')}`).length;
    const polls = (entries: JournalEntry[]) => calls(entries).filter((c) => c.includes('/profiles/code/')).length;
    const atStop = await journal();
    expect(sessions(atStop)).toBe(2);
    expect(polls(atStop)).toBe(2 * 3); // 5, 10 and 15 s of each 20-s code; never past notAfter
    console.log(`code screen left alone: ${sessions(atStop)} codes, ${polls(atStop)} polls, then silence`);

    // An hour later, on both clocks: not one request more.
    clock.advance(3_600_000);
    await admin('POST', 'clock/advance', { ms: 3_600_000 });
    expect(timers.pending).toBe(0);
    expect(await journal()).toHaveLength(atStop.length);

    // The viewer asks: a new code, polled again.
    await activation.newCode();
    expect(listener.codes).toHaveLength(3);
    expect(timers.pending).toBe(1);
    activation.stop();
    expect(timers.pending).toBe(0);
  });
});

describe('no configuration request while a profile is held', () => {
  /** Every configuration request in the journal from `since` on. */
  const configSince = async (since: number) => configurationCalls((await journal()).filter((e) => e.seq > since));
  const lastSeq = async () => (await journal()).reduce((m, e) => Math.max(m, e.seq), 0);

  test('provider chosen on the TV: after the sign-in, through the catalog, a page asking for providers and a relaunch', async () => {
    const f = flows();
    await f.boot();
    expect((await f.providers()).ok).toBe(true); // the picker: signed out, allowed
    await signIn(f, ACME, 'alice');
    const held = await lastSeq();
    expect(f.current()?.provider).toEqual(ACME);
    const catalog = await loadCatalog();
    expect((await f.preauthorize(channelResources(catalog.rows))).ok).toBe(true);
    expect((await f.authorize(catalog.rows[0]!.items[0]!.resource)).ok).toBe(true);
    // A page that asks for the providers while signed in gets the signed-in one, from memory.
    expect(await f.providers()).toEqual({ ok: true, value: [ACME] });
    const relaunched = flows(); // same storage: relaunch
    const booted = await relaunched.boot();
    expect(booted.ok && booted.value.signedIn).toBe(true);
    expect(relaunched.current()?.provider.id).toBe('AcmeCable');
    expect(await configSince(held)).toEqual([]);
    // Signed out, the picker may ask again.
    expect((await relaunched.logout()).ok).toBe(true);
    await relaunched.providers();
    expect(await configSince(held)).toEqual([`GET ${P('configuration')}`]);
  });

  test('provider chosen on the phone: signed in without the TV ever asking for the configuration', async () => {
    const f = flows();
    await f.boot();
    const listener = await signIn(f, undefined, 'alice', 'NorthStarFiber');
    expect(listener.signedInWith[0]!.id).toBe('NorthStarFiber');
    await f.preauthorize(['DEMOTV']);
    await f.authorize('DEMOTV');
    expect(await f.providers()).toEqual({ ok: true, value: [listener.signedInWith[0]] });
    expect(configurationCalls(await journal())).toEqual([]);
  });

  test('the profile chooser: several profiles, one chosen, its catalog calls — no configuration', async () => {
    await signIn(flows(), ACME, 'alice');
    timers = new ManualTimers(clock);
    await signIn(flows(), NORTHSTAR, 'alice');
    storage.remove(`adobePass.${SP}.provider`);
    storage.remove(`adobePass.${SP}.profile`);
    await admin('DELETE', 'journal');
    const f = flows();
    const booted = await f.boot();
    if (!booted.ok || booted.value.signedIn) throw new Error('expected a choice');
    f.chooseProfile(booted.value.profiles[1]!);
    await waitFor(() => f.current() !== undefined, 'chosen');
    await f.preauthorize(['DEMOTV', 'DEMOTV-KIDS']);
    await f.providers();
    const entries = await journal();
    expect(calls(entries)).toContain(`POST ${P('decisions/preauthorize/NorthStarFiber')}`);
    expect(configurationCalls(entries)).toEqual([]);
  });
});

describe('preauthorization by channel', () => {
  test('the whole catalog in one request (five channels); answers echoed with whitespace or rewritten MRSS still match', async () => {
    const catalog = await loadCatalog();
    const channels = channelResources(catalog.rows);
    expect(channels).toHaveLength(5);
    expect(channels.some((r) => r.startsWith('<rss'))).toBe(true); // channel-level MRSS too
    for (const echo of ['exact', 'whitespace', 'rewrite'] as const) {
      await admin('POST', 'reset');
      await admin('POST', 'settings', { decisionResourceEcho: echo });
      const f = flows();
      await signIn(f, ACME, 'bob');
      await admin('DELETE', 'journal');
      const pre = await f.preauthorize(channels);
      if (!pre.ok) throw new Error(pre.failure.message);
      const requests = calls(await journal()).filter((c) => c.includes('/decisions/preauthorize/'));
      expect(requests).toEqual([`POST ${P('decisions/preauthorize/AcmeCable')}`]);
      // bob's package: DemoTV and Kids. Every channel decided, whatever the echo.
      const verdict = catalog.channels!.map((c) => [c.id, pre.value.get(c.resource)?.authorized]);
      expect(Object.fromEntries(verdict)).toEqual({
        DEMOTV: true,
        'DEMOTV-SPORTS': false,
        'DEMOTV-MOVIES': false,
        'DEMOTV-KIDS': true,
        'DEMOTV-PPV': false,
      });
      timers = new ManualTimers(clock);
    }
  });

  test('an MVPD with a smaller limit: batches of its size, never too_many_resources', async () => {
    const catalog = await loadCatalog();
    const f = flows({ preauthorizeLimits: { RedwoodWireless: 3 } });
    await signIn(f, REDWOOD, 'alice');
    await admin('DELETE', 'journal');
    const pre = await f.preauthorize(channelResources(catalog.rows));
    expect(pre.ok && pre.value.size).toBe(5);
    const entries = (await journal()).filter((e) => e.path.includes('/decisions/preauthorize/'));
    expect(entries.map((e) => e.status)).toEqual([200, 200]);
  });

  test('a signal drops what is still queued: in the scheduler, or the next batch while one is out', async () => {
    const catalog = await loadCatalog();
    const f = flows({ preauthorizeLimits: { RedwoodWireless: 3 } });
    await signIn(f, REDWOOD, 'alice');
    await admin('DELETE', 'journal');
    // Left at once: the first batch still waits for its slot in the pass client's scheduler, and is dropped there.
    const early = cancelSource();
    const dropped = f.preauthorize(channelResources(catalog.rows), { signal: early.signal });
    early.cancel();
    expect(await dropped).toEqual({
      ok: false,
      failure: expect.objectContaining({ message: 'Preauthorization was cancelled.' }),
    });
    expect(await journal()).toEqual([]);
    // Left while the first batch is out: that one answers, the second is never sent.
    await admin('POST', 'faults', { match: { path: 'preauthorize' }, count: 1, fault: { type: 'latency', ms: 300 } });
    const source = cancelSource();
    const pending = f.preauthorize(channelResources(catalog.rows), { signal: source.signal });
    await new Promise((r) => setTimeout(r, 100));
    source.cancel();
    const result = await pending;
    expect(result.ok).toBe(false);
    expect((await journal()).filter((e) => e.path.includes('/decisions/preauthorize/'))).toHaveLength(1);
  });

  test('a channel permit is not a play permit: parental controls deny the asset on authorize', async () => {
    const catalog = await loadCatalog();
    const f = flows();
    await signIn(f, ACME, 'kim'); // every channel, ratings up to TV-PG / PG
    const pre = await f.preauthorize(channelResources(catalog.rows));
    if (!pre.ok) throw new Error(pre.failure.message);
    expect(Array.from(pre.value.values()).every((d) => d.authorized)).toBe(true);
    const mature = catalog.rows
      .flatMap((r) => r.items)
      .find((i) => /TV-MA|^R$/.test(i.rating) && i.resource.startsWith('<rss'));
    expect(mature).toBeDefined();
    const grant = await f.authorize(mature!.resource);
    expect(grant.ok).toBe(false);
  });
});
