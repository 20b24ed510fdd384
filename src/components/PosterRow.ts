import { Lightning } from '@lightningjs/sdk';
import type { CatalogItem, CatalogRow } from '../catalog/types';
import { COLORS, FONT_FACE, SAFE } from '../theme';
import { POINTER_PATH, requestPointerFocus } from '../lib/pointer';
import { POSTER, PosterTile, type TileAccess } from './PosterTile';

/** A titled row of posters. Left/Right move focus; the strip scrolls so the focused tile stays visible. */
export const ROW = { gap: 28, titleH: 64, h: 64 + POSTER.h + 40 } as const;
const STEP = POSTER.w + ROW.gap;
const VISIBLE = Math.floor((SAFE.w + ROW.gap) / STEP);

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

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      h: ROW.h,
      Title: {
        text: { text: '', fontFace: FONT_FACE, fontSize: 32, fontStyle: 'bold', textColor: COLORS.text },
      },
      Strip: { y: ROW.titleH, collision: POINTER_PATH },
    };
  }

  get row(): CatalogRow | undefined {
    return this._row;
  }

  set row(row: CatalogRow | undefined) {
    this._row = row;
    this.tag('Title')!.text!.text = row?.title ?? '';
    this.tag('Strip')!.children = (row?.items ?? []).map((item, i) => ({
      type: PosterTile,
      x: i * STEP,
      item,
      signals: { select: '_onTileSelect' },
    }));
    this._index = 0;
    this._scroll(false);
  }

  get index(): number {
    return this._index;
  }

  set index(i: number) {
    const n = this._tiles().length;
    const next = Math.max(0, Math.min(i, n - 1));
    if (next === this._index) return;
    this._index = next;
    this._scroll(true);
    this._refocus();
    const item = this.focusedItem;
    if (item) this.signal('focusItem', item, this);
  }

  get focusedItem(): CatalogItem | undefined {
    return this._tiles()[this._index]?.item;
  }

  /** Apply access decisions by resource; `hideLocked` removes denied titles from the row instead. */
  applyAccess(accessOf: (item: CatalogItem) => TileAccess): void {
    for (const tile of this._tiles()) if (tile.item) tile.access = accessOf(tile.item);
  }

  tileFor(itemId: string): PosterTile | undefined {
    return this._tiles().find((t) => t.item?.id === itemId);
  }

  private _tiles(): PosterTile[] {
    return this.tag('Strip')!.children.filter((c): c is PosterTile => c instanceof PosterTile);
  }

  /** Keep the focused tile in view and the row full at its end (no empty space after the last tile). */
  private _scroll(animate: boolean): void {
    const n = this._tiles().length;
    const first = Math.max(0, Math.min(this._index - 1, n - VISIBLE));
    const x = -first * STEP;
    const strip = this.tag('Strip')!;
    if (animate) strip.setSmooth('x', x, { duration: 0.25 });
    else strip.x = x;
  }

  _onTileSelect(tile: PosterTile): void {
    const i = this._tiles().indexOf(tile);
    if (i >= 0 && tile.item) {
      this.index = i;
      this.signal('select', tile.item, this);
    }
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._tiles()[this._index];
  }

  override _handleLeft(): boolean | void {
    if (this._index === 0) return false;
    this.index = this._index - 1;
  }

  override _handleRight(): boolean | void {
    if (this._index >= this._tiles().length - 1) return false;
    this.index = this._index + 1;
  }

  $pointerFocus(child: Lightning.Component): void {
    // `child` is the hovered tile (cparent skips the plain Strip element).
    const i = this._tiles().indexOf(child as PosterTile);
    if (i >= 0) this.index = i;
    requestPointerFocus(this);
  }
}
