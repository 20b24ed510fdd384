/**
 * Voice guidance. The App shell reports every focus change (`focusChanged(application.focusPath)`);
 * what is said comes from the elements on the path, as with the SDK's Accessibility Announcer:
 * `announce` of each element that joined the path (outermost first), then `announceContext` of the same
 * elements (innermost first). Selectable items, Dialog, MessagePanel and pages fill these in; nothing
 * else decides what is spoken. Events that move no focus (playback starts, a toast, the countdown on
 * request) use `speak()`.
 *
 * Speech goes through a port: the SDK's speech engine (the Announcer's, window.speechSynthesis) in the
 * app, a recorder in tests. On or off follows the platform's switch where it has one (Firebolt
 * `Accessibility.voiceGuidance` on RDK), else the app's setting (Account); see `followVoiceGuidance()`.
 */
import speakSeries, { type SpeechSeries } from '@lightningjs/sdk/src/Accessibility/Announcer/Speech.js';
import { speechTag } from './language';
import { Log } from './log';

/**
 * Something to say: a phrase, phrases in order (nested lists flatten), nothing (null/undefined), or a
 * function read when it is spoken (so the current state is said).
 */
export type Speech = string | null | undefined | readonly Speech[] | (() => Speech);
/** What an element offers to the announcer. */
export type SpeechValue = Speech;

/** The properties the announcer reads from an element on the focus path. */
export interface Announcing {
  announce?: SpeechValue;
  announceContext?: SpeechValue;
}

/** The focus path, or how to read it when the announcement is made (it may still be changing). */
export type FocusPath = readonly unknown[] | (() => readonly unknown[] | undefined);

/** Where speech goes. */
export interface SpeechPort {
  /** Say `phrases` in order; `append`: after what is being said, else instead of it. */
  speak(phrases: string[], lang: string, append?: boolean): void;
  cancel(): void;
}

