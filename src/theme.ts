/**
 * Design constants shared by every screen. The app is laid out in 1920x1080 coordinates; the SDK scales
 * the stage (precision 2/3) on 720p devices. Text and controls stay inside the 5% overscan-safe area;
 * backgrounds may bleed to the screen edges.
 */

export const SCREEN = { w: 1920, h: 1080 } as const;

/** 5% overscan margin: 96 px left/right, 54 px top/bottom at 1080p. */
export const SAFE = {
  left: 96,
  right: 96,
  top: 54,
  bottom: 54,
  /** Usable box inside the margins. */
  x: 96,
  y: 54,
  w: 1920 - 2 * 96,
  h: 1080 - 2 * 54,
} as const;

/** Colours as Lightning ARGB numbers. High contrast on a dark background. */
export const COLORS = {
  background: 0xff0b1020,
  surface: 0xff1b2238,
  surfaceRaised: 0xff2a3352,
  text: 0xffffffff,
  textMuted: 0xffb8c0d8,
  /** The focus colour: bright, saturated, never used for anything but focus. */
  focus: 0xffffc400,
  focusText: 0xff0b1020,
  accent: 0xff3d7bff,
  error: 0xffff5a5f,
  success: 0xff3ccf8e,
  scrim: 0xcc000000,
  transparent: 0x00000000,
} as const;

/** An opaque ARGB colour as CSS `#rrggbb` (alpha dropped). */
export function cssColor(argb: number): string {
  return '#' + ('00000' + (argb & 0xffffff).toString(16)).slice(-6);
}

/** Font sizes in px at 1080p. Body never below 24 px (secondary text >= 20 px). */
export const FONT_SIZE = {
  caption: 24,
  body: 30,
  button: 32,
  title: 48,
  headline: 64,
  code: 96,
} as const;

/** One font face name used everywhere; mapped to a file in App.getFonts() when one ships. */
export const FONT_FACE = 'sans-serif';

/**
 * The focus style: a 6 px focus-coloured ring, a scale-up and an inverted label. 6 px keeps the ring
 * crisp at precision 2/3 (multiple of 3) and clearly visible from 3 m.
 */
export const FOCUS = {
  ringWidth: 6,
  scale: 1.08,
  radius: 12,
  transition: { duration: 0.15 },
} as const;

/**
 * How far the focus style reaches outside a focused element of width/height `size` (ring + half the
 * scale-up). Place the first/last focusable item this far inside SAFE so its focus stays in the safe area.
 */
export function focusBleed(size: number, scale: number = FOCUS.scale, ring: number = FOCUS.ringWidth): number {
  return Math.ceil(ring + ((scale - 1) * size) / 2);
}

/** Spacing scale. */
export const SPACE = { xs: 8, s: 16, m: 24, l: 40, xl: 64 } as const;

/**
 * A text texture's settings in the app's face: `text: textStyle(FONT_SIZE.body, COLORS.textMuted)`.
 * `extra` adds or overrides settings (fontStyle, wordWrapWidth, maxLines, the text itself...).
 */
export function textStyle<const E extends object = object>(
  fontSize: number,
  textColor: number = COLORS.text,
  extra?: E,
): { text: string; fontFace: string; fontSize: number; textColor: number } & E {
  return { text: '', fontFace: FONT_FACE, fontSize, textColor, ...(extra as E) };
}
