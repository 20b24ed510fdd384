import { Lightning } from '@lightningjs/sdk';
import type { CatalogItem, CatalogRow } from '../catalog/types';
import { POINTER_PATH, requestPointerFocus } from '../lib/pointer';
import { PosterRow, ROW } from './PosterRow';
import type { TileAccess } from './PosterTile';

/**
 * The catalog's rows, stacked and scrolled so the focused row sits at the top. Virtualized like the
 * tiles inside each PosterRow: only the rows from ROW_MARGIN.before above the focused one to
 * ROW_MARGIN.after below it exist as Lightning elements; a row that scrolls away is hidden and refilled
 * for the one coming into reach (elements are reused, never removed). A row element is filled at its
 * remembered column (`colOf`).
 * Forwards its rows' `select` and `focusItem` signals, and pointer hovers (`pointRow`), with the row's
 * data index.
 */
export const ROW_MARGIN = { before: 1, after: 2 } as const;

interface Spec extends Lightning.Component.TemplateSpec {
  Track: object;
}

export interface RowStackSignals {
  select(item: CatalogItem, row: number): void;
  focusItem(item: CatalogItem, row: number, col: number): void;
  /** The pointer is over data row `row`. */
  pointRow(row: number): void;
}
interface TypeConfig extends Lightning.Component.TypeConfig {
  SignalMapType: RowStackSignals;
}

export class RowStack
  extends Lightning.Component<Spec, TypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _rows: CatalogRow[] = [];
  private _focusRow = 0;
  private readonly _live = new Map<number, PosterRow>();
  private readonly _spare: PosterRow[] = [];
  private _colOf: (row: number) => number = () => 0;
  private _accessOf: (item: CatalogItem) => TileAccess = () => 'unknown';
  private _reasonOf?: (item: CatalogItem) => string | undefined;

  static override _template(): Lightning.Component.Template<Spec> {
    return { Track: { collision: POINTER_PATH } };
  }

  /** New rows (data): the live rows are refilled around `focus`, each at its remembered column. */
  setRows(rows: CatalogRow[], focus: number, colOf: (row: number) => number): void {
    this._rows = rows;
    this._colOf = colOf;
    this._live.forEach((row) => this._release(row));
    this._live.clear();
    this.focusRow(focus, false);
  }

  get focusIndex(): number {
    return this._focusRow;
  }

  /** Focus row `i`: scroll it to the top, fill the rows coming into reach, recycle the far ones. */
  focusRow(i: number, animate: boolean): void {
    this._focusRow = Math.max(0, Math.min(i, this._rows.length - 1));
    const y = -this._focusRow * ROW.h;
    const track = this.tag('Track')!;
    if (animate) track.setSmooth('y', y, { duration: 0.3 });
    else track.y = y;
    const lo = Math.max(0, this._focusRow - ROW_MARGIN.before);
    const hi = Math.min(this._rows.length - 1, this._focusRow + ROW_MARGIN.after);
    const gone: number[] = [];
    this._live.forEach((_row, index) => {
      if (index < lo || index > hi) gone.push(index);
    });
    for (const index of gone) {
      this._release(this._live.get(index)!);
      this._live.delete(index);
    }
    for (let index = lo; index <= hi; index++) if (!this._live.has(index)) this._live.set(index, this._fill(index));
    this._refocus();
  }

  /** Show each title's access on the live rows (and on rows filled later). */
  applyAccess(accessOf: (item: CatalogItem) => TileAccess, reasonOf?: (item: CatalogItem) => string | undefined): void {
    this._accessOf = accessOf;
    this._reasonOf = reasonOf;
    this._live.forEach((row) => row.applyAccess(accessOf, reasonOf));
  }

  /** The live element of data row `i`, if it is within reach. */
  rowAt(i: number): PosterRow | undefined {
    return this._live.get(i);
  }

  /** Live row elements, top to bottom (tests, measurements). */
  liveRows(): PosterRow[] {
    const indexes: number[] = [];
    this._live.forEach((_row, index) => indexes.push(index));
    return indexes.sort((a, b) => a - b).map((index) => this._live.get(index)!);
  }

  /** The data index of a live row element (-1 when it is not one). */
  indexOf(row: PosterRow): number {
    let found = -1;
    this._live.forEach((r, index) => {
      if (r === row) found = index;
    });
    return found;
  }

  private _fill(index: number): PosterRow {
    let row = this._spare.pop();
    if (row) row.visible = true;
    else
      row = this.tag('Track')!.childList.a({
        type: PosterRow,
        collision: POINTER_PATH,
        signals: { select: '_onSelect', focusItem: '_onFocusItem' },
      }) as unknown as PosterRow;
    row.y = index * ROW.h;
    row.applyAccess(this._accessOf, this._reasonOf);
    row.fill(this._rows[index], this._colOf(index));
    return row;
  }

  private _release(row: PosterRow): void {
    row.visible = false;
    this._spare.push(row);
  }

  _onSelect(item: CatalogItem, row: PosterRow): void {
    const index = this.indexOf(row);
    if (index >= 0) this.signal('select', item, index);
  }

  _onFocusItem(item: CatalogItem, row: PosterRow): void {
    const index = this.indexOf(row);
    if (index >= 0) this.signal('focusItem', item, index, row.index);
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._live.get(this._focusRow);
  }

  $pointerFocus(child: Lightning.Component): void {
    const index = this.indexOf(child as PosterRow);
    if (index >= 0) this.signal('pointRow', index);
    requestPointerFocus(this);
  }
}
