/**
 * The one request scheduler: every exchange a PassClient makes (DCR and REST V2) waits here for a slot.
 * It keeps the client inside Adobe's throttling budget (spec §10: a one-time burst of 10 per client IP,
 * then 1 request/s) and, when requests compete for a slot, sends first what the user is waiting for
 * (lower `priority` number first). Waiting requests age, so a low-priority one is overtaken but never
 * starves. A request can be cancelled while it waits; once sent it is no longer the scheduler's.
 *
 * Time comes from the injected `now` and `sleep`, so tests run it on a fake clock. A finished
 * `sleep(ms)` proves that at least `ms` went by, so the scheduler's own time never lags its sleeps even
 * when the injected clock stands still (tests) or jumps back (a TV whose clock is being corrected).
 */
import { PassError } from './errors';

/** What an AbortSignal offers, so old engines can pass cancelSource() below instead. */
export interface AbortLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** A minimal AbortController for engines that lack one: `cancel()` aborts `signal`. */
export function cancelSource(): { signal: AbortLike; cancel(): void } {
  let aborted = false;
  let listeners: Array<() => void> = [];
  return {
    signal: {
      get aborted() {
        return aborted;
      },
      addEventListener: (_type, listener) => void listeners.push(listener),
      removeEventListener: (_type, listener) => void (listeners = listeners.filter((l) => l !== listener)),
    },
    cancel() {
      if (aborted) return;
      aborted = true;
      const waiting = listeners;
      listeners = [];
      for (const listener of waiting) listener();
    },
  };
}

export interface BudgetOptions {
  /** Requests allowed at once before the steady rate applies (Adobe: a one-time 10). */
  burst: number;
  /** Steady rate: one request per interval (Adobe: 1 s). */
  intervalMs: number;
  /** Added to every interval and spacing, so modest network jitter does not bunch two requests at the server. */
  marginMs: number;
  /** A waiting request gains one priority level per this much waiting (anti-starvation). */
  agingMs: number;
}

export const DEFAULT_BUDGET: BudgetOptions = { burst: 10, intervalMs: 1000, marginMs: 100, agingMs: 10_000 };

export interface ScheduleOptions {
  /** 0 is sent first. See PRIORITY in calls.ts for what the client uses. */
  priority: number;
  signal?: AbortLike;
  /** Asked before the request is sent: false drops it (for callers that track liveness themselves). */
  shouldContinue?: () => boolean;
  /** Not before this many ms from now (a retry's delay). */
  delayMs?: number;
  /** Requests with the same key leave at least `minGapMs` (+ margin) between their sends (polls). */
  spacing?: { key: string; minGapMs: number };
  /** When the logical call first queued (a retry keeps its age). Defaults to now. */
  since?: number;
}

/**
 * What the scheduler remembers across app launches. Adobe's burst is one-time per device address, not per
 * launch: an app started again on the same TV has no fresh burst at Adobe, so it must not think it has one.
 */
export interface BudgetState {
  /** What is left of the one-time burst (the client's count: never more than Adobe's). */
  burstLeft: number;
  /** Clock time of the last request sent. */
  lastSentAt?: number;
}

/** Where the budget state lives between launches (the flows keep it in the device's storage). */
export interface BudgetStore {
  load(): BudgetState | undefined | Promise<BudgetState | undefined>;
  save(state: BudgetState): void | Promise<void>;
}

export interface SchedulerOptions {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  budget?: Partial<BudgetOptions>;
  /**
   * The budget an earlier launch left (nothing is sent until it is read; nothing stored = a first launch,
   * full burst; a store that fails to load = the burst counts as spent). Saved after every send.
   */
  store?: BudgetStore;
}

interface Entry {
  seq: number;
  priority: number;
  since: number;
  notBefore: number;
  spacing?: { key: string; minGapMs: number };
  signal?: AbortLike;
  shouldContinue?: () => boolean;
  onAbort?: () => void;
  start: () => void;
  reject: (error: unknown) => void;
}

