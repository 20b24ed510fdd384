/**
 * test-results/bench.json's writer: every figure the issue names, `{ ours, baseline, ratio, unit }`,
 * and a run that lost a figure is reported (the bench then exits 1, which is what fails CI).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIGURES, entry, validateBench, writeBench, type BenchEntry, type FigureKey } from '../../bench/lib/report';

const KEYS = [
  'coldLaunch1x',
  'coldLaunch4x',
  'warmLaunch1x',
  'warmLaunch4x',
  'keyToFrame',
  'fps720',
  'p95Frame720',
  'fps720x4',
  'p95Frame720x4',
  'heap',
  'es5GzipKB',
  'es6GzipKB',
  'appBundleKB',
  'requests',
];

function full(): Record<FigureKey, BenchEntry> {
  const out = {} as Record<FigureKey, BenchEntry>;
  for (const key of Object.keys(FIGURES) as FigureKey[]) out[key] = entry(key, 10, key === 'es5GzipKB' ? null : 8);
  return out;
}

describe('bench.json', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tve-bench-json-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names exactly the figures of issue 17, with their units', () => {
    expect(Object.keys(FIGURES)).toEqual(KEYS);
    expect(FIGURES.fps720).toBe('fps');
    expect(FIGURES.heap).toBe('MB');
    expect(FIGURES.es5GzipKB).toBe('KB');
    expect(FIGURES.coldLaunch4x).toBe('ms');
  });

  it('an entry carries ours, baseline, ratio = ours / baseline and the unit', () => {
    expect(entry('coldLaunch1x', 1241.26, 349)).toEqual({ ours: 1241.3, baseline: 349, ratio: 3.56, unit: 'ms' });
    expect(entry('fps720', 31, 38)).toEqual({ ours: 31, baseline: 38, ratio: 0.82, unit: 'fps' });
  });

  it('no baseline (or an unusable one) means a null ratio, never Infinity or NaN', () => {
    expect(entry('es5GzipKB', 249, null)).toEqual({ ours: 249, baseline: null, ratio: null, unit: 'KB' });
    expect(entry('heap', 5, NaN)).toMatchObject({ baseline: null, ratio: null });
    expect(entry('heap', 5, 0)).toMatchObject({ baseline: 0, ratio: null });
  });

  it('writes every figure in a fixed order and finds nothing wrong with a complete run', () => {
    const file = join(dir, 'nested', 'bench.json');
    const shuffled = Object.fromEntries(Object.entries(full()).reverse());
    expect(writeBench(file, shuffled)).toEqual([]);
    const written = JSON.parse(readFileSync(file, 'utf8')) as Record<string, BenchEntry>;
    expect(Object.keys(written)).toEqual(KEYS);
    for (const key of KEYS) expect(Object.keys(written[key]!).sort()).toEqual(['baseline', 'ours', 'ratio', 'unit']);
  });

  it('a run that lost figures still writes what it has, and says which are missing', () => {
    const partial: Partial<Record<FigureKey, BenchEntry>> = full();
    delete partial.fps720x4;
    delete partial.requests;
    const file = join(dir, 'bench.json');
    expect(writeBench(file, partial)).toEqual(['fps720x4: missing', 'requests: missing']);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)).toHaveLength(KEYS.length - 2);
  });

  it('spots figures that are not numbers, wrong units, unknown keys and ratios without a baseline', () => {
    const bad = full() as Record<string, unknown>;
    bad.keyToFrame = { ours: NaN, baseline: 50, ratio: 1, unit: 'ms' };
    bad.heap = { ours: 5, baseline: 3, ratio: 1.7, unit: 'KB' };
    bad.es5GzipKB = { ours: 200, baseline: null, ratio: 2, unit: 'KB' };
    bad.extra = entry('heap', 1, 1);
    expect(validateBench(bad)).toEqual([
      'keyToFrame: ours is NaN',
      'heap: unit KB, expected MB',
      'es5GzipKB: ratio without a baseline (or the reverse)',
      'extra: not a bench figure',
    ]);
    expect(validateBench(null)).toEqual(['bench.json is not an object']);
    expect(validateBench([])).toEqual(['bench.json is not an object']);
  });
});
