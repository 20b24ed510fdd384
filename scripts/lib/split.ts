/**
 * The split app bundle of `npm run dist`. The Lightning CLI bundles the app as one IIFE (`--file`,
 * `inlineDynamicImports`), so every `import()` in src/ is folded back into appBundle.js. Here the same
 * rollup configuration (the CLI's, with ours merged over it: LNG_CUSTOM_ROLLUP) builds the app again as
 * AMD modules with code splitting: appBundle(.es5).js holds what the entry statically imports, and each
 * `import()` target becomes a chunk under js/lazy/ that loads when the app asks for it (src/routes.ts:
 * the pages the first screen does not need). index.html gets the loader (amd-loader.js) inline.
 * The dev build (`npm run build`) keeps the CLI's single bundle: the dynamic imports are inlined there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_MODULES, ROOT } from './paths';

export type Flavour = 'es5' | 'es6';

/** Folder (under js/) of the chunks loaded after launch; `npm run sizes` leaves it out of launch bytes. */
export const LAZY_DIR = 'lazy';
/** Global names the chunks and the bootstrap use (not `define`: UMD files would take it for AMD). */
export const DEFINE = 'tveDefine';

export const entryFile = (flavour: Flavour): string => (flavour === 'es6' ? 'appBundle.js' : 'appBundle.es5.js');

interface RollupWarning {
  message: string;
  code?: string;
}
interface RollupConfig {
  plugins: unknown[];
  onwarn?: (w: RollupWarning, warn: (w: RollupWarning) => void) => void;
}
interface RollupOutputChunk {
  type: 'chunk' | 'asset';
  fileName: string;
  isEntry?: boolean;
  imports?: string[];
}
interface ModuleInfo {
  importedIds: readonly string[];
}
type GetModuleInfo = (id: string) => ModuleInfo | null;

/**
 * rollup 2 moves modules that the entry and a lazy chunk share into a shared chunk that the entry
 * would then load first (asynchronously). Keep everything the entry imports statically (directly or
 * not) in the entry itself: the lazy chunks import from it, and the bootstrap can run it at once.
 */
export function entryClosure(entry: string): (id: string, api: { getModuleInfo: GetModuleInfo }) => string | undefined {
  let closure: Set<string> | undefined;
  return (id, { getModuleInfo }) => {
    if (!closure) {
      closure = new Set();
      const stack = [entry];
      while (stack.length) {
        const next = stack.pop()!;
        if (closure.has(next)) continue;
        closure.add(next);
        for (const dep of getModuleInfo(next)?.importedIds ?? []) stack.push(dep);
      }
    }
    return closure.has(id) ? 'app' : undefined;
  };
}
interface RollupBuild {
  write(o: Record<string, unknown>): Promise<{ output: RollupOutputChunk[] }>;
  close?(): Promise<void>;
}
type RollupFn = (o: Record<string, unknown>) => Promise<RollupBuild>;

