/**
 * Letter-rail logic for the provider picker: which letters have providers, and where a letter jumps to.
 * `names` is the picker's order; when `pinnedFirst`, index 0 is the "last used" provider that flows moved
 * to the front, so the alphabetical part starts at 1 and the pinned entry is only a fallback target.
 */
export const ALPHABET = '#ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

export function initialOf(name: string): string {
  const c = name.trim().charAt(0).toUpperCase();
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
