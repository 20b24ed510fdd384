/**
 * Timers that run only when a test says so, for page tests (PageTimers: `advance(ms)`) and flow tests
 * (TimersPort: `fireNext()`, with a fake clock moved along). Time is virtual: `now` starts at 0.
 */
import type { TimersPort } from '../../src/flows';
import type { TimerId } from '../../src/lib/registry';
import type { PageTimers } from '../../src/services';

interface Job {
  at: number;
  every?: number;
  ms: number;
  cb: () => void;
}

export class ManualTimers implements PageTimers, TimersPort {
  /** Virtual milliseconds since the test started. */
  now = 0;
  /** Every delay ever scheduled, in order (e.g. the polling cadence). */
  readonly scheduled: number[] = [];
  private next = 1;
  private readonly jobs = new Map<number, Job>();

  /** `clock`, when given, is moved forward with virtual time (the flows read the time from it). */
  constructor(private readonly clock?: { advance(ms: number): void }) {}

  setTimeout(cb: () => void, ms: number): TimerId {
    return this.add({ at: this.now + ms, ms, cb });
  }
  setInterval(cb: () => void, ms: number): TimerId {
    return this.add({ at: this.now + ms, every: ms, ms, cb });
  }
  clearTimeout(id: unknown): void {
    if (id !== undefined) this.jobs.delete(id as number);
  }
  clearInterval(id: unknown): void {
    this.clearTimeout(id);
  }

  /** How many timers are waiting. */
  get pending(): number {
    return this.jobs.size;
  }

  /** Run everything due within `ms`, in time order (intervals repeat), and end at now + ms. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (let due = this.earliest(); due && due[1].at <= end; due = this.earliest()) this.run(due);
    this.moveTo(end);
  }

  /**
   * Jump to the earliest timer and run it; returns how long that waited. `earlyMs` fires it that much
   * before it is due, as drifting TV timers do. Throws when no timer waits.
   */
  fireNext(earlyMs = 0): number {
    const due = this.earliest();
    if (!due) throw new Error('no pending timer');
    const from = this.now;
    this.run(due, due[1].at - earlyMs);
    return this.now - from;
  }

  private add(job: Job): TimerId {
    const id = this.next++;
    this.jobs.set(id, job);
    this.scheduled.push(job.ms);
    return id as unknown as TimerId;
  }

  /** Earliest due; ties go to the one scheduled first. */
  private earliest(): [number, Job] | undefined {
    let due: [number, Job] | undefined;
    for (const entry of this.jobs) if (!due || entry[1].at < due[1].at) due = entry;
    return due;
  }

  private run([id, job]: [number, Job], at = job.at): void {
    this.moveTo(at);
    if (job.every) job.at += job.every;
    else this.jobs.delete(id);
    job.cb();
  }

  private moveTo(at: number): void {
    if (at > this.now) this.clock?.advance(at - this.now);
    this.now = Math.max(this.now, at);
  }
}
