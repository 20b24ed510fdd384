import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkEs5, es5Error } from '../../scripts/lib/es5';
import { setPlatformLog, stripSourceMaps, transpileToEs5 } from '../../scripts/lib/postprocess';
import { usedCoreJsModules } from '../../scripts/lib/polyfills';

describe('device builds: the SDK log switch', () => {
  // The shape the CLI writes into dist/*/index.html (an app setting of the same name must stay as it is).
  const html = [
    'const appSettings = {\n  "log": true,\n  "id": "x"\n}',
    'const platformSettings = {\n  "path": "./static",\n  "log": true,\n  "showVersion": false\n}',
  ].join('\n');

  it('turns platformSettings.log off, and only it', () => {
    const out = setPlatformLog(html, false);
    expect(out).toContain('"path": "./static",\n  "log": false,');
    expect(out).toContain('const appSettings = {\n  "log": true,');
    expect(setPlatformLog(out, true)).toBe(html);
    // The es5 template declares it with var.
    expect(setPlatformLog(html.replace(/const /g, 'var '), false)).toContain('"path": "./static",\n  "log": false,');
  });

  it('fails the build when the CLI no longer writes the switch', () => {
    expect(() => setPlatformLog('const platformSettings = { "path": "./static" }', false)).toThrow(/"log"/);
  });
});

describe('ES5 tooling', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tve-es5-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('es5Error spots ES2015+ syntax and accepts ES5', () => {
    expect(es5Error('var a = function () { return 1; };')).toBeNull();
    expect(es5Error('"use strict"; const a = 1;')).not.toBeNull();
    expect(es5Error('var f = () => 1;')).not.toBeNull();
    expect(es5Error('var o = a?.b;')).not.toBeNull();
  });

  it("transpileToEs5 lowers const/arrows/classes (what core's es5 file still contains)", () => {
    const out = transpileToEs5('"use strict"; const x = [1,2].map((n) => n * 2); class A { m() { return x; } }');
    expect(es5Error(out)).toBeNull();
    expect(out).not.toMatch(/\bconst\b|=>/);
  });

  it('checkEs5 reports files and inline scripts that are not ES5', () => {
    mkdirSync(join(dir, 'js'));
    writeFileSync(join(dir, 'js', 'ok.js'), 'var a = 1;');
    writeFileSync(join(dir, 'js', 'bad.js'), 'let a = 1;');
    writeFileSync(join(dir, 'index.html'), '<script src="js/ok.js"></script><script>var s = `template`;</script>');
    const problems = checkEs5(dir).map((p) => p.file);
    expect(problems).toEqual(['js/bad.js', 'index.html (inline script 1)']);
  });

  it('stripSourceMaps deletes .map files and the sourceMappingURL comments', () => {
    writeFileSync(join(dir, 'a.js'), 'var a = 1;\n//# sourceMappingURL=a.js.map\n');
    writeFileSync(join(dir, 'a.js.map'), '{}');
    expect(stripSourceMaps(dir)).toBe(1);
    expect(existsSync(join(dir, 'a.js.map'))).toBe(false);
    expect(readFileSync(join(dir, 'a.js'), 'utf8')).not.toContain('sourceMappingURL');
  });

  it('the polyfill scan finds what code uses on Chromium 47', () => {
    const mods = usedCoreJsModules(
      'const a = Object.entries({}); [[1]].flatMap((x) => x); "ab".padStart(3); new URLSearchParams("");',
    );
    expect(mods).toEqual(
      expect.arrayContaining([
        'core-js/modules/es.object.entries.js',
        'core-js/modules/es.array.flat-map.js',
        'core-js/modules/es.string.pad-start.js',
      ]),
    );
  });
});
