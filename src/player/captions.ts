/**
 * Closed captions for the player. The stream's subtitle renditions (WebVTT, EXT-X-MEDIA TYPE=SUBTITLES)
 * arrive through hls.js subtitle tracks, or as the engine's own text tracks when it plays HLS natively.
 * Either way the chosen track is kept in `hidden` mode — the engine parses the cues but draws nothing —
 * and the app draws the active cues itself (src/components/CaptionsView.ts), so captions look the same on
 * every TV, sit above the control bar, and follow the platform's caption styles.
 *
 * What is shown: the viewer's last choice (persisted in src/lib/preferences.ts), or on RDK the platform's
 * caption settings (Firebolt: on/off, preferred languages, styles), which the app follows instead of
 * keeping its own (the CC button then changes only this session).
 */
import { currentLanguage } from '../lib/language';
import { preferences, type CaptionChoice } from '../lib/preferences';
import type { PlatformCaptionSettings } from '../platform/userSettings';

/** One subtitle/caption rendition of the stream. */
export interface CaptionTrack {
  /** Index in the back end's list. */
  id: number;
  /** BCP 47 as the stream names it ("en", "es"), '' when unnamed. */
  language: string;
  /** The stream's name for it ("English CC", "Español"). */
  label: string;
}

export interface CaptionStyle {
  /** Multiplier of the default caption size. */
  scale: number;
  /** ARGB. */
  textColor: number;
  background: number;
  window: number;
  edge: 'none' | 'raised' | 'depressed' | 'uniform' | 'drop_shadow';
  edgeColor: number;
  align: 'left' | 'center' | 'right';
  vertical: 'top' | 'middle' | 'bottom';
}

export const DEFAULT_STYLE: CaptionStyle = {
  scale: 1,
  textColor: 0xffffffff,
  background: 0xcc000000,
  window: 0x00000000,
  edge: 'none',
  edgeColor: 0xff000000,
  align: 'center',
  vertical: 'bottom',
};

export interface CaptionsState {
  tracks: CaptionTrack[];
  /** The track shown, null when captions are off (or the stream has none). */
  active: CaptionTrack | null;
  /** The text of the cues active now, one entry per line. */
  lines: string[];
  style: CaptionStyle;
}

/** Where the tracks come from: hls.js, or the engine's native text tracks. */
export interface CaptionBackend {
  tracks(): CaptionTrack[];
  /** Show track `id` (null: none). */
  select(id: number | null): void;
  /** The track list changed (a manifest was parsed). */
  onTracks(cb: () => void): void;
  /** The active cues of the selected track changed. */
  onCues(cb: (lines: string[]) => void): void;
  destroy(): void;
}

// --- cue text -------------------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: ' ',
  lrm: '',
  rlm: '',
  quot: '"',
  apos: "'",
};

/** A WebVTT cue's text as plain lines: voice/class/italic tags dropped, entities decoded. */
export function cueLines(text: string): string[] {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, name: string) => {
      const n = name.toLowerCase();
      if (n.charAt(0) === '#') {
        const code = n.charAt(1) === 'x' ? parseInt(n.slice(2), 16) : parseInt(n.slice(1), 10);
        // Basic plane only (old TV engines lack String.fromCodePoint).
        return Number.isFinite(code) && code > 0 && code < 0x10000 ? String.fromCharCode(code) : '';
      }
      return ENTITIES[n] ?? m;
    })
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** The active cues of a text track as lines (start-time order, as the engine keeps them). */
export function activeLines(track: TextTrack | null | undefined): string[] {
  const cues = track && track.activeCues;
  if (!cues) return [];
  const out: string[] = [];
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i] as (TextTrackCue & { text?: string }) | null;
    if (cue && typeof cue.text === 'string') out.push(...cueLines(cue.text));
  }
  return out;
}

const isCaptionKind = (t: TextTrack): boolean => t.kind === 'subtitles' || t.kind === 'captions';

/** Watch one text track's cues (hidden mode: parsed, not drawn by the engine). */
function cueWatcher(emit: (lines: string[]) => void): { watch(track: TextTrack | null): void; stop(): void } {
  let current: TextTrack | null = null;
  const onChange = (): void => emit(activeLines(current));
  return {
    watch(track) {
      if (current === track) return;
      if (current) current.removeEventListener('cuechange', onChange);
      current = track;
      if (current) current.addEventListener('cuechange', onChange);
      emit(activeLines(current));
    },
    stop() {
      if (current) current.removeEventListener('cuechange', onChange);
      current = null;
    },
  };
}

