/** The request scheduler on a fake clock: Adobe's budget, priorities, aging, spacing, cancellation, back-off. */
import {
  PRIORITY,
  PassError,
  RequestScheduler,
  cancelSource,
  type BudgetState,
  type BudgetStore,
  type ScheduleOptions,
} from '../../src/pass';
import { FakeTime, flush } from './fake-time';

let time: FakeTime;
let scheduler: RequestScheduler;
let sent: Array<{ label: string; t: number }>;

beforeEach(() => {
  time = new FakeTime(1_000_000);
  scheduler = new RequestScheduler({ now: time.now, sleep: time.sleep });
  sent = [];
});

function submit(label: string, options: Partial<ScheduleOptions> = {}): Promise<string> {
  return scheduler.run(
    async () => {
      sent.push({ label, t: time.t - 1_000_000 });
      return label;
    },
    { priority: PRIORITY.user, ...options },
  );
}

async function cancelled(promise: Promise<unknown>): Promise<boolean> {
  try {
    await promise;
    return false;
  } catch (error) {
    return error instanceof PassError && error.cancelled;
  }
}

describe('budget: a one-time burst of 10, then one request per 1.1 s', () => {
  test('25 requests at once: 10 leave at t=0, the rest 1100 ms apart', async () => {
    const all = Array.from({ length: 25 }, (_, i) => submit(`r${i}`));
    await time.runAll();
    await Promise.all(all);
    const times = sent.map((s) => s.t);
    expect(times.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(times.slice(10)).toEqual(Array.from({ length: 15 }, (_, i) => (i + 1) * 1100));
    // Adobe's budget at any instant t: 10 + floor(t / 1000) (+1 if its rate token starts full). Never exceeded.
    times.forEach((t, i) => expect(i + 1).toBeLessThanOrEqual(10 + Math.floor(t / 1000)));
  });

  test('the burst is one-time: after an idle minute the steady rate still applies', async () => {
    for (let i = 0; i < 10; i++) void submit(`burst${i}`);
    await time.advance(60_000);
    const later = Array.from({ length: 3 }, (_, i) => submit(`later${i}`));
    await time.runAll();
    await Promise.all(later);
    expect(sent.slice(10).map((s) => s.t)).toEqual([60_000, 61_100, 62_200]);
  });

  test('a clock that stands still (tests, a TV whose clock is corrected): finished sleeps still count', async () => {
    const frozen = new FakeTime(5);
    let instantSleeps = 0;
    const s = new RequestScheduler({
      now: () => 5, // never moves
      sleep: async (ms) => {
        instantSleeps += ms;
        await frozen.advance(0);
      },
    });
    const results = await Promise.all(Array.from({ length: 13 }, (_, i) => s.run(async () => i, { priority: 0 })));
    expect(results).toHaveLength(13);
    expect(instantSleeps).toBeGreaterThanOrEqual(3 * 1100);
  });
});

describe('priorities', () => {
  test('authorize, then sessions and polls, then other user calls, then preauthorize', async () => {
    for (let i = 0; i < 10; i++) void submit(`burst${i}`);
    const queued = [
      submit('preauthorize', { priority: PRIORITY.background }),
      submit('profiles', { priority: PRIORITY.user }),
      submit('poll', { priority: PRIORITY.signIn }),
      submit('authorize', { priority: PRIORITY.play }),
    ];
    await time.runAll();
    await Promise.all(queued);
    expect(sent.slice(10).map((s) => s.label)).toEqual(['authorize', 'poll', 'profiles', 'preauthorize']);
  });

  test('a late high-priority request overtakes queued low-priority ones', async () => {
    for (let i = 0; i < 10; i++) void submit(`burst${i}`);
    const pre = [1, 2, 3].map((n) => submit(`pre${n}`, { priority: PRIORITY.background }));
    await time.advance(1100); // pre1 leaves
    const play = submit('authorize', { priority: PRIORITY.play });
    await time.runAll();
    await Promise.all([...pre, play]);
    expect(sent.slice(10).map((s) => s.label)).toEqual(['pre1', 'authorize', 'pre2', 'pre3']);
  });

  test('nothing starves: under a constant stream of authorizations a preauthorization leaves within ~30 s', async () => {
    for (let i = 0; i < 10; i++) void submit(`burst${i}`);
    const pre = submit('pre', { priority: PRIORITY.background });
    // Two urgent requests per second: more than the budget, so the queue never empties.
    let n = 0;
    for (let s = 0; s < 60; s++) {
      void submit(`play${n++}`, { priority: PRIORITY.play });
      void submit(`play${n++}`, { priority: PRIORITY.play });
      await time.advance(1000);
    }
    await time.runAll();
    await pre;
    const preSent = sent.filter((s) => s.label === 'pre')[0];
    // 3 levels × 10 s of aging, then it is the oldest at the top level.
    expect(preSent.t).toBeLessThanOrEqual(31_000);
    expect(preSent.t).toBeGreaterThan(20_000); // it was overtaken until then
  });
});

describe('cancellation', () => {
  test('an aborted request leaves the queue at once, is never sent and costs no budget', async () => {
    for (let i = 0; i < 10; i++) void submit(`burst${i}`);
    const source = cancelSource();
    const doomed = submit('doomed', { signal: source.signal });
    const next = submit('next');
    source.cancel();
    expect(await cancelled(doomed)).toBe(true);
    await time.runAll();
    await next;
    expect(sent.map((s) => s.label)).not.toContain('doomed');
    expect(sent.filter((s) => s.label === 'next')[0].t).toBe(1100); // took the first slot
  });

  test('a standard AbortController works too; aborted before queueing → rejected without waiting', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await cancelled(submit('never', { signal: controller.signal }))).toBe(true);
    expect(sent).toHaveLength(0);
  });

  test('shouldContinue turning false while queued drops the request when its turn comes', async () => {
    for (let i = 0; i < 10; i++) void submit(`burst${i}`);
    let live = true;
    const poll = submit('poll', { shouldContinue: () => live });
    live = false;
    await time.runAll();
    expect(await cancelled(poll)).toBe(true);
    expect(sent).toHaveLength(10);
  });
});

