import { availableLetters, indexForLetter, initialOf } from '../../src/components/letters';

// Index 0 is the "last used" provider flows moved to the front; the rest is alphabetical.
const names = [
  'Summit Satellite',
  'Acme Cable',
  'Blue River TV',
  'Coastal Cablevision',
  'Lakeside Broadband',
  'Sun Valley Cable',
  'Vista Stream TV',
  'Zeta 3Net',
];

describe('letter rail logic', () => {
  it('maps non-letters to #', () => {
    expect(initialOf('3Net')).toBe('#');
    expect(initialOf(' acme')).toBe('A');
  });

  it('files accented initials under their letter', () => {
    expect(['Éclair', 'Ñandú', 'Øresund', 'Ærø'].map(initialOf)).toEqual(['E', 'N', 'O', 'A']);
  });

  it('lists letters that have providers, the pinned one included', () => {
    const letters = availableLetters(['Zeta', 'Acme', 'Blue', '3Net']);
    expect([...letters].sort()).toEqual(['#', 'A', 'B', 'Z']);
  });

  it('jumps to the first provider with the letter in the alphabetical part', () => {
    expect(indexForLetter(names, 'S', true)).toBe(5);
    expect(indexForLetter(names, 'A', true)).toBe(1);
  });

  it('jumps to the pinned provider when it is the only one with that letter', () => {
    expect(indexForLetter(['Acme Cable', 'Blue River', 'Coastal'], 'A', true)).toBe(0);
  });

  it('jumps to the next letter that has providers when the letter has none', () => {
    expect(indexForLetter(names, 'D', true)).toBe(4); // L is the next initial after D
    expect(indexForLetter(names, 'T', true)).toBe(6); // V
    expect(indexForLetter(names, 'W', true)).toBe(7); // Z
  });

  it('falls back to the last entry when nothing follows', () => {
    expect(indexForLetter(['Acme', 'Blue'], 'X', false)).toBe(1);
  });
});