/** The CLI's rollup config for `flavour`, loaded the way `lng dist` loads it (minified, source maps). */
function cliConfig(flavour: Flavour): RollupConfig {
  process.env.LNG_CUSTOM_ROLLUP = 'true';
  process.env.LNG_BUILD_MINIFY = 'true';
  process.env.LNG_BUILD_SOURCEMAP = 'true';
  const file = join(NODE_MODULES, '@lightningjs', 'cli', 'src', 'configs', `rollup.${flavour}.config.js`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as RollupConfig;
}

/**
 * The CLI minifies with `keep_fnames: true`, which keeps every function name — in the es5 build also
 * every transpiled method and regenerator callee. Keep only class-like (capitalised) names, as the
 * Lightning core build does (scripts/lib/core.ts): constructor names are what Lightning's messages and
 * the focus paths of window.__tve show. es5 at launch: −10 KB gzip.
 */
function withClassNamesOnly(plugins: unknown[]): unknown[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { minify } = require(join(NODE_MODULES, 'terser')) as {
    minify(code: string, options: Record<string, unknown>): Promise<{ code?: string; map?: string | object }>;
  };
  const list = plugins.filter(Boolean);
  const at = list.findIndex((p) => (p as { name?: string }).name === 'terser');
  if (at < 0) throw new Error("the CLI's rollup config has no terser plugin");
  // In-process (the CLI's plugin hands its options to worker processes, where a RegExp does not survive).
  const classNamesOnly = {
    name: 'tve-terser',
    async renderChunk(code: string) {
      const out = await minify(code, { keep_fnames: /^[A-Z]/, keep_classnames: /^[A-Z]/, sourceMap: true });
      if (typeof out.code !== 'string') throw new Error('terser produced no output');
      return { code: out.code, map: out.map };
    },
  };
  // In the CLI's place: after babel, before the license banner.
  const kept = list.slice();
  kept.splice(at, 1, classNamesOnly);
  return kept;
}

export interface SplitResult {
  entry: string;
  chunks: string[];
  /** Each lazy chunk's lazy imports, transitively (document-relative URLs): the loader fetches them with it. */
  deps: Record<string, string[]>;
}

/** `./js/<fileName>` for every chunk a lazy chunk imports, directly or not (the entry is already there). */
export function chunkDeps(chunks: RollupOutputChunk[]): Record<string, string[]> {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const url = (fileName: string) => `./js/${fileName}`;
  const out: Record<string, string[]> = {};
  for (const c of chunks) {
    if (c.isEntry) continue;
    const seen = new Set<string>();
    const visit = (name: string): void => {
      for (const dep of byName.get(name)?.imports ?? []) {
        if (seen.has(dep) || byName.get(dep)?.isEntry) continue;
        seen.add(dep);
        visit(dep);
      }
    };
    visit(c.fileName);
    if (seen.size) out[url(c.fileName)] = [...seen].sort().map(url);
  }
  return out;
}

/** Build src/index.ts for `flavour` into `jsDir` as an AMD entry plus lazy chunks. */
export async function buildSplit(flavour: Flavour, jsDir: string): Promise<SplitResult> {
  if (process.cwd() !== ROOT) throw new Error(`run from ${ROOT} (the CLI's config reads the cwd)`);
  const config = cliConfig(flavour);
  const warnings: string[] = [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { rollup } = require(join(NODE_MODULES, 'rollup')) as { rollup: RollupFn };
  const input = join(ROOT, 'src', 'index.ts');
  const bundle = await rollup({
    input,
    // The entry may export more than src/index.ts does (what the lazy chunks import from it); 'strict'
    // would put the app in another chunk behind a facade that loads it first.
    preserveEntrySignatures: 'allow-extension',
    plugins: withClassNamesOnly(config.plugins),
    preserveSymlinks: true,
    onwarn: (w: RollupWarning) =>
      config.onwarn ? config.onwarn(w, (kept) => warnings.push(kept.message)) : warnings.push(w.message),
  });
  const { output } = await bundle.write({
    dir: jsDir,
    format: 'amd',
    amd: { define: DEFINE, forceJsExtensionForImports: true },
    exports: 'named',
    inlineDynamicImports: false,
    entryFileNames: entryFile(flavour),
    manualChunks: entryClosure(input),
    chunkFileNames: `${LAZY_DIR}/[name]${flavour === 'es5' ? '.es5' : ''}.js`,
    sourcemap: true,
  });
  if (bundle.close) await bundle.close();
  // Same rule as LNG_BUILD_FAIL_ON_WARNINGS for the CLI's own build.
  if (warnings.length) throw new Error(`rollup warnings in the ${flavour} split build:\n${warnings.join('\n')}`);
  const chunks = output.filter((o) => o.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry)!;
  // index.html runs the entry right after its <script>: it must not wait for another chunk.
  if (entry.imports?.length) throw new Error(`${entry.fileName} imports ${entry.imports.join(', ')} at load`);
  return {
    entry: entry.fileName,
    chunks: chunks.filter((c) => !c.isEntry).map((c) => c.fileName),
    deps: chunkDeps(chunks),
  };
}

export const LOADER_SOURCE = join(__dirname, 'amd-loader.js');

/** The loader as it ships inline: minified ES5 (about 1.3 KB instead of 4.5 KB). */
export async function minifiedLoader(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { minify } = require(join(NODE_MODULES, 'terser')) as {
    minify(code: string, options: Record<string, unknown>): Promise<{ code?: string }>;
  };
  const out = await minify(readFileSync(LOADER_SOURCE, 'utf8'), { ecma: 5, compress: true, mangle: true });
  if (!out.code) throw new Error('terser returned no code for the loader');
  return out.code + '\n';
}

/**
 * index.html of the CLI's dist template, rewritten for the AMD bundle: the loader inline before the
 * app bundle's <script>, and the bootstrap takes the entry's exports from the loader instead of the
 * IIFE's global (`var bundle = window.<APP_ID>;`).
 */
export function rewriteIndexHtml(
  html: string,
  flavour: Flavour,
  loader = readFileSync(LOADER_SOURCE, 'utf8'),
  deps: Record<string, string[]> = {},
): string {
  const file = entryFile(flavour);
  const tag = `<script src="./js/${file}"></script>`;
  if (!html.includes(tag)) throw new Error(`index.html has no ${tag}`);
  // es5 template: `var bundle = window.APP_x;`, es6 template: `let bundle = window.APP_x`.
  const global = /\b(var|let) bundle = window\.[A-Za-z_$][\w$]*/;
  if (!global.test(html)) throw new Error('index.html: the bootstrap no longer reads `bundle = window.<APP_ID>`');
  const code = `window.tveChunkDeps = ${JSON.stringify(deps)};\n` + loader.replace(/^\s*\/\/.*\n/gm, '');
  return html
    .replace(tag, () => `<script>\n${code}</script>\n        ${tag}`)
    .replace(global, (_all, keyword: string) => `${keyword} bundle = tveModule('./js/${file}')`);
}