describe('spacing, delays and back-off', () => {
  test('requests with a spacing key stay minGap + 100 ms apart, even with budget to spare', async () => {
    const spacing = { key: 'poll', minGapMs: 3000 };
    const polls = [submit('p1', { spacing }), submit('p2', { spacing }), submit('other'), submit('p3', { spacing })];
    await time.runAll();
    await Promise.all(polls);
    const at = (label: string) => sent.filter((s) => s.label === label)[0].t;
    expect([at('p1'), at('p2'), at('p3')]).toEqual([0, 3100, 6200]);
    expect(at('other')).toBe(0);
  });

  test('delayMs: not sent before the delay; others go meanwhile', async () => {
    const late = submit('late', { delayMs: 1000 });
    const now = submit('now');
    await time.advance(999);
    expect(sent.map((s) => s.label)).toEqual(['now']);
    await time.advance(1);
    await Promise.all([late, now]);
    expect(sent.map((s) => s.label)).toEqual(['now', 'late']);
  });

  test('backOff(1000): nothing leaves for a second, and the rest of the burst is treated as spent', async () => {
    void submit('first');
    await time.advance(5000); // 9 burst requests left, and the steady-rate slot is free
    scheduler.backOff(1000);
    const rest = Array.from({ length: 3 }, (_, i) => submit(`r${i}`));
    await time.advance(999);
    expect(sent).toHaveLength(1);
    await time.runAll();
    await Promise.all(rest);
    expect(sent.slice(1).map((s) => s.t)).toEqual([6000, 7100, 8200]);
  });

  test('a request that can go now is not held back by another one waiting for its spacing', async () => {
    const spacing = { key: 'poll', minGapMs: 3000 };
    void submit('p1', { spacing });
    void submit('p2', { spacing }); // waits 3.1 s
    await time.advance(500);
    const urgent = submit('authorize', { priority: PRIORITY.play });
    await flush();
    expect(sent.map((s) => s.label)).toEqual(['p1', 'authorize']);
    await urgent;
  });
});

