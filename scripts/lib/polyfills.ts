/**
 * Polyfills for the ES5 device build, derived from what the shipped code uses: babel's
 * `useBuiltIns: 'usage'` scan of the app bundle and of Lightning core (ES2015+ sources) against the
 * oldest engine (Chromium 47 = Tizen 2017; WPE 2.22 is newer), plus what the scan cannot see, minus
 * what the scan over-reports (see EXCLUDED: it matches method names, not receivers, and core-js marks
 * a built-in as missing when any corner of the newest spec differs). The entry is bundled by esbuild
 * to one ES5 IIFE.
 */
import { transformSync } from '@babel/core';
import { tokenizer } from 'acorn';
import { build } from 'esbuild';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_MODULES } from './paths';

export const LEGACY_TARGETS = { chrome: '47', safari: '12' };

/** Always included: not detectable by the usage scan or needed by libraries at run time. */
const ALWAYS = [
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
];

/**
 * Modules the usage scan reports that the shipped code cannot reach on the legacy engines, with the
 * reason. Checked against the sources in `excludedModules` where a scan can tell (regular expressions).
 */
export const EXCLUDED: Array<{ re: RegExp; why: string }> = [
  {
    // Matched by method name only (`.map(` → Iterator.prototype.map, `new Set` → Set methods, ...):
    // none is in src/'s TypeScript lib (ES2020) and core, the SDK, axios and qrcode predate them.
    re: /^es\.(iterator\.|set\.[a-z-]+\.v2|map\.get-or-insert|weak-map\.get-or-insert|uint8-array\.|array\.at\.|string\.at-alternative|typed-array\.(at|find-last|find-last-index|to-reversed|to-sorted|with)\.|array-buffer\.(detached|transfer|transfer-to-fixed-length)\.|error\.cause|json\.parse)/,
    why: 'ES2021+ API the code does not call (the scan matches the method name only)',
  },
  {
    re: /^es\.(typed-array|array-buffer)\./,
    why: 'typed arrays are native on Chromium 47; core-js replaces them for iterable constructors and species, which Lightning does not use',
  },
  {
    re: /^es\.array\.(concat|filter|map|slice|splice|push|unshift|index-of|last-index-of|reduce)\./,
    why: 'native on Chromium 47; the polyfill fixes Symbol.species (no Array subclasses here), lengths over 2^32, -0 lookups or a Chromium 80-82 reduce bug',
  },
  {
    re: /^web\.(url\.|url-search-params|immediate|queue-microtask|self|dom-exception\.)/,
    why: 'native URL on Chromium 47 is enough for axios (new URL(url, base).protocol/host/port); axios feature-tests URLSearchParams (Chromium 49; its own fallback), setImmediate and queueMicrotask; src/ reads queries without URLSearchParams (test/scripts/bench-polyfills.test.ts)',
  },
  {
    re: /^es\.promise\.((constructor|all|catch|race|reject|resolve)\.)?js$/,
    why: 'Promise is native on every target (Chromium 32+, Safari 8+); core-js replaces it there only for unhandled-rejection events and V8 < 6.6 subclassing corners. Promise#finally (Chromium 63) stays: es.promise.finally',
  },
  {
    re: /^es\.(object\.define-(getter|setter)|json\.stringify|json\.to-string-tag|math\.to-string-tag|symbol\.description|string\.trim)\./,
    why: 'native on Chromium 47 for what the code does (well-formed JSON.stringify, Symbol#description and U+180E trimming are corner cases it never hits)',
  },
];

/** Regular-expression fixes, excluded only while no shipped regex uses sticky/dotAll flags or named groups. */
const REGEXP_FIXES = /^es\.(regexp\.|string\.(replace|split|match|search)\.)/;

/** Regex literals with features Chromium 47 lacks (y and s flags, named groups, lookbehind, \p{}). */
export function modernRegexps(code: string): string[] {
  const found: string[] = [];
  for (const t of tokenizer(code, { ecmaVersion: 'latest' })) {
    if (t.type.label !== 'regexp') continue;
    const v = (t as unknown as { value: { pattern: string; flags: string } }).value;
    if (/[ys]/.test(v.flags) || /\(\?<|\\p\{/.test(v.pattern)) found.push(`/${v.pattern}/${v.flags}`);
  }
  return found;
}

/**
 * The scan's modules minus EXCLUDED (and the regexp fixes when `sources` have no modern regex), with
 * what was dropped, so the dist log shows it.
 */
export function selectModules(scanned: string[], sources: string[]): { keep: string[]; dropped: string[] } {
  const regexps = sources.flatMap(modernRegexps);
  const keep: string[] = [];
  const dropped: string[] = [];
  for (const id of scanned) {
    const name = id.replace(/^core-js\/modules\//, '');
    const excluded = EXCLUDED.some((e) => e.re.test(name)) || (!regexps.length && REGEXP_FIXES.test(name));
    (excluded ? dropped : keep).push(id);
  }
  return { keep, dropped };
}

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
  /** Scanned modules left out (EXCLUDED / regexp fixes). */
  dropped: string[];
  /** Minified bytes per bundled input file (for `npm run sizes`). */
  bytes: Record<string, number>;
}

/** Build the polyfill IIFE for the given sources (already-built ES2015+ code). */
export async function buildPolyfills(sources: string[]): Promise<PolyfillBundle> {
  const scanned = new Set<string>(ALWAYS);
  for (const src of sources) for (const id of usedCoreJsModules(src)) scanned.add(id);
  const { keep, dropped } = selectModules(Array.from(scanned).sort(), sources);
  // Babel 7.18+ inlines its regenerator helper into each bundle; the global runtime is needed only
  // when some source still refers to it.
  if (sources.some((src) => /\bregeneratorRuntime\b/.test(src))) keep.push('regenerator-runtime/runtime.js');
  const dir = mkdtempSync(join(tmpdir(), 'tve-polyfills-'));
  try {
    const entry = join(dir, 'entry.js');
    writeFileSync(entry, keep.map((id) => `require(${JSON.stringify(id)});`).join('\n') + '\n');
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
      metafile: true,
    });
    const code = result.outputFiles[0]?.text ?? '';
    const bytes: Record<string, number> = {};
    for (const out of Object.values(result.metafile.outputs))
      for (const [input, v] of Object.entries(out.inputs))
        if (v.bytesInOutput) bytes[input.replace(/^.*node_modules\//, '')] = v.bytesInOutput;
    return { code, modules: keep, dropped, bytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
