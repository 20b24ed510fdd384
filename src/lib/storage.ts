/**
 * Versioned storage facade. Every entry is stored as JSON `{ "v": <version>, "data": <value> }` under
 * `<namespace>.<key>`. Anything unreadable (not JSON, wrong shape, another version, failing the
 * caller's guard) counts as absent: reads never throw. `clear()` only removes this namespace — the
 * SDK's Storage.clear() without a namespace would wipe the whole origin's localStorage.
 */

/** Raw string key/value store (localStorage-like). */
export interface KeyValueBackend {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  keys(): string[];
}

export interface VersionedStorage {
  /** The stored value, or undefined when absent/corrupt/other version/rejected by `guard`. */
  get<T = unknown>(key: string, guard?: (data: unknown) => data is T): T | undefined;
  /** False when the backend refused the write (quota, private mode). */
  set(key: string, value: unknown): boolean;
  remove(key: string): void;
  /** Remove every key of this namespace, nothing else. */
  clear(): void;
}

export interface VersionedStorageOptions {
  backend: KeyValueBackend;
  namespace: string;
  version: number;
}

interface Envelope {
  v: number;
  data: unknown;
}

function isEnvelope(x: unknown): x is Envelope {
  return typeof x === 'object' && x !== null && typeof (x as Envelope).v === 'number' && 'data' in x;
}

export function createVersionedStorage(options: VersionedStorageOptions): VersionedStorage {
  const { backend, namespace, version } = options;
  const prefix = `${namespace}.`;
  const full = (key: string): string => prefix + key;

  return {
    get<T>(key: string, guard?: (data: unknown) => data is T): T | undefined {
      let raw: string | null;
      try {
        raw = backend.getItem(full(key));
      } catch {
        return undefined;
      }
      if (raw === null || raw === undefined) return undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return undefined;
      }
      if (!isEnvelope(parsed) || parsed.v !== version) return undefined;
      if (guard && !guard(parsed.data)) return undefined;
      return parsed.data as T;
    },
    set(key: string, value: unknown): boolean {
      try {
        const envelope: Envelope = { v: version, data: value };
        backend.setItem(full(key), JSON.stringify(envelope));
        return true;
      } catch {
        return false;
      }
    },
    remove(key: string): void {
      try {
        backend.removeItem(full(key));
      } catch {
        // Nothing to do: an unremovable entry is still ignored when unreadable.
      }
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
