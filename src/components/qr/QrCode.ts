import { Lightning } from '@lightningjs/sdk';
import { drawQr, qrMatrix, type QrMatrix } from './matrix';

/**
 * A QR code drawn on a canvas once per text and uploaded as a Lightning texture (one quad instead of
 * hundreds of rectangles). Dark modules on white with a 4-module quiet zone.
 */
interface Spec extends Lightning.Component.TemplateSpec {
  content: string;
  size: number;
  Code: object;
}

export class QrCode extends Lightning.Component<Spec> implements Lightning.Component.ImplementTemplateSpec<Spec> {
  private _text = '';
  private _size = 320;
  private _matrix?: QrMatrix;

  static override _template(): Lightning.Component.Template<Spec> {
    return { Code: {} };
  }

  get content(): string {
    return this._text;
  }

  set content(text: string) {
    this._text = text;
    this._render();
  }

  get size(): number {
    return this._size;
  }

  set size(px: number) {
    this._size = px;
    this.w = px;
    this.h = px;
    this._render();
  }

  /** Modules per side of the current code (tests, hooks). */
  get modules(): number {
    return this._matrix?.size ?? 0;
  }

  private _render(): void {
    const code = this.tag('Code');
    if (!code) return;
    if (!this._text) {
      code.texture = null;
      this._matrix = undefined;
      return;
    }
    const matrix = qrMatrix(this._text);
    this._matrix = matrix;
    const target = this._size;
    code.patch({
      w: target,
      h: target,
      texture: {
        type: Lightning.textures.StaticCanvasTexture,
        content: {
          lookupId: `qr:${target}:${this._text}`,
          factory: (cb: (err: Error | null, canvas?: HTMLCanvasElement) => void) => {
            const canvas = document.createElement('canvas');
            // Draw at an integer module size, then let Lightning scale to `target`.
            const side = (matrix.size + 8) * Math.max(1, Math.floor(target / (matrix.size + 8)));
            canvas.width = side;
            canvas.height = side;
            const ctx = canvas.getContext('2d');
            if (!ctx) return cb(new Error('2d canvas unavailable'));
            drawQr(ctx, matrix, side);
            cb(null, canvas);
          },
        },
      },
    });
  }
}
