/** Renders the fault matrix as a Markdown table (phase rows × fault columns) with a legend. */
import type { FaultDef, Phase } from './cells';

export interface CellResult {
  phase: string;
  fault: string;
  status: 'pass' | 'fail' | 'n/a';
  /** What the phase ended in: `ok`, `ok after …` or the failure kind, plus the request count. */
  summary: string;
  problems: string[];
}

const MARK = { pass: '✓', fail: '✗', 'n/a': 'n/a' } as const;

export function renderMatrix(phases: Phase[], faults: FaultDef[], results: CellResult[]): string {
  const find = (p: string, f: string) => results.find((r) => r.phase === p && r.fault === f);
  const lines = [
    `| phase \\ fault | ${faults.map((f) => f.short).join(' | ')} |`,
    `|---|${faults.map(() => ':-:').join('|')}|`,
  ];
  for (const p of phases)
    lines.push(`| ${p.id} | ${faults.map((f) => MARK[find(p.id, f.id)?.status ?? 'n/a']).join(' | ')} |`);
  const passed = results.filter((r) => r.status === 'pass').length;
  const failed = results.filter((r) => r.status === 'fail').length;
  lines.push('');
  lines.push(
    'Legend: ✓ = no crash, a typed failure with a message (or success), bounded requests, success once the fault clears; ✗ = one of those broke (see below); n/a = the fault cannot reach that phase.',
  );
  lines.push('Columns: ' + faults.map((f) => `**${f.short}** ${f.describe}`).join('; ') + '.');
  const bad = results.filter((r) => r.status === 'fail');
  if (bad.length) {
    lines.push('', 'Failed cells:');
    for (const r of bad) lines.push(`- ${r.phase} × ${r.fault}: ${r.problems.join('; ')} (${r.summary})`);
  }
  lines.push('', `${passed} passed, ${failed} failed`);
  return lines.join('\n');
}

export function renderDetails(results: CellResult[]): string {
  const lines = ['| phase | fault | outcome (requests during the faulty attempt) |', '|---|---|---|'];
  for (const r of results) if (r.status !== 'n/a') lines.push(`| ${r.phase} | ${r.fault} | ${r.summary} |`);
  return lines.join('\n');
}
