/**
 * The fault matrix: phases (rows) × faults (columns), and how one cell runs against the real flows
 * and the restartable emulator. A cell passes when the phase (a) never throws, (b) ends either in
 * success or in a typed Failure with a message (the kind the fault implies, for transport faults),
 * (c) sends a bounded number of requests (journal), and (d) succeeds again once the fault is cleared
 * (after signing in again when the fault cost the profile, which is the UI's way forward).
 */
import {
  createPassFlows,
  type Failure,
  type FailureKind,
  type PassFlows,
  type PassFlowsConfig,
  type Provider,
} from '../../src/flows';
import {
  DEVICE_ID_HEADER,
  DEVICE_INFO_HEADER,
  FakeClock,
  MemoryStorage,
  RecordingListener,
  waitFor,
} from '../flows/helpers';
import { ManualTimers } from '../support/manualTimers';
import type { FaultHarness } from './harness';

export const SP = 'DEMOTV';
export const ACME: Provider = { id: 'AcmeCable', displayName: 'Acme Cable', isTempPass: false, isProxy: false };
const RESOURCES = ['DEMOTV', 'DEMOTV-SPORTS', 'DEMOTV-KIDS', 'DEMOTV-NEWS', 'DEMOTV-MOVIES', 'DEMOTV-PPV'];
/** Client timeout in the matrix; the latency fault waits longer than this. */
export const TIMEOUT_MS = 400;
const LATENCY_MS = 900;
const PERSISTENT = 1000; // "until cleared"

export type Outcome = { ok: true; note?: string } | { ok: false; failure: Failure };

export interface CellContext {
  h: FaultHarness;
  storage: MemoryStorage;
  clock: FakeClock;
  timers: ManualTimers;
  flows: PassFlows;
  /** Journal sequence the request count starts from (0 after a restart: the journal restarts too). */
  since: number;
  /** Requests the pass client sent (its own `request` events): counts attempts the journal cannot see (timeouts). */
  sent: number;
  relaunch(): PassFlows;
}

const quiet = () => undefined;

/**
 * The client's clock. Every move of it (a hand-fired timer, an instant sleep) moves the emulator's clock too,
 * so the emulator's throttle sees the same seconds pass as the client's request scheduler.
 */
class SharedClock extends FakeClock {
  constructor(private readonly h: FaultHarness) {
    super(Date.now());
  }
  override advance(ms: number): void {
    super.advance(ms);
    this.h.advanceTime(ms);
  }
}

export function newContext(h: FaultHarness): CellContext {
  const clock = new SharedClock(h);
  const c: CellContext = {
    h,
    storage: new MemoryStorage(),
    clock,
    timers: new ManualTimers(clock),
    flows: undefined as unknown as PassFlows,
    since: 0,
    sent: 0,
    relaunch() {
      const config: PassFlowsConfig = {
        restBaseUrl: h.adobeUrl,
        dcrBaseUrl: h.adobeUrl,
        serviceProvider: SP,
        softwareStatement: h.statement,
        domainName: 'demotv.example',
        redirectUrl: 'http://localhost:4030/done',
        secondScreenUrl: 'http://localhost:4030',
        secondScreenShortUrl: 'localhost:4030',
        pollIntervalMs: 5000,
        httpTimeoutMs: TIMEOUT_MS,
        retryBaseDelayMs: 1,
      };
      c.flows = createPassFlows(config, {
        platform: {
          deviceIdentifierHeader: () => DEVICE_ID_HEADER,
          deviceInfoHeader: () => DEVICE_INFO_HEADER,
          storage: c.storage,
        },
        clock: c.clock,
        timers: c.timers,
        // Instant, but the time it stands for passes on both clocks (the scheduler's slots, retry waits).
        sleep: async (ms) => c.clock.advance(ms),
        logger: { debug: (m) => void (m === 'pass request' && c.sent++), info: quiet, warn: quiet, error: quiet },
      });
      return c.flows;
    },
  };
  c.relaunch();
  return c;
}

const okOf = (r: { ok: true } | { ok: false; failure: Failure }): Outcome =>
  r.ok ? { ok: true } : { ok: false, failure: r.failure };

async function boot(c: CellContext): Promise<Outcome> {
  return okOf(await c.flows.boot());
}

