/** The two apps the bench drives: ours (dist/es6 against an in-process emulator) and the bare baseline. */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listFiles } from '../../scripts/lib/es5';
import { run } from '../../scripts/lib/run';

export const ROOT = resolve(__dirname, '..', '..');
export const OUR_DIST = join(ROOT, 'dist', 'es6');
export const BASELINE_DIR = join(ROOT, 'bench', 'baseline');
export const BASELINE_DIST = join(BASELINE_DIR, 'dist', 'es6');

/** Ready expressions (evaluated in the page each animation frame). */
export const READY = {
  providers: `window.__tve && window.__tve.route() === 'providers' && /ProviderTile$/.test(window.__tve.focusPath().join('/'))`,
  catalog: `window.__tve && window.__tve.route() === 'catalog' && window.__tve.ready() && window.__tveJourney && window.__tveJourney.titles().length > 0`,
  baseline: `window.__bench && window.__bench.ready()`,
};

const newest = (dir: string) => Math.max(0, ...listFiles(dir, () => true).map((f) => statSync(f).mtimeMs));

/** Our device builds (npm run dist) when missing or older than the sources; the baseline the same way (lng dist). */
export async function ensureBuilds(): Promise<void> {
  if (!existsSync(join(OUR_DIST, 'index.html')) || !existsSync(join(ROOT, 'dist', 'es5', 'index.html'))) {
    console.log('[bench] dist/ missing: npm run dist');
    await run('npm', ['run', 'dist'], {}, ROOT);
  }
  const marker = join(BASELINE_DIST, 'js', 'appBundle.js');
  if (!existsSync(marker) || statSync(marker).mtimeMs < newest(join(BASELINE_DIR, 'src'))) {
    console.log('[bench] building the baseline with the same CLI (lng dist --es6, minified, no source maps)');
    await run(
      join(ROOT, 'node_modules', '.bin', 'lng'),
      ['dist', '--es6'],
      {
        LNG_AUTO_UPDATE: 'false',
        LNG_BUILD_EXIT_ON_FAIL: 'true',
        LNG_BUILD_MINIFY: 'true',
        LNG_BUILD_SOURCEMAP: 'false',
      },
      BASELINE_DIR,
    );
  }
}
