import { Lightning } from '@lightningjs/sdk';
import { announcer } from '../lib/announcer';
import { COLORS, FONT_SIZE, SCREEN, textStyle } from '../theme';
import { Spinner } from './Spinner';

/**
 * Full-width "working on it" block: a spinner centred on the screen with one line of text under it
 * (boot progress, "Getting your activation code…", "Checking your access…", "Signing out…").
 * `strong` draws the line larger and brighter (over video). Nothing takes focus while it shows, so
 * voice guidance says its line when it appears and whenever the line changes (after what is being said).
 */
interface Spec extends Lightning.Component.TemplateSpec {
  label: string;
  strong: boolean;
  Spinner: typeof Spinner;
  Label: object;
}

export class BusyOverlay extends Lightning.Component<Spec> implements Lightning.Component.ImplementTemplateSpec<Spec> {
  static override _template(): Lightning.Component.Template<Spec> {
    return {
      w: SCREEN.w,
      Spinner: { type: Spinner, x: SCREEN.w / 2, mountX: 0.5 },
      Label: {
        y: 110,
        w: SCREEN.w,
        text: textStyle(FONT_SIZE.body, COLORS.textMuted, {
          textAlign: 'center',
          wordWrapWidth: SCREEN.w,
          w: SCREEN.w,
        }),
      },
    };
  }

  get label(): string {
    return this.tag('Label')!.text!.text;
  }

  set label(text: string) {
    const changed = text !== this.tag('Label')!.text!.text;
    this.tag('Label')!.text!.text = text;
    if (changed && this.enabled) this._say();
  }

  override _enable(): void {
    this._say();
  }

  private _say(): void {
    announcer.speak(this.label, { polite: true });
  }

  get strong(): boolean {
    return this.tag('Label')!.text!.fontSize > FONT_SIZE.body;
  }

  set strong(on: boolean) {
    this.tag('Label')!.patch({
      text: { fontSize: on ? FONT_SIZE.body + 4 : FONT_SIZE.body, textColor: on ? COLORS.text : COLORS.textMuted },
    });
  }
}
