/** Parental limits from the profile and the rating order tables (src/flows/ratings.ts). */
import { checkRating, hasLimits, parentalLimits, RATING_SCALES, schemeOf } from '../../src/flows/ratings';

const attrs = (value: unknown, encrypted = false) => ({ maxRating: { value, encrypted } });

describe('rating tables', () => {
  test('each scale runs from least to most restricted, and every rating belongs to one scale', () => {
    expect(RATING_SCALES.VCHIP.indexOf('TV-PG')).toBeLessThan(RATING_SCALES.VCHIP.indexOf('TV-14'));
    expect(RATING_SCALES.MPAA.indexOf('PG-13')).toBeLessThan(RATING_SCALES.MPAA.indexOf('R'));
    expect(schemeOf('tv-ma ')).toBe('VCHIP');
    expect(schemeOf('PG-13')).toBe('MPAA');
    expect(schemeOf('PG')).toBe('MPAA');
    expect(schemeOf('12A')).toBeUndefined();
  });
});

describe('parental limits', () => {
  const kim = parentalLimits(attrs({ VCHIP: 'TV-PG', mpaa: 'pg' }));

  test('read from maxRating (keys and values in any case)', () => {
    expect(kim).toEqual({ limits: { VCHIP: 'TV-PG', MPAA: 'PG' }, protected: false });
    expect(hasLimits(kim)).toBe(true);
  });

  test('titles above the limit of their own scale are refused, with the limit', () => {
    expect(checkRating('TV-14', kim)).toEqual({ allowed: false, rating: 'TV-14', scheme: 'VCHIP', limit: 'TV-PG' });
    expect(checkRating('R', kim)).toEqual({ allowed: false, rating: 'R', scheme: 'MPAA', limit: 'PG' });
    expect(checkRating('PG-13', kim).allowed).toBe(false);
    expect(checkRating('TV-PG', kim).allowed).toBe(true);
    expect(checkRating('TV-Y7', kim).allowed).toBe(true);
    expect(checkRating('G', kim).allowed).toBe(true);
    expect(checkRating('PG', kim).allowed).toBe(true);
  });

  test('unknown ratings, scales without a limit and missing ratings are left to the MVPD', () => {
    const tvOnly = parentalLimits(attrs({ VCHIP: 'TV-G' }));
    expect(checkRating('NC-17', tvOnly).allowed).toBe(true);
    expect(checkRating('TV-PG', tvOnly).allowed).toBe(false);
    expect(checkRating('12A', kim).allowed).toBe(true);
    expect(checkRating(undefined, kim).allowed).toBe(true);
    expect(checkRating('', kim).allowed).toBe(true);
  });

  test('no maxRating, an unreadable one or an unknown limit lock nothing', () => {
    for (const a of [undefined, {}, attrs('TV-PG'), attrs(['TV-PG']), attrs({ VCHIP: 'X-99' }), attrs(null)]) {
      const p = parentalLimits(a);
      expect(hasLimits(p)).toBe(false);
      expect(p.protected).toBe(false);
      expect(checkRating('TV-MA', p).allowed).toBe(true);
    }
  });

  test('an encrypted maxRating is protected: never decoded, locks nothing on the TV', () => {
    const p = parentalLimits(attrs('eyJWQ0hJUCI6IlRWLVBHIn0=', true));
    expect(p).toEqual({ limits: {}, protected: true });
    expect(checkRating('TV-MA', p).allowed).toBe(true);
  });
});
