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

export interface Finder {
  x: number;
  y: number;
  /** Module size in px. */
  m: number;
  hits: number;
}

/** Runs of equal darkness along a line: [isDark, length][]. */
function runs(len: number, dark: (i: number) => boolean): Array<[boolean, number, number]> {
  const out: Array<[boolean, number, number]> = [];
  let start = 0;
  for (let i = 1; i <= len; i++) {
    if (i === len || dark(i) !== dark(start)) {
      out.push([dark(start), start, i - start]);
      start = i;
    }
  }
  return out;
}

/** dark-light-dark-light-dark runs in proportion 1:1:3:1:1 (a QR finder pattern's cross-section). */
function finderRatio(lengths: number[]): number | null {
  const total = lengths.reduce((a, b) => a + b, 0);
  if (total < 7) return null;
  const m = total / 7;
  const want = [1, 1, 3, 1, 1];
  for (let k = 0; k < 5; k++) if (Math.abs(lengths[k]! - want[k]! * m) > m * 0.6) return null;
  return m;
}

/** Centres of QR finder patterns (row scan, confirmed by a column scan), clustered. */
function findFinders(img: Image, darkAt: (x: number, y: number) => boolean): Finder[] {
  // One pass to a bitmap: the scans below read each pixel several times.
  const bits = new Uint8Array(img.width * img.height);
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) bits[y * img.width + x] = darkAt(x, y) ? 1 : 0;
  const dark = (x: number, y: number): boolean => bits[y * img.width + x] === 1;
  const found: Finder[] = [];
  for (let y = 0; y < img.height; y++) {
    const r = runs(img.width, (x) => dark(x, y));
    if (r.length < 5) continue;
    for (let k = 0; k + 4 < r.length; k++) {
      if (!r[k]![0]) continue;
      const m = finderRatio([r[k]![2], r[k + 1]![2], r[k + 2]![2], r[k + 3]![2], r[k + 4]![2]]);
      if (!m) continue;
      const cx = r[k + 2]![1] + r[k + 2]![2] / 2;
      // Confirm vertically through the centre column.
      const col = runs(img.height, (yy) => dark(Math.round(cx), yy));
      const at = col.findIndex(([, s, l]) => y >= s && y < s + l);
      if (at < 2 || at + 2 >= col.length) continue;
      const mv = finderRatio([col[at - 2]![2], col[at - 1]![2], col[at]![2], col[at + 1]![2], col[at + 2]![2]]);
      if (!mv) continue;
      const cy = col[at]![1] + col[at]![2] / 2;
      const near = found.find((f) => Math.abs(f.x - cx) < 3 * m && Math.abs(f.y - cy) < 3 * m);
      if (near) {
        near.x = (near.x * near.hits + cx) / (near.hits + 1);
        near.y = (near.y * near.hits + cy) / (near.hits + 1);
        near.m = (near.m * near.hits + (m + mv) / 2) / (near.hits + 1);
        near.hits++;
      } else found.push({ x: cx, y: cy, m: (m + mv) / 2, hits: 1 });
    }
  }
  return found.filter((f) => f.hits >= 2);
}

/**
 * The QR's own three finders among the candidates: finder-like runs also turn up in big text (the
 * activation code's glyphs) and in the QR's data, but those are seen on fewer scan lines and at other
 * module sizes. Keep the candidates within 30 % of the most-seen one's module size, the three most seen.
 */
export function qrFinders(found: Finder[]): Finder[] {
  const bySeen = [...found].sort((a, b) => b.hits - a.hits);
  const ref = bySeen[0];
  if (!ref) return [];
  return bySeen.filter((f) => Math.abs(f.m - ref.m) <= 0.3 * ref.m).slice(0, 3);
}

/**
 * Find the QR code on screen by its three finder patterns and compare it, module by module, with the
 * code `text` encodes. Tries every error-correction level, since the matrix differs by level. Returns
 * the best share of matching modules (1 = identical) and the level that gave it.
 */
export function qrMatch(img: Image, text: string): { match: number; level: string; modules: number } {
  const dark = (x: number, y: number): boolean => {
    const i = (y * img.width + x) * 4;
    return 0.299 * img.data[i]! + 0.587 * img.data[i + 1]! + 0.114 * img.data[i + 2]! < 110;
  };
  const finders = qrFinders(findFinders(img, dark));
  const none = { match: 0, level: '-', modules: 0 };
  if (finders.length < 3) return none;
  // Top-left: smallest x+y; top-right: largest x-y; bottom-left: largest y-x.
  const tl = finders.reduce((a, b) => (b.x + b.y < a.x + a.y ? b : a));
  const tr = finders.reduce((a, b) => (b.x - b.y > a.x - a.y ? b : a));
  const bl = finders.reduce((a, b) => (b.y - b.x > a.y - a.x ? b : a));
  if (tl === tr || tl === bl || tr === bl) return none;
  let best = none;
  for (const level of ['L', 'M', 'Q', 'H'] as const) {
    const { modules } = createQr(text, { errorCorrectionLevel: level });
    const n = modules.size;
    // Finder centres sit at module 3.5 from their corners.
    const sx = (tr.x - tl.x) / (n - 7);
    const sy = (bl.y - tl.y) / (n - 7);
    let same = 0;
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        const x = tl.x + (c - 3) * sx;
        const y = tl.y + (r - 3) * sy;
        if (Boolean(modules.get(r, c)) === dark(Math.round(x), Math.round(y))) same++;
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
