/**
 * Fixture switch `catalog` (issue 13): a catalog at the scale of a real service — by default 20 rows of 40
 * titles — generated deterministically from the standard fixture's channels, streams and poster art. Titles
 * are invented (some Spanish, with accents), ratings follow each row's channel, and the same rules as the
 * standard catalog hold: film ratings and TV-MA titles are MRSS resources, the rest plain channel ids.
 */
import { pick, prng } from '../random';
import type { Fixture, FixtureItem } from './catalog';

interface Theme {
  title: string;
  channel: string;
  ratings: string[];
  spanish?: boolean;
}

const THEMES: Theme[] = [
  { title: 'Trending Now', channel: 'DEMOTV', ratings: ['TV-14', 'TV-PG', 'TV-MA'] },
  { title: 'Live Sports', channel: 'DEMOTV-SPORTS', ratings: ['TV-G', 'TV-PG'] },
  { title: 'Blockbuster Movies', channel: 'DEMOTV-MOVIES', ratings: ['PG-13', 'R', 'PG'] },
  { title: 'Kids & Family', channel: 'DEMOTV-KIDS', ratings: ['TV-Y', 'TV-Y7', 'TV-G'] },
  { title: 'Pay-per-view Events', channel: 'DEMOTV-PPV', ratings: ['TV-14', 'TV-PG'] },
  { title: 'Drama Series', channel: 'DEMOTV', ratings: ['TV-14', 'TV-MA'] },
  { title: 'En español', channel: 'DEMOTV', ratings: ['TV-14', 'TV-PG', 'TV-MA'], spanish: true },
  { title: 'Football', channel: 'DEMOTV-SPORTS', ratings: ['TV-G'] },
  { title: 'Family Movie Night', channel: 'DEMOTV-MOVIES', ratings: ['G', 'PG'] },
  { title: 'Preschool', channel: 'DEMOTV-KIDS', ratings: ['TV-Y'] },
  { title: 'True Crime', channel: 'DEMOTV', ratings: ['TV-14', 'TV-MA'] },
  { title: 'Motorsport', channel: 'DEMOTV-SPORTS', ratings: ['TV-G', 'TV-PG'] },
  { title: 'Thrillers', channel: 'DEMOTV-MOVIES', ratings: ['R', 'PG-13'] },
  { title: 'Animation', channel: 'DEMOTV-KIDS', ratings: ['TV-Y7', 'TV-G'] },
  { title: 'Fight Night', channel: 'DEMOTV-PPV', ratings: ['TV-14'] },
  { title: 'Documentaries', channel: 'DEMOTV', ratings: ['TV-PG', 'TV-14'] },
  { title: 'Basketball', channel: 'DEMOTV-SPORTS', ratings: ['TV-G'] },
  { title: 'Classic Films', channel: 'DEMOTV-MOVIES', ratings: ['G', 'PG', 'PG-13'] },
  { title: 'Late Night', channel: 'DEMOTV', ratings: ['TV-MA'] },
  { title: 'Concerts & Festivals', channel: 'DEMOTV-PPV', ratings: ['TV-PG', 'TV-14'] },
];

const ADJ = ['Silent', 'Crimson', 'Northern', 'Hidden', 'Last', 'Golden', 'Broken', 'Electric', 'Wild', 'Distant', 'Iron',
  'Midnight', 'Paper', 'Velvet', 'Hollow', 'Burning', 'Frozen', 'Lucky', 'Restless', 'Bright', 'Secret', 'Salt', 'Copper'];
const NOUN = ['Harbor', 'Orchard', 'Frontier', 'Signal', 'Kingdom', 'Lighthouse', 'Canyon', 'Circuit', 'Garden', 'Empire',
  'Avenue', 'Station', 'Summit', 'Current', 'Verdict', 'Horizon', 'Ledger', 'Parade', 'Crossing', 'Anthem', 'Island', 'Engine'];
