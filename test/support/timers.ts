/**
 * Timers a test advances by hand (no Lightning, no real clock): pages and controllers get them as
 * `services().timers`; `advance(ms)` runs what falls due, in order.
 */
import type { PageTimers } from '../../src/services';

export class ManualTimers implements PageTimers {
  private next = 1;
  private jobs = new Map<number, { at: number; every?: number; cb: () => void }>();
  now = 0;
  setInterval(cb: () => void, ms: number) {
    const id = this.next++;
    this.jobs.set(id, { at: this.now + ms, every: ms, cb });
    return id as unknown as ReturnType<typeof setTimeout>;
  }
  setTimeout(cb: () => void, ms: number) {
    const id = this.next++;
    this.jobs.set(id, { at: this.now + ms, cb });
    return id as unknown as ReturnType<typeof setTimeout>;
  }
  clearInterval(id: ReturnType<typeof setTimeout> | undefined) {
    if (id !== undefined) this.jobs.delete(id as unknown as number);
  }
  clearTimeout(id: ReturnType<typeof setTimeout> | undefined) {
    this.clearInterval(id);
  }
  get pending(): number {
    return this.jobs.size;
  }
  advance(ms: number) {
    const end = this.now + ms;
    for (;;) {
      let due: [number, { at: number; every?: number; cb: () => void }] | undefined;
      for (const entry of this.jobs) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      const [id, job] = due;
      this.now = job.at;
      if (job.every) job.at += job.every;
      else this.jobs.delete(id);
      job.cb();
    }
    this.now = end;
  }
}
