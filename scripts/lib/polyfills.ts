/**
 * Polyfills for the ES5 device build, derived from what the shipped code uses: babel's
 * `useBuiltIns: 'usage'` scan of the app bundle and of Lightning core (ES2015+ sources) against the
 * oldest engine (Chromium 47 = Tizen 2017; WPE 2.22 is newer), plus what the scan cannot see
 * (URL/URLSearchParams used through axios, regenerator runtime for transpiled async functions).
 * The entry is bundled by esbuild to one ES5 IIFE.
 */
import { transformSync } from '@babel/core';
import { build } from 'esbuild';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_MODULES } from './paths';

export const LEGACY_TARGETS = { chrome: '47', safari: '12' };

/** Always included: not detectable by the usage scan or needed by libraries at run time. */
const ALWAYS = [
  'core-js/modules/es.promise.js',
  'core-js/modules/es.promise.finally.js',
  'core-js/modules/es.symbol.js',
  'core-js/modules/es.symbol.iterator.js',
  'core-js/modules/es.symbol.async-iterator.js',
  'core-js/modules/es.map.js',
  'core-js/modules/es.set.js',
  'core-js/modules/es.weak-map.js',
  'core-js/modules/es.object.assign.js',
  'core-js/modules/es.array.from.js',
  'core-js/modules/es.array.iterator.js',
  'core-js/modules/es.string.iterator.js',
  'core-js/modules/web.dom-collections.iterator.js',
  'core-js/modules/web.url.js',
  'core-js/modules/web.url.to-json.js',
  'core-js/modules/web.url-search-params.js',
  'regenerator-runtime/runtime.js',
];

/** core-js module ids babel would inject for `code` on the legacy targets. */
export function usedCoreJsModules(code: string): string[] {
  const out = transformSync(code, {
    babelrc: false,
    configFile: false,
    compact: false,
    sourceType: 'unambiguous',
    presets: [
      [
        require.resolve('@babel/preset-env'),
        {
          targets: LEGACY_TARGETS,
          useBuiltIns: 'usage',
          corejs: '3.51',
          modules: false,
          exclude: ['transform-regenerator'],
        },
      ],
    ],
  });
  const found = new Set<string>();
  const re = /(?:import|require\()\s*["'](core-js\/modules\/[^"']+)["']/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(out?.code ?? ''))) found.add(m[1] as string);
  // Proposals / esnext modules are not needed for what we ship.
  return Array.from(found)
    .filter((id) => !/\/esnext\./.test(id))
    .sort();
}

export interface PolyfillBundle {
  code: string;
  modules: string[];
}

/** Build the polyfill IIFE for the given sources (already-built ES2015+ code). */
export async function buildPolyfills(sources: string[]): Promise<PolyfillBundle> {
  const modules = new Set<string>(ALWAYS);
  for (const src of sources) for (const id of usedCoreJsModules(src)) modules.add(id);
  const list = Array.from(modules).sort(
    (a, b) => (a.indexOf('regenerator') >= 0 ? 1 : 0) - (b.indexOf('regenerator') >= 0 ? 1 : 0),
  );
  const dir = mkdtempSync(join(tmpdir(), 'tve-polyfills-'));
  try {
    const entry = join(dir, 'entry.js');
    writeFileSync(entry, list.map((id) => `require(${JSON.stringify(id)});`).join('\n') + '\n');
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'iife',
      minify: true,
      target: 'es5',
      platform: 'browser',
      nodePaths: [NODE_MODULES],
      legalComments: 'none',
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    return { code, modules: list };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
