/**
 * A fake clock whose sleeps resolve only when the test advances time: the scheduler runs
 * deterministically, and every send can be stamped with the fake time it happened at.
 */
export class FakeTime {
  private sleepers: Array<{ at: number; seq: number; resolve: () => void }> = [];
  private seq = 0;
  /** Every sleep asked for, in ms. */
  readonly sleeps: number[] = [];

  constructor(public t = 0) {}

  now = (): number => this.t;

  sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise<void>((resolve) => this.sleepers.push({ at: this.t + ms, seq: this.seq++, resolve }));
  };

  /** Moves time forward to `this.t + ms`, waking sleepers in order and letting their promise chains run. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await flush();
      this.sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.sleepers[0];
      if (!next || next.at > end) break;
      this.sleepers.shift();
      this.t = Math.max(this.t, next.at);
      next.resolve();
    }
    this.t = end;
    await flush();
  }

  /** Runs until nothing is asleep any more (or `limitMs` passed). */
  async runAll(limitMs = 600_000): Promise<void> {
    const end = this.t + limitMs;
    for (;;) {
      await flush();
      this.sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.sleepers[0];
      if (!next || next.at > end) return;
      await this.advance(next.at - this.t);
    }
  }
}

/** Lets pending promise callbacks run (a few rounds: chains are several links long). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
