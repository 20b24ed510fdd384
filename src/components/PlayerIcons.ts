import { Lightning } from '@lightningjs/sdk';

/** Play / pause / back glyphs drawn once on small canvases (no icon font, no image files). */
type Glyph = 'play' | 'pause' | 'back';

export function glyph(kind: Glyph, size = 48) {
  return {
    type: Lightning.textures.StaticCanvasTexture,
    content: {
      lookupId: `tve-glyph-${kind}-${size}`,
      factory: (cb: (err: null, canvas: HTMLCanvasElement) => void) => {
        const c = document.createElement('canvas');
        c.width = size;
        c.height = size;
        const ctx = c.getContext('2d');
        if (ctx) {
          ctx.fillStyle = '#ffffff';
          ctx.strokeStyle = '#ffffff';
          const s = size;
          if (kind === 'play') {
            ctx.beginPath();
            ctx.moveTo(s * 0.22, s * 0.12);
            ctx.lineTo(s * 0.88, s * 0.5);
            ctx.lineTo(s * 0.22, s * 0.88);
            ctx.closePath();
            ctx.fill();
          } else if (kind === 'pause') {
            ctx.fillRect(s * 0.2, s * 0.14, s * 0.2, s * 0.72);
            ctx.fillRect(s * 0.6, s * 0.14, s * 0.2, s * 0.72);
          } else {
            ctx.lineWidth = s * 0.12;
            ctx.lineCap = 'round';
            ctx.lineJoin = 'round';
            ctx.beginPath();
            ctx.moveTo(s * 0.6, s * 0.18);
            ctx.lineTo(s * 0.28, s * 0.5);
            ctx.lineTo(s * 0.6, s * 0.82);
            ctx.stroke();
          }
        }
        cb(null, c);
      },
    },
  };
}
