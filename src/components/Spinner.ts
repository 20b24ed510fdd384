import { Lightning } from '@lightningjs/sdk';
import { COLORS, cssColor } from '../theme';

/** An indeterminate progress ring (canvas arc, rotated by an animation while active). */
interface Spec extends Lightning.Component.TemplateSpec {
  Arc: object;
}

const SIZE = 72;

export class Spinner extends Lightning.Component<Spec> implements Lightning.Component.ImplementTemplateSpec<Spec> {
  private _anim?: Lightning.types.Animation;

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      w: SIZE,
      h: SIZE,
      Arc: {
        w: SIZE,
        h: SIZE,
        pivot: 0.5,
        texture: {
          type: Lightning.textures.StaticCanvasTexture,
          content: {
            lookupId: 'tve-spinner-72',
            factory: (cb: (err: null, canvas: HTMLCanvasElement) => void) => {
              const c = document.createElement('canvas');
              c.width = SIZE;
              c.height = SIZE;
              const ctx = c.getContext('2d');
              if (ctx) {
                ctx.lineWidth = 8;
                ctx.lineCap = 'round';
                ctx.strokeStyle = 'rgba(255,255,255,0.18)';
                ctx.beginPath();
                ctx.arc(SIZE / 2, SIZE / 2, SIZE / 2 - 6, 0, Math.PI * 2);
                ctx.stroke();
                ctx.strokeStyle = cssColor(COLORS.accent);
                ctx.beginPath();
                ctx.arc(SIZE / 2, SIZE / 2, SIZE / 2 - 6, -Math.PI / 2, Math.PI / 2.5);
                ctx.stroke();
              }
              cb(null, c);
            },
          },
        },
      },
    };
  }

  override _active(): void {
    this._anim = this.tag('Arc')!.animation({
      duration: 1,
      repeat: -1,
      actions: [{ p: 'rotation', v: { 0: 0, 1: Math.PI * 2 } }],
    });
    this._anim.start();
  }

  override _inactive(): void {
    this._anim?.stop();
    this._anim = undefined;
  }
}
