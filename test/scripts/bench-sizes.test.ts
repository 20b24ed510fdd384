/** `npm run sizes`' source-map breakdown (scripts/lib/sourcemap-sizes.ts). */
import { breakdown, decodeVlq, groupOf, textBySource } from '../../scripts/lib/sourcemap-sizes';

describe('source-map breakdown', () => {
  it('decodes base64 VLQ segments (signs, continuation digits)', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('gB')).toEqual([16]);
    expect(decodeVlq('D')).toEqual([-1]);
    expect(decodeVlq('CACA')).toEqual([1, 0, 1, 0]);
    expect(() => decodeVlq('A!')).toThrow(/not a base64 VLQ digit/);
    expect(() => decodeVlq('g')).toThrow(/truncated/);
  });

  it('charges each generated segment to its source; columns restart per line, sources do not', () => {
    // line 1: "a" from source 0, "bc" from source 1; line 2: "def" still source 1; "!" unmapped.
    const text = textBySource('abc\ndef!', { sources: ['x.ts', 'y.ts'], mappings: 'AAAA,CCAA;AAAA,G' });
    expect(text.get(0)).toEqual(['a']);
    expect(text.get(1)).toEqual(['bc\n', 'def']);
    expect(text.get(-1)).toEqual(['!']);
  });

  it('groups sources by npm package, SDK plugin and src folder', () => {
    expect(groupOf('../../node_modules/axios/lib/core/Axios.js')).toBe('axios');
    expect(groupOf('node_modules/@lightningjs/sdk/src/Router/utils/router.js')).toBe('@lightningjs/sdk (Router)');
    expect(groupOf('node_modules/@lightningjs/sdk/index.js')).toBe('@lightningjs/sdk');
    expect(groupOf('../../../src/pages/Catalog.ts')).toBe('src/pages');
    expect(groupOf('../../../src/index.ts')).toBe('src (top level)');
    expect(groupOf('\u0000rollupPluginBabelHelpers.js')).toBe('(bundler helpers)');
  });

  it('the groups add up to the whole bundle', () => {
    const code = 'var a=1;\nvar b=2;var c=3;';
    const rows = breakdown(code, {
      sources: ['../src/pages/A.ts', 'node_modules/qrcode/lib/x.js'],
      mappings: 'AAAA;AAAA,QCAA',
    });
    expect(rows.reduce((n, r) => n + r.raw, 0)).toBe(Buffer.byteLength(code));
    expect(rows.map((r) => r.group)).toEqual(['src/pages', 'qrcode']);
    expect(rows[0]).toMatchObject({ raw: 17, files: 1 });
  });
});
