/**
 * The viewer's settings as the platform knows them: the UI language everywhere, and on RDK the
 * Firebolt accessibility switches (voice guidance, closed captions). Where a switch is absent the app
 * uses its own setting (Account, src/lib/preferences.ts). The shapes here are what the app needs, not
 * Firebolt's: src/platform/firebolt.ts adapts Firebolt to them.
 */
import type { PlatformName } from './detect';

/** A setting that can be read and watched. */
export interface WatchedSetting<T> {
  get(): Promise<T>;
  /** Returns the unsubscribe. */
  listen(cb: (value: T) => void): () => void;
}

/** Firebolt `ClosedCaptionsSettings` as the player uses it (styles optional, colours as "#rrggbb"). */
export interface PlatformCaptionSettings {
  enabled: boolean;
  /** Most preferred first; ISO 639-2 ("eng", "spa") as Firebolt gives them, or BCP 47. */
  preferredLanguages?: string[];
  styles?: {
    fontFamily?: string;
    /** Multiplier of the default size (1 = 100 %). */
    fontSize?: number;
    fontColor?: string;
    fontEdge?: string;
    fontEdgeColor?: string;
    /** 0–100. */
    fontOpacity?: number;
    backgroundColor?: string;
    backgroundOpacity?: number;
    textAlign?: string;
    textAlignVertical?: string;
    windowColor?: string;
    windowOpacity?: number;
  };
}

export interface PlatformUserSettings {
  /** The UI language (BCP 47 or ISO 639-1), undefined when unknown. */
  language(): Promise<string | undefined>;
  /** Present only where the platform has a voice-guidance switch (RDK: Accessibility.voiceGuidance). */
  voiceGuidance?: WatchedSetting<boolean>;
  /** Present only where the platform has caption settings (RDK: Accessibility.closedCaptionsSettings). */
  closedCaptions?: WatchedSetting<PlatformCaptionSettings>;
}

/** Firebolt's side, handed in by the RDK wiring (src/platform/firebolt.ts) once Firebolt is up. */
export type FireboltUserSettings = Partial<PlatformUserSettings>;

/** `navigator.languages[0]`, else `navigator.language`. */
function browserLanguage(): string | undefined {
  if (typeof navigator === 'undefined') return undefined;
  const list = navigator.languages;
  return (list && list[0]) || navigator.language || undefined;
}

/**
 * The settings source for this platform. On RDK, `firebolt` supplies Localization.language,
 * Accessibility.voiceGuidance and the closed-caption settings (each optional: what it lacks falls back
 * to the browser's language and the app's own settings).
 */
export function platformUserSettings(name: PlatformName, firebolt?: FireboltUserSettings): PlatformUserSettings {
  const browser: PlatformUserSettings = { language: () => Promise.resolve(browserLanguage()) };
  if (name !== 'rdk' || !firebolt) return browser;
  const fbLanguage = firebolt.language;
  return {
    language: fbLanguage
      ? () =>
          fbLanguage()
            .then((tag) => tag || browserLanguage())
            .catch(() => browserLanguage())
      : browser.language,
    voiceGuidance: firebolt.voiceGuidance,
    closedCaptions: firebolt.closedCaptions,
  };
}
