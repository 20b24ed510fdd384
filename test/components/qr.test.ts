import { TextEncoder as NodeTextEncoder } from 'util';
// jsdom has no TextEncoder (the qrcode package needs it; TV engines have it).
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder: NodeTextEncoder });
import { Lightning } from '@lightningjs/sdk';
import { drawQr, qrMatrix } from '../../src/components/qr/matrix';
import { QrCode } from '../../src/components/qr/QrCode';

const URL_WITH_CODE = 'http://localhost:4030/?code=ABC1234';

describe('QR matrix', () => {
  it('encodes the activation URL into a square matrix with finder patterns', () => {
    const m = qrMatrix(URL_WITH_CODE);
    expect(m.size).toBeGreaterThanOrEqual(21);
    expect((m.size - 17) % 4).toBe(0); // QR versions: 17 + 4v modules
    // Finder pattern corners are dark, the separator next to them light.
    expect(m.isDark(0, 0)).toBe(true);
    expect(m.isDark(0, m.size - 1)).toBe(true);
    expect(m.isDark(m.size - 1, 0)).toBe(true);
    expect(m.isDark(7, 7)).toBe(false);
  });

  it('changes when the code changes', () => {
    const a = qrMatrix(URL_WITH_CODE);
    const b = qrMatrix('http://localhost:4030/?code=XYZ9876');
    let diff = 0;
    for (let r = 0; r < a.size; r++) for (let c = 0; c < a.size; c++) if (a.isDark(r, c) !== b.isDark(r, c)) diff++;
    expect(diff).toBeGreaterThan(10);
  });

  it('draws one white background plus one rect per dark module, inside a 4-module quiet zone', () => {
    const m = qrMatrix(URL_WITH_CODE);
    let dark = 0;
    for (let r = 0; r < m.size; r++) for (let c = 0; c < m.size; c++) if (m.isDark(r, c)) dark++;
    const rects: Array<[string, number, number, number, number]> = [];
    let fill = '';
    const ctx = {
      set fillStyle(v: string) {
        fill = v;
      },
      fillRect: (x: number, y: number, w: number, h: number) => rects.push([fill, x, y, w, h]),
    } as unknown as CanvasRenderingContext2D;
    const side = drawQr(ctx, m, 400);
    const px = side / (m.size + 8);
    expect(Number.isInteger(px)).toBe(true);
    expect(rects[0]).toEqual(['#ffffff', 0, 0, side, side]);
    const modules = rects.slice(1);
    expect(modules).toHaveLength(dark);
    expect(
      modules.every(([f, x, y, w]) => f === '#000000' && w === px && x >= 4 * px && y >= 4 * px && x < side - 4 * px),
    ).toBe(true);
  });
});

describe('QrCode component', () => {
  it('builds a canvas texture whose factory draws the current code', () => {
    class A extends Lightning.Application {
      static override _template() {
        return { Qr: { type: QrCode, size: 400 } } as never;
      }
    }
    const app = new A({
      stage: { w: 1920, h: 1080, canvas2d: true, autostart: false, useImageWorker: false },
    } as never);
    const qr = app.tag('Qr' as never) as unknown as QrCode;
    qr.content = URL_WITH_CODE;
    expect(qr.modules).toBe(qrMatrix(URL_WITH_CODE).size);
    const tex = qr.tag('Code')!.texture as unknown as {
      _factory: (cb: (e: unknown, c?: HTMLCanvasElement) => void) => void;
      _lookupId: string;
    };
    expect(tex._lookupId).toContain(URL_WITH_CODE);
    let canvas: HTMLCanvasElement | undefined;
    tex._factory((_e, c) => (canvas = c));
    expect(canvas?.width).toBe((qr.modules + 8) * Math.floor(400 / (qr.modules + 8)));
    app.destroy();
  });
});
