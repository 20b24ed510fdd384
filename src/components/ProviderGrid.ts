/**
 * The picker's virtualized grid: section headers, rows of provider tiles and a "no match" message, of
 * which only the rows in view plus a margin above and below exist as Lightning elements (a list of
 * 1,000 providers keeps at most forty tiles alive). Rows are made as they come near and dropped when
 * they leave the margin, so a tile's logo is requested only when its row is close to the screen.
 * The rows and the focused (row, col) come from the controller; this draws and scrolls. A row of tiles
 * is on the focus path (TileRow), and a section's first row carries its heading, so voice guidance says
 * "All providers A–Z" as focus crosses into that section, not on every step along the row.
 */
import { Lightning } from '@lightningjs/sdk';
import { t } from '../lib/language';
import type { PickerRow } from '../controllers/providers';
import type { Provider } from '../flows/api';
import { POINTER_PATH, requestPointerFocus } from '../lib/pointer';
import { COLORS, FONT_SIZE, focusBleed, textStyle } from '../theme';
import { PROVIDER_TILE, ProviderTile } from './ProviderTile';
import { liveRange, rowTops, scrollFor } from './virtual-window';
import { offerLabel } from '../controllers/temppass';
import { setAnnouncement } from '../lib/announcer';

export const GRID = { gapX: 32, gapY: 28, pad: 24 } as const;
/** Tiles sit this far inside the grid's edges, so a focused tile's ring and scale-up stay in the safe area. */
export const TILE_INSET = focusBleed(PROVIDER_TILE.w);
export const COL_STEP = PROVIDER_TILE.w + GRID.gapX;
/** Row heights by kind (a tile row includes the gap below it). */
export const ROW_H = { tiles: PROVIDER_TILE.h + GRID.gapY, header: 68, empty: 168 } as const;
/** Rows are made when they come within this distance of the view (px; one tile row)… */
const MARGIN = ROW_H.tiles;
/** …and dropped only beyond this one, so moving back and forth over a row boundary makes nothing anew. */
const KEEP = 2 * ROW_H.tiles;

/** User-facing strings (one place, for translation). */
export const GRID_TEXT = {
  noMatch: (query: string): string => t('providers.noMatch', { query }),
  get noMatchHint(): string {
    return t('providers.noMatchHint');
  },
};

interface Spec extends Lightning.Component.TemplateSpec {
  Rows: object;
}

export interface ProviderGridSignals {
  select(provider: Provider, tile: ProviderTile): void;
  /** The pointer moved over the tile at (row, col). */
  pointTile(row: number, col: number): void;
}
interface TypeConfig extends Lightning.Component.TypeConfig {
  SignalMapType: ProviderGridSignals;
}

/** One row of tiles; focus goes to the tile at `col` (the grid sets it). */
class TileRow extends Lightning.Component {
  col = 0;
  /** The tile the pointer is over, for the grid's `$pointerFocus`. */
  pointed = -1;

  override _getFocused(): Lightning.Component | undefined {
    return (this.childList.getAt(this.col) as unknown as Lightning.Component | null) ?? undefined;
  }

  _onTileSelect(tile: ProviderTile): void {
    this.signal('select', tile);
  }

  $pointerFocus(child: Lightning.Component): void {
    this.pointed = this.childList.getIndex(child as unknown as Lightning.Element);
    requestPointerFocus(this);
  }
}

