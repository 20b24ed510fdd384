import { Lightning } from '@lightningjs/sdk';
import { COLORS, FONT_FACE, SCREEN } from '../theme';

/** The accent glow in the top-left corner, over the theme colour (ARGB; its other corners fade to nothing). */
const GLOW_TOP_LEFT = 0x553d7bff;

/** `top` (ARGB, any alpha) composited over the opaque `base`: the colour the eye sees. */
export function over(top: number, base: number): number {
  const a = (top >>> 24) / 255;
  let out = 0xff000000;
  for (const shift of [16, 8, 0]) {
    const c = Math.round(((top >>> shift) & 0xff) * a + ((base >>> shift) & 0xff) * (1 - a));
    out += c << shift;
  }
  return out >>> 0;
}

/**
 * Full-bleed page background: the theme colour with a soft accent glow from the top left, drawn as one
 * opaque quad with a colour per corner. A second, translucent quad for the glow gave the same pixels but
 * cost a full-screen blend on every frame: on a software-rendered GPU about 20 ms a frame (issue 17).
 */
export function backdrop(): Lightning.Element.PatchTemplate {
  const glow = over(GLOW_TOP_LEFT, COLORS.background);
  return {
    w: SCREEN.w,
    h: SCREEN.h,
    rect: true,
    colorUl: glow,
    colorUr: COLORS.background,
    colorBl: COLORS.background,
    colorBr: COLORS.background,
  } as Lightning.Element.PatchTemplate;
}

/** The app's wordmark ("Demo" + accent "TV"), drawn as text so it stays crisp at any precision. */
export function wordmark(fontSize: number): Lightning.Element.PatchTemplate {
  return {
    flex: { direction: 'row' },
    Demo: { text: { text: 'Demo', fontFace: FONT_FACE, fontSize, fontStyle: 'bold', textColor: COLORS.text } },
    Tv: { text: { text: 'TV', fontFace: FONT_FACE, fontSize, fontStyle: 'bold', textColor: COLORS.accent } },
  } as Lightning.Element.PatchTemplate;
}
