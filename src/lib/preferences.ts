/**
 * The viewer's own settings, persisted on the TV: voice guidance (used where the platform has no switch
 * of its own), the language ('auto' follows the platform) and the closed-caption choice. Independent
 * of any controller: the Account settings row, the player and the App shell read and change it here.
 * Storage is a port (the App hands in the platform's versioned storage at start-up; until then the
 * values live in memory). Whatever is stored is checked field by field: anything unreadable counts as
 * the default, never as an error.
 */
import { isLanguage, type LanguageCode } from './language';

/** The caption choice: on/off and the track language picked last (BCP 47 as the stream names it). */
export interface CaptionChoice {
  enabled: boolean;
  language?: string;
}

export interface Preferences {
  voiceGuidance: boolean;
  language: LanguageCode | 'auto';
  captions: CaptionChoice;
}

export const DEFAULT_PREFERENCES: Preferences = {
  voiceGuidance: false,
  language: 'auto',
  captions: { enabled: false },
};

/** Key under which the preferences are stored (the platform storage adds its namespace and version). */
export const PREFERENCES_KEY = 'preferences';

/** Where preferences are kept (platform.storage fits). */
export interface PreferenceStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): unknown;
}

/** Settings the platform decides (then the app's own value is neither used nor offered). */
export interface PlatformManaged {
  voiceGuidance: boolean;
  captions: boolean;
}

export type PreferencesListener = (next: Preferences, previous: Preferences) => void;

/** A stored value → Preferences: each field checked on its own, defaults for the rest. */
export function parsePreferences(raw: unknown): Preferences {
  const out: Preferences = { ...DEFAULT_PREFERENCES, captions: { ...DEFAULT_PREFERENCES.captions } };
  if (typeof raw !== 'object' || raw === null) return out;
  const r = raw as Record<string, unknown>;
  if (typeof r.voiceGuidance === 'boolean') out.voiceGuidance = r.voiceGuidance;
  if (r.language === 'auto' || isLanguage(r.language)) out.language = r.language;
  const c = r.captions;
  if (typeof c === 'object' && c !== null) {
    const cc = c as Record<string, unknown>;
    if (typeof cc.enabled === 'boolean') out.captions.enabled = cc.enabled;
    if (typeof cc.language === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(cc.language))
      out.captions.language = cc.language;
  }
  return out;
}

export class PreferencesStore {
  private value: Preferences = parsePreferences(undefined);
  private storage?: PreferenceStorage;
  private readonly listeners: PreferencesListener[] = [];
  private managed: PlatformManaged = { voiceGuidance: false, captions: false };

  constructor(storage?: PreferenceStorage) {
    if (storage) this.attach(storage);
  }

  /** Read from `storage` and keep writing there (listeners hear about values that changed). */
  attach(storage: PreferenceStorage): void {
    this.storage = storage;
    let raw: unknown;
    try {
      raw = storage.get(PREFERENCES_KEY);
    } catch {
      raw = undefined;
    }
    this.replace(parsePreferences(raw), false);
  }

  get(): Preferences {
    return this.value;
  }

  /** Change some settings; they are stored at once and every listener hears of it. */
  set(patch: Partial<Preferences>): void {
    const next = parsePreferences({ ...this.value, ...patch });
    this.replace(next, true);
  }

  subscribe(listener: PreferencesListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** What the platform decides for itself (RDK with Firebolt: voice guidance, captions). */
  get platformManaged(): PlatformManaged {
    return this.managed;
  }

  setPlatformManaged(patch: Partial<PlatformManaged>): void {
    this.managed = { ...this.managed, ...patch };
  }

  private replace(next: Preferences, persist: boolean): void {
    const previous = this.value;
    this.value = next;
    if (persist && this.storage) {
      try {
        this.storage.set(PREFERENCES_KEY, next);
      } catch {
        // Storage full or refused: the choice still holds for this run.
      }
    }
    if (JSON.stringify(previous) === JSON.stringify(next)) return;
    for (const l of this.listeners.slice()) l(next, previous);
  }
}

let instance: PreferencesStore | undefined;

/** The app-wide preferences (in memory until the App attaches the platform's storage). */
export function preferences(): PreferencesStore {
  if (!instance) instance = new PreferencesStore();
  return instance;
}

/** Replace the app-wide store (tests). */
export function setPreferences(store: PreferencesStore | undefined): void {
  instance = store;
}