function listTextTracks(video: HTMLMediaElement): TextTrack[] {
  const list = video.textTracks;
  const out: TextTrack[] = [];
  if (!list) return out;
  for (let i = 0; i < list.length; i++) {
    const track = list[i];
    if (track && isCaptionKind(track)) out.push(track);
  }
  return out;
}

// --- back ends ----------------------------------------------------------------------------------------------

/** The engine plays HLS itself: its text tracks are the stream's subtitle renditions. */
export function nativeBackend(video: HTMLMediaElement): CaptionBackend {
  let onTracks: () => void = () => undefined;
  let selected: number | null = null;
  let emit: (lines: string[]) => void = () => undefined;
  const watcher = cueWatcher((lines) => emit(lines));
  const tracks = (): TextTrack[] => listTextTracks(video);
  const apply = (): void => {
    const list = tracks();
    list.forEach((t, i) => {
      const mode: TextTrackMode = i === selected ? 'hidden' : 'disabled';
      if (t.mode !== mode) t.mode = mode;
    });
    watcher.watch(selected === null ? null : (list[selected] ?? null));
  };
  const changed = (): void => {
    apply();
    onTracks();
  };
  const list = video.textTracks;
  list?.addEventListener?.('addtrack', changed);
  list?.addEventListener?.('removetrack', changed);
  return {
    tracks: () => tracks().map((t, id) => ({ id, language: t.language || '', label: t.label || t.language || '' })),
    select(id) {
      selected = id;
      apply();
    },
    onTracks(cb) {
      onTracks = cb;
    },
    onCues(cb) {
      emit = cb;
    },
    destroy() {
      list?.removeEventListener?.('addtrack', changed);
      list?.removeEventListener?.('removetrack', changed);
      watcher.stop();
      for (const t of tracks()) t.mode = 'disabled';
    },
  };
}

/** The part of an hls.js instance that handles subtitles (the full build; the light build has none). */
export interface HlsSubtitles {
  readonly subtitleTracks?: Array<{ id: number; name?: string; lang?: string }>;
  subtitleTrack: number;
  subtitleDisplay: boolean;
  on(event: string, cb: () => void): void;
}

/**
 * hls.js: its subtitle tracks are the renditions; hls.js loads the chosen one's WebVTT segments and
 * puts the cues into a text track on the video element (`renderTextTracksNatively`, the default), which
 * `subtitleDisplay = false` keeps hidden.
 */
export function hlsBackend(hls: HlsSubtitles, events: Record<string, string>, video: HTMLMediaElement): CaptionBackend {
  let onTracks: () => void = () => undefined;
  let selected: number | null = null;
  let emit: (lines: string[]) => void = () => undefined;
  const watcher = cueWatcher((lines) => emit(lines));
  hls.subtitleDisplay = false;
  const tracks = (): CaptionTrack[] =>
    (hls.subtitleTracks ?? []).map((t, id) => ({ id, language: t.lang ?? '', label: t.name ?? t.lang ?? '' }));
  /** The video text track hls.js fills for the selected rendition (same label and language). */
  const textTrackFor = (id: number | null): TextTrack | null => {
    if (id === null) return null;
    const want = tracks()[id];
    if (!want) return null;
    return (
      listTextTracks(video).filter(
        (t) => t.label === want.label && (!want.language || t.language === want.language),
      )[0] ?? null
    );
  };
  const apply = (): void => {
    const target = selected === null || selected >= tracks().length ? -1 : selected;
    if (hls.subtitleTrack !== target) hls.subtitleTrack = target;
    watcher.watch(textTrackFor(selected));
  };
  const list = video.textTracks;
  const rewatch = (): void => watcher.watch(textTrackFor(selected));
  list?.addEventListener?.('addtrack', rewatch);
  for (const name of ['SUBTITLE_TRACKS_UPDATED', 'MANIFEST_PARSED']) {
    const event = events[name];
    if (event)
      hls.on(event, () => {
        // After hls.js's own handling: right after this event it selects its default track (none here),
        // which would undo a choice made inside the handler.
        void Promise.resolve().then(() => {
          apply();
          onTracks();
        });
      });
  }
  if (events.SUBTITLE_TRACK_SWITCH) hls.on(events.SUBTITLE_TRACK_SWITCH, rewatch);
  return {
    tracks,
    select(id) {
      selected = id;
      apply();
    },
    onTracks(cb) {
      onTracks = cb;
    },
    onCues(cb) {
      emit = cb;
    },
    destroy() {
      list?.removeEventListener?.('addtrack', rewatch);
      watcher.stop();
    },
  };
}