/** Still wanted by its caller? A `shouldContinue` that throws counts as "no". */
function wanted(entry: { signal?: AbortLike; shouldContinue?: () => boolean }): boolean {
  if (entry.signal?.aborted) return false;
  try {
    return !entry.shouldContinue || entry.shouldContinue();
  } catch {
    return false;
  }
}

/** The client's error for a request its caller gave up on before it was sent. */
export function cancelledError(): PassError {
  const error = new PassError({ kind: 'unknown', message: 'The request was cancelled.', retryable: false, cancelled: true });
  error.detail = 'cancelled before it was sent';
  return error;
}

export class RequestScheduler {
  private readonly budget: BudgetOptions;
  private queue: Entry[] = [];
  private seq = 0;
  /** Lower bound on the current time, proven by finished sleeps. */
  private floor = -Infinity;
  private burstLeft: number;
  /** When the steady-rate token is next available (a bucket of one). */
  private rateReadyAt: number;
  private lastSent = new Map<string, number>();
  private wakeups: number[] = [];
  /** When the last request of this device was sent (this launch or, restored, an earlier one). */
  private lastSentAt: number | undefined;
  /** True while an earlier launch's budget is being read: nothing is sent meanwhile. */
  private loading = false;

  constructor(private readonly options: SchedulerOptions) {
    this.budget = { ...DEFAULT_BUDGET, ...options.budget };
    this.burstLeft = Math.max(0, Math.floor(this.budget.burst));
    // Conservative: the steady-rate token is not assumed to be full at start (Adobe may or may not grant one).
    this.rateReadyAt = this.time() + this.interval();
    const store = options.store;
    if (store) {
      this.loading = true;
      let loaded: Promise<BudgetState | undefined>;
      try {
        loaded = Promise.resolve(store.load());
      } catch (error) {
        loaded = Promise.reject(error);
      }
      loaded.then(
        (state) => this.restore(state),
        () => this.restore({ burstLeft: 0 }),
      );
    }
  }

  /** Takes over what an earlier launch left: never more burst than it had, the rate slot after its last send. */
  private restore(state: BudgetState | undefined): void {
    this.loading = false;
    if (state && Number.isFinite(state.burstLeft)) {
      this.burstLeft = Math.min(this.burstLeft, Math.max(0, Math.floor(state.burstLeft)));
    }
    const last = state?.lastSentAt;
    if (typeof last === 'number' && Number.isFinite(last) && last <= this.time()) {
      // Long enough ago: the next request may go at once (1 request/s). A time in the future (the clock went
      // back) tells nothing: the usual conservative start stays.
      this.rateReadyAt = Math.min(this.rateReadyAt, last + this.interval());
      this.lastSentAt = last;
    }
    this.evaluate();
  }

  private save(): void {
    const store = this.options.store;
    if (!store) return;
    const state: BudgetState = { burstLeft: this.burstLeft, lastSentAt: this.lastSentAt };
    try {
      // A storage that fails only costs the next launch its knowledge; it never blocks a request.
      Promise.resolve(store.save(state)).catch(() => undefined);
    } catch {
      /* same */
    }
  }

  /** The scheduler's clock: the injected one, never behind what its own sleeps proved. */
  time(): number {
    return Math.max(this.options.now(), this.floor);
  }

