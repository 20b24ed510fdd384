/**
 * The emulator under test: started on random ports, driven through its admin API (never through its
 * internals), with the request journal mirrored locally so checks can read it after the journeys.
 */
import { startEmulator, type RunningEmulator } from '../../emulator/src/server';
import type { JournalEntry } from '../../emulator/src/adobe/journal';
import { startRecordingProxy, type RecordingProxy } from './proxy';

export type { JournalEntry };

export interface Emulator {
  /** Where the clients are pointed: the recording proxy in front of the Adobe side. */
  adobeUrl: string;
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
          journal.push(e);
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
