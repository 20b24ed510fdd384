/**
 * TempPass countdown (catalog and player): "Free preview: 12:34 left · 2 free titles left" on a pill in
 * the top-right corner, ticking once a second from the pass's expiry (`source()`, usually
 * `flows.tempPass()`). Hidden when there is no TempPass. Never takes focus; `announce()` says the time
 * left on request (voice guidance); `onExpired` fires once when it reaches zero (the player stops there).
 */
import { Lightning } from '@lightningjs/sdk';
import { countdownSpeech, countdownText } from '../controllers/temppass';
import type { TempPassStatus } from '../flows/api';
import { announcer } from '../lib/announcer';
import { t } from '../lib/language';
import { Registry, type TimerId } from '../lib/registry';
import { COLORS, FONT_SIZE, SAFE, SCREEN, textStyle } from '../theme';
import { roundFill } from './surfaces';

const W = 780;
const H = 64;

interface Spec extends Lightning.Component.TemplateSpec {
  Label: object;
}

export class TempPassCountdown
  extends Lightning.Component<Spec>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  /** Where the status comes from; read on every tick. */
  source: () => TempPassStatus | undefined = () => undefined;
  now: () => number = () => Date.now();
  onExpired?: () => void;
  /** The line on screen now (tests, hooks), or null when hidden. */
  shown: string | null = null;
  private timer?: TimerId;
  private fired = false;

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      x: SCREEN.w - SAFE.x - W,
      y: SAFE.y + 96,
      w: W,
      h: H,
      visible: false,
      texture: roundFill(W, H, 0xe01b7f4c, H / 2),
      Label: {
        x: W / 2,
        y: H / 2 + 2,
        mount: 0.5,
        text: textStyle(FONT_SIZE.caption + 2, COLORS.text, {
          fontStyle: 'bold',
          maxLines: 1,
          wordWrapWidth: W - 32,
          textOverflow: 'ellipsis',
        }),
      },
    };
  }

  override _attach(): void {
    this.fired = false;
    this.tick();
    this.timer = Registry.setInterval(() => this.tick(), 1000);
  }

  override _detach(): void {
    if (this.timer !== undefined) Registry.clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Re-read the status now (e.g. after an authorization moved the expiry). */
  tick(): void {
    const status = this.source();
    if (!status) {
      this.visible = false;
      this.shown = null;
      return;
    }
    const now = this.now();
    const over = status.expiresAt <= now;
    this.shown = over ? t('temppass.endedTitle') : countdownText(status, now);
    this.tag('Label')!.text!.text = this.shown;
    this.visible = true;
    if (over && !this.fired) {
      this.fired = true;
      if (this.onExpired) this.onExpired();
    }
  }

  /** Voice guidance on request: the time (and titles) left. */
  speakTimeLeft(): void {
    const status = this.source();
    if (status) announcer.speak(countdownSpeech(status, this.now()));
  }
}
