/** The programmer backend's catalog, as validated at run time (see docs/architecture.md "Catalog shape"). */
export interface CatalogItem {
  id: string;
  title: string;
  description: string;
  rating: string;
  year: number;
  durationSec?: number;
  posterUrl: string;
  /** Asset-level Adobe Pass resource (plain id or MRSS): what authorize is asked about before playing. */
  resource: string;
  /** The channel's id, when the catalog names one. */
  channel?: string;
  /**
   * Channel-level resource: what preauthorization asks about; the title's lock is its channel's decision.
   * From the item, else from `channels` by `channel`, else (a catalog without channels) the asset-level
   * `resource` itself (src/catalog/validate.ts).
   */
  channelResource: string;
  /** Absolute HLS playlist URL; the media token is appended per play. */
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
  resource: string;
}

export interface Catalog {
  /** The channels the titles belong to (absent or empty when the backend lists none). */
  channels?: CatalogChannel[];
  rows: CatalogRow[];
}
