/**
 * Generated catalogs for the catalog-at-scale tests: `rows` rows of `titles` titles, spread over
 * `channels` channels (title k of row r is on channel (r + k) % channels). Asset-level resources are
 * MRSS with the item title; channel-level ones are plain ids, as the emulator's large catalog.
 */
import type { Catalog, CatalogItem } from '../../src/catalog/types';

export const channelId = (c: number) => `CH${c}`;

export function largeCatalog(rows: number, titles: number, channels = 5): Catalog {
  return {
    channels: Array.from({ length: channels }, (_, c) => ({ id: channelId(c), title: `Channel ${c}`, resource: channelId(c) })),
    rows: Array.from({ length: rows }, (_, r) => ({
      id: `row${r}`,
      title: `Row ${r}`,
      items: Array.from({ length: titles }, (_, k): CatalogItem => {
        const channel = channelId((r + k) % channels);
        const id = `r${r}t${k}`;
        return {
          id,
          title: `Title ${r}.${k}`,
          description: `Description of ${id}`,
          rating: 'TV-PG',
          year: 2026,
          posterUrl: `http://p/${id}.png`,
          resource: `<rss version="2.0"><channel><title>${channel}</title><item><title>Title ${r}.${k}</title></item></channel></rss>`,
          channel,
          channelResource: channel,
          streamUrl: `http://media/${id}/index.m3u8`,
        };
      }),
    })),
  };
}
