/**
 * Typed wrapper of the SDK VideoPlayer plugin (untyped in the SDK). Installs a loader that plays HLS
 * through hls.js (loaded lazily) wherever Media Source Extensions exist — its subtitle tracks are the
 * captions the app controls, while an engine's own HLS may expose none (Chromium's does not) — and
 * natively where hls.js cannot run. The consumer component receives the plugin's `$videoPlayer<Event>`
 * calls; the platform hears the media events too (Firebolt content/media metrics on RDK, the
 * screensaver on Tizen). Captions: src/player/captions.ts.
 */
import { Utils, VideoPlayer as SdkVideoPlayer } from '@lightningjs/sdk';
import { t } from '../lib/language';
import { captions, hlsBackend, nativeBackend, type HlsSubtitles } from './captions';
import { canPlayHlsNatively, loadHlsJs, type HlsInstance } from './hls';
import { platform, type PlayerEvent } from '../platform';

interface SdkPlayerApi {
  consumer(component: unknown): void;
  loader(fn: (url: string, el: HTMLVideoElement, config: unknown) => Promise<void>): void;
  unloader(fn: (el: HTMLVideoElement) => Promise<void>): void;
  open(url: string, config?: Record<string, unknown>): void;
  close(): void;
  play(): void;
  pause(): void;
  playPause(): void;
  seek(time: number): void;
  skip(seconds: number): void;
  readonly duration: number;
  readonly currentTime: number;
  readonly playing: boolean;
}

const sdk = SdkVideoPlayer as unknown as SdkPlayerApi;

/** The full build: the light one has no subtitle support. */
export const HLS_SCRIPT = 'vendor/hls.min.js';

let installed = false;
let hls: HlsInstance | undefined;
let videoEl: HTMLVideoElement | undefined;
let fatalListener: ((message: string) => void) | undefined;
let forceHlsJs = false;
let watched: HTMLVideoElement | undefined;
let streamOpen = false;

/** The <video> element's events → the platform (once per element). */
function watch(el: HTMLVideoElement): void {
  if (watched === el) return;
  watched = el;
  const report = (event: PlayerEvent): void => {
    if (streamOpen) platform.media(event);
  };
  const on = (type: string, make: () => PlayerEvent): void => el.addEventListener(type, () => report(make()));
  on('loadstart', () => ({ type: 'loadStart' }));
  on('play', () => ({ type: 'play' }));
  on('playing', () => ({ type: 'playing' }));
  on('pause', () => ({ type: 'pause' }));
  on('waiting', () => ({ type: 'waiting' }));
  on('ended', () => ({ type: 'ended' }));
  on('seeking', () => ({ type: 'seeking', position: el.currentTime || 0 }));
  on('seeked', () => ({ type: 'seeked', position: el.currentTime || 0 }));
  on('timeupdate', () => ({ type: 'progress', position: el.currentTime || 0 }));
  on('ratechange', () => ({ type: 'rateChange', rate: el.playbackRate }));
}

let forceNative = false;

/** Whether hls.js can run here (it needs Media Source Extensions). */
function mediaSourceAvailable(): boolean {
  const w = window as unknown as { MediaSource?: unknown; WebKitMediaSource?: unknown };
  return typeof w.MediaSource === 'function' || typeof w.WebKitMediaSource === 'function';
}

function install(): void {
  if (installed) return;
  installed = true;
  sdk.loader(async (url, el) => {
    videoEl = el;
    watch(el);
    if (!forceHlsJs && canPlayHlsNatively(el) && (forceNative || !mediaSourceAvailable())) {
      el.setAttribute('src', url);
      el.load();
      captions.attach(nativeBackend(el));
      return;
    }
    const Hls = await loadHlsJs(Utils.asset(HLS_SCRIPT));
    if (!Hls.isSupported()) throw new Error(t('player.noHls'));
    hls?.destroy();
    const instance = new Hls({ enableWorker: false });
    hls = instance;
    instance.on(Hls.Events.ERROR, (_e, data) => {
      if (data.fatal && hls === instance)
        fatalListener?.(
          data.details ? t('player.playbackFailedDetails', { details: data.details }) : t('player.playbackFailed'),
        );
    });
    captions.attach(hlsBackend(instance as unknown as HlsSubtitles, Hls.Events, el));
    instance.attachMedia(el);
    instance.loadSource(url);
  });
  sdk.unloader(async (el) => {
    captions.detach();
    hls?.destroy();
    hls = undefined;
    el.removeAttribute('src');
    el.load();
  });
}

/** What the player screen hears from the plugin (its `$videoPlayer<Event>` calls, typed). */
export interface VideoEvents {
  playing(): void;
  pause(): void;
  ended(): void;
  /** Time update or loaded metadata: where playback is now. */
  progress(currentTime: number): void;
  /** A media error: the element's MediaError code, or the name of a refused play() promise. */
  error(code: number | undefined, refusal: string | undefined): void;
}

/** The plugin fires `$videoPlayer<Event>` on its consumer: a small adapter instead of page methods. */
function consumerFor(events: VideoEvents): { fire(name: string, args?: unknown, currentTime?: number): void } {
  return {
    fire(name, args, currentTime) {
      if (name === '$videoPlayerPlaying') events.playing();
      else if (name === '$videoPlayerPause') events.pause();
      else if (name === '$videoPlayerEnded') events.ended();
      else if (name === '$videoPlayerTimeUpdate' || name === '$videoPlayerLoadedMetadata')
        events.progress(typeof currentTime === 'number' ? currentTime : 0);
      else if (name === '$videoPlayerError') {
        const a = args as { videoElement?: HTMLVideoElement; event?: { name?: string } } | undefined;
        events.error(a?.videoElement?.error?.code, a?.event?.name);
      }
    },
  };
}

export const Player = {
  /** `events` hears the plugin's media events; `onFatal` gets hls.js fatal errors. */
  attach(
    events: VideoEvents,
    onFatal: (message: string) => void,
    options: { forceHlsJs?: boolean; forceNative?: boolean } = {},
  ): void {
    install();
    forceHlsJs = Boolean(options.forceHlsJs);
    forceNative = Boolean(options.forceNative);
    fatalListener = onFatal;
    sdk.consumer(consumerFor(events));
  },
  detach(): void {
    fatalListener = undefined;
    sdk.consumer(null);
  },
  /** Open a stream; `entityId` names the title for platform metrics (default: the player route's). */
  open(url: string, entityId?: string): void {
    install();
    if (streamOpen) platform.media({ type: 'stop' });
    streamOpen = true;
    platform.media({ type: 'start', entityId });
    sdk.open(url);
  },
  close(): void {
    if (streamOpen) {
      streamOpen = false;
      platform.media({ type: 'stop' });
    }
    sdk.close();
  },
  play: (): void => sdk.play(),
  pause: (): void => sdk.pause(),
  playPause: (): void => sdk.playPause(),
  /** Relative seek, clamped to the stream (the plugin clamps the end). */
  seekBy(seconds: number): void {
    const target = Math.max(0, sdk.currentTime + seconds);
    sdk.seek(target);
  },
  get currentTime(): number {
    return sdk.currentTime || 0;
  },
  get duration(): number {
    const d = sdk.duration;
    return Number.isFinite(d) ? d : 0;
  },
  get playing(): boolean {
    return Boolean(sdk.playing);
  },
  /** The <video> element once a stream was opened (read-only use: test hooks). */
  get element(): HTMLVideoElement | undefined {
    return (
      videoEl ??
      (typeof document !== 'undefined'
        ? ((document.getElementById('video-player') as HTMLVideoElement | null) ?? undefined)
        : undefined)
    );
  },
};
