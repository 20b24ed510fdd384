/**
 * test-results/bench.json: one entry per figure, `{ ours, baseline, ratio, unit }`, the same keys in
 * every run (quick or full), so CI and the docs read one stable shape. A figure the run could not take
 * is a broken bench, not a missing key: `validateBench` reports it and the bench exits non-zero.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type Unit = 'ms' | 'fps' | 'KB' | 'MB' | 'count';

export interface BenchEntry {
  ours: number;
  baseline: number | null;
  /** ours / baseline (so > 1 is worse for ms/KB/MB/count, better for fps); null without a baseline. */
  ratio: number | null;
  unit: Unit;
}

/** Every figure, in print order. `requests` is a count (the baseline is the cookbook's minimum). */
export const FIGURES = {
  coldLaunch1x: 'ms',
  coldLaunch4x: 'ms',
  warmLaunch1x: 'ms',
  warmLaunch4x: 'ms',
  keyToFrame: 'ms',
  fps720: 'fps',
  p95Frame720: 'ms',
  fps720x4: 'fps',
  p95Frame720x4: 'ms',
  heap: 'MB',
  es5GzipKB: 'KB',
  es6GzipKB: 'KB',
  appBundleKB: 'KB',
  requests: 'count',
} as const satisfies Record<string, Unit>;

export type FigureKey = keyof typeof FIGURES;
export type BenchReport = Record<FigureKey, BenchEntry>;

const round = (n: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

/** One entry; `baseline` null (or not finite/positive) gives a null ratio. */
export function entry(key: FigureKey, ours: number, baseline: number | null): BenchEntry {
  const base = baseline !== null && Number.isFinite(baseline) ? baseline : null;
  return {
    ours: round(ours, 1),
    baseline: base === null ? null : round(base, 1),
    ratio: base !== null && base > 0 && Number.isFinite(ours) ? round(ours / base, 2) : null,
    unit: FIGURES[key],
  };
}

/** Problems with a report: missing or extra keys, non-finite figures, wrong units, ratios that disagree. */
export function validateBench(report: unknown): string[] {
  if (!report || typeof report !== 'object' || Array.isArray(report)) return ['bench.json is not an object'];
  const r = report as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(FIGURES) as FigureKey[]) {
    const e = r[key] as Partial<BenchEntry> | undefined;
    if (!e || typeof e !== 'object') {
      problems.push(`${key}: missing`);
      continue;
    }
    if (typeof e.ours !== 'number' || !Number.isFinite(e.ours) || e.ours < 0)
      problems.push(`${key}: ours is ${String(e.ours)}`);
    if (e.baseline !== null && (typeof e.baseline !== 'number' || !Number.isFinite(e.baseline)))
      problems.push(`${key}: baseline is ${String(e.baseline)}`);
    if (e.ratio !== null && (typeof e.ratio !== 'number' || !Number.isFinite(e.ratio)))
      problems.push(`${key}: ratio is ${String(e.ratio)}`);
    if ((e.baseline === null) !== (e.ratio === null))
      problems.push(`${key}: ratio without a baseline (or the reverse)`);
    if (e.unit !== FIGURES[key]) problems.push(`${key}: unit ${String(e.unit)}, expected ${FIGURES[key]}`);
  }
  for (const key of Object.keys(r)) if (!(key in FIGURES)) problems.push(`${key}: not a bench figure`);
  return problems;
}

/** Writes the report (keys in FIGURES order) and returns the problems found in it (written anyway). */
export function writeBench(file: string, figures: Partial<Record<FigureKey, BenchEntry>>): string[] {
  const ordered: Partial<BenchReport> = {};
  for (const key of Object.keys(FIGURES) as FigureKey[]) if (figures[key]) ordered[key] = figures[key];
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(ordered, null, 2) + '\n');
  return validateBench(ordered);
}