// --- styles --------------------------------------------------------------------------------------------------

/** Firebolt ClosedCaptionsStyles, as the platform layer reads them (one definition: src/platform/userSettings.ts). */
export type PlatformCaptionStyles = NonNullable<PlatformCaptionSettings['styles']>;

/** "#rgb", "#rrggbb" or a basic colour name, with a 0–100 opacity → ARGB; undefined when unreadable. */
export function argb(color: string | undefined, opacity: number | undefined, fallback: number): number {
  const names: Record<string, string> = {
    white: '#ffffff',
    black: '#000000',
    red: '#ff0000',
    green: '#00ff00',
    blue: '#0000ff',
    yellow: '#ffff00',
    magenta: '#ff00ff',
    cyan: '#00ffff',
  };
  let rgb: number | undefined;
  const c = color ? (names[color.trim().toLowerCase()] ?? color.trim()) : undefined;
  const m = c ? /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c) : null;
  if (m) {
    const hex = m[1]!.length === 3 ? m[1]!.replace(/(.)/g, '$1$1') : m[1]!;
    rgb = parseInt(hex, 16);
  }
  const base = rgb === undefined ? fallback & 0xffffff : rgb;
  const a =
    typeof opacity === 'number' && Number.isFinite(opacity)
      ? Math.round((Math.max(0, Math.min(100, opacity)) / 100) * 255)
      : (fallback >>> 24) & 0xff;
  return ((a << 24) | base) >>> 0;
}

/** The platform's caption styles → the app's (missing or odd values keep the defaults). */
export function styleFrom(styles: PlatformCaptionStyles | undefined): CaptionStyle {
  if (!styles) return DEFAULT_STYLE;
  const edges: CaptionStyle['edge'][] = ['none', 'raised', 'depressed', 'uniform', 'drop_shadow'];
  const edge = (styles.fontEdge ?? '').toLowerCase().replace(/[\s-]/g, '_') as CaptionStyle['edge'];
  const align = (styles.textAlign ?? '').toLowerCase();
  const vertical = (styles.textAlignVertical ?? '').toLowerCase();
  const scale =
    typeof styles.fontSize === 'number' && styles.fontSize > 0 ? Math.min(3, Math.max(0.5, styles.fontSize)) : 1;
  return {
    scale,
    textColor: argb(styles.fontColor, styles.fontOpacity, DEFAULT_STYLE.textColor),
    background: argb(styles.backgroundColor, styles.backgroundOpacity, DEFAULT_STYLE.background),
    window: argb(styles.windowColor, styles.windowOpacity ?? 0, DEFAULT_STYLE.window),
    edge: edges.indexOf(edge) >= 0 ? edge : 'none',
    edgeColor: argb(styles.fontEdgeColor, 100, DEFAULT_STYLE.edgeColor),
    align: align === 'left' || align === 'right' ? align : 'center',
    vertical: vertical === 'top' || vertical === 'middle' ? vertical : 'bottom',
  };
}

// --- the choice ---------------------------------------------------------------------------------------------

/** Firebolt's caption settings as the player follows them (read by src/platform/userSettings.ts). */
export type PlatformCaptions = PlatformCaptionSettings;

/** "eng" → "en", "es-MX" → "es": for comparing a preference with a track's language. */
function primary(tag: string | undefined): string {
  const p = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (
    ({ eng: 'en', spa: 'es', fre: 'fr', fra: 'fr', ger: 'de', deu: 'de', por: 'pt' } as Record<string, string>)[p] ?? p
  );
}

/** The track to show for a set of wishes, most wanted first (exact tag, then the same language). */
export function pickTrack(
  tracks: readonly CaptionTrack[],
  wishes: ReadonlyArray<string | undefined>,
): CaptionTrack | null {
  if (tracks.length === 0) return null;
  for (const wish of wishes) {
    if (!wish) continue;
    const exact = tracks.filter((t) => t.language.toLowerCase() === wish.toLowerCase())[0];
    if (exact) return exact;
    const same = tracks.filter((t) => primary(t.language) === primary(wish))[0];
    if (same) return same;
  }
  return tracks[0]!;
}

