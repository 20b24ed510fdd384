/**
 * Letter-rail logic for the provider picker: which letters have providers, and where a letter jumps to.
 * `names` is the picker's order; the pinned "last used" entry (index 0 when `pinnedFirst`) is skipped so
 * a jump lands in the alphabetical part.
 */
export const ALPHABET = '#ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

export function initialOf(name: string): string {
  const c = name.trim().charAt(0).toUpperCase();
  return c >= 'A' && c <= 'Z' ? c : '#';
}

export function availableLetters(names: string[], pinnedFirst: boolean): Set<string> {
  const set = new Set<string>();
  names.forEach((n, i) => {
    if (!(pinnedFirst && i === 0)) set.add(initialOf(n));
  });
  return set;
}

/** Index of the first provider starting with `letter`, else the next letter that has one, else the last. */
export function indexForLetter(names: string[], letter: string, pinnedFirst: boolean): number {
  const start = pinnedFirst && names.length > 1 ? 1 : 0;
  const order = ALPHABET.indexOf(letter);
  let best = -1;
  let bestRank = Infinity;
  for (let i = start; i < names.length; i++) {
    const rank = ALPHABET.indexOf(initialOf(names[i]));
    if (rank >= order && rank < bestRank) {
      best = i;
      bestRank = rank;
    }
  }
  return best >= 0 ? best : Math.max(0, names.length - 1);
}
