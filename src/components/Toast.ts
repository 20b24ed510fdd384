/**
 * Non-blocking messages at the bottom of the safe area, one at a time, queued. Never takes focus, so
 * voice guidance says each one as it appears (after what is being said).
 */
import { Lightning } from '@lightningjs/sdk';
import { announcer } from '../lib/announcer';
import { COLORS, FONT_FACE, FONT_SIZE, SAFE, SCREEN, SPACE } from '../theme';
import { Registry, TimerId } from '../lib/registry';

export interface ToastTemplateSpec extends Lightning.Component.TemplateSpec {
  Pill: {
    Label: object;
  };
}

export const TOAST_DEFAULT_MS = 3500;
const PILL_H = 72;

export class Toast
  extends Lightning.Component<ToastTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ToastTemplateSpec>
{
  static override _template(): Lightning.Component.Template<ToastTemplateSpec> {
    return {
      x: SCREEN.w / 2,
      y: SCREEN.h - SAFE.bottom - PILL_H,
      alpha: 0,
      Pill: {
        mountX: 0.5,
        h: PILL_H,
        rect: true,
        color: COLORS.surfaceRaised,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: PILL_H / 2 },
        Label: {
          y: PILL_H / 2 + 2,
          mountY: 0.5,
          x: SPACE.l,
          text: {
            text: '',
            fontFace: FONT_FACE,
            fontSize: FONT_SIZE.body,
            textColor: COLORS.text,
            maxLines: 1,
            wordWrapWidth: SAFE.w - 2 * SPACE.l,
            textOverflow: 'ellipsis',
          },
        },
      },
    };
  }

  private _queue: Array<{ text: string; ms: number }> = [];
  private _current: string | null = null;
  private _timer: TimerId | undefined;

  /** The text on screen now (null when hidden). */
  get current(): string | null {
    return this._current;
  }

  /** Texts waiting behind the current one. */
  get pending(): string[] {
    return this._queue.map((q) => q.text);
  }

  show(text: string, ms: number = TOAST_DEFAULT_MS): void {
    this._queue.push({ text, ms });
    if (this._current === null) this._next();
  }

  private _next(): void {
    const item = this._queue.shift();
    if (!item) {
      this._current = null;
      this.setSmooth('alpha', 0, { duration: 0.2 });
      return;
    }
    this._current = item.text;
    announcer.speak(item.text, { polite: true });
    this.tag('Pill.Label')!.patch({ text: { text: item.text } });
    this._size();
    this.setSmooth('alpha', 1, { duration: 0.2 });
    this._timer = Registry.setTimeout(() => this._next(), item.ms);
  }

  override _init(): void {
    // Text is measured asynchronously: resize the pill when the label texture is ready.
    this.tag('Pill.Label')!.on('txLoaded', () => this._size());
  }

  private _size(): void {
    const label = this.tag('Pill.Label')!;
    const estimate = (this._current ?? '').length * 16;
    this.tag('Pill')!.w = Math.min(SAFE.w, (label.renderWidth || estimate) + 2 * SPACE.l);
  }

  /** Remove everything at once (e.g. on app close). */
  clear(): void {
    Registry.clearTimeout(this._timer);
    this._queue = [];
    this._current = null;
    this.alpha = 0;
  }

  override _detach(): void {
    Registry.clearTimeout(this._timer);
  }
}

export default Toast;