const ES_A = ['La Casa', 'El Secreto', 'Corazón', 'Los Años', 'La Niña', 'El Último Tren', 'Café', 'Noches', 'La Canción', 'El Jardín'];
const ES_B = ['del Río', 'de Sevilla', 'Salvaje', 'Dorados', 'del Mar', 'a Cádiz', 'Noir', 'de Verano', 'de Ayer', 'de Papel', 'en Llamas'];
const EVENTS = ['Championship', 'Cup Final', 'Invitational', 'Showdown', 'Classic', 'Derby', 'Grand Prix', 'Open', 'Playoffs'];
const KIDS = ['Adventures', 'Friends', 'Club', 'Academy', 'Patrol', 'Workshop', 'Treehouse', 'Rangers', 'Band'];
const STREAM_OF: Record<string, (rating: string) => string> = {
  DEMOTV: (r) => (r === 'TV-MA' ? 'afterdark' : 'originals'),
  'DEMOTV-SPORTS': () => 'sports',
  'DEMOTV-MOVIES': () => 'movies',
  'DEMOTV-KIDS': () => 'kids',
  'DEMOTV-PPV': () => 'ppv',
};

function title(rnd: () => number, theme: Theme): string {
  if (theme.spanish) return `${pick(rnd, ES_A)} ${pick(rnd, ES_B)}`;
  switch (theme.channel) {
    case 'DEMOTV-SPORTS':
    case 'DEMOTV-PPV':
      return `${pick(rnd, NOUN)} ${pick(rnd, EVENTS)}`;
    case 'DEMOTV-KIDS':
      return `${pick(rnd, ADJ)} ${pick(rnd, NOUN)} ${pick(rnd, KIDS)}`;
    default:
      return rnd() < 0.5 ? `The ${pick(rnd, ADJ)} ${pick(rnd, NOUN)}` : `${pick(rnd, NOUN)} of the ${pick(rnd, ADJ)} ${pick(rnd, NOUN)}`;
  }
}

function description(rnd: () => number, theme: Theme, name: string): string {
  const who = pick(rnd, ['a retired detective', 'two rival families', 'a young engineer', 'a touring band', 'an island town', 'the home team', 'a stubborn chef']);
  const what = pick(rnd, ['a secret that will not stay buried', 'one last chance', 'the season of their lives', 'a storm that changes everything', 'an unlikely friendship']);
  return theme.spanish ? `${name}: ${who} y ${what}.` : `${name}: ${who} faces ${what}.`;
}

/** A fixture of `rows` × `titlesPerRow` generated titles that reuses the base fixture's channels, streams and art. */
export function largeCatalogFixture(base: Fixture, rows: number, titlesPerRow: number, seed = 42): Fixture {
  const rnd = prng(seed);
  const art = new Map<string, string[]>();
  for (const it of base.rows.flatMap((r) => r.items)) art.set(it.channel, [...(art.get(it.channel) ?? []), `${it.id}.png`]);
  const seen = new Set<string>();
  const out: Fixture['rows'] = [];
  for (let r = 0; r < rows; r++) {
    const theme = THEMES[r % THEMES.length];
    const round = Math.floor(r / THEMES.length);
    const items: FixtureItem[] = [];
    for (let t = 0; t < titlesPerRow; t++) {
      let name = title(rnd, theme);
      for (let n = 2; seen.has(name); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
      seen.add(name);
      const rating = pick(rnd, theme.ratings);
      const film = theme.channel === 'DEMOTV-MOVIES';
      items.push({
        id: `x${String(r + 1).padStart(2, '0')}-${String(t + 1).padStart(3, '0')}`,
        title: name,
        description: description(rnd, theme, name),
        rating,
        year: 1978 + Math.floor(rnd() * 49),
        channel: theme.channel,
        format: film || rating === 'TV-MA' ? 'mrss' : 'plain',
        streamId: STREAM_OF[theme.channel](rating),
        poster: pick(rnd, art.get(theme.channel) ?? ['t01.png']),
      });
    }
    out.push({ id: `row-${r + 1}`, title: round === 0 ? theme.title : `${theme.title} ${round + 1}`, items });
  }
  return { channels: base.channels, streams: base.streams, rows: out };
}
