/**
 * Everything the platform layer reads from the host, in one typed object. Production code uses
 * `browserEnv()`; tests build an env by hand for each TV (the shapes below are the vendors' documented
 * ones, reduced to what the app calls).
 */

/** Samsung `tizen` global (Tizen Web Device API). */
export interface TizenApi {
  application?: {
    getCurrentApplication(): {
      exit(): void;
      /** The app control the app was launched (or, with reload="disable", resumed) with. */
      getRequestedAppControl?(): TizenRequestedAppControl | null;
    };
  };
  tvinputdevice?: {
    registerKeyBatch?(keys: string[], onSuccess?: () => void, onError?: (e: unknown) => void): void;
    registerKey?(key: string): void;
  };
  systeminfo?: { getCapability?(key: string): unknown };
}

export interface TizenRequestedAppControl {
  appControl?: { operation?: string; data?: Array<{ key: string; value: string[] }> };
}

/** Samsung `webapis` (loaded by `$WEBAPIS/webapis/webapis.js` in a packaged app). */
export interface SamsungWebApis {
  productinfo?: {
    getRealModel?(): string;
    getModel?(): string;
    getFirmware?(): string;
    getDuid?(): string;
  };
  appcommon?: {
    setScreenSaver?(state: number, onSuccess?: () => void, onError?: (e: unknown) => void): void;
    AppCommonScreenSaverState?: { SCREEN_SAVER_OFF: number; SCREEN_SAVER_ON: number };
  };
}

/** LG's `webOS` global (only present when the app ships webOSTV.js; this app does not need it). */
export interface WebOSApi {
  platformBack?(): void;
  platform?: { tv?: boolean };
  service?: {
    request(
      uri: string,
      options: {
        method?: string;
        parameters?: Record<string, unknown>;
        onSuccess?(response: Record<string, unknown>): void;
        onFailure?(response: Record<string, unknown>): void;
      },
    ): unknown;
  };
}

/** LG's `PalmSystem` (webOSSystem on newer TVs): present in every webOS web app. */
export interface PalmSystemApi {
  /** JSON text: modelName, modelNameAscii, platformVersion(+Major/Minor/Dot), screenWidth/Height... */
  deviceInfo?: string;
  /** JSON text of the launch parameters (deep links). */
  launchParams?: string;
  platformBack?(): void;
}

/** LG's Luna service bridge (what webOSTV.js's webOS.service.request wraps). */
export interface PalmServiceBridgeInstance {
  onservicecallback?: (message: string) => void;
  call(uri: string, params: string): void;
  cancel?(): void;
}
export type PalmServiceBridgeCtor = new () => PalmServiceBridgeInstance;

/** RDK's legacy Firebolt bridge (older boxes, before Ripple's WebSocket endpoint). */
export interface ServiceManagerApi {
  version?: unknown;
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
  /** webOSSystem ?? PalmSystem. */
  PalmSystem?: PalmSystemApi;
  PalmServiceBridge?: PalmServiceBridgeCtor;
  /** `window.__firebolt.endpoint` once src/platform/fireboltBoot.ts copied the launch parameter there. */
  fireboltEndpoint?: string;
  ServiceManager?: ServiceManagerApi;
  getRandomValues?: (bytes: Uint8Array) => Uint8Array;
  /** window.close */
  close?: () => void;
  /** Window / document event hooks (deep-link events, visibility). */
  on?: (target: 'window' | 'document', type: string, listener: (event: Event) => void) => void;
}

type HostWindow = Window & {
  tizen?: TizenApi;
  webapis?: SamsungWebApis;
  webOS?: WebOSApi;
  PalmSystem?: PalmSystemApi;
  webOSSystem?: PalmSystemApi;
  PalmServiceBridge?: PalmServiceBridgeCtor;
  ServiceManager?: ServiceManagerApi;
  __firebolt?: { endpoint?: unknown };
};

export function browserEnv(): PlatformEnv {
  if (typeof window === 'undefined') return { userAgent: '', search: '' };
  const w = window as HostWindow;
  const nav = w.navigator as Navigator & { connection?: { type?: string } };
  const cryptoObj = w.crypto;
  const endpoint = w.__firebolt && w.__firebolt.endpoint;
  return {
    userAgent: nav ? nav.userAgent || '' : '',
    search: w.location ? w.location.search || '' : '',
    screen: w.screen ? { width: w.screen.width, height: w.screen.height } : undefined,
    connectionType: nav && nav.connection ? nav.connection.type : undefined,
    tizen: w.tizen,
    webapis: w.webapis,
    webOS: w.webOS,
    PalmSystem: w.webOSSystem || w.PalmSystem,
    PalmServiceBridge: w.PalmServiceBridge,
    fireboltEndpoint: typeof endpoint === 'string' && endpoint ? endpoint : undefined,
    ServiceManager: w.ServiceManager,
    getRandomValues:
      cryptoObj && typeof cryptoObj.getRandomValues === 'function'
        ? (bytes: Uint8Array) => cryptoObj.getRandomValues(bytes)
        : undefined,
    close: typeof w.close === 'function' ? () => w.close() : undefined,
    on: (target, type, listener) => (target === 'window' ? w : w.document).addEventListener(type, listener),
  };
}
