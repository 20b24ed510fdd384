/** Post-processing of `lng dist` output: ES5 core, derived polyfills, vendor files, no source maps. */
import { transformSync } from '@babel/core';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { listFiles } from './es5';
import { LEGACY_TARGETS } from './polyfills';
import { NODE_MODULES } from './paths';

/** Lower every remaining ES2015+ construct (core's es5 file still has `const`) to ES5. */
export function transpileToEs5(code: string): string {
  const out = transformSync(code, {
    babelrc: false,
    configFile: false,
    sourceType: 'script',
    compact: true,
    comments: false,
    presets: [
      [require.resolve('@babel/preset-env'), { targets: LEGACY_TARGETS, forceAllTransforms: true, modules: false }],
    ],
  });
  if (!out || typeof out.code !== 'string') throw new Error('babel produced no output');
  return out.code;
}

/** Files the app loads at run time from static/ that come from npm packages. */
export const VENDOR_FILES: Array<{ from: string; to: string }> = [
  // Loaded by src/player/hls.ts on the first play where Media Source Extensions exist. The full build:
  // the light one has no subtitle tracks (closed captions). Ships as ES5.
  { from: join(NODE_MODULES, 'hls.js', 'dist', 'hls.min.js'), to: join('static', 'vendor', 'hls.min.js') },
];

export function copyVendorFiles(targetDir: string): void {
  for (const v of VENDOR_FILES) {
    const dest = join(targetDir, v.to);
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(v.from, dest);
  }
}

/**
 * Move the *.map files of `dir` (the CLI writes them next to the bundles) into `mapsDir`, outside the
 * shipped folder, for `npm run sizes`. Returns the maps moved. The sourceMappingURL comments are left
 * for stripSourceMaps.
 */
export function moveSourceMaps(dir: string, mapsDir: string): number {
  const maps = listFiles(dir, (f) => f.endsWith('.map'));
  mkdirSync(mapsDir, { recursive: true });
  for (const m of maps) renameSync(m, join(mapsDir, basename(m)));
  return maps.length;
}

/** Delete *.map files and their sourceMappingURL comments. Returns the number of maps removed. */
export function stripSourceMaps(dir: string): number {
  const maps = listFiles(dir, (f) => f.endsWith('.map'));
  for (const m of maps) rmSync(m);
  for (const f of listFiles(dir, (p) => p.endsWith('.js') || p.endsWith('.css'))) {
    const text = readFileSync(f, 'utf8');
    const stripped = text
      .replace(/\n?\/\/[#@] sourceMappingURL=[^\n]*\s*$/g, '\n')
      .replace(/\/\*[#@] sourceMappingURL=[^*]*\*\/\s*$/g, '');
    if (stripped !== text) writeFileSync(f, stripped);
  }
  return maps.length;
}

/**
 * The device builds' SDK log switch (`platformSettings.log` in index.html) turned off: the SDK prints a
 * line for every timer, listener, metric and route when it is on, and on a TV nobody reads them while
 * each costs the launch time (more with an inspector attached). The app's own warnings and errors still
 * reach the console (src/lib/log.ts). `on` keeps the SDK's lines (TVE_DIST_LOG=1 npm run dist).
 */
export function setPlatformLog(html: string, on: boolean): string {
  const block = /((?:const|var) platformSettings = \{[^}]*?"log":\s*)(true|false)/;
  if (!block.test(html)) throw new Error('index.html: no `"log"` in the platformSettings the CLI wrote');
  return html.replace(block, (_all, head: string) => `${head}${on}`);
}

export function exists(p: string): boolean {
  return existsSync(p);
}
