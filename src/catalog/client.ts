import axios, { type AxiosInstance } from 'axios';
import type { Failure, Result } from '../flows/api';
import type { Catalog, CatalogItem } from './types';
import { parseCatalog } from './validate';

/** Programmer backend client: the catalog and tokenised stream URLs. No Lightning import. */
export interface CatalogClient {
  load(): Promise<Result<Catalog>>;
  /** The URL the player opens: a fresh media token per play, never cached. */
  streamUrl(item: CatalogItem, mediaToken: string): string;
}

export interface CatalogClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  http?: AxiosInstance;
}

export function tokenisedStreamUrl(streamUrl: string, mediaToken: string): string {
  const sep = streamUrl.includes('?') ? '&' : '?';
  return streamUrl + sep + 'mediaToken=' + encodeURIComponent(mediaToken);
}

function failureFrom(err: unknown): Failure {
  if (axios.isAxiosError(err)) {
    const status = err.response?.status;
    if (status === undefined) {
      return {
        kind: 'network',
        message: 'The catalog could not be reached. Check the connection and try again.',
        retryable: true,
      };
    }
    return {
      kind: status >= 500 ? 'server' : 'unknown',
      message: 'The catalog is not available right now.',
      code: `http_${status}`,
      retryable: true,
    };
  }
  return { kind: 'unknown', message: 'The catalog could not be loaded.', retryable: true };
}

export function createCatalogClient(options: CatalogClientOptions): CatalogClient {
  const http = options.http ?? axios.create({ timeout: options.timeoutMs ?? 10000 });
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    async load() {
      try {
        const res = await http.get<unknown>(`${base}/catalog`, { headers: { Accept: 'application/json' } });
        const parsed = parseCatalog(res.data);
        if (!parsed.ok)
          return {
            ok: false,
            failure: {
              kind: 'malformed',
              message: 'The catalog could not be read.',
              details: parsed.reason,
              retryable: true,
            },
          };
        return { ok: true, value: parsed.catalog };
      } catch (err) {
        return { ok: false, failure: failureFrom(err) };
      }
    },
    streamUrl(item, mediaToken) {
      return tokenisedStreamUrl(item.streamUrl, mediaToken);
    },
  };
}
