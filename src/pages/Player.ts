/**
 * Player view: OK on a title lands here. The logic (authorize → stream, retry, leave, controls
 * timing) lives in src/controllers/player.ts; this page draws its state and maps keys, pointer and
 * the VideoPlayer plugin's events to it. It paints nothing opaque while playing: the video shows
 * through the transparent stage. Captions (src/player/captions.ts) are drawn above the video and
 * below the controls; the CC button takes the remote's focus on Up, the CC key switches at once.
 * Voice guidance: the busy line, "Playing <title>", "Paused", "Finished", the caption choice, failures.
 */
import { Lightning } from '@lightningjs/sdk';
import { BusyOverlay } from '../components/BusyOverlay';
import { CaptionsView } from '../components/CaptionsView';
import { CaptionsBinding } from '../components/captionsBinding';
import { failureContent, MessagePanel } from '../components/MessagePanel';
import { messagePanel, type PageTypeConfig } from '../components/PageFrame';
import { PlayerControls, type ControlAction } from '../components/PlayerControls';
import { HIDE_AFTER_MS, PlayerController, SEEK_SECONDS } from '../controllers/player';
import type { PlayerPhase, PlayerState } from '../controllers/player';
import { TempPassCountdown } from '../components/TempPassCountdown';
import { sayPlayerPhase } from '../components/playerSpeech';
import type { Speech } from '../lib/announcer';
import { t } from '../lib/language';
import { POINTER_PATH } from '../lib/pointer';
import { Player as Video, type VideoEvents } from '../player/VideoPlayer';
import { services } from '../services';
import { SCREEN } from '../theme';
import { setJourneyInfo, videoFacts } from './hooks';

export { HIDE_AFTER_MS, SEEK_SECONDS, type PlayerPhase };

interface Spec extends Lightning.Component.TemplateSpec {
  Scrim: object;
  Captions: typeof CaptionsView;
  Controls: typeof PlayerControls;
  Busy: typeof BusyOverlay;
  Panel: typeof MessagePanel;
  Countdown: typeof TempPassCountdown;
}

