import type { Provider } from '../../src/flows/api';
import { arrangeProviders, foldText, nameCompare, sortByName } from '../../src/flows/provider-order';
import { providerSearch, wordsOf } from '../../src/flows/provider-search';

const p = (id: string, displayName = id): Provider => ({ id, displayName, isTempPass: false, isProxy: false });
const names = (list: Provider[]) => list.map((x) => x.displayName);

describe('foldText', () => {
  it('lower-cases and drops accents, including letters NFD keeps whole', () => {
    expect(foldText('Doña Ana Río Cañon Mayagüez Saint-Léonard')).toBe('dona ana rio canon mayaguez saint-leonard');
    expect(foldText('Øresund Straße Łódź')).toBe('oresund strasse lodz');
  });
});

describe('nameCompare / sortByName', () => {
  it('sorts as a viewer reads: accents and case ignored, numbers by value, ties by id', () => {
    const list = [
      p('z', 'zeta'),
      p('e2', 'Eclair'),
      p('e1', 'Éclair'),
      p('c14', 'Cable 14'),
      p('c2', 'Cable 2'),
      p('a', 'acme'),
    ];
    expect(sortByName(list).map((x) => x.id)).toEqual(['a', 'c2', 'c14', 'e1', 'e2', 'z']);
  });

  it('falls back to the default locale for a malformed tag, and to folded text without Intl', () => {
    expect(nameCompare('not a locale!')('Éclair', 'Delta')).toBeGreaterThan(0);
    const intl = globalThis.Intl;
    try {
      (globalThis as { Intl?: unknown }).Intl = undefined;
      const cmp = nameCompare();
      expect(cmp('Éclair', 'Delta')).toBeGreaterThan(0);
      expect(cmp('éclair', 'ECLAIR')).toBe(0);
    } finally {
      globalThis.Intl = intl;
    }
  });
});

describe('arrangeProviders', () => {
  const list = ['Zeta', 'Acme', 'Blue', 'Coast', 'Delta', 'Echo', 'Fjord'].map((n) => p(n.toLowerCase(), n));

  it('features the last-used provider first, then the configured ids in order, at most one row', () => {
    const a = arrangeProviders(list, {
      lastUsedId: 'delta',
      featuredIds: ['fjord', 'delta', 'nope', 'acme', 'blue', 'coast', 'echo'],
      maxFeatured: 5,
    });
    expect(names(a.featured)).toEqual(['Delta', 'Fjord', 'Acme', 'Blue', 'Coast']);
    expect(names(a.sorted)).toEqual(['Acme', 'Blue', 'Coast', 'Delta', 'Echo', 'Fjord', 'Zeta']);
  });

  it('a last-used id that is no longer offered is ignored', () => {
    expect(names(arrangeProviders(list, { lastUsedId: 'gone', featuredIds: ['echo'] }).featured)).toEqual(['Echo']);
  });

  it('lists of one row or less: no featured row, the last used leads the A–Z list', () => {
    const short = list.slice(0, 3);
    expect(arrangeProviders(short, { lastUsedId: 'zeta', featuredIds: ['acme'], maxFeatured: 5 })).toEqual({
      featured: [],
      sorted: [short[0], short[1], short[2]],
    });
    expect(names(arrangeProviders(short, { lastUsedId: 'blue' }).sorted)).toEqual(['Blue', 'Acme', 'Zeta']);
  });
});

describe('provider search', () => {
  const list = sortByName(
    [
      'Coeur d’Alene Cable & Co.',
      'Río Grande Cable & Internet',
      'North Río Grande Media',
      'Mid-Hudson Fiber',
      'Zeta 3Net',
      'Mesa Verde Telephone Cooperative',
    ].map((n, i) => p(`m${i}`, n)),
  );
  const find = (q: string) => names(providerSearch(list).find(q));

  it('splits names into folded words at spaces and punctuation', () => {
    expect(wordsOf('Coeur d’Alene Cable & Co.')).toEqual(['coeur', 'd', 'alene', 'cable', 'co']);
    expect(wordsOf('Mid-Hudson')).toEqual(['mid', 'hudson']);
  });

  it('finds by the start of any word, in the middle of the name too, case and accents ignored', () => {
    expect(find('GRAN')).toEqual(['North Río Grande Media', 'Río Grande Cable & Internet']);
    expect(find('rio')).toEqual(['North Río Grande Media', 'Río Grande Cable & Internet']);
    expect(find('telephone')).toEqual(['Mesa Verde Telephone Cooperative']);
    expect(find('alene')).toEqual(['Coeur d’Alene Cable & Co.']);
    expect(find('hudson')).toEqual(['Mid-Hudson Fiber']);
    expect(find('3n')).toEqual(['Zeta 3Net']);
  });

  it('every typed word must match; a word inside another word does not', () => {
    expect(find('cable rio')).toEqual(['Río Grande Cable & Internet']);
    expect(find('rande')).toEqual([]);
    expect(find('cable media')).toEqual([]);
  });

  it('a blank query lists everyone in the index order', () => {
    expect(find('  ')).toEqual(names(list));
  });
});
