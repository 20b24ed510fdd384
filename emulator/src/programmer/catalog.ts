/**
 * The programmer catalog: emulator/fixtures/catalog.json turned into the shape of docs/architecture.md
 * ("Catalog shape"), with absolute poster/stream URLs and Adobe Pass resources (plain channel id or MRSS).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CHANNELS = ['DEMOTV', 'DEMOTV-SPORTS', 'DEMOTV-MOVIES', 'DEMOTV-KIDS', 'DEMOTV-PPV'] as const;

export interface CatalogItem {
  id: string;
  title: string;
  description: string;
  rating: string;
  year: number;
  durationSec: number;
  posterUrl: string;
  /** Asset-level resource: what `decisions/authorize` is asked about before playing this title. */
  resource: string;
  /** Channel id (one of `channels[].id`). */
  channel: string;
  /** Channel-level resource (plain id or channel-level MRSS): what preauthorization by channel asks about. */
  channelResource: string;
  streamUrl: string;
}
export interface CatalogRow {
  id: string;
  title: string;
  items: CatalogItem[];
}
export interface CatalogChannel {
  id: string;
  title: string;
  /** Exactly the `channelResource` of the channel's items. */
  resource: string;
}
export interface Catalog {
  channels: CatalogChannel[];
  rows: CatalogRow[];
}

/** What the media origin needs to know about a title. */
export interface TitleEntry {
  id: string;
  title: string;
  resource: string;
  streamId: string;
}

export interface FixtureItem {
  id: string;
  title: string;
  description: string;
  rating: string;
  year: number;
  channel: string;
  format: 'plain' | 'mrss';
  streamId: string;
  /** Poster file to serve for this id when there is no `{id}.png` (generated catalogs reuse the art). */
  poster?: string;
}
export interface FixtureChannel {
  title: string;
  format: 'plain' | 'mrss';
}
export interface Fixture {
  channels: Record<string, FixtureChannel>;
  streams: Record<string, string>;
  rows: { id: string; title: string; items: FixtureItem[] }[];
}

export function readCatalogFixture(fixturesDir: string): Fixture {
  const raw: unknown = JSON.parse(readFileSync(join(fixturesDir, 'catalog.json'), 'utf8'));
  return checkFixture(raw);
}

/** Fail fast on a broken fixture: a typo here would otherwise surface as a confusing 404 or entitlement denial. */
function checkFixture(raw: unknown): Fixture {
  const fail = (why: string): never => {
    throw new Error(`catalog.json: ${why}`);
  };
  if (typeof raw !== 'object' || raw === null) fail('not an object');
  const f = raw as Partial<Fixture>;
  if (typeof f.streams !== 'object' || f.streams === null) fail('missing "streams"');
  if (typeof f.channels !== 'object' || f.channels === null) fail('missing "channels"');
  for (const [id, c] of Object.entries(f.channels as Record<string, FixtureChannel>)) {
    if (!(CHANNELS as readonly string[]).includes(id)) fail(`channels: unknown channel ${id}`);
    if (typeof c?.title !== 'string' || c.title === '' || (c.format !== 'plain' && c.format !== 'mrss')) fail(`channels.${id}: needs a title and format plain|mrss`);
  }
  if (!Array.isArray(f.rows)) fail('missing "rows"');
  const ids = new Set<string>();
  for (const row of f.rows as Fixture['rows']) {
    if (typeof row.id !== 'string' || typeof row.title !== 'string' || !Array.isArray(row.items)) fail('bad row');
    for (const it of row.items) {
      const where = `item ${JSON.stringify(it.id)}`;
      if (typeof it.id !== 'string' || !/^[a-z0-9-]+$/.test(it.id)) fail(`${where}: id must match [a-z0-9-]+`);
      if (ids.has(it.id)) fail(`${where}: duplicate id`);
      ids.add(it.id);
      for (const k of ['title', 'description', 'rating', 'channel', 'streamId'] as const) {
        if (typeof it[k] !== 'string' || it[k] === '') fail(`${where}: missing ${k}`);
      }
      if (typeof it.year !== 'number') fail(`${where}: year must be a number`);
      if (it.format !== 'plain' && it.format !== 'mrss') fail(`${where}: format must be plain or mrss`);
      if (!(it.channel in (f.channels as Record<string, FixtureChannel>))) fail(`${where}: unknown channel ${it.channel}`);
      if (!(it.streamId in (f.streams as Record<string, string>))) fail(`${where}: unknown streamId ${it.streamId}`);
    }
  }
  return f as Fixture;
}

const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** TV Parental Guidelines go with the v-chip scheme, film ratings with MPAA (spec §12 example: urn:mpaa). */
export function mrssResource(channel: string, item: { id: string; title: string; rating: string }): string {
  const scheme = /^TV-/i.test(item.rating) ? 'urn:v-chip' : 'urn:mpaa';
  return (
    `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>${xmlEscape(channel)}</title>` +
    `<item><title>${xmlEscape(item.title)}</title><guid>${xmlEscape(item.id)}</guid>` +
    `<media:rating scheme="${scheme}">${xmlEscape(item.rating.toLowerCase())}</media:rating></item></channel></rss>`
  );
}

/**
 * Channel-level resource: the plain channel id, or MRSS with only the channel's title — what Adobe's decisions
 * page advises for preauthorization (no item, no CDATA).
 */
export function channelResource(channel: string, format: 'plain' | 'mrss'): string {
  return format === 'plain' ? channel : `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>${xmlEscape(channel)}</title></channel></rss>`;
}

export interface BuiltCatalog {
  catalog: Catalog;
  titles: Map<string, TitleEntry>;
  /** id → poster file, for ids whose poster is not `{id}.png`. */
  posterAliases: Map<string, string>;
}

/** `durationOf(streamId)` is measured from the stream itself so the catalog never disagrees with the media. */
export function buildCatalog(
  fixture: Fixture,
  publicUrl: string,
  durationOf: (streamId: string) => number,
): BuiltCatalog {
  const base = publicUrl.replace(/\/+$/, '');
  const titles = new Map<string, TitleEntry>();
  const posterAliases = new Map<string, string>();
  const used = new Set(fixture.rows.flatMap((r) => r.items.map((it) => it.channel)));
  const channels: CatalogChannel[] = Object.entries(fixture.channels)
    .filter(([id]) => used.has(id))
    .map(([id, c]) => ({ id, title: c.title, resource: channelResource(id, c.format) }));
  const channelOf = new Map(channels.map((c) => [c.id, c.resource] as const));
  const rows = fixture.rows.map((row) => ({
    id: row.id,
    title: row.title,
    items: row.items.map((it): CatalogItem => {
      const resource = it.format === 'plain' ? it.channel : mrssResource(it.channel, it);
      titles.set(it.id, {
        id: it.id,
        title: it.title,
        resource,
        streamId: it.streamId,
      });
      if (it.poster) posterAliases.set(`${it.id}.png`, it.poster);
      return {
        id: it.id,
        title: it.title,
        description: it.description,
        rating: it.rating,
        year: it.year,
        durationSec: durationOf(it.streamId),
        posterUrl: `${base}/posters/${it.id}.png`,
        resource,
        channel: it.channel,
        channelResource: channelOf.get(it.channel)!,
        streamUrl: `${base}/media/${it.id}/index.m3u8`,
      };
    }),
  }));
  return { catalog: { channels, rows }, titles, posterAliases };
}
