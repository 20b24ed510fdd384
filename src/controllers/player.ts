/**
 * Player logic: every play authorizes the title's resource first (never cached), then opens the
 * stream with the fresh media token. Denials show the MVPD's message; playback and network errors
 * offer Retry (which authorizes again); a lost sign-in offers Sign in. Controls show on activity and
 * hide after HIDE_AFTER_MS while playing. While they show, Up moves the remote's focus to the CC button
 * (OK there switches captions; Down or Back return to the timeline); the CC key switches them at once.
 * A title rated above the profile's parental limit is refused before authorizing (no request); a degraded
 * sign-in or permit adds a plain `notice` line, an AuthZNone denial says access is paused by a rule.
 * The view (src/pages/Player.ts) maps keys and video events to the intents below and draws `state`.
 */
import type { CatalogItem } from '../catalog/types';
import type { Failure } from '../flows/api';
import { isDegradationDenial, isDegradedProfile } from '../flows/degraded';
import { checkRating, parentalLimits } from '../flows/ratings';
import { t } from '../lib/language';
import type { TimerId } from '../lib/registry';
import { Controller, type Action, type Deps, type FailureView } from './controller';
import { expiredFailure, tempPassFailure } from './temppass';
import { LatestRequest } from './latest';

export const SEEK_SECONDS = 10;
export const HIDE_AFTER_MS = 4000;
/** A stream opened this long ago that is still not playing is nudged once, then reported with Retry. */
export const START_STALL_MS = 10_000;

/** The part of the video player the logic drives (src/player/VideoPlayer.ts fits it). */
export interface VideoPort {
  open(url: string): void;
  close(): void;
  play(): void;
  pause(): void;
  seekBy(seconds: number): void;
  readonly currentTime: number;
  readonly duration: number;
}

/** What the remote's OK acts on while the controls show: the timeline (play/pause) or the CC button. */
export type ControlFocus = 'timeline' | 'captions';

/** The captions the CC button and key switch (src/player/captions.ts fits). */
export interface CaptionsPort {
  cycle(): unknown;
}

export type PlayerState =
  | { kind: 'idle' }
  | { kind: 'authorizing'; item?: CatalogItem }
  /**
   * `controls`: the control bar is shown (activity), else faded out. `notice`: the degraded-access line
   * (the sign-in or this permit came from a degradation rule, spec §15).
   */
  | {
      kind: 'starting' | 'playing' | 'paused' | 'ended';
      item: CatalogItem;
      controls: boolean;
      focus: ControlFocus;
      notice?: string;
    }
  | ({ kind: 'denied' | 'error'; item?: CatalogItem } & FailureView);

export type PlayerPhase = PlayerState['kind'];

type Media = Extract<PlayerState, { controls: boolean }>;

export class PlayerController extends Controller<PlayerState> {
  private readonly latest = new LatestRequest();
  private itemId?: string;
  private hideTimer?: TimerId;
  private expiryTimer?: TimerId;
  /** Watches a stream that was opened but has not started playing (see START_STALL_MS). */
  private stallTimer?: TimerId;
  private nudged = false;

  constructor(
    private readonly deps: Pick<Deps, 'flows' | 'catalog' | 'nav' | 'timers' | 'session'> & Partial<Pick<Deps, 'now'>>,
    private readonly video: VideoPort,
    private readonly captions: CaptionsPort = { cycle: () => null },
  ) {
    super({ kind: 'idle' });
  }

  /** The route's title id; a different id while shown starts it. */
  setItem(id: string | undefined, active: boolean): void {
    const changed = id !== this.itemId;
    this.itemId = id;
    if (changed && active) void this.start();
  }

