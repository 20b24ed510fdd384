/**
 * The caption lines over the video (src/player/captions.ts decides which track and gives the active
 * cue lines): centred text on a box, at the bottom of the safe area, or above the control bar while it
 * shows. Size, colours, box and edge follow the platform's caption style (Firebolt on RDK).
 */
import { Lightning } from '@lightningjs/sdk';
import { DEFAULT_STYLE, type CaptionStyle } from '../player/captions';
import { FONT_FACE, SAFE, SCREEN } from '../theme';

interface Spec extends Lightning.Component.TemplateSpec {
  Window: object;
  Box: object;
  Text: object;
}

/** Caption text size at 1080p for style scale 1 (readable from 3 m). */
export const CAPTION_FONT = 46;
const PAD_X = 24;
const PAD_Y = 8;
const WRAP = SAFE.w - 320;
/** Baselines: the bottom of the safe area, or above the control bar's title. */
const BOTTOM = SCREEN.h - SAFE.bottom - 24;
const LIFTED = 790;

export class CaptionsView extends Lightning.Component<Spec> implements Lightning.Component.ImplementTemplateSpec<Spec> {
  private _lines: string[] = [];
  private _style: CaptionStyle = DEFAULT_STYLE;
  private _lifted = false;

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      w: SCREEN.w,
      h: SCREEN.h,
      visible: false,
      Window: { rect: true, color: 0x00000000 },
      Box: { rect: true, color: DEFAULT_STYLE.background },
      Text: {
        text: {
          text: '',
          fontFace: FONT_FACE,
          fontSize: CAPTION_FONT,
          lineHeight: CAPTION_FONT * 1.3,
          textColor: DEFAULT_STYLE.textColor,
          textAlign: 'center',
          wordWrapWidth: WRAP,
          maxLines: 4,
        },
      },
    };
  }

  /** The lines shown now (empty: nothing on screen). */
  get lines(): string[] {
    return this._lines;
  }

  set lines(lines: string[]) {
    if (lines.join('\n') === this._lines.join('\n')) return;
    this._lines = lines.slice();
    this.tag('Text')!.text!.text = this._lines.join('\n');
    this._layout();
  }

  set style(style: CaptionStyle) {
    this._style = style;
    const size = Math.round(CAPTION_FONT * style.scale);
    const edge = edgeShadow(style);
    this.tag('Text')!.patch({
      text: {
        fontSize: size,
        lineHeight: Math.round(size * 1.3),
        textColor: style.textColor,
        textAlign: style.align,
        ...edge,
      },
    });
    this.tag('Box')!.color = style.background;
    this.tag('Window')!.color = style.window;
    this._layout();
  }

  /** Above the control bar (true) or at the bottom of the safe area. */
  get lifted(): boolean {
    return this._lifted;
  }

  set lifted(on: boolean) {
    if (on === this._lifted) return;
    this._lifted = on;
    this._layout();
  }

  override _init(): void {
    this.tag('Text')!.on('txLoaded', () => this._layout());
  }

  private _layout(): void {
    const text = this.tag('Text')!;
    const shown = this._lines.length > 0;
    this.visible = shown;
    if (!shown) return;
    const size = Math.round(CAPTION_FONT * this._style.scale);
    const lineH = Math.round(size * 1.3);
    // Measured once the texture is drawn; estimated before.
    const w = Math.min(WRAP, text.renderWidth || Math.max(...this._lines.map((l) => l.length)) * size * 0.5);
    const h = text.renderHeight || this._lines.length * lineH;
    const boxW = w + 2 * PAD_X;
    const boxH = h + 2 * PAD_Y;
    const x =
      this._style.align === 'left'
        ? SAFE.x
        : this._style.align === 'right'
          ? SAFE.x + SAFE.w - boxW
          : (SCREEN.w - boxW) / 2;
    const bottom = this._lifted ? LIFTED : BOTTOM;
    const y =
      this._style.vertical === 'top'
        ? SAFE.y + 40
        : this._style.vertical === 'middle'
          ? (SCREEN.h - boxH) / 2
          : bottom - boxH;
    this.tag('Box')!.patch({ x, y, w: boxW, h: boxH });
    this.tag('Window')!.patch({ x: x - PAD_X, y: y - PAD_Y, w: boxW + 2 * PAD_X, h: boxH + 2 * PAD_Y });
    // The text texture is as wide as its longest line: it sits inside the box's padding.
    text.patch({ x: x + PAD_X, y: y + PAD_Y });
  }
}

/** Character edge (Firebolt `fontEdge`) as a text shadow. */
function edgeShadow(style: CaptionStyle): Record<string, unknown> {
  const color = style.edgeColor;
  switch (style.edge) {
    case 'drop_shadow':
      return { shadow: true, shadowColor: color, shadowOffsetX: 3, shadowOffsetY: 3, shadowBlur: 2 };
    case 'raised':
      return { shadow: true, shadowColor: color, shadowOffsetX: -2, shadowOffsetY: -2, shadowBlur: 0 };
    case 'depressed':
      return { shadow: true, shadowColor: color, shadowOffsetX: 2, shadowOffsetY: 2, shadowBlur: 0 };
    case 'uniform':
      return { shadow: true, shadowColor: color, shadowOffsetX: 0, shadowOffsetY: 0, shadowBlur: 4 };
    default:
      return { shadow: false };
  }
}
