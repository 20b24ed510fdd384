/**
 * Journeys run one after another; each records the slice of the journal it produced and named steps
 * inside it, so checks can ask "which requests did this user action cause?". A journey that throws
 * is recorded as crashed and the checks that need it fail with the reason.
 */
import type { Emulator, JournalEntry } from './emulator';

export interface Span {
  from: number;
  to: number;
}

export interface JourneyRecord extends Span {
  name: string;
  error?: string;
  steps: Array<Span & { name: string }>;
  ms: number;
}

export class Recorder {
  readonly journeys = new Map<string, JourneyRecord>();

  constructor(readonly emu: Emulator) {}

  async journey(name: string, run: (j: JourneyScope) => Promise<void>): Promise<void> {
    const started = Date.now();
    const record: JourneyRecord = { name, from: await this.emu.sync(), to: 0, steps: [], ms: 0 };
    this.journeys.set(name, record);
    try {
      await run(new JourneyScope(this.emu, record));
    } catch (error) {
      record.error = error instanceof Error ? `${error.message}` : String(error);
    } finally {
      await this.emu.clearFaults().catch(() => undefined);
      // Let stragglers (responses still in flight) land in this journey's slice.
      await new Promise((r) => setTimeout(r, 50));
      record.to = await this.emu.sync();
      record.ms = Date.now() - started;
    }
  }

  get(name: string): JourneyRecord {
    const r = this.journeys.get(name);
    if (!r) throw new Error(`journey "${name}" did not run`);
    if (r.error) throw new Error(`journey "${name}" crashed: ${r.error}`);
    return r;
  }

  entries(span: Span): JournalEntry[] {
    return this.emu.journal.slice(span.from, span.to);
  }

  step(journey: string, step: string): JournalEntry[] {
    const s = this.get(journey).steps.find((x) => x.name === step);
    if (!s) throw new Error(`step "${step}" of journey "${journey}" did not run`);
    return this.entries(s);
  }
}

export class JourneyScope {
  constructor(
    private readonly emu: Emulator,
    private readonly record: JourneyRecord,
  ) {}

  /** Runs one user action and remembers the journal entries it produced. */
  async step<T>(name: string, action: () => Promise<T>): Promise<T> {
    const from = await this.emu.sync();
    try {
      return await action();
    } finally {
      await new Promise((r) => setTimeout(r, 20));
      this.record.steps.push({ name, from, to: await this.emu.sync() });
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}
