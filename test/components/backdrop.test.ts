/** The page background: one opaque quad whose corner colours are the glow composited over the theme colour. */
import { backdrop, over } from '../../src/components/Backdrop';
import { COLORS } from '../../src/theme';

describe('over (ARGB compositing onto an opaque colour)', () => {
  it('a transparent top leaves the base, an opaque one replaces it, half alpha mixes half and half', () => {
    expect(over(0x00ffffff, 0xff0b1020)).toBe(0xff0b1020);
    expect(over(0xff3d7bff, 0xff0b1020)).toBe(0xff3d7bff);
    expect(over(0x80ffffff, 0xff000000)).toBe(0xff808080);
    // 1/3 of (0x3d, 0x7b, 0xff) + 2/3 of (0x0b, 0x10, 0x20), rounded.
    expect(over(0x553d7bff, 0xff0b1020)).toBe(0xff1c346a);
  });
});

describe('backdrop', () => {
  it('is a single opaque full-screen quad (no translucent layer on top), glowing from the top left', () => {
    const b = backdrop() as Record<string, unknown>;
    expect(Object.keys(b).filter((k) => /^[A-Z]/.test(k))).toEqual([]);
    expect([b.w, b.h, b.rect]).toEqual([1920, 1080, true]);
    for (const corner of ['colorUl', 'colorUr', 'colorBl', 'colorBr']) expect((b[corner] as number) >>> 24).toBe(0xff);
    expect([b.colorUr, b.colorBl, b.colorBr]).toEqual([COLORS.background, COLORS.background, COLORS.background]);
    expect(b.colorUl).not.toBe(COLORS.background);
  });
});
