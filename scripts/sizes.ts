/**
 * Shipped sizes of dist/es5 and dist/es6 (raw and gzip -9), as Markdown tables, then what each app
 * bundle holds (per npm package / per src folder, from the source maps `npm run dist` keeps in
 * dist/maps/, outside the shipped folders) and the heaviest polyfill modules.
 * Usage: npm run sizes  (after npm run dist)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST_DIR, DIST_MAPS } from './lib/paths';
import { listFiles } from './lib/es5';
import { loadedAtLaunch } from './lib/launch';
import { breakdown, type SourceMapLike } from './lib/sourcemap-sizes';

export interface SizeRow {
  file: string;
  raw: number;
  gzip: number;
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

export function measure(
  dir: string,
  test: (f: string) => boolean = (f) => f.endsWith('.js') || f.endsWith('.html'),
): SizeRow[] {
  return listFiles(dir, test).map((f) => {
    const buf = readFileSync(f);
    return { file: relative(DIST_DIR, f), raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
}

export function sizesTable(): string {
  const lines = ['| File | Raw | Gzip |', '|---|---:|---:|'];
  for (const flavour of ['es5', 'es6']) {
    const dir = join(DIST_DIR, flavour);
    if (!existsSync(dir)) continue;
    const rows = measure(dir);
    for (const r of rows) lines.push(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
    const launch = rows.filter((r) => loadedAtLaunch(r.file));
    const total = launch.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
    lines.push(
      `| **${flavour} total loaded at launch** (excl. static/, js/lazy/) | **${kb(total.raw)}** | **${kb(total.gzip)}** |`,
    );
  }
  return lines.join('\n');
}

/** The app bundle of `flavour` by package / src folder, from dist/maps/<flavour>/ (null without maps). */
export function bundleBreakdownTable(flavour: 'es5' | 'es6'): string | null {
  const mapsDir = join(DIST_MAPS, flavour);
  const jsDir = join(DIST_DIR, flavour, 'js');
  if (!existsSync(mapsDir) || !existsSync(jsDir)) return null;
  const mapName = readdirSync(mapsDir).find((f) => /^appBundle.*\.js\.map$/.test(f));
  if (!mapName) return null;
  const jsName = mapName.replace(/\.map$/, '');
  if (!existsSync(join(jsDir, jsName))) return null;
  const code = readFileSync(join(jsDir, jsName), 'utf8');
  const map = JSON.parse(readFileSync(join(mapsDir, mapName), 'utf8')) as SourceMapLike;
  const rows = breakdown(code, map);
  const total = Buffer.byteLength(code, 'utf8');
  const lines = [
    `| ${flavour}/js/${jsName}: package or folder | Files | Raw | Share | Gzip alone |`,
    '|---|---:|---:|---:|---:|',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.group} | ${r.files || '–'} | ${kb(r.raw)} | ${((100 * r.raw) / total).toFixed(1)} % | ${kb(r.gzip)} |`,
    );
  lines.push(`| **total** | | **${kb(total)}** | | **${kb(gzipSync(code, { level: 9 }).length)}** |`);
  return lines.join('\n');
}

/** The heaviest core-js modules in dist/es5/js/polyfills.js (sizes recorded by `npm run dist`). */
export function polyfillTable(top = 15): string | null {
  const file = join(DIST_MAPS, 'es5', 'polyfills.json');
  if (!existsSync(file)) return null;
  const info = JSON.parse(readFileSync(file, 'utf8')) as { modules: string[]; bytes: Record<string, number> };
  const rows = Object.entries(info.bytes).sort((a, b) => b[1] - a[1]);
  const lines = [
    `| polyfills.js: ${info.modules.length} entry modules; heaviest inputs | Raw (minified) |`,
    '|---|---:|',
  ];
  for (const [name, bytes] of rows.slice(0, top)) lines.push(`| ${name} | ${kb(bytes)} |`);
  const rest = rows.slice(top).reduce((a, [, b]) => a + b, 0);
  if (rows.length > top) lines.push(`| ${rows.length - top} more | ${kb(rest)} |`);
  return lines.join('\n');
}

export function printSizes(): void {
  console.log('\nShipped sizes (JS and HTML; static/vendor files load on demand):\n');
  console.log(sizesTable());
}

/** Everything `npm run sizes` prints: the shipped table, then what the bundles hold. */
export function printBreakdown(): void {
  printSizes();
  for (const flavour of ['es6', 'es5'] as const) {
    const t = bundleBreakdownTable(flavour);
    console.log(
      t
        ? `\nWhat the ${flavour} app bundle holds (source map; gzip of each group alone, so the column does not add up):\n\n${t}`
        : `\n(no source map for the ${flavour} app bundle in dist/maps/: run \`npm run dist\`)`,
    );
  }
  const p = polyfillTable();
  if (p) console.log(`\n${p}`);
}

if (require.main === module) {
  if (!existsSync(DIST_DIR)) {
    console.error('dist/ is missing: run `npm run dist` first.');
    process.exit(1);
  }
  printBreakdown();
}
