import { Lightning } from '@lightningjs/sdk';
import { t } from '../lib/language';
import type { CatalogItem } from '../catalog/types';
import { COLORS, FONT_FACE, FONT_SIZE } from '../theme';
import { lockIcon, type TileAccess } from './PosterTile';

/**
 * The focused title's details above the rows: title, year · rating · length, lock reason, description.
 * Cheap to update: a text is only set when it changed (each change redraws a text texture), and showing
 * the same title with the same access again does nothing. The catalog calls it once focus settles.
 * A change waits for the end of the next frame: the frame that draws a key press's focus move then
 * carries no text textures (the dearest thing it would draw), and the details follow one frame later.
 * The first details show at once, with the page.
 */
export const DETAILS_W = 1500;

interface Shown {
  item: CatalogItem;
  access: TileAccess;
  reason?: string;
}

interface Spec extends Lightning.Component.TemplateSpec {
  Title: object;
  Meta: object;
  Lock: { Icon: object; Reason: object };
  Description: object;
}

export class DetailsPanel extends Lightning.Component<Spec> implements Lightning.Component.ImplementTemplateSpec<Spec> {
  static override _template(): Lightning.Component.Template<Spec> {
    return {
      w: DETAILS_W,
      Title: {
        text: {
          text: '',
          fontFace: FONT_FACE,
          fontSize: 56,
          fontStyle: 'bold',
          textColor: COLORS.text,
          wordWrapWidth: DETAILS_W,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
      Meta: { y: 76, text: { text: '', fontFace: FONT_FACE, fontSize: FONT_SIZE.body, textColor: COLORS.textMuted } },
      Lock: {
        y: 122,
        visible: false,
        Icon: { y: 4, w: 24, h: 24, texture: lockIcon(), color: COLORS.error },
        Reason: {
          x: 36,
          text: {
            text: '',
            fontFace: FONT_FACE,
            fontSize: FONT_SIZE.body,
            textColor: COLORS.error,
            wordWrapWidth: DETAILS_W - 36,
            maxLines: 1,
            textOverflow: 'ellipsis',
          },
        },
      },
      Description: {
        y: 122,
        text: {
          text: '',
          fontFace: FONT_FACE,
          fontSize: FONT_SIZE.body,
          textColor: COLORS.text,
          wordWrapWidth: DETAILS_W,
          maxLines: 2,
          lineHeight: 42,
          textOverflow: 'ellipsis',
        },
      },
    };
  }

  private _shown?: Shown;
  private _wanted?: Shown;

  show(item: CatalogItem, access: TileAccess, reason?: string): void {
    const was = this._wanted;
    if (was && was.item === item && was.access === access && was.reason === reason) return;
    // A change not yet drawn already waits for the frame's end; this one replaces it.
    const waiting = was !== this._shown;
    this._wanted = { item, access, reason };
    if (!this._shown) return this._apply();
    if (!waiting) this.stage.once('frameEnd', () => this._apply());
  }

  private _apply(): void {
    const wanted = this._wanted;
    if (!wanted || wanted === this._shown) return;
    this._shown = wanted;
    const { item, access, reason } = wanted;
    this._text('Title', item.title);
    const meta = [
      item.year ? String(item.year) : '',
      item.rating,
      item.durationSec ? formatDuration(item.durationSec) : '',
    ]
      .filter(Boolean)
      .join('  ·  ');
    const status = access === 'unlocked' ? t('details.included') : '';
    this._text('Meta', [meta, status].filter(Boolean).join('  ·  '));
    const locked = access === 'locked' || access === 'parental';
    this.tag('Lock')!.visible = locked;
    if (locked) this._text('Lock.Reason', reason || t('details.notIncluded'));
    this.tag('Description')!.y = locked ? 172 : 122;
    this._text('Description', item.description);
  }

  private _text(path: 'Title' | 'Meta' | 'Lock.Reason' | 'Description', value: string): void {
    const text = this.tag(path)!.text!;
    if (text.text !== value) text.text = value;
  }
}

/** Short running time: seconds under a minute (the emulator's sample streams), else minutes. */
export function formatDuration(seconds: number): string {
  return seconds < 60
    ? t('details.seconds', { n: Math.round(seconds) })
    : t('details.minutes', { n: Math.round(seconds / 60) });
}
