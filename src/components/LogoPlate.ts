import { Img, Lightning } from '@lightningjs/sdk';
import type { Provider } from '../flows/api';
import { textStyle } from '../theme';
import { roundFill } from './surfaces';

/**
 * A provider's logo on a light plate (logos are drawn for light backgrounds); without a logo, the
 * provider's name, or a hint when no provider is known yet. `box` sets the plate's size and how
 * large logo and text may be drawn.
 */
export interface LogoBox {
  w: number;
  h: number;
  radius: number;
  /** Room for the logo image (contained). */
  logoW: number;
  logoH: number;
  /** Wrap width of the name/hint text. */
  textW: number;
}

interface Spec extends Lightning.Component.TemplateSpec {
  box: LogoBox;
  Logo: object;
}

const PAPER = 0xfff4f6fb;
const INK = 0xff0b1020;

export class LogoPlate extends Lightning.Component<Spec> implements Lightning.Component.ImplementTemplateSpec<Spec> {
  private _box: LogoBox = { w: 400, h: 140, radius: 16, logoW: 376, logoH: 116, textW: 368 };

  static override _template(): Lightning.Component.Template<Spec> {
    return { Logo: { mount: 0.5 } };
  }

  get box(): LogoBox {
    return this._box;
  }

  set box(b: LogoBox) {
    this._box = b;
    this.patch({ w: b.w, h: b.h, texture: roundFill(b.w, b.h, PAPER, b.radius) });
    this.tag('Logo')!.patch({ x: b.w / 2, y: b.h / 2 });
  }

  /** Show `provider`'s logo (or name); `hint` when there is no provider. */
  show(provider: Provider | undefined, hint: string): void {
    const b = this._box;
    const logo = this.tag('Logo')!;
    if (provider?.logoUrl) logo.patch({ texture: Img(provider.logoUrl).contain(b.logoW, b.logoH) });
    else
      logo.patch({
        text: textStyle(provider ? 40 : 28, INK, {
          text: provider ? provider.displayName : hint,
          fontStyle: 'bold',
          wordWrapWidth: b.textW,
          w: b.textW,
          textAlign: 'center',
          maxLines: 2,
        }),
      });
  }
}
