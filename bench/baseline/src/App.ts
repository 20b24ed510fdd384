/**
 * Three rails of plain tiles (rectangles + a label) with a focus ring, a second "page" toggled with
 * OK/Back (for the 50-navigations heap probe), and `window.__bench` for the driver.
 */
import { Lightning } from '@lightningjs/sdk';

const ROWS = 3;
const COLS = 12;
const TILE = { w: 240, h: 360, gap: 30 };

interface BenchHook {
  ready(): boolean;
  focus(): string;
  page(): string;
}

class Tile extends Lightning.Component {
  static override _template(): Lightning.Component.Template {
    return {
      w: TILE.w,
      h: TILE.h,
      rect: true,
      color: 0xff2a3340,
      Label: { x: 16, y: TILE.h - 56, text: { text: '', fontSize: 26, textColor: 0xffffffff } },
    };
  }
  set label(v: string) {
    this.tag('Label')!.text!.text = v;
  }
  override _focus(): void {
    this.patch({ smooth: { scale: 1.08, color: 0xff4a7bd0 } });
  }
  override _unfocus(): void {
    this.patch({ smooth: { scale: 1, color: 0xff2a3340 } });
  }
}

export class App extends Lightning.Component {
  private _row = 0;
  private _col = 0;
  private _details = false;
  private _ready = false;

  static override _template(): Lightning.Component.Template {
    return {
      w: 1920,
      h: 1080,
      rect: true,
      color: 0xff0b0f14,
      Title: { x: 96, y: 48, text: { text: 'Baseline', fontSize: 48, textColor: 0xffffffff } },
      Rows: { x: 96, y: 160 },
    };
  }

  override _init(): void {
    const rows = [];
    for (let r = 0; r < ROWS; r++) {
      const items = [];
      for (let c = 0; c < COLS; c++) items.push({ type: Tile, x: c * (TILE.w + TILE.gap), label: `Title ${r}-${c}` });
      rows.push({ y: r * (TILE.h + 80), Items: { children: items } });
    }
    this.tag('Rows')!.children = rows;
    const hook: BenchHook = {
      ready: () => this._ready,
      focus: () => `${this._row}:${this._col}`,
      page: () => (this._details ? 'details' : 'rails'),
    };
    (window as unknown as { __bench: BenchHook }).__bench = hook;
    this.stage.once('frameEnd', () => (this._ready = true));
  }

  private _tile(): Lightning.Component {
    return this.tag('Rows')!.children[this._row]!.tag('Items')!.children[this._col] as Lightning.Component;
  }

  private _move(dr: number, dc: number): boolean {
    this._row = Math.max(0, Math.min(ROWS - 1, this._row + dr));
    this._col = Math.max(0, Math.min(COLS - 1, this._col + dc));
    const rows = this.tag('Rows')!;
    rows.setSmooth('y', 160 - this._row * (TILE.h + 80));
    rows.children[this._row]!.tag('Items')!.setSmooth('x', -Math.max(0, this._col - 4) * (TILE.w + TILE.gap));
    this._refocus();
    return true;
  }

  override _handleLeft() {
    return this._move(0, -1);
  }
  override _handleRight() {
    return this._move(0, 1);
  }
  override _handleUp() {
    return this._move(-1, 0);
  }
  override _handleDown() {
    return this._move(1, 0);
  }
  override _handleEnter() {
    if (this._details) return true;
    this._details = true;
    this.childList.add(
      this.stage.c({
        ref: 'Details',
        w: 1920,
        h: 1080,
        rect: true,
        color: 0xf0000000,
        Text: { x: 96, y: 96, text: { text: `Details of ${this._row}-${this._col}`, fontSize: 48 } },
      }),
    );
    return true;
  }
  override _handleBack() {
    if (!this._details) return true;
    this._details = false;
    const d = this.tag('Details');
    if (d) this.childList.remove(d);
    return true;
  }

  override _getFocused(): Lightning.Component {
    return this._tile();
  }
}
