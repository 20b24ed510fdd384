/**
 * A horizontal row of Buttons: Left/Right move focus (no wrap), OK or a pointer click selects.
 * Reports `select(id, index)`. Used by dialogs and the placeholder home page.
 */
import { Lightning } from '@lightningjs/sdk';
import { Button, BUTTON_SIZE } from './Button';
import { requestPointerFocus } from '../lib/pointer';
import { SPACE } from '../theme';

export interface ButtonRowItem {
  /** Reported on select; defaults to the label. */
  id?: string;
  label: string;
  w?: number;
}

export interface ButtonRowTemplateSpec extends Lightning.Component.TemplateSpec {
  items: ButtonRowItem[];
  index: number;
  spacing: number;
}

export interface ButtonRowSignals {
  select(id: string, index: number): void;
}

export interface ButtonRowTypeConfig extends Lightning.Component.TypeConfig {
  SignalMapType: ButtonRowSignals;
}

export class ButtonRow
  extends Lightning.Component<ButtonRowTemplateSpec, ButtonRowTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<ButtonRowTemplateSpec>
{
  private _items: ButtonRowItem[] = [];
  private _index = 0;
  private _spacing: number = SPACE.l;

  static override _template(): Lightning.Component.Template<ButtonRowTemplateSpec> {
    return { h: BUTTON_SIZE.h };
  }

  get items(): ButtonRowItem[] {
    return this._items;
  }

  set items(items: ButtonRowItem[]) {
    this._items = items;
    this._index = Math.min(this._index, Math.max(0, items.length - 1));
    this._render();
  }

  get index(): number {
    return this._index;
  }

  set index(i: number) {
    const next = Math.max(0, Math.min(i, this._items.length - 1));
    if (next !== this._index) {
      this._index = next;
      this._refocus();
    }
  }

  get spacing(): number {
    return this._spacing;
  }

  set spacing(v: number) {
    this._spacing = v;
    this._render();
  }

  /** Ids in display order (tests, hooks). */
  get ids(): string[] {
    return this._items.map((it) => it.id ?? it.label);
  }

  /** Total width of the row, for centring. */
  get rowWidth(): number {
    return this._items.reduce((w, it, i) => w + (it.w ?? BUTTON_SIZE.w) + (i > 0 ? this._spacing : 0), 0);
  }

  private _render(): void {
    let x = 0;
    this.children = this._items.map((it, i) => {
      const w = it.w ?? BUTTON_SIZE.w;
      const child = {
        type: Button,
        ref: `Button${i}`,
        x,
        w,
        h: BUTTON_SIZE.h,
        label: it.label,
        signals: { select: '_onButtonSelect' },
      };
      x += w + this._spacing;
      return child;
    });
    this.w = Math.max(0, x - this._spacing);
  }

  _onButtonSelect(button: Button): void {
    const i = this.children.indexOf(button);
    if (i < 0) return;
    this._index = i;
    const item = this._items[i];
    if (item) this.signal('select', item.id ?? item.label, i);
  }

  override _getFocused(): Lightning.Component | undefined {
    const child = this.children[this._index];
    return child instanceof Lightning.Component ? child : undefined;
  }

  override _handleLeft(): boolean | void {
    if (this._index === 0) return false;
    this.index = this._index - 1;
  }

  override _handleRight(): boolean | void {
    if (this._index >= this._items.length - 1) return false;
    this.index = this._index + 1;
  }

  $pointerFocus(child: Lightning.Component): void {
    const i = this.children.indexOf(child);
    if (i >= 0) this.index = i;
    requestPointerFocus(this);
  }
}

export default ButtonRow;
