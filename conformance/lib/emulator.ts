/**
 * The emulator under test: started on random ports, driven through its admin API (never through its
 * internals), with the request journal mirrored locally so checks can read it after the journeys.
 */
import { startEmulator, type RunningEmulator } from '../../emulator/src/server';
import type { JournalEntry as EmulatorJournalEntry } from '../../emulator/src/adobe/journal';
import { startRecordingProxy, type RecordingProxy } from './proxy';

/**
 * A journal entry as the checks read it: the headers the client sent, and apart from them (`client`) the
 * address the simulated network added in X-Forwarded-For (conformance/lib/proxy.ts).
 */
export type JournalEntry = EmulatorJournalEntry & { client?: string };

export interface Emulator {
  /** Where the clients are pointed: the recording proxy in front of the Adobe side. */
  adobeUrl: string;
  /**
   * A new simulated device (TV or phone): the Adobe URL its client uses, through the proxy on a port of its own,
   * so the emulator sees the device's own address (X-Forwarded-For) and throttles it on its own, as Adobe does.
   */
  device(): Promise<string>;
  /** The Adobe side itself (admin calls go here directly). */
  directAdobeUrl: string;
  programmerUrl: string;
  proxy: RecordingProxy;
  /** Every journal entry seen so far, oldest first. */
  journal: JournalEntry[];
  /** Pull new journal entries; returns the local journal length afterwards. */
  sync(): Promise<number>;
  admin<T = unknown>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
  complete(code: string, username: string, mvpd?: string): Promise<void>;
  settings(patch: Record<string, unknown>): Promise<void>;
  fault(
    match: { method?: string; path?: string; mvpd?: string },
    count: number,
    fault: Record<string, unknown>,
  ): Promise<void>;
  clearFaults(): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  close(): Promise<void>;
}

export async function launchEmulator(): Promise<Emulator> {
  // Throttling on, in Adobe's model (burst of 10 per client IP, then 1 request/s): conformance runs against it.
  const running: RunningEmulator = await startEmulator({ adobePort: 0, programmerPort: 0, quiet: true, settings: { throttling: true } });
  const proxy = await startRecordingProxy(running.adobeUrl);
  const journal: JournalEntry[] = [];
  let cursor = 0;
  let syncing: Promise<number> = Promise.resolve(0);

  async function admin<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${running.adobeUrl}/__emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`admin ${method} ${path} → ${res.status} ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const emu: Emulator = {
    adobeUrl: proxy.url,
    device: async () => (await proxy.device()).url,
    directAdobeUrl: running.adobeUrl,
    programmerUrl: running.programmerUrl,
    proxy,
    journal,
    sync() {
      // Serialised: journeys running side by side must not append the same entries twice.
      syncing = syncing.then(async () => {
        const { entries } = await admin<{ entries: JournalEntry[] }>('GET', `journal?since=${cursor}`);
        for (const e of entries) {
          if (e.seq <= cursor) continue;
          journal.push(fromNetwork(e, proxy.addresses));
          cursor = e.seq;
        }
        return journal.length;
      });
      return syncing;
    },
    admin,
    async complete(code, username, mvpd) {
      // Fixture subscribers' passwords are `<username>123` (emulator/fixtures/subscribers.json, test data).
      await admin('POST', `sessions/${encodeURIComponent(code)}/complete`, {
        username,
        password: `${username}123`,
        ...(mvpd ? { mvpd } : {}),
      });
    },
    async settings(patch) {
      await admin('POST', 'settings', patch);
    },
    async fault(match, count, fault) {
      await admin('POST', 'faults', { match, count, fault });
    },
    async clearFaults() {
      await admin('DELETE', 'faults');
    },
    async advanceClock(ms) {
      await admin('POST', 'clock/advance', { ms });
    },
    async close() {
      await proxy.close();
      await running.close();
    },
  };
  return emu;
}

/** Moves the hop the simulated network appended to X-Forwarded-For out of the headers, into `client`. */
export function fromNetwork(e: EmulatorJournalEntry, addresses: Set<string>): JournalEntry {
  const xff = e.headers['x-forwarded-for'];
  if (typeof xff !== 'string') return e;
  const hops = xff.split(',').map((h) => h.trim());
  const last = hops[hops.length - 1] ?? '';
  if (!addresses.has(last)) return e;
  const headers = { ...e.headers };
  if (hops.length > 1) headers['x-forwarded-for'] = hops.slice(0, -1).join(', ');
  else delete headers['x-forwarded-for'];
  return { ...e, headers, client: last };
}

/** 429s the clients provoked: refused by the emulator's throttle (not injected as a stimulus). */
export function provoked429(journal: JournalEntry[]): JournalEntry[] {
  return journal.filter((e) => e.status === 429 && !e.fault);
}

/** Adobe's 429 injected on purpose (fault `throttled` or a status 429), to see what the client does next. */
export function injected429(journal: JournalEntry[]): JournalEntry[] {
  return journal.filter((e) => e.status === 429 && !!e.fault);
}

/** Milliseconds (emulator clock) at which the request arrived: the journal stamps the response. */
export function arrival(e: JournalEntry): number {
  return e.time - e.durationMs;
}

export function header(
  e: { headers: Record<string, string | string[] | undefined> },
  name: string,
): string | undefined {
  const v = e.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}
