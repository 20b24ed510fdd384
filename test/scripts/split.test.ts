/**
 * The split device build (scripts/lib/split.ts): the inline AMD loader (scripts/lib/amd-loader.js) run
 * in a small fake browser with chunks in the shape rollup writes (`tveDefine([...], factory)`), the
 * index.html rewrite, and what counts as loaded at launch.
 */
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { es5Error, checkEs5 } from '../../scripts/lib/es5';
import { LOADER_SOURCE, chunkDeps, minifiedLoader, rewriteIndexHtml } from '../../scripts/lib/split';
import { loadedAtLaunch } from '../../scripts/lib/launch';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let BASE = 'http://tv.local/app/index.html?platform=x&ws=ws://h/a';

interface FakeScript {
  src: string;
  onerror?: () => void;
}

/** A document with <script> loading from `files` (URL → source); appended scripts run on flush(). */
function browser(
  files: Record<string, string>,
  loader = readFileSync(LOADER_SOURCE, 'utf8'),
  chunkDeps?: Record<string, string[]>,
) {
  const queue: FakeScript[] = [];
  const requested: string[] = [];
  const doc = {
    currentScript: null as FakeScript | null,
    baseURI: BASE,
    head: {
      appendChild: (s: FakeScript) => {
        requested.push(s.src);
        queue.push(s);
      },
    },
    createElement: (tag: string) => {
      if (tag !== 'a') return {} as FakeScript;
      let href = '';
      return {
        set href(v: string) {
          href = new URL(v, BASE).href;
        },
        get href() {
          return href;
        },
      };
    },
  };
  const win: Record<string, unknown> = { location: { href: BASE }, document: doc };
  win.window = win; // the page's global object, as in a browser
  if (chunkDeps) win.tveChunkDeps = chunkDeps; // what rewriteIndexHtml writes before the loader
  const ctx = createContext(win);
  const run = (src: string) => {
    doc.currentScript = { src };
    try {
      runInContext(files[src]!, ctx);
    } finally {
      doc.currentScript = null;
    }
  };
  runInContext(loader, ctx);
  return {
    win,
    requested,
    run,
    /** Run (or fail) every script appended so far, and those they append. */
    flush() {
      while (queue.length) {
        const s = queue.shift()!;
        if (files[s.src] === undefined) s.onerror?.();
        else run(s.src);
      }
    },
  };
}

const ENTRY = 'http://tv.local/app/js/appBundle.js';
const files: Record<string, string> = {
  [ENTRY]: `tveDefine(['require', 'exports'], function (require, exports) {
    var shared = { n: 41 };
    exports.shared = shared;
    exports.default = function () { return 'app'; };
    exports.open = function (path, ok, fail) { require([path], ok, fail); };
  });`,
  'http://tv.local/app/js/lazy/Page.js': `tveDefine(['exports', '../appBundle.js', './common.js'], function (exports, app, common) {
    exports.Page = 'page:' + (app.shared.n + common.one);
  });`,
  'http://tv.local/app/js/lazy/Other.js': `tveDefine(['exports', './common.js'], function (exports, common) {
    exports.Other = 'other:' + common.one;
  });`,
  'http://tv.local/app/js/lazy/common.js': `tveDefine(['exports'], function (exports) { exports.one = 1; });`,
};

type Entry = { default(): string; open(p: string, ok: (m: unknown) => void, fail: (e: Error) => void): void };

/** import() `path` through the entry; its module (or error) lands in `got`. */
const openInto = (entry: Entry, path: string, got: unknown[]): void =>
  entry.open(
    path,
    (m) => got.push(m),
    (e) => got.push(e),
  );

describe('AMD loader (inline in dist/*/index.html)', () => {
  it('is ES5, also minified as it ships', async () => {
    expect(es5Error(readFileSync(LOADER_SOURCE, 'utf8'))).toBeNull();
    const shipped = await minifiedLoader();
    expect(es5Error(shipped)).toBeNull();
    expect(shipped).toMatch(/tveDefine/);
    expect(shipped.length).toBeLessThan(2200); // about 2 KB with the dependency map lookup
    // The minified copy loads chunks like the source.
    const b = browser(files, shipped);
    b.run(ENTRY);
    const got: unknown[] = [];
    openInto((b.win.tveModule as (id: string) => Entry)('./js/appBundle.js'), './lazy/Page.js', got);
    b.flush();
    expect(got).toEqual([{ Page: 'page:42' }]);
  });

  it('runs the entry at once and hands its exports to the bootstrap', () => {
    const b = browser(files);
    b.run(ENTRY);
    const entry = (b.win.tveModule as (id: string) => Entry)('./js/appBundle.js');
    expect(entry.default()).toBe('app');
    expect(b.requested).toEqual([]);
  });

  it("loads a chunk on the entry's import(), with its dependencies once, relative to the chunk", async () => {
    const b = browser(files);
    b.run(ENTRY);
    const entry = (b.win.tveModule as (id: string) => Entry)('./js/appBundle.js');
    const got: unknown[] = [];
    openInto(entry, './lazy/Page.js', got);
    openInto(entry, './lazy/Other.js', got);
    b.flush();
    expect(got).toEqual([{ Page: 'page:42' }, { Other: 'other:1' }]);
    expect(b.requested).toEqual([
      'http://tv.local/app/js/lazy/Page.js',
      'http://tv.local/app/js/lazy/Other.js',
      'http://tv.local/app/js/lazy/common.js',
    ]);
  });

  it("with the build's dependency map, a chunk's own imports are requested with it, not after it has run", () => {
    const b = browser(files, undefined, { './js/lazy/Page.js': ['./js/lazy/common.js'] });
    b.run(ENTRY);
    const entry = (b.win.tveModule as (id: string) => Entry)('./js/appBundle.js');
    const got: unknown[] = [];
    openInto(entry, './lazy/Page.js', got);
    // Nothing has run yet: both scripts are on their way.
    expect(b.requested).toEqual(['http://tv.local/app/js/lazy/Page.js', 'http://tv.local/app/js/lazy/common.js']);
    b.flush();
    expect(got).toEqual([{ Page: 'page:42' }]);
    expect(b.requested).toHaveLength(2); // not requested a second time when Page runs
  });

  it('rejects the import() of a chunk that does not load', () => {
    const b = browser(files);
    b.run(ENTRY);
    const entry = (b.win.tveModule as (id: string) => Entry)('./js/appBundle.js');
    const got: unknown[] = [];
    openInto(entry, './lazy/Missing.js', got);
    b.flush();
    expect(got).toHaveLength(1);
    expect(String(got[0])).toMatch(/Could not load http:\/\/tv\.local\/app\/js\/lazy\/Missing\.js/);
  });
});

