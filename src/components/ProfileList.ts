/**
 * A vertical list of wide Buttons of any length (the profile chooser on Splash and in Account): Up/Down
 * move focus (no wrap), OK or a click selects, reporting `select(id, index)`. The list scrolls inside a
 * viewport of `visibleRows` rows and only the rows near view exist as elements (virtual-window.ts), so
 * fifty sign-ins cost what six do. Voice guidance: each row says "<label>, button", "<n> of <count>".
 */
import { Lightning } from '@lightningjs/sdk';
import { t } from '../lib/language';
import { POINTER_PATH, requestPointerFocus } from '../lib/pointer';
import { COLORS, focusBleed, FONT_SIZE, SAFE, SPACE, textStyle } from '../theme';
import { Button, BUTTON_SIZE } from './Button';
import { liveRange, rowTops, scrollFor } from './virtual-window';

export interface ProfileListItem {
  id: string;
  label: string;
}

export interface ProfileListTemplateSpec extends Lightning.Component.TemplateSpec {
  items: ProfileListItem[];
  index: number;
  rowWidth: number;
  visibleRows: number;
  Rows: object;
}

export interface ProfileListSignals {
  select(id: string, index: number): void;
}

export interface ProfileListTypeConfig extends Lightning.Component.TypeConfig {
  SignalMapType: ProfileListSignals;
}

/** How far left of its rows the list starts (the focused row's ring and scale-up must not be clipped). */
export function listBleed(rowWidth: number): number {
  return focusBleed(rowWidth);
}

/** Rows kept alive above and below the viewport. */
const MARGIN_ROWS = 1;
const ROW_H = BUTTON_SIZE.h + SPACE.m;

export class ProfileList
  extends Lightning.Component<ProfileListTemplateSpec, ProfileListTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<ProfileListTemplateSpec>
{
  private _items: ProfileListItem[] = [];
  private _index = 0;
  private _rowWidth = 1100;
  private _visibleRows = 5;
  private _tops: number[] = [0];
  /** The Button shown for each live index. */
  private _live = new Map<number, Button>();

  static override _template(): Lightning.Component.Template<ProfileListTemplateSpec> {
    return { clipping: true, Rows: {} };
  }

  get items(): ProfileListItem[] {
    return this._items;
  }

  set items(items: ProfileListItem[]) {
    this._items = items;
    this._index = Math.min(this._index, Math.max(0, items.length - 1));
    this._tops = rowTops(items.map(() => ROW_H));
    this.tag('Rows')!.childList.clear();
    this._live.clear();
    this._layout();
  }

  get index(): number {
    return this._index;
  }

  set index(i: number) {
    const next = Math.max(0, Math.min(i, this._items.length - 1));
    if (next === this._index) return;
    this._index = next;
    this._layout();
    this._refocus();
  }

  get rowWidth(): number {
    return this._rowWidth;
  }

  set rowWidth(w: number) {
    this._rowWidth = w;
    this._layout();
  }

  get visibleRows(): number {
    return this._visibleRows;
  }

  set visibleRows(n: number) {
    this._visibleRows = Math.max(1, Math.floor(n));
    this._layout();
  }

  /** How many rows exist as elements now (tests: the list is virtualized). */
  get liveCount(): number {
    return this._live.size;
  }

  /** Ids in display order (tests, hooks). */
  get ids(): string[] {
    return this._items.map((it) => it.id);
  }

  private get _viewport(): number {
    return this._visibleRows * ROW_H;
  }

  /** Scroll to keep focus in view; create the rows near view, drop the others. */
  private _layout(): void {
    // Room for the focused row's ring and scale-up, which the clipping would otherwise cut.
    const padX = listBleed(this._rowWidth);
    const pad = focusBleed(BUTTON_SIZE.h);
    this.w = this._rowWidth + 2 * padX;
    this.h = Math.min(this._viewport, this._tops[this._tops.length - 1]!) + 2 * pad;
    const scroll = scrollFor(this._tops, this._index, this._viewport);
    const [first, end] = liveRange(this._tops, scroll, this._viewport, MARGIN_ROWS * ROW_H);
    const rows = this.tag('Rows')!;
    rows.patch({ x: padX, y: pad - scroll });
    for (const [i, button] of Array.from(this._live.entries())) {
      if (i < first || i >= end) {
        rows.childList.remove(button);
        this._live.delete(i);
      }
    }
    for (let i = first; i < end; i++) {
      const item = this._items[i];
      if (!item) continue;
      const existing = this._live.get(i);
      if (existing) {
        existing.patch({ w: this._rowWidth });
        continue;
      }
      const button = this.stage.c({
        type: Button,
        x: 0,
        y: this._tops[i]!,
        w: this._rowWidth,
        h: BUTTON_SIZE.h,
        label: item.label,
        // Each row says where it is: the list itself is not re-announced as focus moves within it.
        announce: [
          t('a11y.button', { label: item.label }),
          t('a11y.position', { index: i + 1, count: this._items.length }),
        ],
        signals: { select: '_onButtonSelect' },
      }) as Button;
      rows.childList.add(button);
      this._live.set(i, button);
    }
  }

  _onButtonSelect(button: Button): void {
    for (const [i, b] of Array.from(this._live.entries())) {
      if (b !== button) continue;
      this._index = i;
      const item = this._items[i];
      if (item) this.signal('select', item.id, i);
    }
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._live.get(this._index);
  }

  override _handleUp(): boolean | void {
    if (this._index === 0) return false;
    this.index = this._index - 1;
  }

  override _handleDown(): boolean | void {
    if (this._index >= this._items.length - 1) return false;
    this.index = this._index + 1;
  }

  $pointerFocus(child: Lightning.Component): void {
    for (const [i, b] of Array.from(this._live.entries())) if (b === child) this.index = i;
    requestPointerFocus(this);
  }
}

export interface SwitchPanelSpec {
  Title: object;
  Hint: object;
  List: typeof ProfileList;
}

/** Account's "Switch provider" panel (hidden until shown): a title, a hint and the list; `select` names the page's handler. */
export function switchPanel(select: string): Record<string, unknown> {
  const rowWidth = 1200;
  return {
    x: SAFE.x,
    y: 236,
    visible: false,
    collision: POINTER_PATH,
    Title: { text: textStyle(FONT_SIZE.title, COLORS.text, { fontStyle: 'bold', text: t('account.switchTitle') }) },
    Hint: {
      y: 72,
      text: textStyle(FONT_SIZE.body, COLORS.textMuted, { text: t('account.switchHint'), wordWrapWidth: SAFE.w }),
    },
    List: {
      type: ProfileList,
      x: -listBleed(rowWidth),
      y: 150,
      rowWidth,
      visibleRows: 5,
      collision: POINTER_PATH,
      signals: { select },
    },
  };
}