/** Activation with hand-fired timers until signed in or failed; completes each code shown (as a user would). */
async function activate(c: CellContext, midway?: () => Promise<void>): Promise<Outcome> {
  const listener = new RecordingListener();
  const activation = c.flows.startActivation(ACME, listener);
  const settled = () => listener.signedIn.length > 0 || listener.failures.length > 0;
  try {
    await waitFor(() => listener.codes.length > 0 || settled(), 'code or failure', 10000);
    if (midway) await midway();
    const completed = new Set<string>();
    for (let fires = 0; fires < 20 && !settled(); fires++) {
      for (const code of listener.codes)
        if (!completed.has(code.code)) {
          completed.add(code.code);
          await c.h.complete(code.code, 'alice').catch(() => undefined); // unknown after a restart: a new code follows
        }
      await waitFor(() => c.timers.pending > 0 || settled(), 'next poll', 10000);
      if (settled()) break;
      c.timers.fireNext();
      await waitFor(() => c.timers.pending > 0 || settled(), 'poll answer', 10000);
    }
  } finally {
    activation.stop();
  }
  if (listener.signedIn.length) return { ok: true };
  if (listener.failures.length) return { ok: false, failure: listener.failures[0]! };
  return { ok: false, failure: { kind: 'unknown', message: '', retryable: false } }; // not settled = unbounded polling
}

export async function signIn(c: CellContext): Promise<void> {
  const booted = await boot(c);
  if (!booted.ok) throw new Error(`boot failed: ${booted.failure.message}`);
  if (c.flows.current()) return;
  const done = await activate(c);
  if (!done.ok) throw new Error(`sign-in failed: ${done.failure.message}`);
}

/** The TV player's step, outside the flows: the tokenised stream URL must answer a playlist. */
async function play(c: CellContext, midway: () => Promise<void>): Promise<Outcome> {
  const catalog = (await (await fetch(`${c.h.programmerUrl}/catalog`)).json()) as {
    rows: Array<{ items: Array<{ resource: string; streamUrl: string }> }>;
  };
  const item = catalog.rows[0]!.items[0]!;
  const grant = await c.flows.authorize(item.resource);
  if (!grant.ok) return { ok: false, failure: grant.failure };
  await midway();
  const url =
    c.h.originUrl + new URL(item.streamUrl).pathname + '?mediaToken=' + encodeURIComponent(grant.value.mediaToken);
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    const text = await res.text();
    if (res.status !== 200)
      return {
        ok: false,
        failure: {
          kind: res.status >= 500 ? 'server' : 'denied',
          message: `The stream answered ${res.status}.`,
          retryable: true,
        },
      };
    if (!text.startsWith('#EXTM3U'))
      return { ok: false, failure: { kind: 'malformed', message: 'The stream is not a playlist.', retryable: true } };
    return { ok: true };
  } catch {
    return { ok: false, failure: { kind: 'network', message: 'The stream could not be reached.', retryable: true } };
  }
}

export type PhaseId =
  | 'registration'
  | 'profiles'
  | 'configuration'
  | 'sessions'
  | 'polling'
  | 'preauthorization'
  | 'authorization'
  | 'media'
  | 'logout';

export interface Phase {
  id: PhaseId;
  /** Adobe paths the phase's faults are aimed at. */
  path: string;
  /** The phase needs a signed-in profile (an `authentication` failure is answered by signing in again). */
  needsProfile: boolean;
  /** Request cap for one attempt of the phase (what "bounded" means here). */
  cap: number;
  prepare(c: CellContext): Promise<void>;
  run(c: CellContext, inject: () => Promise<void>, fault: FaultId): Promise<Outcome>;
}

const bootOnly = async (c: CellContext) => {
  const r = await boot(c);
  if (!r.ok) throw new Error(`boot failed: ${r.failure.message}`);
};

