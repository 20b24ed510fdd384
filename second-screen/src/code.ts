/**
 * Activation code normalisation. The TV shows codes like `Q4M7T2K`; people type them with spaces,
 * dashes or in lower case on a phone keyboard, so we accept all of that and send the canonical form.
 * Adobe does not specify the format (spec §11: samples are 6–7 upper-case alphanumerics); we allow 6–8.
 */

export const CODE_MIN_LENGTH = 6;
export const CODE_MAX_LENGTH = 8;

export type CodeProblem = 'empty' | 'too-short' | 'too-long' | 'bad-characters';

export type CodeCheck = { ok: true; code: string } | { ok: false; problem: CodeProblem };

/** Separators people type or paste between groups of characters; they carry no meaning. */
const SEPARATORS = /[\s\-_.·•]+/g;

/** Upper-cases and strips separators without judging the result (used while the user types). */
export function tidyCode(raw: string): string {
  return raw.replace(SEPARATORS, '').toUpperCase();
}

export function normaliseCode(raw: string): CodeCheck {
  const code = tidyCode(raw);
  if (code.length === 0) return { ok: false, problem: 'empty' };
  if (!/^[A-Z0-9]+$/.test(code)) return { ok: false, problem: 'bad-characters' };
  if (code.length < CODE_MIN_LENGTH) return { ok: false, problem: 'too-short' };
  if (code.length > CODE_MAX_LENGTH) return { ok: false, problem: 'too-long' };
  return { ok: true, code };
}

export function describeCodeProblem(problem: CodeProblem): string {
  switch (problem) {
    case 'empty':
      return 'Enter the code shown on your TV.';
    case 'too-short':
      return `The code is at least ${CODE_MIN_LENGTH} characters. Check your TV and try again.`;
    case 'too-long':
      return `The code is at most ${CODE_MAX_LENGTH} characters. Check your TV and try again.`;
    case 'bad-characters':
      return 'The code uses only letters A–Z and digits 0–9.';
  }
}
