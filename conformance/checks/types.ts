/** One automated check per checklist item (spec §19). */
import type { JournalEntry } from '../lib/emulator';
import type { Facts } from '../lib/facts';
import type { ProxyRecord } from '../lib/proxy';
import type { Recorder } from '../lib/recorder';

export type Verdict = 'PASS' | 'FAIL' | 'N/A';

export interface Outcome {
  result: Verdict;
  evidence: string;
  /** Longer evidence for the failure report (journal lines etc.). */
  details?: string[];
}

export interface CheckContext {
  rec: Recorder;
  facts: Facts;
  journal: JournalEntry[];
  proxy: ProxyRecord[];
}

export interface Check {
  item: number;
  strength: 'MUST' | 'SHOULD';
  scope: 'C' | 'S' | 'I' | 'C, S';
  title: string;
  run(ctx: CheckContext): Outcome;
}

export const pass = (evidence: string): Outcome => ({ result: 'PASS', evidence });
export const fail = (evidence: string, details?: string[]): Outcome => ({ result: 'FAIL', evidence, details });
export const notApplicable = (evidence: string): Outcome => ({ result: 'N/A', evidence });

/** PASS when every named condition holds; otherwise FAIL naming the ones that did not. */
export function verdict(conditions: Array<[string, boolean]>, passEvidence: string, details?: string[]): Outcome {
  const failed = conditions.filter(([, ok]) => !ok).map(([what]) => what);
  return failed.length === 0 ? pass(passEvidence) : fail(`not met: ${failed.join('; ')}`, details);
}
