import { Lightning } from '@lightningjs/sdk';
import { COLORS, FOCUS } from '../theme';

/** Rounded rectangle fill (canvas texture; cached by Lightning per size/colour). */
export function roundFill(w: number, h: number, color: number, radius: number = FOCUS.radius) {
  return Lightning.Tools.getRoundRect(w, h, radius, 0, 0, true, color);
}

/** The focus ring drawn around a focused element: `ringWidth` outside its w×h box. */
export function focusRing(w: number, h: number) {
  const r = FOCUS.ringWidth;
  return Lightning.Tools.getRoundRect(w + 2 * r, h + 2 * r, FOCUS.radius + r, r, COLORS.focus, false, 0);
}
