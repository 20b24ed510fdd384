/**
 * A focusable text button with the app's focus style (ring + scale + inverted colours). OK, a click
 * and hover behave as every Selectable: `select(button)` is signalled, hover moves focus here.
 * Voice guidance says "<label>, button".
 */
import { Lightning } from '@lightningjs/sdk';
import type { SpeechValue } from '../lib/announcer';
import { t } from '../lib/language';
import { COLORS, FOCUS, FONT_FACE, FONT_SIZE } from '../theme';
import { markPointerPath } from '../lib/pointer';
import { Selectable, type SelectableSignals, type SelectableTypeConfig } from './Selectable';

export interface ButtonTemplateSpec extends Lightning.Component.TemplateSpec {
  label: string;
  Ring: object;
  Body: {
    Label: object;
  };
}

export type ButtonSignals = SelectableSignals<Button>;
export type ButtonTypeConfig = SelectableTypeConfig<Button>;

export const BUTTON_SIZE = { w: 360, h: 84 } as const;

export class Button
  extends Selectable<ButtonTemplateSpec, ButtonTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<ButtonTemplateSpec>
{
  static override _template(): Lightning.Component.Template<ButtonTemplateSpec> {
    const r = FOCUS.ringWidth;
    return {
      w: BUTTON_SIZE.w,
      h: BUTTON_SIZE.h,
      collision: true,
      Ring: {
        x: -r,
        y: -r,
        rect: true,
        color: COLORS.focus,
        alpha: 0,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: FOCUS.radius + r },
      },
      Body: {
        rect: true,
        color: COLORS.surfaceRaised,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: FOCUS.radius },
        Label: {
          mount: 0.5,
          text: { text: '', fontFace: FONT_FACE, fontSize: FONT_SIZE.button, textColor: COLORS.text },
        },
      },
    };
  }

  private _label = '';

  get label(): string {
    return this._label;
  }

  set label(value: string) {
    this._label = value;
    this.tag('Body.Label')!.patch({ text: { text: value } });
  }

  override _init(): void {
    this._layout();
    this.tag('Body.Label')!.patch({ text: { text: this._label } });
  }

  override _firstActive(): void {
    this._layout();
  }

  override _attach(): void {
    markPointerPath(this);
  }

  protected override _speech(): SpeechValue {
    return this._label ? t('a11y.button', { label: this._label }) : undefined;
  }

  /** Sizes follow the component's own w/h so callers can patch them. */
  private _layout(): void {
    const r = FOCUS.ringWidth;
    const w = this.w || BUTTON_SIZE.w;
    const h = this.h || BUTTON_SIZE.h;
    this.tag('Ring')!.patch({ w: w + 2 * r, h: h + 2 * r });
    this.tag('Body')!.patch({ w, h });
    this.tag('Body.Label')!.patch({ x: w / 2, y: h / 2 + 2 });
    // Scale around the centre so the ring grows evenly.
    this.patch({ pivotX: 0.5, pivotY: 0.5 });
  }

  override _focus(): void {
    this._lift(true);
    this.tag('Body')!.patch({ color: COLORS.text });
    this.tag('Body.Label')!.patch({ text: { textColor: COLORS.focusText } });
  }

  override _unfocus(): void {
    this._lift(false);
    this.tag('Body')!.patch({ color: COLORS.surfaceRaised });
    this.tag('Body.Label')!.patch({ text: { textColor: COLORS.text } });
  }
}

export default Button;
