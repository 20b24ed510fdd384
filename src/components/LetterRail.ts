import { Lightning } from '@lightningjs/sdk';
import type { SpeechValue } from '../lib/announcer';
import { t } from '../lib/language';
import { COLORS, cssColor, FONT_FACE } from '../theme';
import { POINTER_PATH, requestPointerFocus } from '../lib/pointer';
import { ALPHABET } from './letters';
import { Selectable, type SelectableTypeConfig } from './Selectable';

/**
 * A–Z jump rail: Left/Right move between letters that have providers, OK (or click) jumps. The letter
 * of the provider focused in the grid is marked, so a viewer deep in a long list sees where they are.
 * The 27 letters are drawn in one canvas texture (dimmed where no provider starts with them): 27 text
 * textures cost the picker's first frame about a third of its text work. A key draws its own letter
 * only while it is focused or marked, over its solid background.
 */
export const LETTER = { w: 56, h: 56, gap: 8 } as const;
const LETTER_FONT = { size: 28, dimmed: 0.3 } as const;
const STEP = LETTER.w + LETTER.gap;

/** The rail's letters in one canvas, `enabled` at full strength and the others dimmed. */
function lettersTexture(enabled: Set<string>): Lightning.Element.PatchTemplate {
  const on = ALPHABET.map((l) => (enabled.has(l) ? '1' : '0')).join('');
  return {
    w: ALPHABET.length * STEP - LETTER.gap,
    h: LETTER.h,
    texture: {
      type: Lightning.textures.StaticCanvasTexture,
      content: {
        lookupId: `tve-letter-rail-${on}`,
        factory: (cb: (err: null, canvas: HTMLCanvasElement) => void) => {
          const c = document.createElement('canvas');
          c.width = ALPHABET.length * STEP - LETTER.gap;
          c.height = LETTER.h;
          const ctx = c.getContext('2d');
          if (ctx) {
            ctx.font = `bold ${LETTER_FONT.size}px ${FONT_FACE}`;
            ctx.textAlign = 'center';
            ctx.textBaseline = 'middle';
            ctx.fillStyle = cssColor(COLORS.text);
            ALPHABET.forEach((letter, i) => {
              ctx.globalAlpha = enabled.has(letter) ? 1 : LETTER_FONT.dimmed;
              ctx.fillText(letter, i * STEP + LETTER.w / 2, LETTER.h / 2 + 2);
            });
          }
          cb(null, c);
        },
      },
    },
  } as Lightning.Element.PatchTemplate;
}

interface LetterSpec extends Lightning.Component.TemplateSpec {
  Bg: object;
  Label: object;
}
type LetterConfig = SelectableTypeConfig<LetterKey>;

class LetterKey
  extends Selectable<LetterSpec, LetterConfig>
  implements Lightning.Component.ImplementTemplateSpec<LetterSpec>
{
  letter = '';

  static override _template(): Lightning.Component.Template<LetterSpec> {
    return {
      w: LETTER.w,
      h: LETTER.h,
      collision: true,
      Bg: {
        w: LETTER.w,
        h: LETTER.h,
        rect: true,
        color: COLORS.transparent,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: LETTER.h / 2 },
      },
      Label: {
        x: LETTER.w / 2,
        y: LETTER.h / 2 + 2,
        mount: 0.5,
        visible: false,
        text: { text: '', fontFace: FONT_FACE, fontSize: LETTER_FONT.size, fontStyle: 'bold', textColor: COLORS.text },
      },
    };
  }

  get label(): string {
    return this.letter;
  }

  /** Voice guidance: "Providers starting with B" (a lone letter is easily misheard). */
  protected override _speech(): SpeechValue {
    return this.letter ? t('providers.letter', { letter: this.letter }) : undefined;
  }

  /** The letter of the provider focused in the grid (shown while the rail itself is not focused). */
  current = false;

  setLetter(letter: string, enabled: boolean): void {
    this.letter = letter;
    this.tag('Label')!.text!.text = letter;
    this.alpha = enabled ? 1 : LETTER_FONT.dimmed;
  }

  setCurrent(on: boolean): void {
    this.current = on;
    if (!this.hasFocus()) this._unfocus();
  }

  override _focus(): void {
    this.tag('Bg')!.color = COLORS.focus;
    this.tag('Label')!.patch({ visible: true, text: { textColor: COLORS.focusText } });
  }

  override _unfocus(): void {
    this.tag('Bg')!.color = this.current ? COLORS.surfaceRaised : COLORS.transparent;
    // The rail's canvas shows the letter when its key has no background of its own.
    this.tag('Label')!.patch({ visible: this.current, text: { textColor: COLORS.text } });
  }
}