  /** Authorize (always), then open the stream with the fresh media token. */
  async start(): Promise<void> {
    const ticket = this.latest.next();
    const { flows, catalog } = this.deps;
    this.video.close();
    this.set({ kind: 'authorizing' });
    const id = this.itemId;
    const item = id ? await this.findItem(id) : undefined;
    if (!ticket.live) return;
    if (!item) {
      const gone: Failure = { kind: 'unknown', message: t('player.notAvailable'), retryable: false };
      return this.fail('error', gone, t('player.notFoundTitle'));
    }
    // Parental control from the profile: a title above the limit is refused here, before authorizing.
    const current = flows.current()?.profile;
    const verdict = checkRating(item.rating, parentalLimits(current?.attributes));
    if (!verdict.allowed) {
      const message = t('parental.locked', { rating: verdict.rating, limit: verdict.limit });
      const locked: Failure = { kind: 'denied', message, retryable: false };
      return this.fail('denied', locked, t('parental.playerTitle'), item);
    }
    this.set({ kind: 'authorizing', item });
    const grant = await flows.authorize(item.resource);
    if (!ticket.live) return;
    if (!grant.ok) {
      // An AuthZNone degradation rule, not the MVPD, refused: say so.
      const failure = isDegradationDenial(grant.failure)
        ? { ...grant.failure, message: t('degraded.denied') }
        : grant.failure;
      // A used-up TempPass: Adobe's error in plain words, with sign-in offered (no logout).
      const trial = tempPassFailure(failure);
      if (trial) return this.fail('error', trial.failure, trial.title, item, true);
      // The sign-in is gone (expired, invalidated, service reset): offer the way back in, not just Back.
      if (failure.kind === 'authentication')
        return this.fail('error', failure, t('player.signInAgainTitle'), item, true);
      if (failure.kind === 'denied')
        return this.fail('denied', failure, t('player.deniedTitle', { title: item.title }), item);
      return this.fail('error', failure, t('player.startFailedTitle'), item);
    }
    const degraded = grant.value.degraded || isDegradedProfile(current);
    const notice = degraded ? t(isDegradedProfile(current) ? 'degraded.signIn' : 'degraded.decision') : undefined;
    this.setMedia({ kind: 'starting', item, controls: false, focus: 'timeline', ...(notice ? { notice } : {}) });
    this.video.open(catalog.streamUrl(item, grant.value.mediaToken));
    this.nudged = false;
    this.armStartWatch();
    this.armTempPassExpiry();
  }

  private armStartWatch(): void {
    const { timers } = this.deps;
    timers.clearTimeout(this.stallTimer);
    this.stallTimer = timers.setTimeout(() => this.startStalled(), START_STALL_MS);
  }

  /**
   * Still not playing: nudge the engine once (a seek to where it is flushes a stuck pipeline, as seen in
   * WPE WebKit/GStreamer at the start of an HLS stream), then say so with Retry — never a spinner forever.
   * The media token is single-use, so only the viewer's Retry authorizes again.
   */
  private startStalled(): void {
    const s = this.state;
    if (s.kind !== 'starting') return;
    if (!this.nudged) {
      this.nudged = true;
      this.video.seekBy(0);
      this.video.play();
      return this.armStartWatch();
    }
    const stalled: Failure = { kind: 'network', message: t('player.stalled'), retryable: true };
    this.fail('error', stalled, t('player.stoppedTitle'), s.item);
  }

  /** Watching with a TempPass: stop at its expiry (Adobe does not stop a running stream; spec §14). */
  private armTempPassExpiry(): void {
    const { flows, timers } = this.deps;
    timers.clearTimeout(this.expiryTimer);
    const status = flows.tempPass();
    if (!status) return;
    const now = this.deps.now ? this.deps.now() : Date.now();
    this.expiryTimer = timers.setTimeout(() => this.tempPassExpired(), Math.max(0, status.expiresAt - now));
  }

  /** The pass ran out: stop the stream, forget the pass on this TV (no logout), offer sign-in. */
  tempPassExpired(): void {
    const s = this.state;
    if (s.kind === 'idle' || s.kind === 'denied' || s.kind === 'error') return;
    this.latest.cancel();
    const ended = expiredFailure();
    this.fail('error', ended.failure, ended.title, 'item' in s ? s.item : undefined, true);
    void this.deps.flows.endTempPass();
  }