describe('AMD loader in a packaged app (file:// URLs, Tizen and webOS)', () => {
  it('resolves chunks and the entry against file:// paths', () => {
    const http = BASE;
    BASE = 'file:///media/apps/tve/index.html';
    try {
      const local: Record<string, string> = {};
      for (const [url, code] of Object.entries(files))
        local[url.replace('http://tv.local/app/', 'file:///media/apps/tve/')] = code;
      const b = browser(local);
      b.run('file:///media/apps/tve/js/appBundle.js');
      const entry = (b.win.tveModule as (id: string) => Entry)('./js/appBundle.js');
      const got: unknown[] = [];
      openInto(entry, './lazy/Page.js', got);
      b.flush();
      expect(got).toEqual([{ Page: 'page:42' }]);
      expect(b.requested).toEqual([
        'file:///media/apps/tve/js/lazy/Page.js',
        'file:///media/apps/tve/js/lazy/common.js',
      ]);
    } finally {
      BASE = http;
    }
  });
});

describe('index.html rewrite', () => {
  const es5 = `<script src="./js/polyfills.js"></script>
        <script src="./js/appBundle.es5.js"></script>
        <script>
            var bundle = window.APP_com_example;
            if (typeof bundle !== 'function') { bundle = bundle.default; }
        </script>`;

  it('puts the loader before the app bundle and takes the entry from it', () => {
    const out = rewriteIndexHtml(es5, 'es5');
    expect(out.indexOf('win.tveDefine = define')).toBeGreaterThan(out.indexOf('polyfills.js'));
    expect(out.indexOf('win.tveDefine = define')).toBeLessThan(out.indexOf('appBundle.es5.js"'));
    expect(out).toContain("var bundle = tveModule('./js/appBundle.es5.js');");
    expect(out).not.toContain('window.APP_com_example');
    const dir = mkdtempSync(join(tmpdir(), 'split-'));
    writeFileSync(join(dir, 'index.html'), out);
    expect(checkEs5(dir)).toEqual([]);
  });

  it('writes the dependency map before the loader', () => {
    const out = rewriteIndexHtml(es5, 'es5', undefined, { './js/lazy/A.js': ['./js/lazy/b.js'] });
    const map = out.indexOf('window.tveChunkDeps = {"./js/lazy/A.js":["./js/lazy/b.js"]};');
    expect(map).toBeGreaterThan(0);
    expect(map).toBeLessThan(out.indexOf('win.tveDefine = define'));
  });

  it('maps each lazy chunk to its lazy imports, transitively, leaving out the entry', () => {
    expect(
      chunkDeps([
        { type: 'chunk', fileName: 'appBundle.js', isEntry: true, imports: [] },
        { type: 'chunk', fileName: 'lazy/Catalog.js', imports: ['appBundle.js', 'lazy/Countdown.js'] },
        { type: 'chunk', fileName: 'lazy/Countdown.js', imports: ['appBundle.js', 'lazy/degraded.js'] },
        { type: 'chunk', fileName: 'lazy/degraded.js', imports: ['appBundle.js'] },
      ]),
    ).toEqual({
      './js/lazy/Catalog.js': ['./js/lazy/Countdown.js', './js/lazy/degraded.js'],
      './js/lazy/Countdown.js': ['./js/lazy/degraded.js'],
    });
  });

  it('refuses a template it does not know', () => {
    expect(() => rewriteIndexHtml(es5.replace('var bundle = window.APP_com_example', 'var b = x'), 'es5')).toThrow(
      /bundle = window/,
    );
    expect(() => rewriteIndexHtml(es5, 'es6')).toThrow(/appBundle\.js/);
  });
});

describe('loaded at launch', () => {
  it('counts JS and HTML except static/ and js/lazy/', () => {
    expect(loadedAtLaunch('es5/js/appBundle.es5.js')).toBe(true);
    expect(loadedAtLaunch('es5/index.html')).toBe(true);
    expect(loadedAtLaunch('es5/js/lazy/Player.es5.js')).toBe(false);
    expect(loadedAtLaunch('/x/dist/es6/static/vendor/hls.min.js')).toBe(false);
    expect(loadedAtLaunch('es6/js/appBundle.js.map')).toBe(false);
  });
});
