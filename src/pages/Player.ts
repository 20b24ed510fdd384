/**
 * Player: OK on a title lands here; every play asks flows.authorize(resource) first (never cached),
 * then opens the HLS stream with the fresh media token. OK / PlayPause toggle, Left/Right seek ±10 s,
 * progress bar with time, controls hide while playing. Back stops and returns to the catalog. A denial
 * shows the MVPD's/Adobe's message; playback or network errors offer Retry (which authorizes again).
 * The page paints nothing opaque while playing: the video shows through the transparent stage.
 */
import { Lightning } from '@lightningjs/sdk';
import type { CatalogItem } from '../catalog/types';
import type { Failure } from '../flows/api';
import { formatPlayTime } from '../components/format';
import { failureContent, MessagePanel } from '../components/MessagePanel';
import { glyph } from '../components/PlayerIcons';
import { Spinner } from '../components/Spinner';
import { POINTER_PATH, roundFill } from '../components/surfaces';
import { Player as Video } from '../player/VideoPlayer';
import type { TimerId } from '../lib/registry';
import { services } from '../services';
import { COLORS, FONT_FACE, FONT_SIZE, SAFE, SCREEN } from '../theme';
import { setJourneyInfo } from './hooks';

export const SEEK_SECONDS = 10;
export const HIDE_AFTER_MS = 4000;
const BAR = { x: SAFE.x + 104, y: 958, w: SAFE.w - 104 - 300, h: 10 };

interface Spec extends Lightning.Component.TemplateSpec {
  Scrim: object;
  Controls: {
    Shade: object;
    TopShade: object;
    BackButton: { Icon: object; Label: object };
    Title: object;
    Hint: object;
    PlayButton: { Icon: object };
    Track: { Fill: object; Knob: object };
    Time: object;
  };
  Busy: { Spinner: typeof Spinner; Label: object };
  Panel: typeof MessagePanel;
}
interface TypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true;
}

export type PlayerPhase = 'idle' | 'authorizing' | 'starting' | 'playing' | 'paused' | 'ended' | 'denied' | 'error';

