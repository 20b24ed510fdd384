/**
 * The picker's search field: a magnifier, then what was typed (with a caret while searching) or a
 * placeholder. OK or a click opens the keyboard (`select`). The focus style is the ring only: the
 * field is wide, and a scale-up would push it out of the safe area.
 */
import { Lightning } from '@lightningjs/sdk';
import type { SpeechValue } from '../lib/announcer';
import { t } from '../lib/language';
import { markPointerPath } from '../lib/pointer';
import { COLORS, FONT_SIZE, textStyle } from '../theme';
import { Selectable, type SelectableTypeConfig } from './Selectable';
import { focusRing, roundFill } from './surfaces';

/** User-facing strings (one place, for translation). */
export const FIELD_TEXT = {
  get label(): string {
    return t('providers.search');
  },
  get placeholder(): string {
    return t('providers.searchPlaceholder');
  },
  get typing(): string {
    return t('providers.searchTyping');
  },
};

export const FIELD = { w: 560, h: 80 } as const;
const TEXT_X = 76;

interface Spec extends Lightning.Component.TemplateSpec {
  Ring: object;
  Body: object;
  Lens: { Handle: object };
  Text: object;
  Caret: object;
}

export class SearchField
  extends Selectable<Spec, SelectableTypeConfig<SearchField>>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _query = '';
  private _searching = false;

  static override _template(): Lightning.Component.Template<Spec> {
    const { w, h } = FIELD;
    return {
      w,
      h,
      collision: true,
      Ring: { x: -6, y: -6, alpha: 0, texture: focusRing(w, h) },
      Body: { w, h, texture: roundFill(w, h, COLORS.surface, h / 2) },
      Lens: {
        x: 28,
        y: 22,
        texture: Lightning.Tools.getRoundRect(26, 26, 13, 4, COLORS.textMuted, false, 0),
        Handle: { x: 26, y: 24, w: 5, h: 14, rect: true, color: COLORS.textMuted, rotation: -Math.PI / 4 },
      },
      Text: {
        x: TEXT_X,
        y: h / 2 + 2,
        mountY: 0.5,
        text: textStyle(FONT_SIZE.body, COLORS.textMuted, {
          text: FIELD_TEXT.placeholder,
          wordWrapWidth: w - TEXT_X - 40,
          maxLines: 1,
          textOverflow: 'ellipsis',
        }),
      },
      Caret: { y: 20, w: 3, h: h - 40, rect: true, color: COLORS.focus, visible: false },
    };
  }

  /** What the shell's test hook reports as the focused label. */
  get label(): string {
    return FIELD_TEXT.label;
  }

  /** Voice guidance: what is typed (or the placeholder), and that OK opens the keyboard. */
  protected override _speech(): SpeechValue {
    return t('a11y.button', { label: this._query || FIELD_TEXT.placeholder });
  }

  get query(): string {
    return this._query;
  }

  /** Show `query` (searching) or the placeholder. */
  show(query: string, active: boolean): void {
    if (query === this._query && active === this._searching) return;
    this._query = query;
    this._searching = active;
    const text = this.tag('Text')!;
    const placeholder = active ? FIELD_TEXT.typing : FIELD_TEXT.placeholder;
    text.text!.text = query || placeholder;
    text.text!.textColor = query ? COLORS.text : COLORS.textMuted;
    const caret = this.tag('Caret')!;
    caret.visible = active;
    // The caret follows the typed text once its texture is measured; before anything is typed it leads.
    if (!query) caret.x = TEXT_X - 8;
    this.tag('Body')!.texture = roundFill(
      FIELD.w,
      FIELD.h,
      active ? COLORS.surfaceRaised : COLORS.surface,
      FIELD.h / 2,
    );
  }

  override _init(): void {
    this.tag('Text')!.on('txLoaded', () => {
      if (this._query)
        this.tag('Caret')!.x = TEXT_X + Math.min(this.tag('Text')!.renderWidth, FIELD.w - TEXT_X - 40) + 4;
    });
  }

  override _attach(): void {
    markPointerPath(this as unknown as Lightning.Element);
  }

  override _focus(): void {
    this.tag('Ring')!.setSmooth('alpha', 1, { duration: 0.15 });
  }

  override _unfocus(): void {
    this.tag('Ring')!.setSmooth('alpha', 0, { duration: 0.15 });
  }
}
