/**
 * On-screen keyboard for search: A–M, N–Z, then digits with Space, Delete and Clear. Arrows move
 * between keys (Up/Down to the nearest key of the next row); at the top or bottom edge the key bubbles
 * to the page. OK or a click on a key signals `key` with its action. `typedChar` reads what a key
 * press on a real keyboard (or a remote with letters) types.
 */
import { Lightning } from '@lightningjs/sdk';
import { t } from '../lib/language';
import { POINTER_PATH, markPointerPath, requestPointerFocus } from '../lib/pointer';
import { COLORS, FONT_FACE } from '../theme';
import { Selectable, type SelectableTypeConfig } from './Selectable';

/** User-facing strings (one place, for translation). */
export const KEYBOARD_TEXT = {
  get space(): string {
    return t('providers.keySpace');
  },
  get erase(): string {
    return t('providers.keyDelete');
  },
  get clear(): string {
    return t('providers.keyClear');
  },
};

export const KEY = { w: 96, h: 64, gap: 12, wide: 150 } as const;

/** What a key does: type a character, delete the last one, or clear the text. */
export type KeyAction = { kind: 'char'; char: string } | { kind: 'erase' } | { kind: 'clear' };
interface KeyDef {
  label: string;
  action: KeyAction;
  w: number;
}

const chars = (s: string): KeyDef[] =>
  s.split('').map((c) => ({ label: c, action: { kind: 'char', char: c }, w: KEY.w }));

export const LAYOUT: KeyDef[][] = [
  chars('ABCDEFGHIJKLM'),
  chars('NOPQRSTUVWXYZ'),
  chars('0123456789').concat([
    // Labels read when drawn (the UI language is known only once the app starts).
    {
      get label() {
        return KEYBOARD_TEXT.space;
      },
      action: { kind: 'char', char: ' ' },
      w: KEY.wide,
    },
    {
      get label() {
        return KEYBOARD_TEXT.erase;
      },
      action: { kind: 'erase' },
      w: KEY.wide,
    },
    {
      get label() {
        return KEYBOARD_TEXT.clear;
      },
      action: { kind: 'clear' },
      w: KEY.wide,
    },
  ]),
];

/** Height of the whole keyboard. */
export const KEYBOARD_H = LAYOUT.length * (KEY.h + KEY.gap) - KEY.gap;

interface KeySpec extends Lightning.Component.TemplateSpec {
  Bg: object;
  Label: object;
}

class KeyboardKey
  extends Selectable<KeySpec, SelectableTypeConfig<KeyboardKey>>
  implements Lightning.Component.ImplementTemplateSpec<KeySpec>
{
  def?: KeyDef;

  static override _template(): Lightning.Component.Template<KeySpec> {
    return {
      h: KEY.h,
      collision: true,
      Bg: {
        h: KEY.h,
        rect: true,
        color: COLORS.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: 10 },
      },
      Label: {
        y: KEY.h / 2 + 2,
        mount: 0.5,
        text: { text: '', fontFace: FONT_FACE, fontSize: 30, fontStyle: 'bold', textColor: COLORS.text },
      },
    };
  }

  get label(): string {
    return this.def?.label ?? '';
  }

  set key(def: KeyDef) {
    this.def = def;
    this.w = def.w;
    this.tag('Bg')!.w = def.w;
    this.tag('Label')!.patch({ x: def.w / 2, text: { text: def.label, fontSize: def.label.length > 1 ? 26 : 30 } });
  }

  override _attach(): void {
    markPointerPath(this as unknown as Lightning.Element);
  }

  override _focus(): void {
    this.tag('Bg')!.color = COLORS.focus;
    this.tag('Label')!.text!.textColor = COLORS.focusText;
  }

  override _unfocus(): void {
    this.tag('Bg')!.color = COLORS.surface;
    this.tag('Label')!.text!.textColor = COLORS.text;
  }
}

interface Spec extends Lightning.Component.TemplateSpec {
  Rows: object;
}
export interface KeyboardSignals {
  key(action: KeyAction): void;
}
interface TypeConfig extends Lightning.Component.TypeConfig {
  SignalMapType: KeyboardSignals;
}

export class Keyboard
  extends Lightning.Component<Spec, TypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _row = 0;
  private _col = 0;

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      h: KEYBOARD_H,
      collision: POINTER_PATH,
      Rows: {
        collision: POINTER_PATH,
        children: LAYOUT.map((keys, r) => ({
          y: r * (KEY.h + KEY.gap),
          collision: POINTER_PATH,
          children: keys.map((key, c) => ({
            type: KeyboardKey,
            x: keys.slice(0, c).reduce((x, k) => x + k.w + KEY.gap, 0),
            key,
            signals: { select: '_onKey' },
          })),
        })),
      },
    };
  }

  /** The focused key's label (tests, hooks). */
  get focusedKey(): string {
    return this._key(this._row, this._col)?.label ?? '';
  }

  /** Put focus back on the first key (the keyboard opens fresh). */
  reset(): void {
    this._row = 0;
    this._col = 0;
    this._refocus();
  }

  private _key(row: number, col: number): KeyboardKey | undefined {
    const r = this.tag('Rows')!.childList.getAt(row);
    return r ? (r.childList.getAt(col) as unknown as KeyboardKey | undefined) : undefined;
  }

  /** The key of row `row` whose centre is nearest to the centre of the focused key. */
  private _nearest(row: number): number {
    const x = (k: KeyDef[], c: number) => k.slice(0, c).reduce((s, d) => s + d.w + KEY.gap, 0) + k[c]!.w / 2;
    const from = x(LAYOUT[this._row]!, this._col);
    const keys = LAYOUT[row]!;
    let best = 0;
    for (let c = 1; c < keys.length; c++) if (Math.abs(x(keys, c) - from) < Math.abs(x(keys, best) - from)) best = c;
    return best;
  }

  private _moveTo(row: number, col: number): void {
    this._row = row;
    this._col = col;
    this._refocus();
  }

  _onKey(key: KeyboardKey): void {
    if (key.def) this.signal('key', key.def.action);
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._key(this._row, this._col);
  }

  override _handleLeft(): boolean | void {
    if (this._col > 0) this._moveTo(this._row, this._col - 1);
  }

  override _handleRight(): boolean | void {
    if (this._col < LAYOUT[this._row]!.length - 1) this._moveTo(this._row, this._col + 1);
  }

  override _handleUp(): boolean | void {
    if (this._row === 0) return false;
    this._moveTo(this._row - 1, this._nearest(this._row - 1));
  }

  override _handleDown(): boolean | void {
    if (this._row === LAYOUT.length - 1) return false;
    this._moveTo(this._row + 1, this._nearest(this._row + 1));
  }

  $pointerFocus(child: Lightning.Component): void {
    LAYOUT.forEach((_, r) => {
      const row = this.tag('Rows')!.childList.getAt(r);
      const c = row ? row.childList.getIndex(child as unknown as Lightning.Element) : -1;
      if (c >= 0) this._moveTo(r, c);
    });
    requestPointerFocus(this);
  }
}

/**
 * The character a key press types, if any. `key` where the engine has it (Chromium 51+, accents
 * included); else the key code: letters, digits (top row and keypad) and space.
 */
export function typedChar(e: {
  key?: string;
  keyCode: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}): string | undefined {
  if (e.ctrlKey || e.altKey || e.metaKey) return undefined;
  if (typeof e.key === 'string' && e.key.length === 1) return e.key;
  const c = e.keyCode;
  if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return String.fromCharCode(c);
  if (c >= 96 && c <= 105) return String.fromCharCode(c - 48);
  return c === 32 ? ' ' : undefined;
}