  /** The page was left: drop pending answers, stop the video. */
  stop(): void {
    this.latest.cancel();
    this.deps.timers.clearTimeout(this.hideTimer);
    this.deps.timers.clearTimeout(this.stallTimer);
    this.deps.timers.clearTimeout(this.expiryTimer);
    this.video.close();
    this.set({ kind: 'idle' });
  }

  // --- video events ---
  playing(): void {
    this.deps.timers.clearTimeout(this.stallTimer);
    const s = this.state;
    if (s.kind === 'starting' || s.kind === 'paused' || s.kind === 'ended') this.setMedia({ ...s, kind: 'playing' });
  }

  paused(): void {
    const s = this.state;
    if (s.kind === 'playing') this.setMedia({ ...s, kind: 'paused' });
  }

  ended(): void {
    const s = this.state;
    if (s.kind === 'playing' || s.kind === 'paused') this.setMedia({ ...s, kind: 'ended' });
  }

  /** play() was refused (autoplay policy): wait for the user's OK instead of failing. */
  playRefused(): void {
    const s = this.state;
    if (s.kind === 'starting') this.setMedia({ ...s, kind: 'paused' });
  }

  playbackError(message: string): void {
    const s = this.state;
    if (s.kind === 'denied' || s.kind === 'error' || s.kind === 'idle') return;
    this.fail('error', { kind: 'network', message, retryable: true }, t('player.stoppedTitle'), s.item);
  }

  // --- intents ---
  /** OK / PlayPause: pause, resume, or replay after the end (which authorizes again). */
  toggle(): void {
    const s = this.state;
    if (s.kind === 'playing') {
      this.video.pause();
      this.setMedia({ ...s, kind: 'paused' });
    } else if (s.kind === 'paused') this.video.play();
    else if (s.kind === 'ended') void this.start();
  }

  /** OK: the CC button when it has the focus, else play/pause (only while there is media to toggle). */
  ok(): void {
    const s = this.state;
    if ('focus' in s && s.focus === 'captions' && s.controls) return this.switchCaptions();
    if (this.isMedia('playing', 'paused', 'ended')) this.toggle();
  }

  /** The CC key (or OK on the CC button): next caption choice, controls shown. */
  switchCaptions(): void {
    if (!this.isMedia('starting', 'playing', 'paused', 'ended')) return;
    this.captions.cycle();
    this.reveal();
  }

  /** Up: the controls show and the CC button takes the remote's focus. */
  up(): void {
    const s = this.state;
    if (this.isMedia('playing', 'paused', 'ended') && 'controls' in s)
      this.setMedia({ ...s, controls: true, focus: 'captions' });
  }

  /** Down: back to the timeline (controls shown). */
  down(): void {
    const s = this.state;
    if (this.isMedia('playing', 'paused', 'ended') && 'controls' in s)
      this.setMedia({ ...s, controls: true, focus: 'timeline' });
  }

  /** Back: from the CC button to the timeline, else stop and return to the catalog. */
  back(): void {
    const s = this.state;
    if ('focus' in s && s.focus === 'captions' && s.controls) return this.down();
    this.leave();
  }

  play(): void {
    if (this.isMedia('paused', 'ended')) this.toggle();
  }

  pause(): void {
    if (this.isMedia('playing')) this.toggle();
  }

  /** Seek by ±seconds; returns the expected position (for the progress bar) or undefined when ignored. */
  seek(seconds: number): number | undefined {
    if (!this.isMedia('playing', 'paused')) return undefined;
    this.video.seekBy(seconds);
    const s = this.state;
    if ('focus' in s) this.setMedia({ ...s, controls: true, focus: 'timeline' });
    return Math.max(0, this.video.currentTime + seconds);
  }

  /** Pointer on the progress bar: jump to `ratio` (0–1) of the duration. */
  seekTo(ratio: number): void {
    if (!this.isMedia('playing', 'paused')) return;
    const duration = this.video.duration;
    if (duration > 0) this.video.seekBy(ratio * duration - this.video.currentTime);
    this.reveal();
  }