describe('the budget outlives a launch (BudgetStore): Adobe grants the burst once per device, not per launch', () => {
  /** A store as the flows keep it (storage), here a variable; `loadDelayMs` makes the read asynchronous. */
  function memoryStore(initial?: BudgetState, loadDelayMs = 0): BudgetStore & { saved: BudgetState[] } {
    const saved: BudgetState[] = [];
    let current = initial;
    return {
      saved,
      load: () =>
        loadDelayMs ? time.sleep(loadDelayMs).then(() => current) : current,
      save: (state) => {
        current = state;
        saved.push(state);
      },
    };
  }
  const launch = (store: BudgetStore) => new RequestScheduler({ now: time.now, sleep: time.sleep, store });
  function submitTo(s: RequestScheduler, label: string): Promise<string> {
    return s.run(
      async () => {
        sent.push({ label, t: time.t - 1_000_000 });
        return label;
      },
      { priority: PRIORITY.user },
    );
  }

  test('a first launch (nothing stored) has the full burst and saves what is left after every send', async () => {
    const store = memoryStore();
    const s = launch(store);
    const all = Array.from({ length: 12 }, (_, i) => submitTo(s, `r${i}`));
    await time.runAll();
    await Promise.all(all);
    expect(sent.map((x) => x.t)).toEqual([...Array(10).fill(0), 1100, 2200]);
    expect(store.saved.map((x) => x.burstLeft)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0]);
    expect(store.saved[11]!.lastSentAt).toBe(1_000_000 + 2200);
  });

  test('a relaunch right after the burst was spent: no new burst, the steady rate from the last send on', async () => {
    const first = memoryStore();
    const a = launch(first);
    await Promise.all(Array.from({ length: 10 }, (_, i) => submitTo(a, `a${i}`))); // the burst, at t=0
    await time.advance(300); // the app is closed and started again 0.3 s later
    const b = launch(first);
    const again = Array.from({ length: 3 }, (_, i) => submitTo(b, `b${i}`));
    await time.runAll();
    await Promise.all(again);
    // Adobe's window rule: 10 + floor(t / 1000) requests by time t, whatever the launches.
    expect(sent.slice(10).map((x) => x.t)).toEqual([1100, 2200, 3300]);
  });

  test('a relaunch long after: the first request goes at once, then 1 per 1.1 s; an unspent burst is kept', async () => {
    const spent = launch(memoryStore({ burstLeft: 0, lastSentAt: time.t - 60_000 }));
    const r = Array.from({ length: 3 }, (_, i) => submitTo(spent, `s${i}`));
    await time.runAll();
    await Promise.all(r);
    expect(sent.map((x) => x.t)).toEqual([0, 1100, 2200]);

    sent = [];
    const partly = launch(memoryStore({ burstLeft: 4, lastSentAt: time.t - 60_000 }));
    const start = time.t - 1_000_000;
    const p = Array.from({ length: 6 }, (_, i) => submitTo(partly, `p${i}`));
    await time.runAll();
    await Promise.all(p);
    expect(sent.map((x) => x.t - start)).toEqual([0, 0, 0, 0, 0, 1100]);
  });

  test('nothing is sent before the stored budget is read; a store that cannot be read counts the burst as spent', async () => {
    const slow = launch(memoryStore({ burstLeft: 0, lastSentAt: time.t - 60_000 }, 500));
    const r = submitTo(slow, 'waits');
    await time.advance(499);
    expect(sent).toEqual([]);
    await time.runAll();
    await r;
    expect(sent.map((x) => x.t)).toEqual([500]);

    sent = [];
    const broken = launch({ load: () => Promise.reject(new Error('storage gone')), save: () => undefined });
    const start = time.t - 1_000_000;
    const b = Array.from({ length: 2 }, (_, i) => submitTo(broken, `b${i}`));
    await time.runAll();
    await Promise.all(b);
    expect(sent.map((x) => x.t - start)).toEqual([1100, 2200]);
  });

  test('a stored time in the future (the clock went back) or garbage numbers: the conservative start', async () => {
    const s = launch(memoryStore({ burstLeft: Number.NaN, lastSentAt: time.t + 3_600_000 }));
    const r = Array.from({ length: 12 }, (_, i) => submitTo(s, `r${i}`));
    await time.runAll();
    await Promise.all(r);
    // NaN burst → the default burst (nothing usable was stored); future time → rate slot one interval from now.
    expect(sent.map((x) => x.t)).toEqual([...Array(10).fill(0), 1100, 2200]);
  });

  test('backOff spends the burst and says so to the store; a save that throws never blocks a request', async () => {
    const store = memoryStore();
    const s = launch(store);
    await submitTo(s, 'first');
    s.backOff(1000);
    expect(store.saved[store.saved.length - 1]).toMatchObject({ burstLeft: 0 });

    sent = [];
    const failing = launch({
      load: () => undefined,
      save: () => {
        throw new Error('quota');
      },
    });
    const start = time.t - 1_000_000;
    await time.runAll();
    const r = Array.from({ length: 2 }, (_, i) => submitTo(failing, `f${i}`));
    await time.runAll();
    await Promise.all(r);
    expect(sent.map((x) => x.t - start)).toEqual([0, 0]);
  });
});
