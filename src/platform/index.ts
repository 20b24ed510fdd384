/**
 * The platform layer's single entry point. `initPlatform()` runs once before Launch (src/index.ts) and
 * starts the platform (lifecycle listeners, identity probes); everything else imports the `platform`
 * object. The flows consume it as their PlatformPort (`deviceIdentifierHeader`, `deviceInfoHeader`,
 * `flowsStorage`); the app reports into it (first screen ready, routes, errors the user sees, sign-in
 * changes, player events) and hears from it (deep links, unloading).
 */
import { createEntryStore, KeyValueBackend, localStorageBackend } from './storage';
import { detectPlatform, PlatformName, usesFirebolt } from './detect';
import { browserEnv, PlatformEnv } from './env';
import { keyMapFor, KeyMap, registerTizenKeys } from './keys';
import { DEVICE_ID_KEY, deviceIdentifierHeader, hashHardwareId, isDeviceId, resolveDeviceId, uuidV4 } from './deviceId';
import { buildDeviceInfo, DeviceInfo, encodeDeviceInfo } from './deviceInfo';
import { exitApp, ExitMethod } from './exit';
import type { PlatformFacts } from './facts';
import { createFirebolt, type FireboltBridge, type FireboltSdk, type MetricsErrorType } from './firebolt';
import type { FireboltUserSettings } from './userSettings';
import { tizenFacts, setTizenScreenSaver, watchTizenDeepLinks } from './tizen';
import { requestLgUdid, watchWebOSDeepLinks, webosFacts } from './webos';
import { fromFireboltIntent, fromQuery, type DeepLink } from './deepLink';
import { createMediaReporter, type PlayerEvent } from './media';
import { createFlowsStorage, type FlowsStorage } from './secureStorage';
import { bridgeVisibility } from './visibility';
import { queryParam } from '../query';

export { StorageError } from './storage';
export type { KeyValueBackend } from './storage';
export type { PlatformName } from './detect';
export type { DeviceInfo } from './deviceInfo';
export type { KeyMap } from './keys';
export type { DeepLink } from './deepLink';
export type { PlayerEvent } from './media';
export type { FlowsStorage } from './secureStorage';

/** Storage namespace used by the app (keys look like `tve.deviceId`). */
export const STORAGE_NAMESPACE = 'tve';

/**
 * Durable JSON key/value storage in the platform's one envelope (src/platform/storage.ts): `get` is
 * undefined when absent and throws on a corrupt entry, `set` throws when the device refuses the write.
 */
export interface PlatformStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

/** Where the platform layer reports what it cannot fix itself (src/index.ts hands in the app's Log). */
export type PlatformLog = (message: string, data?: Record<string, unknown>) => void;

/** A failure the user sees (error dialog or failure panel). */
export interface UserError {
  kind: string;
  message: string;
  code?: string;
}

export interface Platform {
  readonly name: PlatformName;
  /** True when the app talks to the box through Firebolt (RDK). */
  readonly firebolt: boolean;
  /** Settles once the platform's identity answers are in (or timed out): headers are final then. */
  ready(): Promise<void>;
  deviceId(): string;
  deviceInfo(): DeviceInfo;
  /** `X-Device-Info` header value (Base64 JSON, spec §6.3). */
  deviceInfoHeader(): string;
  /** `AP-Device-Identifier` header value (`fingerprint <base64(id)>`, spec §6.2). */
  deviceIdentifierHeader(): string;
  /** The local envelope store (synchronous). */
  storage: PlatformStorage;
  /** The flows' storage port: waits for ready(), keeps secrets in the secure store where there is one. */
  flowsStorage: FlowsStorage;
  /** Key map to merge into appSettings.keys. */
  keys(): KeyMap;
  /** Leave the app the platform's way. */
  exit(): ExitMethod;
  /** The first screen can take input (Firebolt Lifecycle.ready). */
  firstScreenReady(): void;
  /** The router showed a route (Firebolt Metrics.page; the player's title for media metrics). */
  pageChanged(route: string): void;
  userError(error: UserError): void;
  signInChanged(signedIn: boolean): void;
  media(event: PlayerEvent): void;
  /** Deep links that open a title: the launch's (delivered after subscribing) and later ones. */
  onDeepLink(listener: (link: DeepLink) => void): void;
  /** Release resources: the platform is unloading the app (Firebolt `unloading`). */
  onUnload(listener: () => void): void;
  /** RDK: the viewer's language, voice-guidance and caption settings from Firebolt (src/platform/userSettings.ts). */
  fireboltUserSettings(): FireboltUserSettings | undefined;
}