export class PlayerPage
  extends Lightning.Component<Spec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _captions = new CaptionsBinding({
    view: () => this.tag('Captions')!,
    setTrack: (track) => (this.tag('Controls')!.captionTrack = track),
  });
  private _ctl = new PlayerController(services(), Video, { cycle: () => this._captions.cycle() });
  private _shown: PlayerState = this._ctl.state;
  /** The VideoPlayer plugin's media events → the controller. */
  readonly media: VideoEvents = {
    playing: () => this._ctl.playing(),
    pause: () => this._ctl.paused(),
    ended: () => this._ctl.ended(),
    progress: (at) => this._updateProgress(at),
    error: (code, refusal) => this._ctl.videoError(code, refusal),
  };
  private _isActive = false;

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      w: SCREEN.w,
      h: SCREEN.h,
      collision: POINTER_PATH,
      Scrim: { w: SCREEN.w, h: SCREEN.h, rect: true, color: 0xf20b1020, visible: false },
      Captions: { type: CaptionsView },
      Controls: {
        type: PlayerControls,
        alpha: 0,
        signals: { control: '_onControl' },
      },
      Busy: { type: BusyOverlay, y: 460, visible: false, strong: true },
      Panel: messagePanel(320),
      Countdown: { type: TempPassCountdown },
    };
  }

  get phase(): PlayerPhase {
    return this._ctl.state.kind;
  }

  /** Router: `play/:id`. */
  override _onUrlParams(params: { id?: string }): void {
    this._ctl.setItem(params.id, this._isActive);
  }

  override _init(): void {
    this._ctl.subscribe((state) => this._render(state));
    this.tag('Countdown')!.source = () => services().flows.tempPass();
  }

  override _active(): void {
    this._isActive = true;
    document.addEventListener('visibilitychange', this._onVisibility);
    const search = typeof location !== 'undefined' ? location.search : '';
    Video.attach(this.media, (message) => this._ctl.playbackError(message), {
      forceHlsJs: /[?&]hlsjs=1\b/.test(search),
      forceNative: /[?&]native=1\b/.test(search),
    });
    setJourneyInfo({
      player: () => videoFacts(Video.element),
      captions: () => this._captions.facts(),
      tempPass: () => this.tag('Countdown')!.shown,
    });
    this._captions.start();
    void this._ctl.start();
  }

  override _inactive(): void {
    this._isActive = false;
    document.removeEventListener('visibilitychange', this._onVisibility);
    this._captions.end();
    this._ctl.stop();
    Video.detach();
  }

  /** Said when the player takes focus: the title being opened (the busy line follows). */
  get announce(): Speech {
    const s = this._ctl.state;
    return 'item' in s && s.item ? s.item.title : undefined;
  }

  private _render(s: PlayerState): void {
    const prev = this._shown;
    this._shown = s;
    if (prev.kind !== s.kind && 'item' in s && s.item) sayPlayerPhase(s.kind, s.item.title, prev.kind);
    const failed = s.kind === 'denied' || s.kind === 'error';
    setJourneyInfo({ playerPhase: s.kind === 'idle' ? null : s.kind, notice: ('notice' in s && s.notice) || null });
    if (failed && prev !== s) this.tag('Panel')!.content = failureContent(s.failure, s.title, s.actions);
    if (!failed || prev !== s) setJourneyInfo({ message: failed ? s.failure.message : null });
    const controls = this.tag('Controls')!;
    if ('item' in s && s.item) controls.title = s.item.title;
    controls.notice = ('notice' in s && s.notice) || '';
    this.tag('Scrim')!.visible = failed || s.kind === 'authorizing';
    const busy = this.tag('Busy')!;
    busy.visible = s.kind === 'authorizing' || s.kind === 'starting';
    busy.label = s.kind === 'starting' ? t('player.starting') : t('player.checkingAccess');
    this.tag('Panel')!.visible = failed;
    if (!('controls' in s)) controls.alpha = 0;
    else if (s.controls) controls.setSmooth('alpha', 1, { duration: 0.2 });
    else if (prev.kind === s.kind) controls.setSmooth('alpha', 0, { duration: 0.6 });
    controls.playing = s.kind === 'playing' || s.kind === 'starting';
    this.tag('Captions')!.lifted = 'controls' in s && s.controls;
    this._refocus();
  }

  private _updateProgress(current: number): void {
    const { ratio, duration } = this._ctl.progress(current, Video.duration);
    this.tag('Controls')!.showProgress(ratio, current, duration);
  }

  private _seek(seconds: number): true {
    const at = this._ctl.seek(seconds);
    if (at !== undefined) this._updateProgress(at);
    return true;
  }

  /** Sent to the background (TV home, another app): stop and go back (Samsung, Comcast rules). */
  private _onVisibility = (): void => {
    if (document.hidden && this._isActive) this._ctl.background();
  };

  // --- keys: each maps to one intent and is handled here ---
  override _handleEnter(): boolean | void {
    this._ctl.ok();
    return true;
  }

  _handlePlayPause(): boolean {
    this._ctl.toggle();
    return true;
  }

  _handlePlay(): boolean {
    this._ctl.play();
    return true;
  }

  _handlePause(): boolean {
    this._ctl.pause();
    return true;
  }

  _handleStop(): boolean {
    this._ctl.leave();
    return true;
  }

  override _handleBack(): boolean | void {
    this._ctl.back();
    return true;
  }

  /** Yellow: the TempPass time left, said by voice guidance (the countdown shows it). */
  _handleYellow = (): boolean => (this.tag('Countdown')!.speakTimeLeft(), true);

  /** The remote's CC / subtitle key (platform key maps name it "Captions"). */
  _handleCaptions(): boolean {
    this._ctl.switchCaptions();
    return true;
  }

  override _handleLeft(): boolean | void {
    return this._seek(-SEEK_SECONDS);
  }

  override _handleRight(): boolean | void {
    return this._seek(SEEK_SECONDS);
  }

  _handleFastForward = (): boolean => this._seek(SEEK_SECONDS);
  _handleRewind = (): boolean => this._seek(-SEEK_SECONDS);

  override _handleUp(): boolean | void {
    this._ctl.up();
    return true;
  }

  override _handleDown(): boolean | void {
    this._ctl.down();
    return true;
  }

  _onPanelAction(id: string): void {
    this._ctl.panelAction(id);
  }

  override _getFocused(): Lightning.Component | undefined {
    const s = this._ctl.state;
    if (s.kind === 'denied' || s.kind === 'error') return this.tag('Panel');
    if ('focus' in s && s.focus === 'captions' && s.controls) return this.tag('Controls')!.tag('CaptionsButton');
    return undefined;
  }

  // --- pointer: hover anywhere shows the controls; the control layer reports its clicks ---
  _handleHover(): boolean {
    this._ctl.poke();
    return false;
  }

  _onControl(action: ControlAction, ratio?: number): void {
    this._ctl.control(action, ratio);
  }

  $pointerFocus(): void {
    // Panel buttons follow the pointer themselves.
  }
}