interface RailSpec extends Lightning.Component.TemplateSpec {
  Letters: object;
  Keys: object;
}
export interface LetterRailSignals {
  jump(letter: string): void;
}
interface RailConfig extends Lightning.Component.TypeConfig {
  SignalMapType: LetterRailSignals;
}

export class LetterRail
  extends Lightning.Component<RailSpec, RailConfig>
  implements Lightning.Component.ImplementTemplateSpec<RailSpec>
{
  private _enabled = new Set<string>();
  private _index = 0;

  static override _template(): Lightning.Component.Template<RailSpec> {
    return {
      h: LETTER.h,
      collision: POINTER_PATH,
      Letters: lettersTexture(new Set()),
      Keys: {
        collision: POINTER_PATH,
        children: ALPHABET.map((letter, i) => ({
          type: LetterKey,
          x: i * STEP,
          letter,
          signals: { select: '_onSelect' },
        })),
      },
    };
  }

  /** Letters with at least one provider; the others are dimmed and skipped. */
  set letters(letters: Set<string>) {
    this._enabled = letters;
    this.tag('Letters')!.patch(lettersTexture(letters));
    this._keys().forEach((k, i) => k.setLetter(ALPHABET[i]!, letters.has(ALPHABET[i]!)));
    if (!letters.has(ALPHABET[this._index]!))
      this._index = Math.max(
        0,
        ALPHABET.findIndex((l) => letters.has(l)),
      );
    this.w = ALPHABET.length * STEP - LETTER.gap;
  }

  get letter(): string {
    return ALPHABET[this._index]!;
  }

  /** Move the rail's own focus to `letter` (when it has providers). */
  set letter(letter: string) {
    const i = ALPHABET.indexOf(letter);
    if (i >= 0 && this._enabled.has(letter)) {
      this._index = i;
      this._refocus();
    }
  }

  /** Mark `letter` as where the grid's focus is (undefined: none). */
  set current(letter: string | undefined) {
    this._keys().forEach((k) => {
      if (k.current !== (k.letter === letter)) k.setCurrent(k.letter === letter);
    });
  }

  private _keys(): LetterKey[] {
    return this.tag('Keys')!.children as LetterKey[];
  }

  private _move(dir: 1 | -1): boolean {
    for (let i = this._index + dir; i >= 0 && i < ALPHABET.length; i += dir) {
      if (this._enabled.has(ALPHABET[i]!)) {
        this._index = i;
        this._refocus();
        return true;
      }
    }
    return false;
  }

  _onSelect(key: LetterKey): void {
    const i = this._keys().indexOf(key);
    if (i < 0 || !this._enabled.has(key.letter)) return;
    this._index = i;
    this.signal('jump', key.letter);
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._keys()[this._index];
  }

  override _handleLeft(): boolean | void {
    return this._move(-1);
  }

  override _handleRight(): boolean | void {
    return this._move(1);
  }

  $pointerFocus(child: Lightning.Component): void {
    const i = this._keys().indexOf(child as LetterKey);
    if (i >= 0 && this._enabled.has(ALPHABET[i]!)) {
      this._index = i;
      this._refocus();
    }
    requestPointerFocus(this);
  }
}
