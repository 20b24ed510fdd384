import type { Catalog, CatalogItem, CatalogRow } from './types';

/**
 * Run-time validation of `GET /catalog`. A malformed item is dropped (one bad entry must not blank the
 * whole catalog); a body without a `rows` array is rejected.
 */
export type Parsed = { ok: true; catalog: Catalog; dropped: number } | { ok: false; reason: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function parseItem(v: unknown): CatalogItem | undefined {
  if (!isObj(v)) return undefined;
  const { id, title, description, rating, year, durationSec, posterUrl, resource, streamUrl } = v;
  if (!str(id) || !str(title) || !str(resource) || !str(streamUrl) || !/^https?:\/\//.test(streamUrl)) return undefined;
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
    streamUrl,
  };
}

export function parseCatalog(body: unknown): Parsed {
  if (!isObj(body) || !Array.isArray(body.rows)) return { ok: false, reason: 'The catalog has no rows.' };
  let dropped = 0;
  const rows: CatalogRow[] = [];
  body.rows.forEach((r: unknown, index: number) => {
    if (!isObj(r) || !Array.isArray(r.items)) {
      dropped++;
      return;
    }
    const items: CatalogItem[] = [];
    for (const raw of r.items) {
      const item = parseItem(raw);
      if (item) items.push(item);
      else dropped++;
    }
    if (items.length === 0) return;
    rows.push({ id: str(r.id) ? r.id : `row${index}`, title: typeof r.title === 'string' ? r.title : '', items });
  });
  if (rows.length === 0) return { ok: false, reason: 'The catalog is empty.' };
  return { ok: true, catalog: { rows }, dropped };
}

/** Distinct resources in catalog order (what preauthorization is asked about). */
export function distinctResources(catalog: Catalog): string[] {
  const seen = new Set<string>();
  for (const row of catalog.rows) for (const item of row.items) seen.add(item.resource);
  return [...seen];
}
