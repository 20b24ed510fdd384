/**
 * The WPE lane finds the QR code on screen by its finder patterns (test/wpe/pixels.ts). Big text and the
 * QR's own data also make finder-like runs; a CI run failed when one of those, in the activation code's
 * glyphs, was taken for the top-left corner. These are the candidates that screenshot gave.
 */
import { qrFinders, type Finder } from '../wpe/pixels';

const at = (x: number, y: number, m: number, hits: number): Finder => ({ x, y, m, hits });

describe('qrFinders (WPE lane QR check)', () => {
  it("keeps the QR's three finders, not look-alikes in text or in the data", () => {
    const seen = [
      at(266, 270, 14.1, 5), // in the activation code's glyphs
      at(988, 274, 7.2, 22),
      at(1146, 274, 7.1, 22),
      at(1013, 343, 11.4, 7), // in the QR's data
      at(1020, 404, 11.8, 7),
      at(988, 433, 7.3, 21),
    ];
    expect(qrFinders(seen).map((f) => [f.x, f.y])).toEqual([
      [988, 274],
      [1146, 274],
      [988, 433],
    ]);
  });

  it('gives fewer than three when the QR is not there', () => {
    expect(qrFinders([at(266, 270, 14.1, 5)])).toHaveLength(1);
    expect(qrFinders([])).toEqual([]);
  });
});
