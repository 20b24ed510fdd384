/** Request journal: the test oracle for what the client sent (headers included, nothing redacted). */
export interface JournalEntry {
  seq: number;
  time: number;
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  status: number;
  durationMs: number;
  /** The throttle refused the call (Adobe's 429): what a client provoked, as opposed to an injected fault. */
  throttled?: true;
  /** An injected fault (admin `faults`) answered the call: its type. */
  fault?: string;
}

export class Journal {
  private entries: JournalEntry[] = [];
  private seq = 0;
  /** Oldest entries are dropped past this size so a long-running emulator does not grow without bound. */
  constructor(private readonly max = 20_000) {}

  add(e: Omit<JournalEntry, 'seq'>): void {
    this.entries.push({ seq: ++this.seq, ...e });
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
  }

  since(seq: number): JournalEntry[] {
    return this.entries.filter((e) => e.seq > seq);
  }

  /** Clears entries; seq keeps counting so `since` cursors held by tests stay meaningful. */
  clear(): void {
    this.entries = [];
  }
}
