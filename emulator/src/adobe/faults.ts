/** Fault injection (architecture.md admin API): the next `count` matching requests get the fault. */
export type Fault =
  | { type: 'enhanced-error'; status?: number; code: string; action?: string; message?: string; details?: string; itemLevel?: boolean }
  | { type: 'status'; status: number; body?: string; contentType?: string }
  | { type: 'latency'; ms: number }
  | { type: 'malformed' }
  | { type: 'drop' }
  /** Adobe's throttled answer (the 429 page, no Access-Control-Allow-Origin) as a deliberate stimulus, whatever the bucket holds. */
  | { type: 'throttled' };

export interface FaultMatch {
  method?: string;
  path?: string;
  mvpd?: string;
}

interface Armed {
  id: number;
  match: FaultMatch;
  pathRe?: RegExp;
  remaining: number;
  fault: Fault;
}

export class Faults {
  private armed: Armed[] = [];
  private nextId = 1;

  /** Validates and arms a fault; returns an error message when the definition is unusable. */
  add(def: unknown): { id: number } | { error: string } {
    if (typeof def !== 'object' || def === null) return { error: 'body must be an object' };
    const d = def as { match?: FaultMatch; count?: unknown; fault?: Fault };
    const fault = d.fault;
    if (typeof fault !== 'object' || fault === null) return { error: 'fault is required' };
    const valid =
      (fault.type === 'enhanced-error' && typeof fault.code === 'string') ||
      (fault.type === 'status' && typeof fault.status === 'number') ||
      (fault.type === 'latency' && typeof fault.ms === 'number') ||
      fault.type === 'malformed' ||
      fault.type === 'drop' ||
      fault.type === 'throttled';
    if (!valid) return { error: 'unknown or incomplete fault' };
    const match = d.match ?? {};
    let pathRe: RegExp | undefined;
    if (match.path !== undefined) {
      try {
        pathRe = new RegExp(match.path);
      } catch {
        return { error: 'match.path is not a valid regular expression' };
      }
    }
    const count = d.count === undefined ? 1 : Number(d.count);
    if (!Number.isInteger(count) || count < 1) return { error: 'count must be a positive integer' };
    const id = this.nextId++;
    this.armed.push({ id, match, pathRe, remaining: count, fault });
    return { id };
  }

  /** Consumes and returns the first fault matching this request, if any. */
  take(method: string, path: string, mvpd: string | undefined): Fault | undefined {
    const a = this.armed.find(
      (x) =>
        (x.match.method === undefined || x.match.method.toUpperCase() === method.toUpperCase()) &&
        (x.pathRe === undefined || x.pathRe.test(path)) &&
        (x.match.mvpd === undefined || x.match.mvpd === mvpd),
    );
    if (!a) return undefined;
    a.remaining -= 1;
    if (a.remaining <= 0) this.armed = this.armed.filter((x) => x !== a);
    return a.fault;
  }

  list(): { id: number; match: FaultMatch; remaining: number; fault: Fault }[] {
    return this.armed.map(({ id, match, remaining, fault }) => ({ id, match, remaining, fault }));
  }

  clear(): void {
    this.armed = [];
  }
}
