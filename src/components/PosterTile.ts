import { Img, Lightning } from '@lightningjs/sdk';
import type { CatalogItem } from '../catalog/types';
import type { SpeechValue } from '../lib/announcer';
import { t } from '../lib/language';
import { COLORS, FOCUS, FONT_SIZE, textStyle } from '../theme';
import type { TileAccess } from '../controllers/catalog';
import { Selectable, type SelectableSignals, type SelectableTypeConfig } from './Selectable';
import { focusRing, roundFill } from './surfaces';

/** A title in a catalog row: poster image (cover), a lock badge when preauthorization denied it. */
export const POSTER = { w: 220, h: 330 } as const;

export type { TileAccess };

interface Spec extends Lightning.Component.TemplateSpec {
  Ring: object;
  Frame: { Placeholder: object; Poster: object; Shade: object; Parental: { Label: object } };
  Lock: { Icon: object };
}

export type PosterTileSignals = SelectableSignals<PosterTile>;
type TypeConfig = SelectableTypeConfig<PosterTile>;

export class PosterTile
  extends Selectable<Spec, TypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _item?: CatalogItem;
  private _access: TileAccess = 'unknown';
  /** The column this tile shows in its row (PosterRow recycles tiles between columns). */
  col = 0;
  /** Why the title is locked (the MVPD's words, as given), when it is. */
  reason?: string;

  static override _template(): Lightning.Component.Template<Spec> {
    const { w, h } = POSTER;
    return {
      w,
      h,
      collision: true,
      pivot: 0.5,
      Ring: { x: -FOCUS.ringWidth, y: -FOCUS.ringWidth, alpha: 0, texture: focusRing(w, h) },
      Frame: {
        w,
        h,
        rtt: true,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: FOCUS.radius },
        Placeholder: { w, h, rect: true, color: COLORS.surface },
        Poster: { w, h },
        Shade: { w, h, rect: true, color: 0x99000000, visible: false },
        // Above the profile's parental limit: the reason on the tile itself (inside the rounded frame).
        Parental: {
          y: h - 56,
          w,
          h: 56,
          visible: false,
          rect: true,
          color: 0xe6000000,
          Label: {
            x: w / 2,
            y: 30,
            mount: 0.5,
            text: textStyle(FONT_SIZE.caption - 2, COLORS.text, {
              text: t('parental.tile'),
              fontStyle: 'bold',
              wordWrapWidth: w - 16,
              maxLines: 1,
              textOverflow: 'ellipsis',
            }),
          },
        },
      },
      // Round badge in the top-right corner, clear of the poster's own title and rating.
      Lock: {
        x: w - 12,
        y: 12,
        mountX: 1,
        w: 52,
        h: 52,
        visible: false,
        texture: roundFill(52, 52, 0xe6000000, 26),
        Icon: { x: 14, y: 12, w: 24, h: 24, texture: lockIcon() },
      },
    };
  }

  /** What the shell's test hook reports as the focused label. */
  get label(): string {
    return this._item?.title ?? '';
  }

  get item(): CatalogItem | undefined {
    return this._item;
  }

  /** A recycled tile drops the previous poster at once (the placeholder shows until the new one loads). */
  set item(item: CatalogItem | undefined) {
    if (item === this._item) return;
    this._item = item;
    const poster = this.tag('Frame.Poster')!;
    if (item?.posterUrl) poster.texture = Img(item.posterUrl).cover(POSTER.w, POSTER.h);
    else poster.texture = null;
  }

  get access(): TileAccess {
    return this._access;
  }

  set access(a: TileAccess) {
    this._access = a;
    const locked = a === 'locked' || a === 'parental';
    this.tag('Lock')!.visible = locked;
    this.tag('Frame.Shade')!.visible = locked;
    const parental = a === 'parental';
    this.tag('Frame.Parental')!.visible = parental;
  }

  /** Voice guidance: the title, and when it is locked, that it is and why (a parental limit says so). */
  protected override _speech(): SpeechValue {
    if (!this._item) return undefined;
    if (this._access === 'parental') return [this._item.title, t('parental.tile'), this.reason || null];
    const locked = this._access === 'locked';
    return [this._item.title, locked ? t('a11y.locked', { reason: this.reason || t('details.notIncluded') }) : null];
  }

  override _focus(): void {
    this._lift(true);
  }

  override _unfocus(): void {
    this._lift(false);
  }
}

/** A small padlock drawn once on a canvas (no icon font or image file needed). */
export function lockIcon() {
  return {
    type: Lightning.textures.StaticCanvasTexture,
    content: {
      lookupId: 'tve-lock-24',
      factory: (cb: (err: null, canvas: HTMLCanvasElement) => void) => {
        const canvas = document.createElement('canvas');
        canvas.width = 24;
        canvas.height = 24;
        const ctx = canvas.getContext('2d');
        if (ctx) {
          ctx.strokeStyle = '#ffffff';
          ctx.fillStyle = '#ffffff';
          ctx.lineWidth = 3;
          ctx.beginPath();
          ctx.arc(12, 10, 5.5, Math.PI, 0);
          ctx.lineTo(17.5, 12);
          ctx.moveTo(6.5, 12);
          ctx.lineTo(6.5, 10);
          ctx.stroke();
          ctx.fillRect(3, 11, 18, 12);
        }
        cb(null, canvas);
      },
    },
  };
}
