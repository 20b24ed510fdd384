/**
 * Letter-rail logic for the provider picker (pure: the controller uses it too): which letters have
 * providers, and where a letter jumps to. `names` is the A–Z list; when `pinnedFirst`, index 0 is the
 * "last used" provider moved to the front of a short list, so the alphabetical part starts at 1 and the
 * pinned entry is only a fallback target. Names file under their first letter without its accent
 * ("Érable" under E); digits and other scripts under #.
 */
import { foldText } from '../flows/provider-order';

export const ALPHABET = '#ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

export function initialOf(name: string): string {
  const c = foldText(name.trim().charAt(0)).charAt(0).toUpperCase();
  return c >= 'A' && c <= 'Z' ? c : '#';
}

export function availableLetters(names: string[]): Set<string> {
  return new Set(names.map(initialOf));
}

/** Index of the first provider starting with `letter`, else the next letter that has one, else the last. */
export function indexForLetter(names: string[], letter: string, pinnedFirst: boolean): number {
  const start = pinnedFirst && names.length > 1 ? 1 : 0;
  const order = ALPHABET.indexOf(letter);
  let best = -1;
  let bestRank = Infinity;
  for (let i = start; i < names.length; i++) {
    const rank = ALPHABET.indexOf(initialOf(names[i]!));
    if (rank >= order && rank < bestRank) {
      best = i;
      bestRank = rank;
    }
  }
  // The pinned provider may be the only one with this letter (flows moved it to the front).
  if (start === 1 && bestRank !== order && initialOf(names[0]!) === letter) return 0;
  return best >= 0 ? best : Math.max(0, names.length - 1);
}