export class PlayerPage
  extends Lightning.Component<Spec, TypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _phase: PlayerPhase = 'idle';
  private _itemId?: string;
  private _item?: CatalogItem;
  private _attempt = 0;
  private _hideTimer?: TimerId;
  private _isActive = false;

  static override _template(): Lightning.Component.Template<Spec> {
    const text = (fontSize: number, textColor: number = COLORS.text, extra: object = {}) => ({
      text: { text: '', fontFace: FONT_FACE, fontSize, textColor, ...extra },
    });
    return {
      w: SCREEN.w,
      h: SCREEN.h,
      collision: POINTER_PATH,
      Scrim: { w: SCREEN.w, h: SCREEN.h, rect: true, color: 0xf20b1020, visible: false },
      Controls: {
        alpha: 0,
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
          Label: { x: 64, y: 38, mountY: 0.5, ...text(FONT_SIZE.body) },
        },
        Title: {
          x: SAFE.x,
          y: 820,
          ...text(FONT_SIZE.title, COLORS.text, {
            fontStyle: 'bold',
            wordWrapWidth: SAFE.w,
            maxLines: 1,
            textOverflow: 'ellipsis',
          }),
        },
        Hint: { x: SAFE.x, y: 884, ...text(FONT_SIZE.caption, COLORS.textMuted) },
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
          ...text(FONT_SIZE.body, COLORS.text, { fontStyle: 'bold' }),
        },
      },
      Busy: {
        y: 460,
        w: SCREEN.w,
        visible: false,
        Spinner: { type: Spinner, x: SCREEN.w / 2, mountX: 0.5 },
        Label: {
          y: 110,
          w: SCREEN.w,
          ...text(FONT_SIZE.body + 4, COLORS.text, { textAlign: 'center', wordWrapWidth: SCREEN.w, w: SCREEN.w }),
        },
      },
      Panel: {
        type: MessagePanel,
        y: 320,
        visible: false,
        collision: POINTER_PATH,
        signals: { action: '_onPanelAction' },
      },
    };
  }

  get phase(): PlayerPhase {
    return this._phase;
  }

  /** Router: `play/:id`. */
  override _onUrlParams(params: { id?: string }): void {
    const changed = params.id !== this._itemId;
    this._itemId = params.id;
    if (changed && this._isActive) void this._start();
  }

  override _init(): void {
    this.tag('Controls.BackButton.Label')!.text!.text = 'Back';
    this.tag('Controls.Hint')!.text!.text = 'OK  play / pause     ◀ ▶  10 s     Back  stop';
  }

  override _active(): void {
    this._isActive = true;
    document.addEventListener('visibilitychange', this._onVisibility);
    Video.attach(this, (message) => this._playbackError(message), {
      forceHlsJs: /[?&]hlsjs=1\b/.test(typeof location !== 'undefined' ? location.search : ''),
    });
    setJourneyInfo({
      player: () => {
        const el = Video.element;
        if (!el) return null;
        return {
          currentTime: el.currentTime,
          duration: el.duration,
          paused: el.paused,
          ended: el.ended,
          readyState: el.readyState,
          hasSource: el.hasAttribute('src'),
        };
      },
    });
    void this._start();
  }

  override _inactive(): void {
    this._isActive = false;
    document.removeEventListener('visibilitychange', this._onVisibility);
    this._attempt++;
    services().timers.clearTimeout(this._hideTimer);
    Video.close();
    Video.detach();
    this._setPhase('idle');
  }

  private _setPhase(phase: PlayerPhase): void {
    this._phase = phase;
    setJourneyInfo({ playerPhase: phase === 'idle' ? null : phase });
    if (phase !== 'denied' && phase !== 'error') setJourneyInfo({ message: null });
    const overlay = phase === 'authorizing' || phase === 'denied' || phase === 'error';
    this.tag('Scrim')!.visible = overlay;
    this.tag('Busy')!.visible = phase === 'authorizing' || phase === 'starting';
    this.tag('Panel')!.visible = phase === 'denied' || phase === 'error';
    if (overlay || phase === 'idle') this.tag('Controls')!.alpha = 0;
    const icon = this.tag('Controls.PlayButton.Icon')!;
    icon.texture = glyph(phase === 'playing' || phase === 'starting' ? 'pause' : 'play', 40);
    if (phase === 'paused' || phase === 'ended' || phase === 'playing') this._showControls();
    this._refocus();
  }

  private async _findItem(id: string): Promise<CatalogItem | undefined> {
    const { session, catalog } = services();
    // (no flatMap: old TV engines lack it)
    const find = (rows = session.catalog?.rows ?? []) =>
      rows.reduce<CatalogItem[]>((all, r) => all.concat(r.items), []).filter((it) => it.id === id)[0];
    const hit = find();
    if (hit) return hit;
    const loaded = await catalog.load();
    if (!loaded.ok) return undefined;
    session.catalog = loaded.value;
    return find(loaded.value.rows);
  }

  /** Authorize (always), then open the stream with the fresh media token. */
  private async _start(): Promise<void> {
    const attempt = ++this._attempt;
    const { flows, catalog } = services();
    Video.close();
    this.tag('Busy.Label')!.text!.text = 'Checking your access…';
    this._setPhase('authorizing');
    const id = this._itemId;
    const item = id ? await this._findItem(id) : undefined;
    if (attempt !== this._attempt) return;
    if (!item) {
      return this._showFailure(
        'error',
        { kind: 'unknown', message: 'This title is no longer available.', retryable: false },
        'We could not find this title',
      );
    }
    this._item = item;
    this.tag('Controls.Title')!.text!.text = item.title;
    const grant = await flows.authorize(item.resource);
    if (attempt !== this._attempt) return;
    if (!grant.ok) {
      const denied = grant.failure.kind === 'denied';
      if (grant.failure.kind === 'authentication') {
        // The sign-in is gone (expired, invalidated, service reset): offer the way back in, not just Back.
        return this._showFailure('error', grant.failure, 'Please sign in with your TV provider again', true);
      }
      return this._showFailure(
        denied ? 'denied' : 'error',
        grant.failure,
        denied ? `You can’t watch “${item.title}”` : 'We could not start this title',
      );
    }
    this.tag('Busy.Label')!.text!.text = 'Starting…';
    this._setPhase('starting');
    Video.open(catalog.streamUrl(item, grant.value.mediaToken));
  }

  private _showFailure(phase: 'denied' | 'error', failure: Failure, title: string, signIn = false): void {
    Video.close();
    const actions = signIn
      ? [
          { id: 'signin', label: 'Sign in' },
          { id: 'back', label: 'Back' },
        ]
      : phase === 'error' && failure.retryable
        ? [
            { id: 'retry', label: 'Retry' },
            { id: 'back', label: 'Back' },
          ]
        : [{ id: 'back', label: 'Back' }];
    this.tag('Panel')!.content = failureContent(failure, title, actions);
    setJourneyInfo({ message: failure.message });
    this._setPhase(phase);
  }

  private _playbackError(message: string): void {
    if (this._phase === 'denied' || this._phase === 'error' || this._phase === 'idle') return;
    this._showFailure('error', { kind: 'network', message, retryable: true }, 'Playback stopped');
  }

  private _showControls(): void {
    const controls = this.tag('Controls')!;
    controls.setSmooth('alpha', 1, { duration: 0.2 });
    const { timers } = services();
    timers.clearTimeout(this._hideTimer);
    if (this._phase === 'playing') {
      this._hideTimer = timers.setTimeout(() => {
        if (this._phase === 'playing') controls.setSmooth('alpha', 0, { duration: 0.6 });
      }, HIDE_AFTER_MS);
    }
  }

  private _updateProgress(current: number): void {
    const duration = Video.duration || this._item?.durationSec || 0;
    const ratio = duration > 0 ? Math.min(1, Math.max(0, current / duration)) : 0;
    this.tag('Controls.Track.Fill')!.w = BAR.w * ratio;
    this.tag('Controls.Track.Knob')!.x = BAR.w * ratio;
    this.tag('Controls.Time')!.text!.text = `${formatPlayTime(current)} / ${formatPlayTime(duration)}`;
  }

  // --- VideoPlayer plugin events (fired on the consumer) ---
  $videoPlayerPlaying(): void {
    if (this._phase === 'starting' || this._phase === 'paused' || this._phase === 'ended') this._setPhase('playing');
  }

  $videoPlayerPause(): void {
    if (this._phase === 'playing') this._setPhase('paused');
  }

  $videoPlayerEnded(): void {
    if (this._phase === 'playing' || this._phase === 'paused') this._setPhase('ended');
  }

  $videoPlayerTimeUpdate(_args: unknown, currentTime: number): void {
    this._updateProgress(currentTime);
  }

  $videoPlayerLoadedMetadata(_args: unknown, currentTime: number): void {
    this._updateProgress(currentTime);
  }

  $videoPlayerError(args: { videoElement?: HTMLVideoElement; event?: unknown }): void {
    const mediaError = args?.videoElement?.error;
    if (mediaError) {
      this._playbackError(
        mediaError.code === 2 ? 'The network connection was lost while playing.' : 'This video could not be played.',
      );
      return;
    }
    // play() refused (e.g. autoplay policy): wait for the user's OK instead of failing.
    const name = (args?.event as { name?: string } | undefined)?.name;
    if (name === 'NotAllowedError' && this._phase === 'starting') this._setPhase('paused');
  }

  // --- keys ---
  private _toggle(): void {
    if (this._phase === 'playing') {
      Video.pause();
      this._setPhase('paused');
    } else if (this._phase === 'paused') {
      Video.play();
    } else if (this._phase === 'ended') {
      void this._start(); // replaying authorizes again
    }
  }

  private _seek(seconds: number): void {
    if (this._phase !== 'playing' && this._phase !== 'paused') return;
    Video.seekBy(seconds);
    this._updateProgress(Math.max(0, Video.currentTime + seconds));
    this._showControls();
  }

  /**
   * The app went to the background (TV home, another app): stop playback and go back, as Samsung's
   * multitasking rule and Comcast's "stop when inactive" require. The next play authorizes again.
   */
  private _onVisibility = (): void => {
    if (document.hidden && this._isActive && this._phase !== 'idle') this._leave();
  };

  private _leave(): void {
    this._attempt++;
    Video.close();
    services().nav.to('catalog');
  }

  override _handleEnter(): boolean | void {
    if (this._phase === 'playing' || this._phase === 'paused' || this._phase === 'ended') this._toggle();
    return true;
  }

  _handlePlayPause(): boolean {
    this._toggle();
    return true;
  }

  _handlePlay(): boolean {
    if (this._phase === 'paused' || this._phase === 'ended') this._toggle();
    return true;
  }

  _handlePause(): boolean {
    if (this._phase === 'playing') this._toggle();
    return true;
  }

  _handleStop(): boolean {
    this._leave();
    return true;
  }

  override _handleLeft(): boolean | void {
    this._seek(-SEEK_SECONDS);
    return true;
  }

  override _handleRight(): boolean | void {
    this._seek(SEEK_SECONDS);
    return true;
  }

  _handleFastForward(): boolean {
    this._seek(SEEK_SECONDS);
    return true;
  }

  _handleRewind(): boolean {
    this._seek(-SEEK_SECONDS);
    return true;
  }

  override _handleUp(): boolean | void {
    if (this._phase === 'playing' || this._phase === 'paused') this._showControls();
    return true;
  }

  override _handleDown(): boolean | void {
    return this._handleUp();
  }

  override _handleBack(): boolean | void {
    this._leave();
    return true;
  }

  _onPanelAction(id: string): void {
    if (id === 'retry') void this._start();
    else if (id === 'signin') {
      this._attempt++;
      Video.close();
      services().nav.to('providers');
    } else this._leave();
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._phase === 'denied' || this._phase === 'error' ? this.tag('Panel') : undefined;
  }

  // --- pointer: the page receives clicks on its own collision elements ---
  _handleHover(): boolean {
    if (this._phase === 'playing' || this._phase === 'paused') this._showControls();
    return false;
  }

  _handleClick(target: Lightning.Element, local: { x: number; y: number }): boolean | void {
    if (this._phase === 'denied' || this._phase === 'error') return false;
    const back = this.tag('Controls.BackButton');
    const play = this.tag('Controls.PlayButton');
    const track = this.tag('Controls.Track');
    if (target === back) return this._leave();
    if (target === play) return this._toggle();
    if (target === track && (this._phase === 'playing' || this._phase === 'paused')) {
      const duration = Video.duration;
      const x = local.x - BAR.x;
      if (duration > 0) Video.seekBy((x / BAR.w) * duration - Video.currentTime);
      this._showControls();
      return;
    }
    this._showControls();
  }

  $pointerFocus(): void {
    // Panel buttons follow the pointer themselves.
  }
}
