import { Img, Lightning } from '@lightningjs/sdk';
import type { Provider } from '../flows/api';
import { COLORS, FOCUS, FONT_FACE, FONT_SIZE } from '../theme';
import { Selectable, type SelectableSignals, type SelectableTypeConfig } from './Selectable';
import { focusRing, roundFill } from './surfaces';

/** One MVPD in the picker: logo on a light plate (logos are drawn for light backgrounds), name below. */
export const PROVIDER_TILE = { w: 320, h: 196 } as const;
const PLATE = { w: 288, h: 108 };

interface Spec extends Lightning.Component.TemplateSpec {
  Ring: object;
  Card: object;
  Plate: { Logo: object; Fallback: object };
  Name: object;
  Badge: { Label: object };
}

export type ProviderTileSignals = SelectableSignals<ProviderTile>;
type TypeConfig = SelectableTypeConfig<ProviderTile>;

export class ProviderTile
  extends Selectable<Spec, TypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _provider?: Provider;

  static override _template(): Lightning.Component.Template<Spec> {
    const { w, h } = PROVIDER_TILE;
    return {
      w,
      h,
      collision: true,
      pivot: 0.5,
      Ring: { x: -FOCUS.ringWidth, y: -FOCUS.ringWidth, alpha: 0, texture: focusRing(w, h) },
      Card: { w, h, texture: roundFill(w, h, COLORS.surface) },
      Plate: {
        x: 16,
        y: 16,
        w: PLATE.w,
        h: PLATE.h,
        texture: roundFill(PLATE.w, PLATE.h, 0xfff4f6fb, 8),
        Logo: { x: PLATE.w / 2, y: PLATE.h / 2, mount: 0.5 },
        Fallback: {
          x: PLATE.w / 2,
          y: PLATE.h / 2,
          mount: 0.5,
          text: { text: '', fontFace: FONT_FACE, fontSize: 56, textColor: 0xff1b2238, fontStyle: 'bold' },
        },
      },
      Name: {
        x: 16,
        y: 136,
        text: {
          text: '',
          fontFace: FONT_FACE,
          fontSize: FONT_SIZE.body,
          textColor: COLORS.text,
          wordWrapWidth: w - 32,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
      Badge: {
        x: w - 12,
        y: -14,
        mountX: 1,
        visible: false,
        texture: roundFill(140, 36, COLORS.accent, 18),
        Label: {
          x: 70,
          y: 20,
          mount: 0.5,
          text: { text: 'Last used', fontFace: FONT_FACE, fontSize: 22, textColor: COLORS.text },
        },
      },
    };
  }

  /** What the shell's test hook reports as the focused label. */
  get label(): string {
    return this._provider?.displayName ?? '';
  }

  get provider(): Provider | undefined {
    return this._provider;
  }

  set provider(p: Provider | undefined) {
    this._provider = p;
    if (!p) return;
    this.tag('Name')!.text!.text = p.displayName;
    const logo = this.tag('Plate.Logo')!;
    const fallback = this.tag('Plate.Fallback')!;
    fallback.text!.text = p.displayName.charAt(0).toUpperCase();
    if (p.logoUrl) {
      // Logos bring their own background: draw them edge to edge on the plate.
      logo.texture = Img(p.logoUrl).contain(PLATE.w, PLATE.h);
      // Initial letter until the logo loads; it also remains if the logo fails.
      logo.on('txLoaded', () => {
        fallback.visible = false;
        this.tag('Plate')!.texture = roundFill(PLATE.w, PLATE.h, COLORS.surface, 8);
      });
    }
  }

  /** The "choose on your phone" tile: a phone glyph instead of a logo, and a hint. */
  set onPhone(v: boolean) {
    if (!v) return;
    this.tag('Plate.Fallback')!.patch({ text: { text: 'Other provider?', fontSize: 34 } });
    this.tag('Plate')!.texture = roundFill(PLATE.w, PLATE.h, COLORS.accent, 8);
    this.tag('Plate.Fallback')!.text!.textColor = COLORS.text;
  }

  set lastUsed(v: boolean) {
    this.tag('Badge')!.visible = v;
  }

  override _focus() {
    this._lift(true);
    this.tag('Card')!.texture = roundFill(PROVIDER_TILE.w, PROVIDER_TILE.h, COLORS.surfaceRaised);
  }

  override _unfocus() {
    this._lift(false);
    this.tag('Card')!.texture = roundFill(PROVIDER_TILE.w, PROVIDER_TILE.h, COLORS.surface);
  }
}
