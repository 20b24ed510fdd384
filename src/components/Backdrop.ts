import { Lightning } from '@lightningjs/sdk';
import { COLORS, FONT_FACE, SCREEN } from '../theme';

/** Full-bleed page background: the theme colour with a soft accent glow from the top left. */
export function backdrop(): Lightning.Element.PatchTemplate {
  return {
    w: SCREEN.w,
    h: SCREEN.h,
    rect: true,
    color: COLORS.background,
    Glow: {
      w: SCREEN.w,
      h: SCREEN.h,
      rect: true,
      colorUl: 0x553d7bff,
      colorUr: 0x00000000,
      colorBl: 0x110b1020,
      colorBr: 0x00000000,
    },
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