export const PHASES: Phase[] = [
  {
    id: 'registration',
    path: '^/o/client/',
    needsProfile: false,
    cap: 10,
    prepare: bootOnly,
    async run(c, inject, fault) {
      // A fresh install registers; the credential faults need the stored client of an earlier launch.
      if (['5xx', 'drop', 'latency', 'throttled', 'malformed'].includes(fault) || fault.startsWith('action-')) {
        c.storage.remove(`adobePass.${SP}.client`);
        c.storage.remove(`adobePass.${SP}.token`);
      }
      await inject();
      c.relaunch();
      return boot(c);
    },
  },
  {
    id: 'profiles',
    path: '/profiles(/[^c]|$)',
    needsProfile: false,
    cap: 10,
    prepare: signIn,
    async run(c, inject) {
      await inject();
      c.relaunch();
      return boot(c);
    },
  },
  {
    id: 'configuration',
    path: '/configuration$',
    needsProfile: false,
    cap: 10,
    prepare: bootOnly,
    async run(c, inject) {
      await inject();
      return okOf(await c.flows.providers());
    },
  },
  {
    id: 'sessions',
    path: '/sessions$',
    needsProfile: false,
    cap: 12,
    prepare: bootOnly,
    async run(c, inject) {
      await inject();
      return activate(c);
    },
  },
  {
    id: 'polling',
    path: '/profiles/code/',
    needsProfile: false,
    cap: 24,
    prepare: bootOnly,
    run: (c, inject) => activate(c, inject),
  },
  {
    id: 'preauthorization',
    path: '/decisions/preauthorize/',
    needsProfile: true,
    cap: 12,
    prepare: signIn,
    async run(c, inject) {
      await inject();
      return okOf(await c.flows.preauthorize(RESOURCES));
    },
  },
  {
    id: 'authorization',
    path: '/decisions/authorize/',
    needsProfile: true,
    cap: 10,
    prepare: signIn,
    async run(c, inject) {
      await inject();
      return okOf(await c.flows.authorize('DEMOTV'));
    },
  },
  {
    id: 'media',
    path: '^/media/',
    needsProfile: true,
    cap: 10,
    prepare: signIn,
    run: (c, inject) => play(c, inject),
  },
  {
    id: 'logout',
    path: '/logout/',
    needsProfile: true,
    cap: 10,
    prepare: signIn,
    async run(c, inject) {
      await inject();
      return okOf(await c.flows.logout());
    },
  },
];

export type FaultId =
  | '5xx'
  | 'drop'
  | 'latency'
  | 'throttled'
  | 'malformed'
  | 'expired-token'
  | 'revoked-client'
  | `action-${'none' | 'retry' | 'configuration' | 'application-registration' | 'authentication' | 'authorization'}`
  | 'corrupt-storage'
  | 'restart';

export interface FaultDef {
  id: FaultId;
  /** Column heading in the printed table. */
  short: string;
  describe: string;
  applies(phase: Phase): boolean;
  inject(c: CellContext, phase: Phase): Promise<void>;
  clear(c: CellContext): Promise<void>;
  /** A failure under this fault must be of one of these kinds. */
  kinds?: FailureKind[];
  /** Let requests the client gave up on reach the journal before counting. */
  settleMs?: number;
}

const arm = (c: CellContext, phase: Phase, fault: unknown) =>
  c.h.admin('POST', 'faults', {
    match: { path: `/api/v2/${SP}.*${phase.path.replace(/^\^?\//, '')}` },
    count: PERSISTENT,
    fault,
  });
const armDcr = (c: CellContext, fault: unknown) =>
  c.h.admin('POST', 'faults', { match: { path: '^/o/client/' }, count: PERSISTENT, fault });
const armFor = (c: CellContext, phase: Phase, fault: unknown) =>
  phase.id === 'registration' ? armDcr(c, fault) : arm(c, phase, fault);
const clearFaults = async (c: CellContext) => {
  c.h.originFault = undefined;
  await c.h.admin('DELETE', 'faults');
};
const nothing = async () => undefined;
const isMedia = (p: Phase) => p.id === 'media';
const notMedia = (p: Phase) => !isMedia(p);

function transport(
  id: FaultId,
  short: string,
  describe: string,
  fault: unknown,
  origin: FaultHarness['originFault'],
  kinds: FailureKind[],
  settleMs = 0,
): FaultDef {
  return {
    id,
    short,
    describe,
    applies: () => true,
    inject: async (c, phase) => {
      if (isMedia(phase)) c.h.originFault = origin;
      else await armFor(c, phase, fault);
    },
    clear: clearFaults,
    kinds,
    settleMs,
  };
}

