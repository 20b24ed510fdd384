import { Lightning } from '@lightningjs/sdk';
import { POINTER_PATH } from '../lib/pointer';
import { COLORS, FONT_SIZE, SAFE, SCREEN, textStyle } from '../theme';
import { formatPlayTime } from './format';
import { glyph } from './PlayerIcons';
import { roundFill } from './surfaces';

/**
 * The player's control layer over the video: shades, a Back button, the title and key hint, the
 * play/pause button, the progress track and the time. Pointer clicks are reported as signals
 * (`control(action, ratio?)`); remote keys are the page's.
 */
export const BAR = { x: SAFE.x + 104, y: 958, w: SAFE.w - 104 - 300, h: 10 } as const;

interface Spec extends Lightning.Component.TemplateSpec {
  Shade: object;
  TopShade: object;
  BackButton: { Icon: object; Label: object };
  Title: object;
  Hint: object;
  PlayButton: { Icon: object };
  Track: { Fill: object; Knob: object };
  Time: object;
}

/** A pointer action on the controls: back, play/pause, seek to a ratio of the track, or just activity. */
export type ControlAction = 'back' | 'toggle' | 'seek' | 'activity';

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
        Label: { x: 64, y: 38, mountY: 0.5, text: textStyle(FONT_SIZE.body, COLORS.text, { text: 'Back' }) },
      },
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
        text: textStyle(FONT_SIZE.caption, COLORS.textMuted, { text: 'OK  play / pause     ◀ ▶  10 s     Back  stop' }),
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

  set title(text: string) {
    this.tag('Title')!.text!.text = text;
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
