/**
 * Lightning core for the ES5 device build. The stock `lightning.es5.min.js` still contains `const`,
 * and transpiling that already-minified file leaves babel's helpers unminified (423 KB). Instead: the
 * ES2015+ source `dist/lightning.js` → babel to ES5 (legacy targets) → terser, keeping constructor
 * names as the stock build does (Lightning prints `constructor.name` in its errors and `toJSON`).
 */
import { transformSync } from '@babel/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { NODE_MODULES } from './paths';
import { LEGACY_TARGETS } from './polyfills';

export const CORE_SOURCE = join(NODE_MODULES, '@lightningjs', 'core', 'dist', 'lightning.js');
export const CORE_STOCK_ES5 = join(NODE_MODULES, '@lightningjs', 'core', 'dist', 'lightning.es5.min.js');

/** ES5, minified; the licence banner of the source is kept. */
export async function buildCoreEs5(source: string = readFileSync(CORE_SOURCE, 'utf8')): Promise<string> {
  const banner = /^\/\*[\s\S]*?\*\//.exec(source)?.[0];
  const es5 = transformSync(source, {
    babelrc: false,
    configFile: false,
    sourceType: 'script',
    comments: false,
    presets: [
      [require.resolve('@babel/preset-env'), { targets: LEGACY_TARGETS, forceAllTransforms: true, modules: false }],
    ],
  });
  if (!es5 || typeof es5.code !== 'string') throw new Error('babel produced no output for Lightning core');
  const out = await minify(es5.code, {
    ecma: 5,
    // Class-like (capitalised) function names survive, as with the stock keep_fnames build.
    keep_fnames: /^[A-Z]/,
    compress: { passes: 2 },
    format: { comments: false },
  });
  if (typeof out.code !== 'string') throw new Error('terser produced no output for Lightning core');
  return (banner ? banner + '\n' : '') + out.code;
}
