/**
 * The flows' storage port. Entries marked secret (DCR client credentials, access token) go to the
 * platform's secure store where there is one (Firebolt SecureStorage, device scope, on RDK); everything
 * else, and every entry elsewhere, goes to the local envelope store. Secure entries use the same
 * envelope text, so unreadable ones are reported the same way. A secret stored locally by an earlier
 * version moves to the secure store on first read. If the box's SecureStorage fails, the entry falls
 * back to local storage (warned once): the app keeps working and keeps its sign-in.
 */
import { decodeEntry, encodeEntry, StorageError, type EntryStore } from './storage';

export interface SecureBackend {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface StorageOptions {
  /** Credentials or tokens: kept in the platform's secure store where it has one. */
  secret?: boolean;
}

export interface FlowsStorage {
  get(key: string, options?: StorageOptions): Promise<unknown>;
  set(key: string, value: unknown, options?: StorageOptions): Promise<void>;
  remove(key: string, options?: StorageOptions): Promise<void>;
}

export function createFlowsStorage(
  local: EntryStore,
  options: {
    secure?: SecureBackend;
    /** Resolves when the platform is ready to answer (device identity settled). */
    ready?: () => Promise<void>;
    warn?: (message: string, data?: Record<string, unknown>) => void;
  } = {},
): FlowsStorage {
  const ready = options.ready ?? (() => Promise.resolve());
  let warned = false;
  const fallback = (error: unknown): void => {
    if (warned || !options.warn) return;
    warned = true;
    options.warn('Secure storage failed; using local storage', {
      reason: error instanceof Error ? error.message : 'unknown',
    });
  };
  const secure = options.secure;

  async function secureGet(key: string, store: SecureBackend): Promise<unknown> {
    let raw: string | null;
    try {
      raw = await store.get(key);
    } catch (e) {
      fallback(e);
      return local.get(key);
    }
    if (raw !== null && raw !== undefined) return decodeEntry(key, raw).value;
    // Nothing there yet: an entry an earlier version kept locally moves over once.
    const previous = local.get(key);
    if (previous !== undefined) {
      try {
        await store.set(key, encodeEntry(key, previous));
        local.remove(key);
      } catch (e) {
        fallback(e);
      }
    }
    return previous;
  }

  return {
    async get(key: string, opts?: StorageOptions): Promise<unknown> {
      await ready();
      return opts && opts.secret && secure ? secureGet(key, secure) : local.get(key);
    },
    async set(key: string, value: unknown, opts?: StorageOptions): Promise<void> {
      await ready();
      if (opts && opts.secret && secure) {
        const text = encodeEntry(key, value);
        try {
          await secure.set(key, text);
          local.remove(key);
          return;
        } catch (e) {
          fallback(e);
        }
      }
      local.set(key, value);
    },
    async remove(key: string, opts?: StorageOptions): Promise<void> {
      await ready();
      if (opts && opts.secret && secure) {
        try {
          await secure.remove(key);
        } catch (e) {
          fallback(e);
        }
      }
      local.remove(key);
    },
  };
}

export { StorageError };
