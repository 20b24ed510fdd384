/** Small journal helpers shared by the check modules. */
import { arrival, header, type JournalEntry } from '../lib/emulator';
import { endpointOf, type Endpoint } from '../spec/endpoints';
import type { Outcome } from './types';

export const ep = (e: { method: string; path: string }): Endpoint | undefined => endpointOf(e.method, e.path);

export function only(entries: JournalEntry[], ...endpoints: Endpoint[]): JournalEntry[] {
  return entries.filter((e) => {
    const x = ep(e);
    return x !== undefined && endpoints.indexOf(x) >= 0;
  });
}

export const count = (entries: JournalEntry[], ...endpoints: Endpoint[]): number => only(entries, ...endpoints).length;

export const device = (e: JournalEntry): string | undefined => header(e, 'ap-device-identifier');

export const line = (e: JournalEntry): string => `#${e.seq} ${e.method} ${e.path} → ${e.status}`;

export const pollsOf = (entries: JournalEntry[], code: string): JournalEntry[] =>
  entries.filter((e) => e.method === 'GET' && e.path.endsWith(`/profiles/code/${code}`));

/** Gaps (ms) between the arrivals of consecutive entries. */
export function gaps(entries: JournalEntry[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < entries.length; i++) out.push(arrival(entries[i]) - arrival(entries[i - 1]));
  return out;
}

export const summary = (entries: JournalEntry[]): string =>
  entries.map((e) => `${e.method} ${ep(e) ?? e.path} ${e.status}`).join(', ');

export function guard(run: () => Outcome): Outcome {
  try {
    return run();
  } catch (error) {
    return { result: 'FAIL', evidence: error instanceof Error ? error.message : String(error) };
  }
}
