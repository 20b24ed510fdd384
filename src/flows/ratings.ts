/**
 * Parental control from the profile (issue 14): the MVPD's rating limits in the user metadata
 * (`maxRating`, e.g. `{ "VCHIP": "TV-PG", "MPAA": "PG" }`) and the one place that knows the order of each
 * rating scale. A title rated above the limit of its scale is locked before anything is asked of Adobe;
 * a rating the tables do not know, or a scale without a limit, is left to the MVPD (authorize decides).
 * An encrypted `maxRating` is never decoded on the TV: it is reported as protected and locks nothing here.
 */
import type { ProfileAttribute } from './api';

/** Each scale from the least to the most restricted rating (upper case, as catalogs print them). */
export const RATING_SCALES = {
  VCHIP: ['TV-Y', 'TV-Y7', 'TV-Y7-FV', 'TV-G', 'TV-PG', 'TV-14', 'TV-MA'],
  MPAA: ['G', 'PG', 'PG-13', 'R', 'NC-17'],
} as const;

export type RatingScheme = keyof typeof RATING_SCALES;
const SCHEMES = Object.keys(RATING_SCALES) as RatingScheme[];

export interface ParentalLimits {
  /** The limit per scale, as the MVPD wrote it (normalised to upper case). */
  limits: Partial<Record<RatingScheme, string>>;
  /** The MVPD sent `maxRating` encrypted: the TV shows it as protected and locks nothing itself. */
  protected: boolean;
}

export type RatingVerdict = { allowed: true } | { allowed: false; rating: string; scheme: RatingScheme; limit: string };

function norm(value: string): string {
  return value.trim().toUpperCase();
}

/** The scale a rating belongs to (`TV-14` → VCHIP, `PG-13` → MPAA), or undefined when unknown. */
export function schemeOf(rating: string): RatingScheme | undefined {
  const r = norm(rating);
  return SCHEMES.filter((s) => (RATING_SCALES[s] as readonly string[]).indexOf(r) >= 0)[0];
}

/** The limits in a profile's attributes (none when the MVPD shared no `maxRating`). */
export function parentalLimits(attributes: Record<string, ProfileAttribute> | undefined): ParentalLimits {
  const attr = attributes?.maxRating;
  if (!attr) return { limits: {}, protected: false };
  if (attr.encrypted) return { limits: {}, protected: true };
  const v = attr.value;
  const limits: ParentalLimits['limits'] = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const scheme = SCHEMES.filter((s) => s === norm(key).replace(/[^A-Z]/g, ''))[0];
      const value = record[key];
      // Only a limit the scale knows counts: an unknown one cannot be compared (the MVPD still decides).
      if (scheme && typeof value === 'string' && (RATING_SCALES[scheme] as readonly string[]).indexOf(norm(value)) >= 0)
        limits[scheme] = norm(value);
    }
  }
  return { limits, protected: false };
}

/** True when the profile sets at least one limit the TV can apply. */
export function hasLimits(p: ParentalLimits): boolean {
  return SCHEMES.some((s) => p.limits[s] !== undefined);
}

/** Whether a title rated `rating` may be played under `p`. */
export function checkRating(rating: string | undefined, p: ParentalLimits): RatingVerdict {
  if (!rating) return { allowed: true };
  const scheme = schemeOf(rating);
  const limit = scheme ? p.limits[scheme] : undefined;
  if (!scheme || !limit) return { allowed: true };
  const order = RATING_SCALES[scheme] as readonly string[];
  if (order.indexOf(norm(rating)) <= order.indexOf(limit)) return { allowed: true };
  return { allowed: false, rating: norm(rating), scheme, limit };
}
