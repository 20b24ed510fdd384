import type { Catalog, CatalogChannel, CatalogItem, CatalogRow } from './types';

/**
 * Run-time validation of `GET /catalog`. A malformed item is dropped (one bad entry must not blank the
 * whole catalog); a body without a `rows` array is rejected. Every item gets a `channelResource`: its own,
 * else its channel's from `channels`, else its asset-level `resource` (a catalog that names no channels
 * is preauthorized title by title, as before channels existed).
 */
export type Parsed = { ok: true; catalog: Catalog; dropped: number } | { ok: false; reason: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function parseChannels(v: unknown): CatalogChannel[] {
  if (!Array.isArray(v)) return [];
  const out: CatalogChannel[] = [];
  for (const c of v) {
    if (isObj(c) && str(c.id) && str(c.resource) && c.resource.trim() !== '')
      out.push({ id: c.id, title: typeof c.title === 'string' && c.title ? c.title : c.id, resource: c.resource });
  }
  return out;
}

function parseItem(v: unknown, channels: Map<string, string>): CatalogItem | undefined {
  if (!isObj(v)) return undefined;
  const { id, title, description, rating, year, durationSec, posterUrl, resource, streamUrl } = v;
  if (!str(id) || !str(title) || !str(resource) || !str(streamUrl) || !/^https?:\/\//.test(streamUrl)) return undefined;
  const channel = str(v.channel) ? v.channel : undefined;
  const own = str(v.channelResource) && v.channelResource.trim() !== '' ? v.channelResource : undefined;
  const channelResource = own ?? (channel !== undefined ? channels.get(channel) : undefined) ?? resource;
  const numericYear = typeof year === 'number' ? year : Number(year);
  return {
    id,
    title,
    description: typeof description === 'string' ? description : '',
    rating: typeof rating === 'string' ? rating : '',
    year: Number.isFinite(numericYear) ? numericYear : 0,
    durationSec: typeof durationSec === 'number' && durationSec > 0 ? durationSec : undefined,
    posterUrl: typeof posterUrl === 'string' ? posterUrl : '',
    resource,
    channel,
    channelResource,
    streamUrl,
  };
}

export function parseCatalog(body: unknown): Parsed {
  if (!isObj(body) || !Array.isArray(body.rows)) return { ok: false, reason: 'The catalog has no rows.' };
  let dropped = 0;
  const channels = parseChannels(body.channels);
  const byId = new Map(channels.map((c) => [c.id, c.resource] as [string, string]));
  const rows: CatalogRow[] = [];
  body.rows.forEach((r: unknown, index: number) => {
    if (!isObj(r) || !Array.isArray(r.items)) {
      dropped++;
      return;
    }
    const items: CatalogItem[] = [];
    for (const raw of r.items) {
      const item = parseItem(raw, byId);
      if (item) items.push(item);
      else dropped++;
    }
    if (items.length === 0) return;
    rows.push({ id: str(r.id) ? r.id : `row${index}`, title: typeof r.title === 'string' ? r.title : '', items });
  });
  if (rows.length === 0) return { ok: false, reason: 'The catalog is empty.' };
  return { ok: true, catalog: { channels, rows }, dropped };
}

/** Distinct channel-level resources of `rows` in order (what preauthorization is asked about). */
export function channelResources(rows: CatalogRow[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const row of rows)
    for (const item of row.items)
      if (!seen.has(item.channelResource)) {
        seen.add(item.channelResource);
        out.push(item.channelResource);
      }
  return out;
}
