import { Lightning } from '@lightningjs/sdk';
import type { SpeechValue } from '../lib/announcer';
import { t } from '../lib/language';
import { POINTER_PATH } from '../lib/pointer';
import { COLORS, FONT_SIZE, SAFE, SCREEN, textStyle } from '../theme';
import { formatPlayTime } from './format';
import { NoticeLine } from './NoticeLine';
import { glyph } from './PlayerIcons';
import { Selectable } from './Selectable';
import { focusRing, roundFill } from './surfaces';

/**
 * The player's control layer over the video: shades, a Back button, the CC button, the title and key
 * hint, the play/pause button, the progress track and the time. Pointer clicks are reported as signals
 * (`control(action, ratio?)`); remote keys are the page's, which focuses the CC button on Up.
 */
export const BAR = { x: SAFE.x + 104, y: 958, w: SAFE.w - 104 - 300, h: 10 } as const;
export const CC_SIZE = { w: 120, h: 72 } as const;

interface Spec extends Lightning.Component.TemplateSpec {
  Shade: object;
  TopShade: object;
  BackButton: { Icon: object; Label: object };
  CaptionsButton: typeof CaptionsButton;
  Notice: typeof NoticeLine;
  Title: object;
  Hint: object;
  PlayButton: { Icon: object };
  Track: { Fill: object; Knob: object };
  Time: object;
}

/** A pointer action on the controls: back, play/pause, seek to a ratio of the track, captions, or just activity. */
export type ControlAction = 'back' | 'toggle' | 'seek' | 'activity' | 'captions';

interface CaptionsButtonSpec extends Lightning.Component.TemplateSpec {
  Ring: object;
  Body: object;
  Label: object;
}

/**
 * "CC" in a pill: filled when captions are on. Takes the remote's focus from the player page (ring);
 * voice guidance says what is on ("Captions: English CC, button").
 */
export class CaptionsButton
  extends Selectable<CaptionsButtonSpec>
  implements Lightning.Component.ImplementTemplateSpec<CaptionsButtonSpec>
{
  private _track: string | null = null;

  static override _template(): Lightning.Component.Template<CaptionsButtonSpec> {
    const { w, h } = CC_SIZE;
    return {
      w,
      h,
      collision: true,
      pivot: 0.5,
      Ring: { x: -6, y: -6, alpha: 0, texture: focusRing(w, h) },
      Body: { w, h, texture: roundFill(w, h, 0x66000000, h / 2) },
      Label: {
        x: w / 2,
        y: h / 2 + 2,
        mount: 0.5,
        text: textStyle(FONT_SIZE.button, COLORS.text, { fontStyle: 'bold' }),
      },
    };
  }

  override _init(): void {
    this.tag('Label')!.text!.text = t('captions.button');
  }

  /** The track shown (its name), or null when captions are off. */
  set track(name: string | null) {
    this._track = name;
    const on = name !== null;
    this.tag('Body')!.texture = roundFill(CC_SIZE.w, CC_SIZE.h, on ? COLORS.text : 0x66000000, CC_SIZE.h / 2);
    this.tag('Label')!.text!.textColor = on ? COLORS.focusText : COLORS.text;
  }

  /** What the test hook reports as the focused label. */
  get label(): string {
    return this._track === null ? t('captions.off') : t('captions.on', { track: this._track });
  }

  protected override _speech(): SpeechValue {
    return t('a11y.button', { label: this.label });
  }

  override _focus(): void {
    this._lift(true);
  }

  override _unfocus(): void {
    this._lift(false);
  }
}

export interface PlayerControlsSignals {
  control(action: ControlAction, ratio?: number): void;
}
interface TypeConfig extends Lightning.Component.TypeConfig {
  SignalMapType: PlayerControlsSignals;
}

