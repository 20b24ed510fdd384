/**
 * Before the browser tests: make sure build/ and dist/es5 exist and are newer than the sources
 * (src/, static/, settings.json, metadata.json). Rebuilds only what is missing or stale, so CI (which
 * builds first) does not build twice. E2E_REBUILD=1 forces both.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIR, DIST_COMPLETE, ROOT } from './lib/paths';
import { listFiles } from './lib/es5';
import { run } from './lib/run';

function newestSource(): number {
  let newest = 0;
  for (const dir of ['src', 'static']) {
    const p = join(ROOT, dir);
    if (!existsSync(p)) continue;
    for (const f of listFiles(p, () => true)) newest = Math.max(newest, statSync(f).mtimeMs);
  }
  for (const f of ['settings.json', 'metadata.json', 'package-lock.json']) {
    const p = join(ROOT, f);
    if (existsSync(p)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function fresh(marker: string, sources: number): boolean {
  return existsSync(marker) && statSync(marker).mtimeMs >= sources;
}

async function main(): Promise<void> {
  const force = process.env.E2E_REBUILD === '1';
  const sources = newestSource();
  if (force || !fresh(join(BUILD_DIR, 'appBundle.js'), sources)) await run('npm', ['run', 'build']);
  else console.log('[e2e] build/ is up to date');
  if (force || !fresh(DIST_COMPLETE, sources)) await run('npm', ['run', 'dist']);
  else console.log('[e2e] dist/ is up to date');
}

main().catch((e: Error) => {
  console.error(`[e2e] ${e.message}`);
  process.exit(1);
});