export interface PlatformOptions {
  env?: PlatformEnv;
  /** `appSettings` (reads `platform`, `keys`, `deviceInfo`, `deviceIdSource`). */
  appSettings?: Record<string, unknown>;
  backend?: KeyValueBackend;
  applicationId?: string;
  appVersion?: string;
  /** The SDK's closeApp (set by App once the Application exists). */
  closeApp?: () => void;
  /** Warnings (e.g. the device id could not be stored). */
  warn?: PlatformLog;
  /** Firebolt bridge (tests inject one; default: the SDK when usesFirebolt()). */
  firebolt?: FireboltBridge;
  /** How the default bridge loads the Firebolt SDK (tests: a fresh module per test). */
  loadFireboltSdk?: () => Promise<FireboltSdk>;
  /** The document whose visibility follows the Firebolt lifecycle (default: the page's). */
  document?: Document;
  /** Longest wait for the platform's identity answers (Luna LGUDID). */
  probeTimeoutMs?: number;
}

const ERROR_TYPES: Record<string, MetricsErrorType> = {
  network: 'network',
  throttled: 'network',
  server: 'network',
  denied: 'entitlement',
  authentication: 'entitlement',
  media: 'media',
};

export function createPlatform(options: PlatformOptions = {}): Platform & {
  setCloseApp(fn: () => void): void;
  start(): void;
} {
  const env = options.env ?? browserEnv();
  const settings = options.appSettings ?? {};
  const name = detectPlatform(env, settings.platform);
  const store = createEntryStore(options.backend ?? localStorageBackend(), STORAGE_NAMESPACE);
  const warn: PlatformLog = options.warn ?? ((): void => undefined);
  const firebolt: FireboltBridge | undefined =
    options.firebolt ??
    (usesFirebolt(name, env, settings.platform)
      ? createFirebolt({ warn, loadSdk: options.loadFireboltSdk })
      : undefined);
  let closeApp = options.closeApp ?? ((): void => undefined);
  const overrides =
    settings.deviceInfo && typeof settings.deviceInfo === 'object'
      ? (settings.deviceInfo as Partial<DeviceInfo>)
      : undefined;

  // Facts the platform answers synchronously; probes add the asynchronous ones (below).
  let facts: PlatformFacts = name === 'tizen' ? tizenFacts(env) : name === 'webos' ? webosFacts(env) : {};
  let settled = false;
  let readyPromise: Promise<void> | undefined;
  let id: string | undefined;
  let provisional: string | undefined;
  let info: DeviceInfo | undefined;
  let infoHeader: string | undefined;
  let playRoute: string | undefined;
  let signedIn: boolean | undefined;
  const unloadListeners: Array<() => void> = [];

  const probe = (): Promise<void> => {
    const timeoutMs = options.probeTimeoutMs ?? 2000;
    let pending: Promise<Partial<PlatformFacts>> = Promise.resolve({});
    if (firebolt) {
      pending = firebolt.device().then((d) => ({
        hardwareId: d.uid ? { source: 'firebolt-uid' as const, value: d.uid } : undefined,
        make: d.make,
        model: d.model,
        firmware: d.firmware,
        distributor: d.distributor,
      }));
    } else if (name === 'webos' && (env.PalmServiceBridge || (env.webOS && env.webOS.service))) {
      pending = requestLgUdid(env, timeoutMs).then((udid) =>
        udid ? { hardwareId: { source: 'webos-lgudid' as const, value: udid } } : {},
      );
    }
    return pending.then(
      (more) => {
        const merged: PlatformFacts = { ...facts };
        for (const key of Object.keys(more) as Array<keyof PlatformFacts>) {
          if (more[key] !== undefined) (merged as Record<string, unknown>)[key] = more[key];
        }
        facts = merged;
        settled = true;
      },
      () => {
        settled = true;
      },
    );
  };

  // appSettings.deviceIdSource: "random" keeps hardware ids out of the device id altogether.
  const hardwareId = (): PlatformFacts['hardwareId'] =>
    settings.deviceIdSource === 'random' ? undefined : facts.hardwareId;
  const computeId = (): string =>
    resolveDeviceId(store, {
      hardware: hardwareId(),
      appId: options.applicationId ?? 'tve',
      getRandomValues: env.getRandomValues,
      onWriteError: (e) =>
        warn('Could not persist the device id', { reason: e instanceof Error ? e.message : 'unknown' }),
    }).id;

  const ready = (): Promise<void> => {
    if (!readyPromise) readyPromise = probe();
    return readyPromise;
  };

  const self = {
    name,
    firebolt: Boolean(firebolt),
    ready,
    deviceId(): string {
      if (id) return id;
      if (readyPromise && !settled) {
        // Identity answers still on their way (the flows wait for them: flowsStorage): an id already
        // stored is final; anything else is provisional and neither stored nor kept.
        const stored = store.peek(DEVICE_ID_KEY, isDeviceId);
        if (stored) return stored;
        const hardware = hardwareId();
        if (!provisional)
          provisional = hardware
            ? hashHardwareId(hardware, options.applicationId ?? 'tve')
            : uuidV4(env.getRandomValues);
        return provisional;
      }
      id = computeId();
      return id;
    },
    deviceInfo(): DeviceInfo {
      if (info) return info;
      const built = buildDeviceInfo(name, env, {
        applicationId: options.applicationId,
        appVersion: options.appVersion,
        overrides,
        facts,
      });
      if (settled || !readyPromise) info = built;
      return built;
    },
    deviceInfoHeader(): string {
      if (infoHeader) return infoHeader;
      const header = encodeDeviceInfo(self.deviceInfo());
      if (info) infoHeader = header;
      return header;
    },
    deviceIdentifierHeader(): string {
      return deviceIdentifierHeader(self.deviceId());
    },
    storage: {
      get: (key: string): unknown => store.get(key),
      set: (key: string, value: unknown): void => store.set(key, value),
      remove: (key: string): void => store.remove(key),
    },
    flowsStorage: createFlowsStorage(store, {
      secure: firebolt ? firebolt.secure : undefined,
      ready,
      warn,
    }),
    keys(): KeyMap {
      return keyMapFor(name, settings.keys);
    },
    exit(): ExitMethod {
      return exitApp(name, env, closeApp, firebolt);
    },
    firstScreenReady(): void {
      if (firebolt) firebolt.ready();
    },
    pageChanged(route: string): void {
      const m = /^play\/([^/?#]+)/.exec(route);
      playRoute = m ? (m[1] as string) : undefined;
      if (firebolt) firebolt.page(route);
    },
    userError(error: UserError): void {
      if (firebolt) firebolt.error(ERROR_TYPES[error.kind] ?? 'other', error.code ?? error.kind, error.message);
    },
    signInChanged(now: boolean): void {
      if (now === signedIn) return;
      signedIn = now;
      if (firebolt) {
        if (now) firebolt.signIn();
        else firebolt.signOut();
      }
    },
    media: createMediaReporter({
      firebolt,
      screenSaver: name === 'tizen' ? (on: boolean) => void setTizenScreenSaver(env, on) : undefined,
      currentTitle: () => playRoute,
    }),
    onDeepLink(listener: (link: DeepLink) => void): void {
      const fromUrl = fromQuery(queryParam(env.search, 'title'));
      if (fromUrl) listener(fromUrl);
      if (name === 'tizen') watchTizenDeepLinks(env, listener);
      if (name === 'webos') watchWebOSDeepLinks(env, listener);
      if (firebolt) {
        const deliver = (intent: unknown): void => {
          const link = fromFireboltIntent(intent);
          if (link) listener(link);
        };
        void firebolt.initialIntent().then(deliver);
        firebolt.onNavigateTo(deliver);
      }
    },
    onUnload(listener: () => void): void {
      unloadListeners.push(listener);
    },
    fireboltUserSettings(): FireboltUserSettings | undefined {
      return firebolt && firebolt.userSettings ? firebolt.userSettings() : undefined;
    },
    setCloseApp(fn: () => void): void {
      closeApp = fn;
    },
    /** Side effects of a real run: Tizen keys, Firebolt lifecycle, identity probes. */
    start(): void {
      if (name === 'tizen') registerTizenKeys(env.tizen);
      void ready();
      if (!firebolt) return;
      const doc = options.document ?? (typeof document !== 'undefined' ? document : undefined);
      const setHidden = doc ? bridgeVisibility(doc) : undefined;
      firebolt.onLifecycle((state) => {
        if (setHidden) setHidden(state !== 'foreground');
        if (state !== 'unloading') return;
        for (const l of unloadListeners) {
          try {
            l();
          } catch (e) {
            warn('Cleanup before unloading failed', { reason: e instanceof Error ? e.message : 'unknown' });
          }
        }
        firebolt.finished();
      });
    },
  };
  return self;
}

let current: ReturnType<typeof createPlatform> | undefined;

function instance(): ReturnType<typeof createPlatform> {
  if (!current) current = createPlatform();
  return current;
}

/** Create and start the platform for this run. */
export function initPlatform(options: PlatformOptions = {}): Platform {
  current = createPlatform(options);
  current.start();
  return current;
}

/** Hook the SDK's closeApp once the Application exists. */
export function setCloseApp(fn: () => void): void {
  instance().setCloseApp(fn);
}

/** The app-wide platform (lazily created with browser defaults if initPlatform was not called). */
export const platform: Platform = {
  get name(): PlatformName {
    return instance().name;
  },
  get firebolt(): boolean {
    return instance().firebolt;
  },
  ready: () => instance().ready(),
  deviceId: () => instance().deviceId(),
  deviceInfo: () => instance().deviceInfo(),
  deviceInfoHeader: () => instance().deviceInfoHeader(),
  deviceIdentifierHeader: () => instance().deviceIdentifierHeader(),
  storage: {
    get: (key: string): unknown => instance().storage.get(key),
    set: (key: string, value: unknown): void => instance().storage.set(key, value),
    remove: (key: string): void => instance().storage.remove(key),
  },
  flowsStorage: {
    get: (key, o) => instance().flowsStorage.get(key, o),
    set: (key, value, o) => instance().flowsStorage.set(key, value, o),
    remove: (key, o) => instance().flowsStorage.remove(key, o),
  },
  keys: () => instance().keys(),
  exit: () => instance().exit(),
  firstScreenReady: () => instance().firstScreenReady(),
  pageChanged: (route) => instance().pageChanged(route),
  userError: (error) => instance().userError(error),
  signInChanged: (signedIn) => instance().signInChanged(signedIn),
  media: (event) => instance().media(event),
  onDeepLink: (listener) => instance().onDeepLink(listener),
  onUnload: (listener) => instance().onUnload(listener),
  fireboltUserSettings: () => instance().fireboltUserSettings(),
};

export default platform;