  /** Activity (arrow keys, pointer hover): show the controls while playing or paused. */
  poke(): void {
    if (this.isMedia('playing', 'paused')) this.reveal();
  }

  /** Show the controls in any media state (a click anywhere on the video). */
  reveal(): void {
    const s = this.state;
    if ('controls' in s) this.setMedia({ ...s, controls: true });
  }

  /** Back / Stop / the back button: stop and return to the catalog. */
  leave(): void {
    this.latest.cancel();
    this.video.close();
    this.deps.nav.to('catalog');
  }

  /** The app went to the background: stop playback and go back (the next play authorizes again). */
  background(): void {
    if (this.state.kind !== 'idle') this.leave();
  }

  panelAction(id: string): void {
    if (id === 'retry') void this.start();
    else if (id === 'signin') {
      this.latest.cancel();
      this.video.close();
      this.deps.nav.to('providers');
    } else this.leave();
  }

  /** The video element failed (`mediaErrorCode`) or refused to play (`refusal`, e.g. NotAllowedError). */
  videoError(mediaErrorCode: number | undefined, refusal?: string): void {
    if (mediaErrorCode !== undefined)
      this.playbackError(mediaErrorCode === 2 ? t('player.networkLost') : t('player.cannotPlay'));
    // play() refused (autoplay policy): wait for the user's OK instead of failing.
    else if (refusal === 'NotAllowedError') this.playRefused();
  }

  /** The pointer on the control layer (ignored while a failure is shown). */
  control(action: 'back' | 'toggle' | 'seek' | 'activity' | 'captions', ratio = 0): void {
    const k = this.state.kind;
    if (k === 'denied' || k === 'error') return;
    if (action === 'back') this.leave();
    else if (action === 'captions') this.switchCaptions();
    else if (action === 'toggle') this.toggle();
    else if (action === 'seek') this.seekTo(ratio);
    else this.reveal();
  }

  /** Position shown for `current` seconds: the ratio of the duration (video's, else the catalog's). */
  progress(current: number, videoDuration: number): { ratio: number; duration: number } {
    const s = this.state;
    const duration = videoDuration || ('item' in s ? s.item?.durationSec : undefined) || 0;
    const ratio = duration > 0 ? Math.min(1, Math.max(0, current / duration)) : 0;
    return { ratio, duration };
  }

  private isMedia(...kinds: Media['kind'][]): boolean {
    return (kinds as string[]).indexOf(this.state.kind) >= 0;
  }

  /** Media states show the controls when playing stops (paused/ended) or starts; hiding is timed. */
  private setMedia(next: Media): void {
    const { timers } = this.deps;
    timers.clearTimeout(this.hideTimer);
    const show = next.controls || next.kind !== 'starting';
    this.set(show ? { ...next, controls: true } : next);
    if (show && next.kind === 'playing') {
      this.hideTimer = timers.setTimeout(() => {
        const s = this.state;
        // Hidden controls take the CC button's focus with them.
        if (s.kind === 'playing') this.set({ ...s, controls: false, focus: 'timeline' });
      }, HIDE_AFTER_MS);
    }
  }

  private fail(kind: 'denied' | 'error', failure: Failure, title: string, item?: CatalogItem, signIn = false): void {
    this.video.close();
    this.deps.timers.clearTimeout(this.hideTimer);
    this.deps.timers.clearTimeout(this.stallTimer);
    const back: Action = { id: 'back', label: t('common.back') };
    const actions = signIn
      ? [{ id: 'signin', label: t('player.signIn') }, back]
      : kind === 'error' && failure.retryable
        ? [{ id: 'retry', label: t('common.retry') }, back]
        : [back];
    this.set({ kind, item, title, failure, actions });
  }

  private async findItem(id: string): Promise<CatalogItem | undefined> {
    const { session, catalog } = this.deps;
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
}
