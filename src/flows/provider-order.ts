/**
 * The order a picker offers providers in: a featured row (the provider last used on this device first
 * of all, then the programmer's `featuredProviders`), then every provider A–Z by display name, compared
 * the way a viewer reads names (locale-aware, accents and case ignored, "Cable 2" before "Cable 14").
 * Pure: no imports but types, so the second screen can use it too.
 */
import type { Provider } from './api';

/** Letters that do not decompose into base letter + accent (NFD leaves them whole). */
const UNDECOMPOSED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPECIAL = /[ßæœøłđðþı]/g;

/** Lower case without accents ("Doña Ana" → "dona ana"): what search and the letter rail compare. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // String.prototype.normalize exists from Chromium 34 / Safari 10; without it only the case folds.
  const base = typeof lower.normalize === 'function' ? lower.normalize('NFD').replace(COMBINING_MARKS, '') : lower;
  return base.replace(SPECIAL, (c) => UNDECOMPOSED[c] ?? c);
}

export type NameCompare = (a: string, b: string) => number;

/**
 * Compare display names for a viewer in `locale` (default: the engine's). `Intl.Collator` exists on
 * every engine we ship to (Chromium 47+, WPE, Tizen, webOS); an unknown locale tag falls back to the
 * default locale, and an engine without Intl to comparing folded text.
 */
export function nameCompare(locale?: string): NameCompare {
  const options = { sensitivity: 'base', numeric: true } as const;
  if (typeof Intl !== 'undefined' && typeof Intl.Collator === 'function') {
    for (const tag of locale ? [locale, undefined] : [undefined]) {
      try {
        const collator = new Intl.Collator(tag, options);
        return (a, b) => collator.compare(a, b);
      } catch {
        // RangeError for a malformed tag: try the default locale
      }
    }
  }
  return (a, b) => {
    const x = foldText(a);
    const y = foldText(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/** A copy of `list` sorted A–Z by display name; equal names keep a stable order by id. */
export function sortByName(list: readonly Provider[], compare: NameCompare = nameCompare()): Provider[] {
  return list.slice().sort((a, b) => compare(a.displayName, b.displayName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface ArrangeOptions {
  /** Provider ids the programmer features (settings `featuredProviders`), in the order to show them. */
  featuredIds?: readonly string[];
  /** The provider last used on this device: first of all in the featured row. */
  lastUsedId?: string;
  /** At most this many featured providers (one grid row). */
  maxFeatured?: number;
  /**
   * No featured row when the whole list has at most this many providers (it would only repeat them);
   * the last-used provider then leads the A–Z list instead. Default: `maxFeatured`.
   */
  minListForFeatured?: number;
  compare?: NameCompare;
}

export interface ArrangedProviders {
  /** The featured row: last used first, then the configured ones that are in the list. */
  featured: Provider[];
  /** Every provider A–Z (featured ones included: the alphabetical list stays complete). */
  sorted: Provider[];
}

export function arrangeProviders(list: readonly Provider[], options: ArrangeOptions = {}): ArrangedProviders {
  const max = options.maxFeatured ?? 5;
  const sorted = sortByName(list, options.compare);
  const byId: Record<string, Provider> = {};
  for (const p of list) byId[p.id] = p;
  const ids = (options.lastUsedId ? [options.lastUsedId] : []).concat(options.featuredIds ?? []);
  const featured: Provider[] = [];
  for (const id of ids) {
    const p = byId[id];
    if (p && featured.indexOf(p) < 0 && featured.length < max) featured.push(p);
  }
  if (list.length <= (options.minListForFeatured ?? max)) {
    // Short lists: no featured row, but the last-used provider still comes first.
    const last = options.lastUsedId ? byId[options.lastUsedId] : undefined;
    return { featured: [], sorted: last ? [last].concat(sorted.filter((p) => p !== last)) : sorted };
  }
  return { featured, sorted };
}
