/**
 * src/lib/language.ts over the SDK Language plugin and static/translations.json: lookups with
 * parameters, the start-up language, the app's own service messages translated while Adobe's and the
 * MVPD's stay as given, and the file itself (same keys and placeholders in both languages).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  chooseLanguage,
  currentLanguage,
  installTranslations,
  normalizeLanguage,
  serviceMessage,
  speechTag,
  t,
} from '../../src/lib/language';
import { TRANSLATIONS } from '../support/translations';

const ROOT = join(__dirname, '..', '..');
const en = TRANSLATIONS.en as Record<string, string>;
const es = TRANSLATIONS.es as Record<string, string>;

afterEach(() => installTranslations(TRANSLATIONS, 'en'));

describe('t()', () => {
  it('reads the current language and fills placeholders', () => {
    expect(t('common.retry')).toBe('Retry');
    expect(t('player.deniedTitle', { title: 'Night Run' })).toBe('You can’t watch “Night Run”');
    installTranslations(TRANSLATIONS, 'es');
    expect(currentLanguage()).toBe('es');
    expect(t('common.retry')).toBe('Reintentar');
    expect(t('exit.title', { app: 'DemoTV' })).toBe('¿Salir de DemoTV?');
    expect(speechTag()).toBe('es-US');
  });

  it('keeps "$" in values literal (String.replace patterns are not applied)', () => {
    expect(t('player.playing', { title: 'Cash $& Carry $1' })).toBe('Playing Cash $& Carry $1');
  });
});

describe('serviceMessage()', () => {
  it('translates the app’s own messages and leaves Adobe’s and the MVPD’s as given', () => {
    installTranslations(TRANSLATIONS, 'es');
    expect(serviceMessage('The catalog could not be read.')).toBe('No se pudo leer el catálogo.');
    expect(serviceMessage('Your TV package does not include this channel.')).toBe(
      'Your TV package does not include this channel.',
    );
    expect(serviceMessage('')).toBe('');
  });

  /** Single-quoted sentences in src/pass, src/flows and src/catalog (the messages a Failure carries). */
  function appMessages(): string[] {
    const found = new Set<string>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts')) {
          // Comments and log lines are not on screen.
          const code = readFileSync(path, 'utf8').replace(/^\s*(\/\/|\*).*$|^.*\b(logger|Log)\.\w+\(.*$/gm, '');
          for (const m of code.matchAll(/'([A-Z][^'\n]*\s[^'\n]*[.a-z])'/g)) {
            const text = m[1]!;
            // Sentences only: no code, URLs or header values.
            if (/[{}<>$=]|https?:|\b(Bearer|Basic)\b|^[A-Z][a-z]+-[A-Z]/.test(text)) continue;
            if (text.split(' ').length >= 4) found.add(text);
          }
        }
      }
    };
    for (const dir of ['src/pass', 'src/flows', 'src/catalog']) walk(join(ROOT, dir));
    return [...found].sort();
  }

  it('knows every sentence src/pass, src/flows and src/catalog can put on screen', () => {
    const messages = appMessages();
    expect(messages.length).toBeGreaterThan(20);
    expect(messages.filter((m) => !(m in en) || !(m in es))).toEqual([]);
    for (const m of messages) expect(en[m]).toBe(m);
  });
});

describe('static/translations.json', () => {
  const placeholders = (s: string): string[] => (s.match(/\{\s?\w+\s?\}/g) ?? []).sort();

  it('has the same keys and placeholders in English and Spanish, none empty', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect([key, en[key]!.trim() !== '', es[key]!.trim() !== '']).toEqual([key, true, true]);
      expect([key, placeholders(es[key]!)]).toEqual([key, placeholders(en[key]!)]);
    }
  });

  it('names both languages and defaults to English', () => {
    expect(TRANSLATIONS.meta).toEqual({ default: 'en', names: { en: 'English', es: 'Español' } });
  });
});

describe('the start-up language', () => {
  it('normalises tags and ISO 639-2 codes', () => {
    expect(normalizeLanguage('es-MX')).toBe('es');
    expect(normalizeLanguage('ES_us')).toBe('es');
    expect(normalizeLanguage('spa')).toBe('es');
    expect(normalizeLanguage('en-GB')).toBe('en');
    expect(normalizeLanguage('fr-CA')).toBeUndefined();
    expect(normalizeLanguage(42)).toBeUndefined();
  });

  it('takes the viewer’s choice first, then the platform’s, else English', async () => {
    const platform = jest.fn(async () => 'es-US');
    expect(await chooseLanguage({ preference: 'en', platform })).toBe('en');
    expect(platform).not.toHaveBeenCalled();
    expect(await chooseLanguage({ preference: 'auto', platform })).toBe('es');
    expect(await chooseLanguage({ platform: async () => 'fr-FR' })).toBe('en');
    expect(await chooseLanguage({})).toBe('en');
  });

  it('never fails: a platform that throws or does not answer in time counts as unknown', async () => {
    expect(await chooseLanguage({ platform: () => Promise.reject(new Error('no Firebolt')) })).toBe('en');
    const started = Date.now();
    expect(await chooseLanguage({ platform: () => new Promise<string>(() => undefined) }, 50)).toBe('en');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
