/** The result table (markdown) and the closing lines. */
import type { Check, Outcome } from './checks/types';

export interface Row {
  check: Check;
  outcome: Outcome;
}

const cellText = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function table(rows: Row[]): string {
  const lines = ['| # | MUST/SHOULD | C/S/I | Checklist item | Result | Evidence |', '|---|---|---|---|---|---|'];
  for (const { check, outcome } of rows) {
    lines.push(
      `| ${check.item} | ${check.strength} | ${check.scope} | ${cellText(check.title)} | ${outcome.result} | ${cellText(outcome.evidence)} |`,
    );
  }
  return lines.join('\n');
}

export function failureDetails(rows: Row[]): string {
  const out: string[] = [];
  for (const { check, outcome } of rows) {
    if (outcome.result !== 'FAIL') continue;
    out.push(`FAIL ${check.item} — ${check.title}: ${outcome.evidence}`);
    for (const d of (outcome.details ?? []).slice(0, 12)) out.push(`    ${d}`);
  }
  return out.join('\n');
}

export function totals(rows: Row[]): { passed: number; failed: number; na: number } {
  return {
    passed: rows.filter((r) => r.outcome.result === 'PASS').length,
    failed: rows.filter((r) => r.outcome.result === 'FAIL').length,
    na: rows.filter((r) => r.outcome.result === 'N/A').length,
  };
}
