/**
 * npm run dist: standalone device builds.
 *   dist/es6  modern engines (Chromium >= 80: webOS 22+, Tizen 2022+, desktop)
 *   dist/es5  every shipped .js parses as ES5: Tizen 2017+ (Chromium 47), webOS 4+, WPE 2.22+
 * Steps: lng dist --es5 --es6 (minified, no source maps) → transpile Lightning core to ES5 →
 * replace the SDK's polyfills with core-js modules the shipped code uses → vendor files → strip maps →
 * ES5 parse check → size table.
 */
import { readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_COMPLETE, DIST_DIR, LNG, NODE_MODULES } from './lib/paths';
import { run } from './lib/run';
import { ensureSdkSupport } from './lib/sdk';
import { copyVendorFiles, stripSourceMaps, transpileToEs5 } from './lib/postprocess';
import { buildPolyfills } from './lib/polyfills';
import { checkEs5, es5Error } from './lib/es5';
import { printSizes } from './sizes';

const ES5 = join(DIST_DIR, 'es5');
const ES6 = join(DIST_DIR, 'es6');

function findOne(dir: string, re: RegExp): string {
  const name = readdirSync(dir).find((f) => re.test(f));
  if (!name) throw new Error(`no file matching ${re} in ${dir}`);
  return join(dir, name);
}

async function main(): Promise<void> {
  await ensureSdkSupport();
  // Settings are frozen into index.html only when the folder is created: always start clean.
  rmSync(DIST_DIR, { recursive: true, force: true });
  await run(LNG, ['dist', '--es5', '--es6'], {
    LNG_AUTO_UPDATE: 'false',
    LNG_BUILD_EXIT_ON_FAIL: 'true',
    LNG_BUILD_MINIFY: 'true',
    LNG_BUILD_SOURCEMAP: 'false',
  });

  // Lightning core: its prebuilt "es5" file still contains `const`.
  const core = findOne(join(ES5, 'js'), /^lightning\.es5(\.min)?\.js$/);
  const coreEs5 = transpileToEs5(readFileSync(core, 'utf8'));
  writeFileSync(core, coreEs5);
  console.log(`[dist] transpiled ${core.replace(DIST_DIR + '/', 'dist/')} to ES5`);

  // Polyfills from what the app bundle (ES2015+ build) and core (ES2015+ source) use.
  const appEs6 = readFileSync(findOne(join(ES6, 'js'), /^appBundle.*\.js$/), 'utf8');
  const coreSource = readFileSync(join(NODE_MODULES, '@lightningjs', 'core', 'dist', 'lightning.js'), 'utf8');
  const polyfills = await buildPolyfills([appEs6, coreSource]);
  writeFileSync(join(ES5, 'js', 'polyfills.js'), polyfills.code);
  console.log(`[dist] polyfills.js: ${polyfills.modules.length} modules`);

  // The app bundle is transpiled by the CLI's es5 config; make sure nothing newer slipped in.
  const appEs5File = findOne(join(ES5, 'js'), /^appBundle.*\.js$/);
  const appEs5 = readFileSync(appEs5File, 'utf8');
  if (es5Error(appEs5)) writeFileSync(appEs5File, transpileToEs5(appEs5));

  for (const dir of [ES5, ES6]) {
    copyVendorFiles(dir);
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
  writeFileSync(DIST_COMPLETE, JSON.stringify({ builtAt: new Date().toISOString(), polyfills: polyfills.modules }, null, 2));
  printSizes();
}

main().catch((e: Error) => {
  console.error(`[dist] ${e.message}`);
  process.exit(1);
});
