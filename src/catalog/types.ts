/** The programmer backend's catalog, as validated at run time (see docs/architecture.md "Catalog shape"). */
export interface CatalogItem {
  id: string;
  title: string;
  description: string;
  rating: string;
  year: number;
  durationSec?: number;
  posterUrl: string;
  /** Adobe Pass resource: a plain id ("DEMOTV") or an MRSS string. */
  resource: string;
  /** Absolute HLS playlist URL; the media token is appended per play. */
  streamUrl: string;
}

export interface CatalogRow {
  id: string;
  title: string;
  items: CatalogItem[];
}

export interface Catalog {
  rows: CatalogRow[];
}
