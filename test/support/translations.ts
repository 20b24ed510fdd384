/**
 * Jest setup (both projects): the app's translations in English, as the SDK loads them from
 * static/translations.json before the App exists. Tests that want Spanish call
 * `installTranslations(TRANSLATIONS, 'es')`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installTranslations } from '../../src/lib/language';

export const TRANSLATIONS = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'static', 'translations.json'), 'utf8'),
) as Record<string, unknown>;

installTranslations(TRANSLATIONS, 'en');
