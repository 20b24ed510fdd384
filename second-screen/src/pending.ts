/**
 * What the phone remembers across the trip to the MVPD: the MVPD login ends on the fixed
 * `redirectUrl` (/done), which carries no code, so the code travels in this tab's sessionStorage.
 */
import { readJson, writeJson, type KeyValueStore } from './storage';

const KEY = 'ss.v1.pending';

export interface PendingLogin {
  code: string;
  preset: string;
  mvpd: string;
  displayName: string;
  logoUrl?: string;
}

function isPending(v: unknown): v is PendingLogin {
  const p = v as PendingLogin;
  return (
    !!p &&
    typeof p === 'object' &&
    typeof p.code === 'string' &&
    typeof p.preset === 'string' &&
    typeof p.mvpd === 'string' &&
    typeof p.displayName === 'string'
  );
}

export const pendingLogin = {
  read: (store: KeyValueStore): PendingLogin | undefined => readJson(store, KEY, isPending),
  write: (store: KeyValueStore, value: PendingLogin): void => writeJson(store, KEY, value),
  clear: (store: KeyValueStore): void => store.remove(KEY),
};