export class PlayerControls
  extends Lightning.Component<Spec, TypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  static override _template(): Lightning.Component.Template<Spec> {
    const bold = { fontStyle: 'bold' };
    return {
      collision: POINTER_PATH,
      Shade: { y: SCREEN.h - 420, w: SCREEN.w, h: 420, rect: true, colorTop: 0x00000000, colorBottom: 0xe6000000 },
      TopShade: { w: SCREEN.w, h: 220, rect: true, colorTop: 0xb3000000, colorBottom: 0x00000000 },
      BackButton: {
        x: SAFE.x,
        y: SAFE.y,
        w: 190,
        h: 72,
        collision: true,
        texture: roundFill(190, 72, 0x66000000, 36),
        Icon: { x: 18, y: 18, w: 36, h: 36, texture: glyph('back', 36) },
        Label: { x: 64, y: 38, mountY: 0.5, text: textStyle(FONT_SIZE.body, COLORS.text) },
      },
      CaptionsButton: {
        type: CaptionsButton,
        x: SAFE.x + SAFE.w - CC_SIZE.w,
        y: SAFE.y,
        signals: { select: '_onCaptions' },
      },
      // Degraded access (spec §15): a plain line above the title while the controls show.
      Notice: { type: NoticeLine, x: SAFE.x, y: 770, w: SAFE.w, maxLines: 1 },
      Title: {
        x: SAFE.x,
        y: 820,
        text: textStyle(FONT_SIZE.title, COLORS.text, {
          ...bold,
          wordWrapWidth: SAFE.w,
          maxLines: 1,
          textOverflow: 'ellipsis',
        }),
      },
      Hint: {
        x: SAFE.x,
        y: 884,
        text: textStyle(FONT_SIZE.caption, COLORS.textMuted),
      },
      PlayButton: {
        x: SAFE.x,
        y: BAR.y + BAR.h / 2,
        mountY: 0.5,
        w: 80,
        h: 80,
        collision: true,
        texture: roundFill(80, 80, COLORS.focus, 40),
        Icon: { x: 40, y: 40, mount: 0.5, w: 40, h: 40, color: COLORS.focusText, texture: glyph('pause', 40) },
      },
      Track: {
        x: BAR.x,
        y: BAR.y,
        w: BAR.w,
        h: BAR.h,
        collision: true,
        texture: roundFill(BAR.w, BAR.h, 0x59ffffff, BAR.h / 2),
        Fill: { h: BAR.h, w: 0, rect: true, color: COLORS.focus },
        Knob: { y: BAR.h / 2, mount: 0.5, w: 28, h: 28, texture: roundFill(28, 28, 0xffffffff, 14) },
      },
      Time: {
        x: BAR.x + BAR.w + 32,
        y: BAR.y + BAR.h / 2 + 2,
        mountY: 0.5,
        text: textStyle(FONT_SIZE.body, COLORS.text, bold),
      },
    };
  }

  override _init(): void {
    this.tag('BackButton.Label')!.text!.text = t('common.back');
    this.tag('Hint')!.text!.text = t('player.hint');
    this._fitBack();
    this.tag('BackButton.Label')!.on('txLoaded', () => this._fitBack());
  }

  /** The Back pill grows with its label ("Volver" is longer than "Back"). */
  private _fitBack(): void {
    const w = Math.max(190, 64 + (this.tag('BackButton.Label')!.renderWidth || 100) + 28);
    this.tag('BackButton')!.patch({ w, texture: roundFill(w, 72, 0x66000000, 36) });
  }

  set title(text: string) {
    this.tag('Title')!.text!.text = text;
  }

  /** The degraded-access line (empty: hidden). */
  set notice(text: string) {
    this.tag('Notice')!.line = text;
  }

  /** The caption track shown (its name), or null when captions are off. */
  set captionTrack(name: string | null) {
    this.tag('CaptionsButton')!.track = name;
  }

  _onCaptions(): void {
    this.signal('control', 'captions');
  }

  /** Pause glyph while playing (or about to), play glyph otherwise. */
  set playing(on: boolean) {
    this.tag('PlayButton.Icon')!.texture = glyph(on ? 'pause' : 'play', 40);
  }

  /** Progress: `ratio` of the track filled, "m:ss / m:ss" beside it. */
  showProgress(ratio: number, current: number, duration: number): void {
    this.tag('Track.Fill')!.w = BAR.w * ratio;
    this.tag('Track.Knob')!.x = BAR.w * ratio;
    this.tag('Time')!.text!.text = `${formatPlayTime(current)} / ${formatPlayTime(duration)}`;
  }

  _handleHover(): boolean {
    this.signal('control', 'activity');
    return false;
  }

  _handleClick(target: Lightning.Element, local: { x: number; y: number }): boolean | void {
    if (target === this.tag('BackButton')) this.signal('control', 'back');
    else if (target === this.tag('PlayButton')) this.signal('control', 'toggle');
    else if (target === this.tag('Track')) this.signal('control', 'seek', (local.x - BAR.x) / BAR.w);
    else this.signal('control', 'activity');
  }
}