export class ProviderGrid
  extends Lightning.Component<Spec, TypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _rows: PickerRow[] = [];
  private _tops: number[] = [0];
  private _live = new Map<number, Lightning.Element>();
  private _cell = { row: 0, col: 0 };
  private _scroll = 0;
  /** Height of the visible area (the page's clipping viewport minus padding). */
  viewportH = 600;

  static override _template(): Lightning.Component.Template<Spec> {
    return { collision: POINTER_PATH, Rows: { collision: POINTER_PATH } };
  }

  /**
   * Show `rows` with (row, col) focused. New rows (another array) rebuild the window; the same rows
   * only scroll, animated when the move is short (arrows) and at once for jumps.
   */
  update(rows: PickerRow[], row: number, col: number, animate: boolean): void {
    const fresh = rows !== this._rows;
    if (fresh) {
      this._rows = rows;
      this._tops = rowTops(rows.map((r) => ROW_H[r.kind]));
      this._live.forEach((el) => this.tag('Rows')!.childList.remove(el));
      this._live.clear();
    }
    this._cell = { row, col };
    const target = scrollFor(this._tops, row, this.viewportH);
    const [first, end] = liveRange(this._tops, target, this.viewportH, MARGIN);
    const [keepFirst, keepEnd] = liveRange(this._tops, target, this.viewportH, KEEP);
    this._live.forEach((el, i) => {
      if (i < keepFirst || i >= keepEnd) {
        this.tag('Rows')!.childList.remove(el);
        this._live.delete(i);
      }
    });
    for (let i = first; i < end; i++) if (!this._live.has(i)) this._live.set(i, this._make(i));
    const list = this.tag('Rows')!;
    if (animate && !fresh && Math.abs(target - this._scroll) <= MARGIN)
      list.setSmooth('y', -target, { duration: 0.25 });
    else {
      // Stop any scroll still running, or it would carry on to its old target.
      list.setSmooth('y', -target, { duration: 0 });
      list.y = -target;
    }
    this._scroll = target;
    this._refocus();
  }

  /** The tile at (row, col) when its row exists. */
  tileAt(row: number, col: number): ProviderTile | undefined {
    const el = this._live.get(row);
    return el ? (el.childList.getAt(col) as unknown as ProviderTile | undefined) : undefined;
  }

  /** Tiles alive as Lightning elements now (tests, the journey hook). */
  get liveTiles(): number {
    let n = 0;
    this._live.forEach((el, i) => {
      if (this._rows[i]?.kind === 'tiles') n += el.childList.length;
    });
    return n;
  }

  /** Rows alive now, as [first, end). */
  get liveRows(): [number, number] {
    const keys = Array.from(this._live.keys());
    return keys.length ? [Math.min(...keys), Math.max(...keys) + 1] : [0, 0];
  }

  private _make(i: number): Lightning.Element {
    const row = this._rows[i]!;
    const y = this._tops[i]!;
    const list = this.tag('Rows')!;
    if (row.kind === 'header') {
      // Text at the top of its row: scrolled just out of view, nothing of it shows in the focus padding.
      return list.childList.a({
        y: y + 4,
        text: textStyle(FONT_SIZE.body, COLORS.textMuted, { fontStyle: 'bold', text: row.title }),
      });
    }
    if (row.kind === 'empty') {
      return list.childList.a({
        y: y + 8,
        Title: {
          text: textStyle(FONT_SIZE.title - 8, COLORS.text, {
            fontStyle: 'bold',
            text: GRID_TEXT.noMatch(row.query),
            wordWrapWidth: 1600,
            maxLines: 1,
            textOverflow: 'ellipsis',
          }),
        },
        Hint: { y: 64, text: textStyle(FONT_SIZE.body, COLORS.textMuted, { text: GRID_TEXT.noMatchHint }) },
      });
    }
    const above = this._rows[i - 1];
    const tiles = list.childList.a({
      type: TileRow,
      x: TILE_INSET,
      y,
      collision: POINTER_PATH,
      signals: { select: '_onTileSelect' },
      children: row.tiles.map((t, c) => ({
        type: ProviderTile,
        x: c * COL_STEP,
        provider: t.provider,
        lastUsed: t.lastUsed,
        onPhone: !!t.phone,
        trialLabel: t.trial ? offerLabel(t.trial) : undefined,
        signals: { select: '_onTileSelect' },
      })),
    });
    if (above?.kind === 'header') setAnnouncement(tiles, { announce: above.title });
    return tiles;
  }

  _onTileSelect(tile: ProviderTile): void {
    if (tile.provider) this.signal('select', tile.provider, tile);
  }

  override _getFocused(): Lightning.Component | undefined {
    const row = this._live.get(this._cell.row);
    if (!(row instanceof TileRow)) return undefined;
    row.col = this._cell.col;
    return row;
  }

  $pointerFocus(child: Lightning.Component): void {
    this._live.forEach((el, row) => {
      if (el === (child as unknown) && child instanceof TileRow && child.pointed >= 0)
        this.signal('pointTile', row, child.pointed);
    });
    requestPointerFocus(this);
  }
}
