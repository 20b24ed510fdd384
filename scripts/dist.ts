/**
 * npm run dist: standalone device builds.
 *   dist/es6  modern engines (Chromium >= 80: webOS 22+, Tizen 2022+, desktop)
 *   dist/es5  every shipped .js parses as ES5: Tizen 2017+ (Chromium 47), webOS 4+, WPE 2.22+
 * Steps: lng dist --es5 --es6 (minified, with source maps) → the app bundle rebuilt as an AMD entry plus
 * lazy chunks (js/lazy/, loaded after launch: scripts/lib/split.ts) → Lightning core rebuilt as minified ES5 →
 * replace the SDK's polyfills with core-js modules the shipped code uses → vendor files → source maps
 * moved to dist/maps/ (for `npm run sizes`, never shipped) → ES5 parse check → size table.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { DIST_COMPLETE, DIST_DIR, DIST_MAPS, LNG } from './lib/paths';
import { run } from './lib/run';
import { ensureSdkSupport } from './lib/sdk';
import { copyVendorFiles, moveSourceMaps, setPlatformLog, stripSourceMaps, transpileToEs5 } from './lib/postprocess';
import { buildPolyfills } from './lib/polyfills';
import { buildCoreEs5, CORE_SOURCE, CORE_STOCK_ES5 } from './lib/core';
import { checkEs5, es5Error } from './lib/es5';
import { printSizes } from './sizes';
import { buildSplit, minifiedLoader, rewriteIndexHtml, type Flavour } from './lib/split';
import { listFiles } from './lib/es5';

const ES5 = join(DIST_DIR, 'es5');
const ES6 = join(DIST_DIR, 'es6');

function findOne(dir: string, re: RegExp): string {
  const name = readdirSync(dir).find((f) => re.test(f));
  if (!name) throw new Error(`no file matching ${re} in ${dir}`);
  return join(dir, name);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (text: string) => gzipSync(text, { level: 9 }).length;

/** The CLI's two device builds; source maps on so `npm run sizes` can say what the bundles hold. */
async function lngDist(): Promise<void> {
  await run(LNG, ['dist', '--es5', '--es6'], {
    LNG_AUTO_UPDATE: 'false',
    LNG_BUILD_EXIT_ON_FAIL: 'true',
    LNG_BUILD_MINIFY: 'true',
    LNG_BUILD_SOURCEMAP: 'true',
  });
}

/** The app bundle again, split: what the first screen needs at launch, the rest in js/lazy/. */
async function writeSplitApp(flavour: Flavour, dir: string): Promise<void> {
  const { entry, chunks, deps } = await buildSplit(flavour, join(dir, 'js'));
  const index = join(dir, 'index.html');
  const html = rewriteIndexHtml(readFileSync(index, 'utf8'), flavour, await minifiedLoader(), deps);
  writeFileSync(index, setPlatformLog(html, process.env.TVE_DIST_LOG === '1'));
  console.log(`[dist] ${flavour}: js/${entry} at launch, ${chunks.length} lazy chunk(s): ${chunks.join(', ')}`);
}

/** Every app .js of a flavour (entry and lazy chunks). */
const appFiles = (dir: string): string[] =>
  listFiles(join(dir, 'js'), (f) => /(^|\/)appBundle[^/]*\.js$/.test(f) || f.includes('/lazy/')).filter((f) =>
    f.endsWith('.js'),
  );

/** Lightning core: the stock "es5" file still contains `const`; rebuild it from source as minified ES5. */
async function writeCoreEs5(): Promise<void> {
  const core = findOne(join(ES5, 'js'), /^lightning\.es5(\.min)?\.js$/);
  const code = await buildCoreEs5();
  writeFileSync(core, code);
  const stock = readFileSync(CORE_STOCK_ES5, 'utf8');
  console.log(
    `[dist] ${core.replace(DIST_DIR + '/', 'dist/')}: ES5 from ${CORE_SOURCE.replace(/.*node_modules\//, '')}, ` +
      `${kb(code.length)} / ${kb(gz(code))} gzip (stock lightning.es5.min.js: ${kb(stock.length)} / ${kb(gz(stock))})`,
  );
}

/** Polyfills from what the app bundle (ES2015+ build) and core (ES2015+ source) use on the oldest engine. */
async function writePolyfills(): Promise<string[]> {
  const appEs6 = appFiles(ES6)
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const coreSource = readFileSync(CORE_SOURCE, 'utf8');
  const polyfills = await buildPolyfills([appEs6, coreSource]);
  writeFileSync(join(ES5, 'js', 'polyfills.js'), polyfills.code);
  mkdirSync(join(DIST_MAPS, 'es5'), { recursive: true });
  writeFileSync(
    join(DIST_MAPS, 'es5', 'polyfills.json'),
    JSON.stringify(polyfills, (k, v) => (k === 'code' ? undefined : v), 2),
  );
  console.log(
    `[dist] polyfills.js: ${polyfills.modules.length} modules, ${kb(polyfills.code.length)} / ${kb(gz(polyfills.code))} gzip ` +
      `(${polyfills.dropped.length} scanned modules left out, see scripts/lib/polyfills.ts EXCLUDED)`,
  );
  return polyfills.modules;
}

/** The app bundle is transpiled by the CLI's es5 config; make sure nothing newer slipped in. */
function checkAppEs5(): void {
  for (const file of appFiles(ES5)) {
    const code = readFileSync(file, 'utf8');
    if (es5Error(code)) writeFileSync(file, transpileToEs5(code));
  }
}

async function main(): Promise<void> {
  await ensureSdkSupport();
  // Settings are frozen into index.html only when the folder is created: always start clean.
  rmSync(DIST_DIR, { recursive: true, force: true });
  await lngDist();
  await writeSplitApp('es6', ES6);
  await writeSplitApp('es5', ES5);
  await writeCoreEs5();
  const polyfills = await writePolyfills();
  checkAppEs5();

  for (const [flavour, dir] of [
    ['es5', ES5],
    ['es6', ES6],
  ] as const) {
    copyVendorFiles(dir);
    moveSourceMaps(dir, join(DIST_MAPS, flavour));
    const removed = stripSourceMaps(dir);
    if (removed) console.log(`[dist] removed ${removed} source map(s) from ${dir.replace(DIST_DIR + '/', 'dist/')}`);
  }

  const problems = checkEs5(ES5);
  if (problems.length) {
    for (const p of problems) console.error(`[dist] not ES5: ${p.file}: ${p.message}`);
    throw new Error(`${problems.length} file(s) in dist/es5 do not parse as ES5`);
  }
  console.log('[dist] every .js in dist/es5 parses as ES5');
  // Written last: tests and ensure-builds treat dist/ as complete only when this marker exists.
  writeFileSync(DIST_COMPLETE, JSON.stringify({ builtAt: new Date().toISOString(), polyfills }, null, 2));
  printSizes();
  console.log('\n(`npm run sizes` prints what each bundle holds, from the maps in dist/maps/)');
}

main().catch((e: Error) => {
  console.error(`[dist] ${e.message}`);
  process.exit(1);
});
