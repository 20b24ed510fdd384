/**
 * The ES5 build's polyfill selection (scripts/lib/polyfills.ts): the usage scan's over-reports are
 * left out, what the oldest engine lacks and the code calls stays, and src/ keeps away from the
 * built-ins whose polyfills are left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../scripts/lib/es5';
import { buildPolyfills, modernRegexps, selectModules } from '../../scripts/lib/polyfills';

const m = (name: string) => `core-js/modules/${name}.js`;

describe('polyfill selection', () => {
  it('leaves out what the scan over-reports and keeps what Chromium 47 lacks', () => {
    const scanned = [
      'es.iterator.map',
      'es.set.union.v2',
      'es.typed-array.float32-array',
      'es.array.map',
      'es.promise',
      'web.url',
      'web.url-search-params',
      'es.json.parse',
      'es.object.entries',
      'es.object.get-own-property-descriptors',
      'es.promise.finally',
      'es.array.sort',
      'es.symbol',
      'web.dom-collections.for-each',
    ].map(m);
    const { keep, dropped } = selectModules(scanned, ['var a = /x/g;']);
    expect(keep).toEqual(
      [
        'es.object.entries',
        'es.object.get-own-property-descriptors',
        'es.promise.finally',
        'es.array.sort',
        'es.symbol',
        'web.dom-collections.for-each',
      ].map(m),
    );
    expect(dropped).toHaveLength(scanned.length - keep.length);
  });

  it('keeps the regular-expression fixes when a shipped regex needs them', () => {
    const fixes = ['es.regexp.exec', 'es.string.replace', 'es.regexp.sticky'].map(m);
    expect(selectModules(fixes, ['var a = /x/g; "a".replace(a, "");']).keep).toEqual([]);
    expect(selectModules(fixes, ['var a = /(?<year>\\d+)/;']).keep).toEqual(fixes);
    expect(modernRegexps('var a = /x/y, b = /./s, c = /\\p{L}/u, d = /ok/gi;')).toEqual(['/x/y', '/./s', '/\\p{L}/u']);
  });

  it('bundles only what a source needs, and the regenerator runtime only when a source refers to it', async () => {
    const plain = await buildPolyfills(['var e = Object.entries({ a: 1 });']);
    expect(plain.modules).toContain(m('es.object.entries'));
    expect(plain.modules).not.toContain('regenerator-runtime/runtime.js');
    expect(plain.code).toMatch(/entries/);
    const old = await buildPolyfills(['var f = regeneratorRuntime.mark(function f() {});']);
    expect(old.modules).toContain('regenerator-runtime/runtime.js');
  }, 60000);

  it('src/ does not use URLSearchParams (its polyfill is left out: Chromium 47 lacks it)', () => {
    const src = join(__dirname, '..', '..', 'src');
    const users = listFiles(src, (f) => f.endsWith('.ts')).filter((f) =>
      /\bURLSearchParams\s*\(/.test(readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')),
    );
    expect(users).toEqual([]);
  });
});
