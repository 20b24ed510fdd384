/**
 * Every user-facing string goes through `t(key, params)`: a typed wrapper of the SDK's Language plugin
 * over `static/translations.json` (English, Spanish). The SDK fetches that file and sets the language
 * before the App is created (`App.language()` → `chooseLanguage()`), so templates read translated text;
 * tests load it with `installTranslations()`. Changing the language later restarts the UI (templates are
 * compiled once per class). Plain TypeScript: it imports the plugin's own module, not Lightning core, so
 * controllers use it too.
 *
 * Messages written by Adobe or the MVPD are shown as given: `serviceMessage()` translates only the app's
 * own English messages from src/pass, src/flows and src/catalog, whose dictionary key is the English text.
 */
import Language from '@lightningjs/sdk/src/Language/index.js';

/** The English dictionary's shape (a type only: nothing of the JSON file is bundled). */
type Dictionary = (typeof import('../../static/translations.json'))['en'];
export type MessageKey = keyof Dictionary;
export type Params = Record<string, string | number>;

export const LANGUAGES = ['en', 'es'] as const;
export type LanguageCode = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: LanguageCode = 'en';

/** Where the translations ship (relative to the static folder: `Utils.asset(TRANSLATIONS_FILE)`). */
export const TRANSLATIONS_FILE = 'translations.json';

/** ISO 639-2 codes some platforms use (Firebolt's caption preferences: "eng", "spa"). */
const THREE_LETTER: Record<string, LanguageCode> = { eng: 'en', spa: 'es' };

export function isLanguage(x: unknown): x is LanguageCode {
  return typeof x === 'string' && (LANGUAGES as readonly string[]).indexOf(x) >= 0;
}

/** "es-MX", "es_US", "ES", "spa" → "es"; a language the app has no strings for → undefined. */
export function normalizeLanguage(tag: unknown): LanguageCode | undefined {
  if (typeof tag !== 'string') return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (isLanguage(primary)) return primary;
  return THREE_LETTER[primary];
}

/** The text for `key` in the current language, `{name}` placeholders replaced by `params`. */
export function t(key: MessageKey, params?: Params): string {
  if (!params) return Language.translate(key);
  const safe: Record<string, string> = {};
  // The plugin hands values to String.replace: escape `$` so "$&" in a title stays literal.
  for (const name of Object.keys(params)) safe[name] = String(params[name]).replace(/\$/g, '$$$$');
  return Language.translate(key, safe);
}

/**
 * A failure message in the current language when it is one of the app's own (src/pass, src/flows,
 * src/catalog write English); anything else — Adobe's or the MVPD's words — is returned as given.
 */
export function serviceMessage(message: string): string {
  return message ? Language.translate(message) : message;
}

/** The language on screen (English until translations are loaded). */
export function currentLanguage(): LanguageCode {
  const code = Language.get();
  return isLanguage(code) ? code : DEFAULT_LANGUAGE;
}

/** A BCP 47 tag for speech synthesis (US English and US Spanish voices). */
export function speechTag(code: LanguageCode = currentLanguage()): string {
  return code === 'es' ? 'es-US' : 'en-US';
}

/** A language's own name ("English", "Español"). */
export function languageName(code: LanguageCode): string {
  return t(code === 'es' ? 'language.es' : 'language.en');
}

/** Month abbreviations of the current language, January first. */
export function monthNames(): string[] {
  return t('format.months').split(' ');
}

export interface LanguageSources {
  /** The viewer's choice in Account ('auto' or absent: follow the platform). */
  preference?: LanguageCode | 'auto';
  /** The platform's language (Firebolt `Localization.language` on RDK, `navigator.language` elsewhere). */
  platform?: () => Promise<string | undefined>;
}

/**
 * The language to start in: the viewer's choice, else the platform's when the app has strings for it,
 * else English. Never rejects; a platform that does not answer within `timeoutMs` counts as unknown.
 */
export async function chooseLanguage(sources: LanguageSources, timeoutMs = 1500): Promise<LanguageCode> {
  if (sources.preference && sources.preference !== 'auto' && isLanguage(sources.preference)) return sources.preference;
  if (!sources.platform) return DEFAULT_LANGUAGE;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    const tag = await Promise.race([sources.platform().catch(() => undefined), timeout]);
    return normalizeLanguage(tag) ?? DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/**
 * Hand the translations to the plugin and switch to `code` at once (what the SDK does at start-up from
 * the file; tests and tools call this with the parsed file).
 */
export function installTranslations(all: Record<string, unknown>, code: LanguageCode = DEFAULT_LANGUAGE): void {
  // The plugin deletes `meta` from the object it is given: give it a copy.
  Language.translations({ ...all });
  void Language.set(code).catch(() => undefined);
}
