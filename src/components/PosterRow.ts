import { Lightning } from '@lightningjs/sdk';
import type { CatalogItem, CatalogRow } from '../catalog/types';
import { COLORS, FONT_FACE, SAFE } from '../theme';
import type { SpeechValue } from '../lib/announcer';
import { POINTER_PATH, requestPointerFocus } from '../lib/pointer';
import { POSTER, PosterTile, type TileAccess } from './PosterTile';

/**
 * A titled row of posters. Left/Right move focus; the strip scrolls so the focused tile stays visible.
 * Virtualized: only the tiles in view plus TILE_MARGIN on each side exist as Lightning elements (a row
 * of 40 titles holds at most VISIBLE + 2 × TILE_MARGIN); a tile that scrolls away is hidden and reused
 * for the next one scrolling in (no element is created or removed while browsing), so posters load only
 * near view. The row's data (`row.items`) stays whole: focus and access are by index.
 */
export const ROW = { gap: 28, titleH: 64, h: 64 + POSTER.h + 40 } as const;
export const STEP = POSTER.w + ROW.gap;
/** Tiles fully in view at once. */
export const VISIBLE = Math.floor((SAFE.w + ROW.gap) / STEP);
/** Tiles kept beyond each edge of the view (the partly visible one, and the next to scroll in). */
export const TILE_MARGIN = 2;

interface Spec extends Lightning.Component.TemplateSpec {
  Title: object;
  Strip: object;
}

export interface PosterRowSignals {
  select(item: CatalogItem, row: PosterRow): void;
  focusItem(item: CatalogItem, row: PosterRow): void;
}
interface TypeConfig extends Lightning.Component.TypeConfig {
  SignalMapType: PosterRowSignals;
}

export class PosterRow
  extends Lightning.Component<Spec, TypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _row?: CatalogRow;
  private _index = 0;
  /** Live tiles by column; spare tiles waiting to be reused. */
  private readonly _live = new Map<number, PosterTile>();
  private readonly _spare: PosterTile[] = [];
  private _accessOf?: (item: CatalogItem) => TileAccess;
  private _reasonOf?: (item: CatalogItem) => string | undefined;

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      h: ROW.h,
      Title: {
        text: { text: '', fontFace: FONT_FACE, fontSize: 32, fontStyle: 'bold', textColor: COLORS.text },
      },
      Strip: { y: ROW.titleH, collision: POINTER_PATH },
    };
  }

  /** Voice guidance: the row's title when focus comes into the row (then the focused tile). */
  get announce(): SpeechValue {
    return this._row?.title;
  }

  get row(): CatalogRow | undefined {
    return this._row;
  }

  /** New data: the row starts at its first title. */
  set row(row: CatalogRow | undefined) {
    this.fill(row, 0);
  }

  /** New data with focus on column `col` (a remembered one): every tile is reused for the new titles. */
  fill(row: CatalogRow | undefined, col: number): void {
    this._row = row;
    const title = this.tag('Title')!.text!;
    if (title.text !== (row?.title ?? '')) title.text = row?.title ?? '';
    this._live.forEach((tile) => this._release(tile));
    this._live.clear();
    this._index = this._clamp(col);
    this._scroll(false);
  }

  get index(): number {
    return this._index;
  }

  set index(i: number) {
    const next = this._clamp(i);
    if (next === this._index) return;
    this._index = next;
    this._scroll(true);
    this._refocus();
    const item = this.focusedItem;
    if (item) this.signal('focusItem', item, this);
  }

  get focusedItem(): CatalogItem | undefined {
    return this._row?.items[this._index];
  }

  /** Show each title's access (locks) and keep why (voice guidance); kept for tiles that scroll in later. */
  applyAccess(accessOf: (item: CatalogItem) => TileAccess, reasonOf?: (item: CatalogItem) => string | undefined): void {
    this._accessOf = accessOf;
    this._reasonOf = reasonOf;
    this._live.forEach((tile) => this._access(tile));
  }

  private _access(tile: PosterTile): void {
    const item = tile.item;
    tile.access = item && this._accessOf ? this._accessOf(item) : 'unknown';
    tile.reason = item && tile.access === 'locked' && this._reasonOf ? this._reasonOf(item) : undefined;
  }

  /** The live tile showing `itemId` (undefined when it is scrolled out of reach). */
  tileFor(itemId: string): PosterTile | undefined {
    let found: PosterTile | undefined;
    this._live.forEach((tile) => {
      if (tile.item?.id === itemId) found = tile;
    });
    return found;
  }

  /** The live tiles, left to right (tests, measurements). */
  tiles(): PosterTile[] {
    const cols: number[] = [];
    this._live.forEach((_tile, col) => cols.push(col));
    return cols.sort((a, b) => a - b).map((col) => this._live.get(col)!);
  }

  private _clamp(i: number): number {
    const n = this._row?.items.length ?? 0;
    return Math.max(0, Math.min(i, n - 1));
  }

  /** Keep the focused tile in view and the row full at its end (no empty space after the last tile). */
  private _scroll(animate: boolean): void {
    const n = this._row?.items.length ?? 0;
    const first = Math.max(0, Math.min(this._index - 1, n - VISIBLE));
    const x = -first * STEP;
    const strip = this.tag('Strip')!;
    if (animate) strip.setSmooth('x', x, { duration: 0.25 });
    else strip.x = x;
    this._sync(first);
  }

  /** Tiles for the columns within reach of `first` exist; the others go back to the spares. */
  private _sync(first: number): void {
    const items = this._row?.items ?? [];
    const lo = Math.max(0, first - TILE_MARGIN);
    const hi = Math.min(items.length - 1, first + VISIBLE - 1 + TILE_MARGIN);
    const gone: number[] = [];
    this._live.forEach((_tile, col) => {
      if (col < lo || col > hi) gone.push(col);
    });
    for (const col of gone) {
      this._release(this._live.get(col)!);
      this._live.delete(col);
    }
    for (let col = lo; col <= hi; col++) if (!this._live.has(col)) this._live.set(col, this._acquire(col, items[col]!));
  }

  private _acquire(col: number, item: CatalogItem): PosterTile {
    let tile = this._spare.pop();
    if (tile) tile.visible = true;
    else
      tile = this.tag('Strip')!.childList.a({
        type: PosterTile,
        signals: { select: '_onTileSelect' },
      }) as unknown as PosterTile;
    tile.x = col * STEP;
    tile.col = col;
    tile.item = item;
    this._access(tile);
    return tile;
  }

  /** Hidden, not removed: Lightning skips it, and it comes back for the next column (at most one row's worth exist). */
  private _release(tile: PosterTile): void {
    tile.visible = false;
    this._spare.push(tile);
  }

  _onTileSelect(tile: PosterTile): void {
    const item = this._row?.items[tile.col];
    if (!item) return;
    this.index = tile.col;
    this.signal('select', item, this);
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._live.get(this._index);
  }

  override _handleLeft(): boolean | void {
    if (this._index === 0) return false;
    this.index = this._index - 1;
  }

  override _handleRight(): boolean | void {
    if (this._index >= (this._row?.items.length ?? 0) - 1) return false;
    this.index = this._index + 1;
  }

  $pointerFocus(child: Lightning.Component): void {
    // `child` is the hovered tile (cparent skips the plain Strip element).
    const tile = child as PosterTile;
    if (this._live.get(tile.col) === tile) this.index = tile.col;
    requestPointerFocus(this);
  }
}
