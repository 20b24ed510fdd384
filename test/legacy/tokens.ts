/**
 * Identifier-like words in the scripts a TV loads from dist/es5 (app, Lightning core, polyfills excluded,
 * hls.js loaded on demand): the names the code "could use". Used to keep the legacy checks to features
 * that matter — a member whose name never appears cannot be called by name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../scripts/lib/es5';
import { DIST_DIR } from '../../scripts/lib/paths';

export function shippedNames(dir: string = join(DIST_DIR, 'es5')): Set<string> {
  const names = new Set<string>();
  if (!existsSync(dir)) return names;
  for (const file of listFiles(dir, (f) => (f.endsWith('.js') && !/polyfills/.test(f)) || f.endsWith('.html'))) {
    const text = readFileSync(file, 'utf8');
    const re = /[A-Za-z_$][\w$]*/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) names.add(m[0]);
  }
  return names;
}
