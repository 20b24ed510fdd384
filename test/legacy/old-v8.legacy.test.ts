/**
 * Legacy lane, part 1: a real old engine. Every .js of dist/es5 (and of dist/packages/* when present),
 * plus the inline scripts of their .html files, compiled by Node 5.12's V8 4.6 (≈ Chromium 47, Tizen
 * 2017) with eager compilation; then the polyfills bundle EXECUTED there against a minimal window, and
 * each polyfilled feature probed. acorn's ES5 parse (npm run dist) checks the grammar; this checks what
 * an engine of that age actually accepts and runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { listFiles } from '../../scripts/lib/es5';
import { DIST_COMPLETE, DIST_DIR, ROOT } from '../../scripts/lib/paths';
import { ensureLegacyNode } from '../../scripts/legacy-node';
import { probesFor, type Probe } from './probes';
import { shippedNames } from './tokens';

const CHECK = join(__dirname, 'old-v8', 'check.js');

interface CompileResult {
  engine: string;
  results: Array<{ file: string; ok: boolean; error?: string }>;
}
interface PolyfillResult {
  engine: string;
  executed: boolean;
  error?: string;
  probes?: number;
  failed?: Probe[];
}

/** Folders whose scripts a TV loads: dist/es5 and each unpacked platform package. */
function shippedDirs(): string[] {
  const dirs = [join(DIST_DIR, 'es5')];
  const packages = join(DIST_DIR, 'packages');
  if (existsSync(packages)) dirs.push(packages);
  return dirs;
}

describe('legacy engine: Node 5.12 / V8 4.6 (≈ Chromium 47)', () => {
  let node: string;
  let scratch: string;

  beforeAll(() => {
    if (!existsSync(DIST_COMPLETE)) throw new Error('dist/ is missing or incomplete: run `npm run dist` first.');
    node = ensureLegacyNode((l) => console.log(l));
    scratch = mkdtempSync(join(tmpdir(), 'tve-legacy-'));
  });
  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('compiles every shipped script (files and inline <script> blocks)', () => {
    const files: string[] = [];
    for (const dir of shippedDirs()) {
      files.push(...listFiles(dir, (f) => f.endsWith('.js')));
      for (const html of listFiles(dir, (f) => f.endsWith('.html'))) {
        const re = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
        let m: RegExpExecArray | null;
        let n = 0;
        while ((m = re.exec(readFileSync(html, 'utf8')))) {
          const out = join(scratch, `${relative(ROOT, html).replace(/[\\/]/g, '_')}.inline${++n}.js`);
          writeFileSync(out, m[1] ?? '');
          files.push(out);
        }
      }
    }
    expect(files.length).toBeGreaterThan(3);
    const out = JSON.parse(
      execFileSync(node, ['--nolazy', CHECK, 'compile', ...files], { encoding: 'utf8', maxBuffer: 1 << 24 }),
    ) as CompileResult;
    const failed = out.results.filter((r) => !r.ok).map((r) => `${relative(ROOT, r.file)}: ${r.error}`);
    console.log(
      `[legacy] ${out.engine} compiled ${out.results.length - failed.length}/${out.results.length} scripts:\n  ` +
        out.results.map((r) => relative(ROOT, r.file).replace(relative(ROOT, scratch), '<inline>')).join('\n  '),
    );
    expect(failed).toEqual([]);
  });

  it('executes the polyfills bundle and every polyfilled feature is there afterwards', () => {
    const { polyfills } = JSON.parse(readFileSync(DIST_COMPLETE, 'utf8')) as { polyfills: string[] };
    const { probes, unnamed, unused } = probesFor(polyfills, shippedNames());
    const probesFile = join(scratch, 'probes.json');
    writeFileSync(probesFile, JSON.stringify(probes));
    const bundle = join(DIST_DIR, 'es5', 'js', 'polyfills.js');
    const out = JSON.parse(
      execFileSync(node, [CHECK, 'polyfills', bundle, probesFile], { encoding: 'utf8', maxBuffer: 1 << 24 }),
    ) as PolyfillResult;
    if (!out.executed) throw new Error(`polyfills.js threw on ${out.engine}: ${out.error}`);
    console.log(
      `[legacy] polyfills.js ran on ${out.engine}: ${out.probes! - out.failed!.length}/${out.probes} feature probes ` +
        `true; not probed: ${unnamed.length} modules with no name to probe, ${unused.length} whose name the ` +
        `code never uses (${unused.map((m) => m.replace(/^core-js\/modules\/|\.js$/g, '')).join(', ')})`,
    );
    expect(out.failed!.map((p) => `${p.module}: ${p.expr}${p.error ? ` (${p.error})` : ''}`)).toEqual([]);
  });
});
