/**
 * One plain line of text that comes and goes with what it says: the degraded-access line (spec §15) in
 * the catalog's header and over the player's controls. Hidden when empty; said once by voice guidance
 * when it appears or changes (it takes no focus). Set `line`; `w` is the wrap width, `maxLines` for how many.
 */
import { Lightning } from '@lightningjs/sdk';
import { announcer } from '../lib/announcer';
import { COLORS, FONT_SIZE, textStyle } from '../theme';

interface Spec extends Lightning.Component.TemplateSpec {
  line: string;
  maxLines: number;
  Label: object;
}

export class NoticeLine extends Lightning.Component<Spec> implements Lightning.Component.ImplementTemplateSpec<Spec> {
  private _text: string | undefined;

  static override _template(): Lightning.Component.Template<Spec> {
    return { visible: false, Label: { text: textStyle(FONT_SIZE.caption, COLORS.focus, { lineHeight: 32 }) } };
  }

  override _init(): void {
    this.tag('Label')!.text!.wordWrapWidth = this.w;
  }

  set maxLines(n: number) {
    this.tag('Label')!.text!.maxLines = n;
  }

  get maxLines(): number {
    return this.tag('Label')!.text!.maxLines;
  }

  get line(): string {
    return this._text ?? '';
  }

  /** What to say; empty hides the line. */
  set line(value: string) {
    this.visible = Boolean(value);
    if (!value || value === this._text) return;
    this._text = value;
    const label = this.tag('Label')!.text!;
    label.wordWrapWidth = this.w;
    label.text = value;
    announcer.speak(value, { polite: true });
  }
}