export interface AnnouncerTimers {
  setTimeout(cb: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AnnouncerOptions {
  timers?: AnnouncerTimers;
  /** BCP 47 tag of the voice (the UI language's). */
  lang?: () => string;
  /** Focus changes closer together than this are spoken once, where focus landed. */
  debounceMs?: number;
}

/** Flatten speech into non-empty phrases. */
export function phrases(value: Speech, depth = 0): string[] {
  if (depth > 8) return [];
  const v = typeof value === 'function' ? value() : value;
  if (v === null || v === undefined) return [];
  if (typeof v === 'function') return phrases(v, depth + 1);
  if (typeof v === 'string') {
    const s = v.replace(/\s+/g, ' ').trim();
    return s ? [s] : [];
  }
  const out: string[] = [];
  for (const part of v as readonly Speech[]) out.push(...phrases(part, depth + 1));
  return out;
}

/** What joining the focus path means in words: announcements outermost first, contexts innermost first. */
export function describeFocus(path: readonly unknown[], previous: readonly unknown[]): string[] {
  const joined = path.filter((el) => previous.indexOf(el) < 0) as Announcing[];
  const said: string[] = [];
  for (const el of joined) said.push(...phrases(el.announce));
  for (let i = joined.length - 1; i >= 0; i--) said.push(...phrases(joined[i]!.announceContext));
  return said;
}

/** Attach speech to an element the announcer will meet on the focus path (a row, a panel, a page). */
export function setAnnouncement(element: object, value: Announcing): void {
  const target = element as Announcing;
  if ('announce' in value) target.announce = value.announce;
  if ('announceContext' in value) target.announceContext = value.announceContext;
}

const defaultTimers: AnnouncerTimers = {
  setTimeout: (cb, ms) => setTimeout(cb, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class Announcer {
  private _enabled = false;
  private previous: readonly unknown[] = [];
  private pending: FocusPath | null = null;
  private timer: unknown;
  private readonly timers: AnnouncerTimers;
  private readonly lang: () => string;
  private readonly debounceMs: number;

  constructor(
    private port: SpeechPort,
    options: AnnouncerOptions = {},
  ) {
    this.timers = options.timers ?? defaultTimers;
    this.lang = options.lang ?? (() => speechTag());
    this.debounceMs = options.debounceMs ?? 300;
  }

  get enabled(): boolean {
    return this._enabled;
  }

  /** Turn voice guidance on or off; turning it on says so, and the next focus change reads the whole path. */
  setEnabled(on: boolean, confirmation?: Speech): void {
    if (on === this._enabled) return;
    this._enabled = on;
    this.previous = [];
    this.pending = null;
    this.timers.clearTimeout(this.timer);
    if (!on) this.port.cancel();
    else if (confirmation) this.speak(confirmation);
  }

  /** Use another speech port (tests, or a platform's own text-to-speech). */
  usePort(port: SpeechPort): void {
    this.port.cancel();
    this.port = port;
  }

  /** The focus path changed: say what is new on it once focus has settled. */
  focusChanged(path: FocusPath): void {
    if (!this._enabled) return;
    this.pending = typeof path === 'function' ? path : path.slice();
    this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => this.flush(), this.debounceMs);
  }

  /** Speak a pending focus change now (tests; before `speak()` so the order stays right). */
  flush(): void {
    this.timers.clearTimeout(this.timer);
    const pending = this.pending;
    this.pending = null;
    if (!pending || !this._enabled) return;
    const path = (typeof pending === 'function' ? pending() : pending) ?? [];
    const said = describeFocus(path, this.previous);
    this.previous = path.slice();
    if (said.length) this.say(said);
  }

  /**
   * Say something that moved no focus. It interrupts what is being said, or with `polite` (toasts,
   * progress lines) waits until that is done.
   */
  speak(speech: Speech, options: { polite?: boolean } = {}): void {
    if (!this._enabled) return;
    this.flush();
    const said = phrases(speech);
    if (said.length) this.say(said, options.polite === true);
  }

  /** Read the whole focus path again (on request). */
  repeat(path: FocusPath): void {
    if (!this._enabled) return;
    this.previous = [];
    this.pending = path;
    this.flush();
  }

  cancel(): void {
    this.timers.clearTimeout(this.timer);
    this.pending = null;
    this.port.cancel();
  }

  private say(said: string[], append = false): void {
    try {
      this.port.speak(said, this.lang(), append);
    } catch (e) {
      Log.warn('Speech failed', e instanceof Error ? e.message : String(e));
    }
  }
}

/** The SDK's speech engine (the Announcer's): one series at a time, a new one cancels the last. */
export function sdkSpeechPort(): SpeechPort {
  let current: SpeechSeries | undefined;
  const available = (): boolean =>
    typeof window !== 'undefined' &&
    typeof window.speechSynthesis !== 'undefined' &&
    typeof SpeechSynthesisUtterance !== 'undefined';
  return {
    speak(said, lang, append) {
      if (!available()) return;
      if (append && current && current.active) return current.append(said);
      current = speakSeries(said, lang);
      current.series.catch((e: unknown) => Log.warn('Speech failed', e instanceof Error ? e.message : String(e)));
    },
    cancel() {
      if (current && current.active) current.cancel();
    },
  };
}

/** The app's announcer (speaking through the SDK's engine). */
export const announcer = new Announcer(sdkSpeechPort());

/** A switch that can be read and watched (the platform's voice-guidance setting). */
export interface SwitchSource {
  get(): Promise<boolean>;
  listen(cb: (on: boolean) => void): () => void;
}

/**
 * Keep `target` on or off as the platform says when it has a voice-guidance switch (the app's own
 * setting is then not used), else as the app's setting says. Returns the unsubscribe.
 */
export function followVoiceGuidance(
  target: Pick<Announcer, 'setEnabled'>,
  sources: {
    platform?: SwitchSource;
    app: { get(): boolean; subscribe(cb: (on: boolean) => void): () => void };
    confirmation?: () => Speech;
  },
): () => void {
  const apply = (on: boolean): void => target.setEnabled(on, sources.confirmation?.());
  if (sources.platform) {
    const platform = sources.platform;
    let live = true;
    platform
      .get()
      .then((on) => live && apply(on))
      .catch(() => undefined);
    const stop = platform.listen((on) => apply(on));
    return () => {
      live = false;
      stop();
    };
  }
  apply(sources.app.get());
  return sources.app.subscribe(apply);
}
