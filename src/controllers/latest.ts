/**
 * "Latest request wins": every page starts work that answers later (boot, catalog, authorize,
 * logout, an activation's callbacks). A newer start, or leaving the page, makes the older answers stale;
 * callers check their ticket after each await and drop stale answers.
 */
export interface Ticket {
  /** False once a newer request began or the requests were cancelled. */
  readonly live: boolean;
}

export class LatestRequest {
  private seq = 0;

  /** Begin a request; earlier tickets go stale. */
  next(): Ticket {
    const id = ++this.seq;
    const latest = (): number => this.seq;
    // A getter, so a ticket read after an await sees the sequence as it is then.
    return {
      get live() {
        return id === latest();
      },
    };
  }

  /** Make every ticket handed out so far stale (the page was left). */
  cancel(): void {
    this.seq++;
  }
}