  /** Requests waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Waits for a slot, then calls `send` and settles with its result. Rejects with a cancelled PassError
   * when the signal aborts (or `shouldContinue` turns false) before the slot came.
   */
  run<T>(send: () => Promise<T>, options: ScheduleOptions): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (!wanted(options)) return reject(cancelledError());
      const now = this.time();
      const entry: Entry = {
        seq: this.seq++,
        priority: options.priority,
        since: options.since ?? now,
        notBefore: now + Math.max(0, options.delayMs ?? 0),
        spacing: options.spacing,
        signal: options.signal,
        shouldContinue: options.shouldContinue,
        start: () => {
          let result: Promise<T>;
          try {
            result = send();
          } catch (error) {
            return reject(error);
          }
          result.then(resolve, reject);
        },
        reject,
      };
      if (entry.signal) {
        entry.onAbort = () => this.drop(entry);
        entry.signal.addEventListener('abort', entry.onAbort);
      }
      this.queue.push(entry);
      this.evaluate();
    });
  }

  /**
   * After a 429, or a failure without a status that may hide one (a browser cannot read Adobe's 429):
   * nothing is sent for `ms`, and what is left of the one-time burst is treated as spent.
   */
  backOff(ms: number): void {
    // Spending the burst and moving the steady-rate slot is all a pause takes: nothing else can send.
    const spent = this.burstLeft > 0;
    this.burstLeft = 0;
    this.rateReadyAt = Math.max(this.rateReadyAt, this.time() + ms);
    if (spent) this.save();
    this.evaluate();
  }

  private interval(): number {
    return this.budget.intervalMs + this.budget.marginMs;
  }

  private drop(entry: Entry): void {
    const index = this.queue.indexOf(entry);
    if (index < 0) return;
    this.queue.splice(index, 1);
    this.detach(entry);
    entry.reject(cancelledError());
    this.evaluate();
  }

  private detach(entry: Entry): void {
    if (entry.signal && entry.onAbort) entry.signal.removeEventListener('abort', entry.onAbort);
  }

  private readyAt(entry: Entry): number {
    let at = entry.notBefore;
    if (entry.spacing) {
      const last = this.lastSent.get(entry.spacing.key);
      if (last !== undefined) at = Math.max(at, last + entry.spacing.minGapMs + this.budget.marginMs);
    }
    return at;
  }

  /**
   * Lower is better: the priority, minus one level per `agingMs` waited since the call first queued, down
   * to the top level 0 and no further; within a level the oldest call goes first. So a request waits at
   * most priority × agingMs plus the time to send the top-level requests older than it.
   */
  private rank(entry: Entry, now: number): number {
    if (entry.priority <= 0 || this.budget.agingMs <= 0) return entry.priority;
    return Math.max(0, entry.priority - Math.floor((now - entry.since) / this.budget.agingMs));
  }

  /** Sends whatever may go now; otherwise arranges to look again when something could. Synchronous. */
  private evaluate(): void {
    for (;;) {
      // Callers that stopped caring leave the queue without costing a request.
      for (const entry of this.queue.slice()) {
        if (!wanted(entry)) {
          this.queue.splice(this.queue.indexOf(entry), 1);
          this.detach(entry);
          entry.reject(cancelledError());
        }
      }
      if (this.queue.length === 0 || this.loading) return;
      const now = this.time();
      let best: Entry | undefined;
      let earliest = Infinity;
      for (const entry of this.queue) {
        const at = this.readyAt(entry);
        if (at > now) {
          earliest = Math.min(earliest, at);
          continue;
        }
        if (!best || this.before(entry, best, now)) best = entry;
      }
      if (!best) return this.wakeAt(earliest);
      if (this.burstLeft > 0) this.burstLeft -= 1;
      else if (now >= this.rateReadyAt) this.rateReadyAt = now + this.interval();
      else return this.wakeAt(this.rateReadyAt);

      this.queue.splice(this.queue.indexOf(best), 1);
      this.detach(best);
      if (best.spacing) this.lastSent.set(best.spacing.key, now);
      this.lastSentAt = now;
      this.save();
      best.start();
    }
  }

  private before(a: Entry, b: Entry, now: number): boolean {
    const ra = this.rank(a, now);
    const rb = this.rank(b, now);
    if (ra !== rb) return ra < rb;
    if (a.since !== b.since) return a.since < b.since;
    return a.seq < b.seq;
  }

  /** One timer per instant is enough: an earlier pending wake-up re-evaluates and re-arms if needed. */
  private wakeAt(at: number): void {
    if (!Number.isFinite(at)) return;
    for (const pending of this.wakeups) if (pending <= at) return;
    this.wakeups.push(at);
    const start = this.time();
    const ms = Math.max(0, at - start);
    const fire = () => {
      this.floor = Math.max(this.floor, start + ms);
      this.wakeups = this.wakeups.filter((w) => w !== at);
      this.evaluate();
    };
    this.options.sleep(ms).then(fire, fire);
  }
}
