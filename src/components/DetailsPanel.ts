import { Lightning } from '@lightningjs/sdk';
import { t } from '../lib/language';
import type { CatalogItem } from '../catalog/types';
import { COLORS, FONT_FACE, FONT_SIZE } from '../theme';
import { lockIcon, type TileAccess } from './PosterTile';

/**
 * The focused title's details above the rows: title, year · rating · length, lock reason, description.
 * Cheap to update:
 * - Each title recently shown keeps its own card (up to CARDS, the least recently shown one is refilled
 *   next), so coming back to a title shows its card again without drawing text: Lightning frees a text
 *   texture as soon as its element's text changes, so one set of text elements would redraw every time.
 * - In a card, a text is only set when it changed (each change redraws a text texture), and showing the
 *   same title with the same access again does nothing.
 * - A change waits for the end of the next frame: the frame that draws a key press's focus move then
 *   carries no text textures (the dearest thing it would draw), and the details follow one frame later.
 *   The first details show at once, with the page. The catalog calls it once focus settles.
 */
export const DETAILS_W = 1500;
/** Cards kept: a row's titles within a few steps either way (each about 1 MB of texture memory). */
export const CARDS = 6;

interface Shown {
  item: CatalogItem;
  access: TileAccess;
  reason?: string;
}

type Part = 'Title' | 'Meta' | 'Lock.Reason' | 'Description';

function card(): Lightning.Element.PatchTemplate {
  return {
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

export class DetailsPanel extends Lightning.Component {
  static override _template(): Lightning.Component.Template {
    return { w: DETAILS_W };
  }

  private _shown?: Shown;
  private _wanted?: Shown;
  /** Cards by title id, least recently shown first. */
  private readonly _cards = new Map<string, Lightning.Element>();

  /** The card on screen: the shown title's (tests: its Title, Meta, Lock, Description). */
  get current(): Lightning.Element | undefined {
    return this._shown && this._cards.get(this._shown.item.id);
  }

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
    const before = this.current;
    this._shown = wanted;
    const { item, access, reason } = wanted;
    const el = this._cardFor(item.id);
    this._text(el, 'Title', item.title);
    const meta = [
      item.year ? String(item.year) : '',
      item.rating,
      item.durationSec ? formatDuration(item.durationSec) : '',
    ]
      .filter(Boolean)
      .join('  ·  ');
    const status = access === 'unlocked' ? t('details.included') : '';
    this._text(el, 'Meta', [meta, status].filter(Boolean).join('  ·  '));
    const locked = access === 'locked' || access === 'parental';
    el.tag('Lock')!.visible = locked;
    if (locked) this._text(el, 'Lock.Reason', reason || t('details.notIncluded'));
    el.tag('Description')!.y = locked ? 172 : 122;
    this._text(el, 'Description', item.description);
    if (before && before !== el) before.visible = false;
    el.visible = true;
  }

  /** The title's own card (moved to most recent), else a new one, else the least recent one refilled. */
  private _cardFor(id: string): Lightning.Element {
    let el = this._cards.get(id);
    if (el) this._cards.delete(id);
    else if (this._cards.size < CARDS) el = this.childList.a(this.stage.c(card())) as Lightning.Element;
    else {
      const [oldest, reused] = this._cards.entries().next().value as [string, Lightning.Element];
      this._cards.delete(oldest);
      el = reused;
    }
    this._cards.set(id, el);
    return el;
  }

  private _text(el: Lightning.Element, path: Part, value: string): void {
    const text = el.tag(path)!.text!;
    if (text.text !== value) text.text = value;
  }
}

/** Short running time: seconds under a minute (the emulator's sample streams), else minutes. */
export function formatDuration(seconds: number): string {
  return seconds < 60
    ? t('details.seconds', { n: Math.round(seconds) })
    : t('details.minutes', { n: Math.round(seconds / 60) });
}
