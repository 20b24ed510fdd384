/**
 * Everything the platform layer reads from the host, in one typed object. Production code uses
 * `browserEnv()`; tests build an env by hand for each TV.
 */

/** The parts of Samsung's `tizen` global the app uses. */
export interface TizenApi {
  application?: { getCurrentApplication(): { exit(): void } };
  tvinputdevice?: {
    registerKeyBatch?(keys: string[], onSuccess?: () => void, onError?: (e: unknown) => void): void;
    registerKey?(key: string): void;
  };
}

/** Samsung `webapis` (loaded by `$WEBAPIS/webapis/webapis.js` in a packaged app). */
export interface SamsungWebApis {
  productinfo?: {
    getRealModel?(): string;
    getModel?(): string;
    getFirmware?(): string;
  };
}

/** The parts of LG's `webOS` global (webOSTV.js) the app uses. */
export interface WebOSApi {
  platformBack?(): void;
  platform?: { tv?: boolean };
}

export interface PlatformEnv {
  userAgent: string;
  /** `location.search` (e.g. "?platform=tizen&canvas2d=1"). */
  search: string;
  screen?: { width: number; height: number };
  /** Network Information API `type` when present (wifi, ethernet, cellular...). */
  connectionType?: string;
  tizen?: TizenApi;
  webapis?: SamsungWebApis;
  webOS?: WebOSApi;
  /** Legacy webOS global, present on every webOS TV. */
  PalmSystem?: unknown;
  getRandomValues?: (bytes: Uint8Array) => Uint8Array;
  /** window.close */
  close?: () => void;
}

type HostWindow = Window & {
  tizen?: TizenApi;
  webapis?: SamsungWebApis;
  webOS?: WebOSApi;
  PalmSystem?: unknown;
};

export function browserEnv(): PlatformEnv {
  if (typeof window === 'undefined') return { userAgent: '', search: '' };
  const w = window as HostWindow;
  const nav = w.navigator as Navigator & { connection?: { type?: string } };
  const cryptoObj = w.crypto;
  return {
    userAgent: nav ? nav.userAgent || '' : '',
    search: w.location ? w.location.search || '' : '',
    screen: w.screen ? { width: w.screen.width, height: w.screen.height } : undefined,
    connectionType: nav && nav.connection ? nav.connection.type : undefined,
    tizen: w.tizen,
    webapis: w.webapis,
    webOS: w.webOS,
    PalmSystem: w.PalmSystem,
    getRandomValues:
      cryptoObj && typeof cryptoObj.getRandomValues === 'function'
        ? (bytes: Uint8Array) => cryptoObj.getRandomValues(bytes)
        : undefined,
    close: typeof w.close === 'function' ? () => w.close() : undefined,
  };
}
