import { availableLetters, indexForLetter, initialOf } from '../../src/components/letters';

const names = ['Summit Satellite', 'Acme Cable', 'Blue River TV', 'Coastal Cablevision', 'Lakeside Broadband', 'Summit Satellite', 'Vista Stream TV', '3Net'];
// index 0 is the pinned "last used" entry (a duplicate of a later one), the rest are alphabetical-ish.

describe('letter rail logic', () => {
  it('maps non-letters to #', () => {
    expect(initialOf('3Net')).toBe('#');
    expect(initialOf(' acme')).toBe('A');
  });

  it('lists letters that have providers, ignoring the pinned entry', () => {
    const letters = availableLetters(['Zeta', 'Acme', 'Blue'], true);
    expect([...letters].sort()).toEqual(['A', 'B']);
  });

  it('jumps to the first provider with the letter, skipping the pinned one', () => {
    expect(indexForLetter(names, 'S', true)).toBe(5);
    expect(indexForLetter(names, 'A', true)).toBe(1);
  });

  it('jumps to the next letter that has providers when the letter has none', () => {
    expect(indexForLetter(names, 'D', true)).toBe(4); // L is the next initial after D
    expect(indexForLetter(names, 'T', true)).toBe(6); // V
  });

  it('falls back to the last entry when nothing follows', () => {
    expect(indexForLetter(names, 'Z', true)).toBe(names.length - 1);
  });
});
