/**
 * One table row per checklist item: for the items whose behaviour lives in the TV's pages, the
 * flows-level check (Node) and the TV check (Chromium) must both hold.
 */
import type { Check, Outcome } from '../checks/types';
import { guard } from '../checks/util';
import { TV_CHECKS } from './checks';
import type { TvPhase } from './phase';

/** `off`: the run was told to skip the TV phase; `{ error }`: the phase could not run. */
export type TvRun = TvPhase | 'off' | { error: string };

export const TV_ITEMS = Object.keys(TV_CHECKS).map(Number);

function tvOutcome(item: number, tv: TvRun): Outcome | undefined {
  const grade = TV_CHECKS[item];
  if (!grade) return undefined;
  if (tv === 'off') return { result: 'N/A', evidence: 'not graded: the TV phase was skipped (--no-tv)' };
  if ('error' in tv) return { result: 'FAIL', evidence: `the TV phase could not run: ${tv.error}` };
  return guard(() => grade(tv));
}

const tag = (o: Outcome) => (o.result === 'FAIL' ? 'FAIL — ' : '');

/** Both parts must hold; N/A from a skipped TV phase turns a flows PASS into N/A (not graded where it lives). */
export function combine(check: Check, flows: Outcome, tv: TvRun): Outcome {
  const t = tvOutcome(check.item, tv);
  if (!t) return flows;
  const result =
    flows.result === 'FAIL' || t.result === 'FAIL'
      ? 'FAIL'
      : t.result === 'N/A' || flows.result === 'N/A'
        ? 'N/A'
        : 'PASS';
  const tvLabel = tv !== 'off' && !('error' in tv) ? 'TV (Chromium)' : 'TV';
  return {
    result: t.result === 'PASS' && flows.result === 'N/A' ? 'PASS' : result,
    evidence: `flows (Node): ${tag(flows)}${flows.evidence} · ${tvLabel}: ${tag(t)}${t.evidence}`,
    details: [...(flows.details ?? []), ...(t.details ?? []).map((d) => `TV ${d}`)],
  };
}

/** `--tv-only`: the TV part alone, for the items it grades. */
export function tvOnly(check: Check, tv: TvRun): Outcome | undefined {
  return tvOutcome(check.item, tv);
}
