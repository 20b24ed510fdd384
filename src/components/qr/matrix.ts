import { create } from 'qrcode/lib/core/qrcode';

/** A QR code as a square boolean module matrix (true = dark). */
export interface QrMatrix {
  size: number;
  isDark(row: number, col: number): boolean;
}

/** Encodes `text` (error correction M: readable from a couch, small enough for long URLs). */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (r, c) => Boolean(modules.get(r, c)) };
}

/**
 * Draws the matrix dark-on-white with a quiet zone of `quiet` modules, each module an integer number
 * of pixels so edges stay sharp. Returns the canvas size used.
 */
export function drawQr(ctx: CanvasRenderingContext2D, m: QrMatrix, targetPx: number, quiet = 4): number {
  const modulesWide = m.size + quiet * 2;
  const px = Math.max(1, Math.floor(targetPx / modulesWide));
  const side = px * modulesWide;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, side, side);
  ctx.fillStyle = '#000000';
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) {
      if (m.isDark(r, c)) ctx.fillRect((c + quiet) * px, (r + quiet) * px, px, px);
    }
  }
  return side;
}
