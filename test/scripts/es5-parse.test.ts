/**
 * The device build's contract: every .js under dist/es5 (app bundle, Lightning core, polyfills, vendor
 * files) and every inline script parses as ES5, and no source maps ship. Runs when dist/es5 exists
 * (`npm run dist`; CI builds it before the tests).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkEs5, listFiles } from '../../scripts/lib/es5';

const ES5 = join(__dirname, '..', '..', 'dist', 'es5');
// Written by scripts/dist.ts when it finished: a half-written dist/ (a build running) is not checked.
const haveDist = existsSync(join(ES5, '..', 'dist-complete.json'));

(haveDist ? describe : describe.skip)('dist/es5 (complete `npm run dist` output)', () => {
  it('ships the app bundle, Lightning core and polyfills', () => {
    const names = listFiles(ES5, (f) => f.endsWith('.js')).map((f) => f.slice(ES5.length + 1));
    expect(names).toEqual(expect.arrayContaining(['js/polyfills.js']));
    expect(names.some((n) => /^js\/appBundle.*\.js$/.test(n))).toBe(true);
    expect(names.some((n) => /^js\/lightning\.es5.*\.js$/.test(n))).toBe(true);
  });

  it('every .js file and inline script parses as ES5', () => {
    expect(checkEs5(ES5)).toEqual([]);
  });

  it('ships no source maps', () => {
    expect(listFiles(ES5, (f) => f.endsWith('.map'))).toEqual([]);
  });
});

if (!haveDist) {
  it('dist/es5 is absent: the ES5 parse check was skipped', () => {
    expect(haveDist).toBe(false);
  });
}
