/**
 * Pixel checks on what the compositor shows: colour counts in a box, how much of a box looks like a
 * reference image (histogram overlap), and whether a QR code on screen encodes a given text.
 * PNG decoding comes from pngjs (already a dependency of qrcode; typed here).
 */
import { create as createQr } from 'qrcode';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PNG } = require('pngjs') as { PNG: { sync: { read(buf: Buffer): RawImage } } };

interface RawImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  data: Buffer;
}

export interface Image extends RawImage {
  /** [r, g, b] at (x, y); out-of-range coordinates are clamped. */
  at(x: number, y: number): [number, number, number];
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Rgb = [number, number, number];

export function decodePng(buf: Buffer): Image {
  const img = PNG.sync.read(buf);
  return {
    ...img,
    at: (x, y) => {
      const cx = Math.min(img.width - 1, Math.max(0, Math.round(x)));
      const cy = Math.min(img.height - 1, Math.max(0, Math.round(y)));
      const i = (cy * img.width + cx) * 4;
      return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
    },
  };
}

/** '#c8102e' or 0xffc8102e (Lightning ARGB) → [r, g, b]. */
export function rgb(colour: string | number): Rgb {
  const n = typeof colour === 'number' ? colour & 0xffffff : parseInt(colour.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function clampBox(img: Image, box: Box): Box {
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  const x2 = Math.min(img.width, Math.ceil(box.x + box.w));
  const y2 = Math.min(img.height, Math.ceil(box.y + box.h));
  return { x, y, w: Math.max(0, x2 - x), h: Math.max(0, y2 - y) };
}

export function fullBox(img: Image): Box {
  return { x: 0, y: 0, w: img.width, h: img.height };
}

/** Pixels in `box` within `tolerance` (per channel) of `colour`. */
export function countNear(img: Image, colour: Rgb, box: Box = fullBox(img), tolerance = 24): number {
  const b = clampBox(img, box);
  let n = 0;
  for (let y = b.y; y < b.y + b.h; y++) {
    for (let x = b.x; x < b.x + b.w; x++) {
      const i = (y * img.width + x) * 4;
      if (
        Math.abs(img.data[i]! - colour[0]) <= tolerance &&
        Math.abs(img.data[i + 1]! - colour[1]) <= tolerance &&
        Math.abs(img.data[i + 2]! - colour[2]) <= tolerance
      )
        n++;
    }
  }
  return n;
}

/** Normalised colour histogram (4 bits per channel) of `box`. */
function histogram(img: Image, box: Box): Float64Array {
  const b = clampBox(img, box);
  const h = new Float64Array(4096);
  for (let y = b.y; y < b.y + b.h; y++) {
    for (let x = b.x; x < b.x + b.w; x++) {
      const i = (y * img.width + x) * 4;
      h[((img.data[i]! >> 4) << 8) | ((img.data[i + 1]! >> 4) << 4) | (img.data[i + 2]! >> 4)]! += 1;
    }
  }
  const total = b.w * b.h || 1;
  for (let k = 0; k < h.length; k++) h[k]! /= total;
  return h;
}

/**
 * How much of the colour distribution of `box` in `screen` matches the whole `reference` image
 * (0..1, histogram intersection). A poster drawn into the box scores high; an empty tile or a
 * placeholder of one flat colour scores low.
 */
export function looksLike(screen: Image, box: Box, reference: Image): number {
  const a = histogram(screen, box);
  const b = histogram(reference, fullBox(reference));
  let s = 0;
  for (let k = 0; k < a.length; k++) s += Math.min(a[k]!, b[k]!);
  return s;
}

/** Distinct 4-bit-per-channel colours in `box` (a flat or empty area has very few). */
export function distinctColours(img: Image, box: Box): number {
  const h = histogram(img, box);
  let n = 0;
  for (let k = 0; k < h.length; k++) if (h[k]! > 0.001) n++;
  return n;
}

const luma = (p: Rgb): number => 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2];

/**
 * Find the QR code on screen and compare it, module by module, with the code `text` encodes.
 * Locates the white plate (rows with long runs of white), then the dark modules' bounding box in it,
 * and samples each module's centre. Tries every error-correction level, since the matrix differs by
 * level. Returns the best share of matching modules (1 = identical) and the level that gave it.
 */
export function qrMatch(img: Image, text: string): { match: number; level: string; modules: number } {
  const isWhite = (x: number, y: number): boolean => luma(img.at(x, y)) > 200;
  const isDark = (x: number, y: number): boolean => luma(img.at(x, y)) < 80;
  // Rows that contain a white run of at least 120 px: only the QR plate has such runs.
  let top = -1;
  let bottom = -1;
  let left = img.width;
  let right = -1;
  for (let y = 0; y < img.height; y++) {
    let run = 0;
    for (let x = 0; x < img.width; x++) {
      run = isWhite(x, y) ? run + 1 : 0;
      if (run === 120) {
        if (top < 0) top = y;
        bottom = y;
        left = Math.min(left, x - 119);
      }
      if (run >= 120) right = Math.max(right, x);
    }
  }
  if (top < 0) return { match: 0, level: '-', modules: 0 };
  // Dark bounding box inside the plate = the code itself (finder patterns sit in three corners).
  let dx1 = right;
  let dy1 = bottom;
  let dx2 = left;
  let dy2 = top;
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) {
      if (isDark(x, y)) {
        dx1 = Math.min(dx1, x);
        dy1 = Math.min(dy1, y);
        dx2 = Math.max(dx2, x);
        dy2 = Math.max(dy2, y);
      }
    }
  }
  let best = { match: 0, level: '-', modules: 0 };
  for (const level of ['L', 'M', 'Q', 'H'] as const) {
    const { modules } = createQr(text, { errorCorrectionLevel: level });
    const n = modules.size;
    const step = (dx2 - dx1 + 1) / n;
    const stepY = (dy2 - dy1 + 1) / n;
    let same = 0;
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        const x = dx1 + (c + 0.5) * step;
        const y = dy1 + (r + 0.5) * stepY;
        if (Boolean(modules.get(r, c)) === isDark(x, y)) same++;
      }
    }
    const match = same / (n * n);
    if (match > best.match) best = { match, level, modules: n };
  }
  return best;
}

/** Share of pixels that differ (by more than `tolerance` on any channel) between two shots in `box`. */
export function changedShare(a: Image, b: Image, box: Box, tolerance = 16): number {
  const c = clampBox(a, box);
  let changed = 0;
  for (let y = c.y; y < c.y + c.h; y++) {
    for (let x = c.x; x < c.x + c.w; x++) {
      const i = (y * a.width + x) * 4;
      if (
        Math.abs(a.data[i]! - b.data[i]!) > tolerance ||
        Math.abs(a.data[i + 1]! - b.data[i + 1]!) > tolerance ||
        Math.abs(a.data[i + 2]! - b.data[i + 2]!) > tolerance
      )
        changed++;
    }
  }
  return changed / (c.w * c.h || 1);
}
