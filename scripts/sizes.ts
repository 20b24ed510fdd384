/**
 * Shipped sizes of dist/es5 and dist/es6 (raw and gzip -9), as a Markdown table.
 * Usage: tsx scripts/sizes.ts  (after npm run dist)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST_DIR } from './lib/paths';
import { listFiles } from './lib/es5';

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
    const launch = rows.filter((r) => !r.file.includes('/static/'));
    const total = launch.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
    lines.push(
      `| **${flavour} total loaded at launch** (excl. static/) | **${kb(total.raw)}** | **${kb(total.gzip)}** |`,
    );
  }
  return lines.join('\n');
}

export function printSizes(): void {
  console.log('\nShipped sizes (JS and HTML; static/vendor files load on demand):\n');
  console.log(sizesTable());
}

if (require.main === module) {
  if (!existsSync(DIST_DIR)) {
    console.error('dist/ is missing: run `npm run dist` first.');
    process.exit(1);
  }
  printSizes();
}