function action(name: string, code: string, status: number): FaultDef {
  return {
    id: `action-${name}` as FaultId,
    short:
      name === 'application-registration'
        ? 'app-reg'
        : name === 'configuration'
          ? 'config'
          : name === 'authentication'
            ? 'authn'
            : name === 'authorization'
              ? 'authz'
              : name,
    describe: `enhanced error \`${code}\` (${status}, action \`${name}\`) on every request of the phase`,
    applies: notMedia,
    inject: (c, phase) => armFor(c, phase, { type: 'enhanced-error', status, code, action: name }).then(nothing),
    clear: clearFaults,
  };
}

const GARBAGE = ['{not json', '{"v":1,"data":{"clientId":42}}', 'null', '[]', '{"v":99,"data":{}}', '\u0000\u00ff'];

export const FAULTS: FaultDef[] = [
  transport(
    '5xx',
    '5xx',
    'HTTP 503 on every request of the phase',
    { type: 'status', status: 503, body: 'unavailable' },
    { type: 'status', status: 503 },
    ['server'],
  ),
  transport(
    'drop',
    'drop',
    'connection dropped (socket destroyed) on every request',
    { type: 'drop' },
    { type: 'drop' },
    ['network'],
  ),
  transport(
    'latency',
    'slow',
    `answers after ${LATENCY_MS} ms, past the ${TIMEOUT_MS} ms client timeout`,
    { type: 'latency', ms: LATENCY_MS },
    { type: 'latency', ms: LATENCY_MS },
    ['network'],
    LATENCY_MS + 200,
  ),
  {
    id: 'throttled',
    short: '429',
    describe: "Adobe's 429 (its HTML page, no allow-origin; fault `throttled`) on every request of the phase",
    applies: notMedia,
    inject: (c, phase) => armFor(c, phase, { type: 'throttled' }).then(nothing),
    clear: clearFaults,
    kinds: ['throttled'],
  },
  transport(
    'malformed',
    'json',
    '200 with a broken JSON body (media: a broken playlist)',
    { type: 'malformed' },
    { type: 'malformed' },
    ['malformed'],
  ),
  {
    id: 'expired-token',
    short: 'exp',
    describe: 'access token expired on the service (media: media token past its 7 minutes)',
    applies: () => true,
    inject: async (c, phase) => {
      if (isMedia(phase)) await c.h.admin('POST', 'clock/advance', { ms: 7 * 60_000 + 5000 });
      else await c.h.admin('POST', 'expire', { kind: 'access-token' });
    },
    clear: nothing,
  },
  {
    id: 'revoked-client',
    short: 'rev',
    describe: 'the DCR client is revoked (token endpoint answers invalid_client)',
    applies: () => true,
    inject: async (c) => {
      const raw = c.storage.get(`adobePass.${SP}.client`);
      const clientId = typeof raw === 'object' && raw !== null ? String((raw as { clientId?: unknown }).clientId) : '';
      await c.h.admin('POST', `clients/${encodeURIComponent(clientId)}/revoke`);
      await c.h.admin('POST', 'expire', { kind: 'access-token' });
    },
    clear: nothing,
  },
  action('none', 'internal_server_error', 500),
  action('retry', 'network_connection_timeout', 403),
  action('configuration', 'invalid_configuration_platform', 500),
  action('application-registration', 'invalid_access_token_client_application', 401),
  action('authentication', 'authenticated_profile_invalidated', 403),
  action('authorization', 'authorization_reconfirmation_required', 403),
  {
    id: 'corrupt-storage',
    short: 'store',
    describe: 'garbage in every stored entry, then a relaunch (boot) before the phase',
    applies: () => true,
    inject: async (c, phase) => {
      const keys = ['client', 'token', 'provider', 'profile', 'unrelated'].map((k) => `adobePass.${SP}.${k}`);
      keys.forEach((k, i) => c.storage.set(k, GARBAGE[i % GARBAGE.length]!));
      if (phase.id === 'registration' || phase.id === 'profiles') return; // the phase itself relaunches
      c.relaunch();
      await c.flows.boot();
    },
    clear: nothing,
  },
  {
    id: 'restart',
    short: 'restart',
    describe: 'emulator closed and started again on the same ports (clients, tokens, sessions, profiles lost)',
    applies: () => true,
    inject: async (c) => {
      await c.h.restart();
      c.since = 0;
    },
    clear: nothing,
  },
];
