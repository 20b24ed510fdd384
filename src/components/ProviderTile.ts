import { Lightning } from '@lightningjs/sdk';
import { t } from '../lib/language';
import type { Provider } from '../flows/api';
import type { SpeechValue } from '../lib/announcer';
import { markPointerPath } from '../lib/pointer';
import { COLORS, FONT_FACE, FONT_SIZE } from '../theme';
import { LogoTexture, logoFailed } from './logoTexture';
import { Selectable, type SelectableSignals, type SelectableTypeConfig } from './Selectable';
import { focusRing, roundFill } from './surfaces';

/**
 * One MVPD in the picker: logo on a light plate (logos are drawn for light backgrounds), name below.
 * Without a logo — none configured, not loaded yet, or failed — the plate shows the name itself.
 */
export const PROVIDER_TILE = { w: 312, h: 196 } as const;
const PLATE = { w: PROVIDER_TILE.w - 32, h: 108 };
const PLATE_LIGHT = 0xfff4f6fb;
const INK = 0xff1b2238;
/** About what fits on one line of the name at body size. */
const ONE_LINE_CHARS = 18;

/** User-facing strings of the tile (one place, for translation). */
/** The TempPass tile's plate (green: free). */
const TRIAL_PLATE = 0xff1b7f4c;
export const TILE_TEXT = {
  get lastUsed(): string {
    return t('providers.lastUsed');
  },
  get onPhone(): string {
    return t('providers.onPhone');
  },
};

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
  private _phone = false;
  private _lastUsed = false;

  static override _template(): Lightning.Component.Template<Spec> {
    const { w, h } = PROVIDER_TILE;
    return {
      w,
      h,
      collision: true,
      pivot: 0.5,
      Ring: { x: -6, y: -6, alpha: 0, texture: focusRing(w, h) },
      Card: { w, h, texture: roundFill(w, h, COLORS.surface) },
      Plate: {
        x: 16,
        y: 16,
        w: PLATE.w,
        h: PLATE.h,
        texture: roundFill(PLATE.w, PLATE.h, PLATE_LIGHT, 8),
        // Stays visible while loading: Lightning only loads the textures of enabled elements.
        Logo: { x: PLATE.w / 2, y: PLATE.h / 2, mount: 0.5 },
        Fallback: {
          x: PLATE.w / 2,
          y: PLATE.h / 2 + 2,
          mount: 0.5,
          visible: false,
          text: {
            text: '',
            fontFace: FONT_FACE,
            fontSize: 30,
            fontStyle: 'bold',
            textColor: INK,
            textAlign: 'center',
            wordWrapWidth: PLATE.w - 24,
            maxLines: 2,
            lineHeight: 38,
            textOverflow: 'ellipsis',
          },
        },
      },
      Name: {
        x: 16,
        y: 134,
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
          text: { text: TILE_TEXT.lastUsed, fontFace: FONT_FACE, fontSize: 22, textColor: COLORS.text },
        },
      },
    };
  }

  override _attach(): void {
    markPointerPath(this as unknown as Lightning.Element);
  }

  /** What the shell's test hook reports as the focused label (voice guidance says it too). */
  get label(): string {
    return this._trialLabel ?? this._provider?.displayName ?? '';
  }

  private _trialLabel?: string;

  /** A TempPass tile ("Watch free for 15 minutes"): the offer on a green plate instead of a logo. */
  set trialLabel(v: string | undefined) {
    this._trialLabel = v;
    if (!v) return;
    const fallback = this.tag('Plate.Fallback')!;
    fallback.text!.text = v;
    fallback.text!.textColor = COLORS.text;
    fallback.visible = true;
    this.tag('Plate.Logo')!.visible = false;
    this.tag('Plate')!.texture = roundFill(PLATE.w, PLATE.h, TRIAL_PLATE, 8);
  }

  get provider(): Provider | undefined {
    return this._provider;
  }

  set provider(p: Provider | undefined) {
    this._provider = p;
    if (!p) return;
    // Long names (1,000-provider lists are full of "… Telephone Cooperative") take two smaller lines.
    const long = p.displayName.length > ONE_LINE_CHARS;
    this.tag('Name')!.patch({
      text: {
        text: p.displayName,
        fontSize: long ? 24 : FONT_SIZE.body,
        maxLines: long ? 2 : 1,
        lineHeight: long ? 28 : 36,
      },
    });
    const url = p.logoUrl;
    // No logo, or one that failed before: the name, at once (no request). Otherwise the plate stays
    // empty while the logo loads (one text texture less per tile) and shows the name if it fails.
    if (!url || logoFailed(url)) {
      this._showName(true);
      return;
    }
    const logo = this.tag('Plate.Logo')!;
    logo.on('txLoaded', () => this._showName(logoFailed(url)));
    logo.texture = {
      type: LogoTexture,
      src: url,
      resizeMode: { type: 'contain', w: PLATE.w, h: PLATE.h },
    } as unknown as Lightning.Texture;
  }

  /** True when the plate shows the name instead of a logo. */
  get showsName(): boolean {
    return this.tag('Plate.Fallback')!.visible;
  }

  /** The "choose on your phone" tile: a hint on an accent plate instead of a logo. */
  set onPhone(v: boolean) {
    this._phone = v;
    if (!v) return;
    const fallback = this.tag('Plate.Fallback')!;
    fallback.text!.text = TILE_TEXT.onPhone;
    fallback.text!.textColor = COLORS.text;
    fallback.visible = true;
    this.tag('Plate')!.texture = roundFill(PLATE.w, PLATE.h, COLORS.accent, 8);
  }

  set lastUsed(v: boolean) {
    this._lastUsed = v;
    this.tag('Badge')!.visible = v;
  }

  /** Voice guidance: the provider's name and "Last used"; the phone tile, its question and what it does; a TempPass, its offer. */
  protected override _speech(): SpeechValue {
    if (this._phone) return [TILE_TEXT.onPhone, t('providers.choosePhone')];
    if (this._trialLabel) return this._trialLabel;
    return [this._provider?.displayName, this._lastUsed ? TILE_TEXT.lastUsed : null];
  }

  private _showName(on: boolean): void {
    if (this._trialLabel) return; // the TempPass tile keeps its offer text
    const fallback = this.tag('Plate.Fallback')!;
    if (on && !fallback.text!.text) fallback.text!.text = this._provider?.displayName ?? '';
    fallback.visible = on;
    // A loaded logo brings its own background: the plate goes dark behind it.
    this.tag('Plate')!.texture = roundFill(PLATE.w, PLATE.h, on ? PLATE_LIGHT : COLORS.surface, 8);
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
