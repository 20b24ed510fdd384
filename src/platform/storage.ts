/**
 * The app's one storage envelope. Every entry is JSON `{"v":2,"data":<value>}` under
 * `<namespace>.<key>` in a string key/value backend (localStorage on TVs). Callers hand in and get back
 * plain JSON values; nobody else wraps or versions them.
 *
 * - `get` answers undefined when the entry is absent and throws a StorageError when it is present but
 *   unreadable (not JSON, not an envelope, unknown version), so a caller can drop it and say so.
 *   `peek` is the lenient read (anything unreadable or rejected by a guard is undefined).
 * - `set` throws a StorageError when the backend refuses the write (quota, private mode), so the
 *   caller can report that the value will not survive a restart.
 * - Entries of app versions up to 0.1 (`v:1`) are read once and rewritten as `v:2`. Those versions
 *   wrapped the flows' entries twice (`{"v":1,"data":"{\"v\":1,\"data\":…}"}`): the inner envelope is
 *   unwrapped, so a TV keeps its device id, DCR client, token and profile across the update.
 * - `clear()` removes this namespace only (the SDK's Storage.clear() would wipe the whole origin).
 */

/** Raw string key/value store (localStorage-like). */
export interface KeyValueBackend {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  keys(): string[];
}

export const ENVELOPE_VERSION = 2;
const LEGACY_VERSION = 1;

export class StorageError extends Error {
  constructor(
    readonly kind: 'unreadable' | 'write',
    readonly key: string,
    reason: string,
  ) {
    super(kind === 'write' ? `could not write ${key}: ${reason}` : `unreadable entry ${key}: ${reason}`);
    this.name = 'StorageError';
  }
}

export interface EntryStore {
  /** The stored value; undefined when absent. Throws StorageError('unreadable') for a corrupt entry. */
  get(key: string): unknown;
  /** Store a JSON value. Throws StorageError('write') when the backend refuses. */
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** Lenient read: undefined when absent, unreadable or rejected by `guard`. Never throws. */
  peek<T = unknown>(key: string, guard?: (data: unknown) => data is T): T | undefined;
  /** Remove every key of this namespace, nothing else. */
  clear(): void;
}

interface Envelope {
  v: number;
  data: unknown;
}

function isEnvelope(x: unknown): x is Envelope {
  return typeof x === 'object' && x !== null && typeof (x as Envelope).v === 'number' && 'data' in x;
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The value of a `v:1` entry: the flows' entries carried a second, string-encoded envelope inside. */
function legacyValue(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  let inner: unknown;
  try {
    inner = JSON.parse(data);
  } catch {
    return data;
  }
  return isEnvelope(inner) && inner.v === LEGACY_VERSION ? inner.data : data;
}

/** The stored text of a value in the one envelope. Throws StorageError('write') for a value JSON cannot encode. */
export function encodeEntry(key: string, value: unknown): string {
  try {
    return JSON.stringify({ v: ENVELOPE_VERSION, data: value } as Envelope);
  } catch (e) {
    throw new StorageError('write', key, reason(e));
  }
}

/**
 * The value in a stored text; `legacy` is true for an entry of an earlier version (to be rewritten).
 * Throws StorageError('unreadable') when the text is not an envelope this version can read.
 */
export function decodeEntry(key: string, raw: string): { value: unknown; legacy: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new StorageError('unreadable', key, 'not JSON');
  }
  if (!isEnvelope(parsed)) throw new StorageError('unreadable', key, 'not an envelope');
  if (parsed.v === ENVELOPE_VERSION) return { value: parsed.data, legacy: false };
  if (parsed.v === LEGACY_VERSION) return { value: legacyValue(parsed.data), legacy: true };
  throw new StorageError('unreadable', key, `version ${parsed.v}`);
}

export function createEntryStore(backend: KeyValueBackend, namespace: string): EntryStore {
  const prefix = `${namespace}.`;
  const full = (key: string): string => prefix + key;

  const write = (key: string, value: unknown): void => {
    const text = encodeEntry(full(key), value);
    try {
      backend.setItem(full(key), text);
    } catch (e) {
      throw new StorageError('write', full(key), reason(e));
    }
  };

  const store: EntryStore = {
    get(key: string): unknown {
      let raw: string | null;
      try {
        raw = backend.getItem(full(key));
      } catch (e) {
        throw new StorageError('unreadable', full(key), reason(e));
      }
      if (raw === null || raw === undefined) return undefined;
      const entry = decodeEntry(full(key), raw);
      if (entry.legacy) {
        try {
          write(key, entry.value);
        } catch {
          // Still readable next time through the same path.
        }
      }
      return entry.value;
    },
    set: write,
    remove(key: string): void {
      try {
        backend.removeItem(full(key));
      } catch {
        // Nothing to do: an unremovable entry is still ignored when unreadable.
      }
    },
    peek<T>(key: string, guard?: (data: unknown) => data is T): T | undefined {
      let value: unknown;
      try {
        value = store.get(key);
      } catch {
        return undefined;
      }
      if (value === undefined || (guard && !guard(value))) return undefined;
      return value as T;
    },
    clear(): void {
      let keys: string[] = [];
      try {
        keys = backend.keys();
      } catch {
        return;
      }
      for (const k of keys) {
        if (k.indexOf(prefix) === 0) {
          try {
            backend.removeItem(k);
          } catch {
            // ignore, as in remove()
          }
        }
      }
    },
  };
  return store;
}

/** In-memory backend (tests, and the fallback when localStorage is unavailable). */
export function memoryBackend(initial: Record<string, string> = {}): KeyValueBackend {
  const map = new Map<string, string>(Object.keys(initial).map((k) => [k, initial[k] as string]));
  return {
    getItem: (k) => (map.has(k) ? (map.get(k) as string) : null),
    setItem: (k, v) => {
      map.set(k, String(v));
    },
    removeItem: (k) => {
      map.delete(k);
    },
    keys: () => Array.from(map.keys()),
  };
}

/**
 * window.localStorage when it works (some TV engines throw on access in private/packaged modes),
 * otherwise memory (data then lasts only for the session).
 */
export function localStorageBackend(storage?: Storage | null): KeyValueBackend {
  let ls: Storage | null = null;
  try {
    ls = storage === undefined ? (typeof localStorage !== 'undefined' ? localStorage : null) : storage;
    if (ls) {
      const probe = '__tve_probe__';
      ls.setItem(probe, '1');
      ls.removeItem(probe);
    }
  } catch {
    ls = null;
  }
  if (!ls) return memoryBackend();
  const s = ls;
  return {
    getItem: (k) => s.getItem(k),
    setItem: (k, v) => s.setItem(k, v),
    removeItem: (k) => s.removeItem(k),
    keys: () => {
      const out: string[] = [];
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i);
        if (k !== null) out.push(k);
      }
      return out;
    },
  };
}
