/**
 * A tiny key/value port over Web Storage. Private browsing modes and locked-down WebViews may throw
 * on access; then we fall back to memory so the activation still works for this page load.
 */

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    get: (key) => (map.has(key) ? (map.get(key) as string) : null),
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
  };
}

export function webStore(pick: () => Storage): KeyValueStore {
  const fallback = memoryStore();
  const storage = (): Storage | null => {
    try {
      return pick();
    } catch {
      return null;
    }
  };
  return {
    get(key) {
      try {
        const s = storage();
        return s ? s.getItem(key) : fallback.get(key);
      } catch {
        return fallback.get(key);
      }
    },
    set(key, value) {
      try {
        const s = storage();
        if (s) s.setItem(key, value);
        else fallback.set(key, value);
      } catch {
        fallback.set(key, value);
      }
    },
    remove(key) {
      try {
        storage()?.removeItem(key);
      } catch {
        /* nothing to remove */
      }
      fallback.remove(key);
    },
  };
}

/** Reads a versioned JSON entry; unreadable or corrupt entries count as absent (design: never a crash). */
export function readJson<T>(store: KeyValueStore, key: string, valid: (v: unknown) => v is T): T | undefined {
  const raw = store.get(key);
  if (raw === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return valid(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  store.set(key, JSON.stringify(value));
}