/** Where the viewer's choice is kept (src/lib/preferences.ts fits). */
export interface CaptionChoiceStore {
  get(): { captions: CaptionChoice };
  set(patch: { captions: CaptionChoice }): void;
}

export class Captions {
  private backend: CaptionBackend | null = null;
  private _state: CaptionsState = { tracks: [], active: null, lines: [], style: DEFAULT_STYLE };
  private readonly listeners: Array<(s: CaptionsState) => void> = [];
  private platform: PlatformCaptions | null = null;
  /** The CC button's choice while the platform decides (not persisted: the platform's setting wins next time). */
  private session: CaptionChoice | null = null;

  constructor(
    private readonly store: CaptionChoiceStore,
    /** The UI language, the last resort for which track to show. */
    private readonly uiLanguage: () => string = () => 'en',
  ) {}

  get state(): CaptionsState {
    return this._state;
  }

  subscribe(cb: (s: CaptionsState) => void): () => void {
    this.listeners.push(cb);
    return () => {
      const i = this.listeners.indexOf(cb);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** A stream was opened: its tracks come from `backend`. */
  attach(backend: CaptionBackend): void {
    this.detach();
    this.backend = backend;
    backend.onTracks(() => this.apply());
    backend.onCues((lines) => this.update({ lines: this._state.active ? lines : [] }));
    this.apply();
  }

  /** The stream was closed. */
  detach(): void {
    if (this.backend) this.backend.destroy();
    this.backend = null;
    this.update({ tracks: [], active: null, lines: [] });
  }

  /** Follow the platform's caption settings (null: the app's own choice again). */
  followPlatform(settings: PlatformCaptions | null): void {
    this.platform = settings;
    this.session = null;
    this.update({ style: styleFrom(settings?.styles) });
    this.apply();
  }

  /** The current choice: the platform's (or this session's CC presses) on RDK, else the viewer's saved one. */
  choice(): CaptionChoice {
    if (this.platform) {
      if (this.session) return this.session;
      return { enabled: this.platform.enabled };
    }
    return this.store.get().captions;
  }

  /** CC: off → each track in turn → off. Returns the track now shown (null: off). */
  cycle(): CaptionTrack | null {
    const { tracks, active } = this._state;
    if (tracks.length === 0) return null;
    const next = active === null ? this.preferred() : (tracks[active.id + 1] ?? null);
    this.choose(next);
    return next;
  }

  /** Captions on (the preferred track) or off. */
  setEnabled(on: boolean): void {
    this.choose(on ? this.preferred() : null);
  }

  private choose(track: CaptionTrack | null): void {
    const choice: CaptionChoice = track
      ? { enabled: true, language: track.language || undefined }
      : { enabled: false, language: this.choice().language };
    if (this.platform) this.session = choice;
    else this.store.set({ captions: choice });
    this.apply();
  }

  /** The track the wishes point at: the saved language, the platform's preferred ones, the UI language. */
  private preferred(): CaptionTrack | null {
    const c = this.choice();
    return pickTrack(this._state.tracks, [c.language, ...(this.platform?.preferredLanguages ?? []), this.uiLanguage()]);
  }

  private apply(): void {
    const tracks = this.backend ? this.backend.tracks() : [];
    this._state = { ...this._state, tracks };
    const active = this.choice().enabled ? this.preferred() : null;
    if (this.backend) this.backend.select(active ? active.id : null);
    this.update({ tracks, active, lines: active ? this._state.lines : [] });
  }

  private update(patch: Partial<CaptionsState>): void {
    const next = { ...this._state, ...patch };
    const same =
      next.active === this._state.active &&
      next.style === this._state.style &&
      next.tracks.length === this._state.tracks.length &&
      next.lines.join('\n') === this._state.lines.join('\n');
    this._state = next;
    if (same && patch.tracks === undefined) return;
    for (const l of this.listeners.slice()) l(next);
  }
}

/** The app's captions: the viewer's choice in the app-wide preferences, the UI language as last resort. */
export const captions = new Captions({ get: () => preferences().get(), set: (patch) => preferences().set(patch) }, () =>
  currentLanguage(),
);
