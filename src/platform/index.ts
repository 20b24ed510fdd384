/**
 * The platform layer's single entry point. `initPlatform()` runs once before Launch (src/index.ts);
 * everything else imports the `platform` object, whose shape the flows layer consumes as its
 * PlatformPort (`deviceIdentifierHeader`, `deviceInfoHeader`, `storage`).
 */
import { createEntryStore, EntryStore, KeyValueBackend, localStorageBackend } from './storage';
import { detectPlatform, PlatformName } from './detect';
import { browserEnv, PlatformEnv } from './env';
import { keyMapFor, KeyMap, registerTizenKeys } from './keys';
import { deviceIdentifierHeader, loadOrCreateDeviceId } from './deviceId';
import { buildDeviceInfo, DeviceInfo, encodeDeviceInfo } from './deviceInfo';
import { exitApp, ExitMethod } from './exit';

export type { PlatformName } from './detect';
export type { DeviceInfo } from './deviceInfo';
export type { KeyMap } from './keys';

export { StorageError } from './storage';
export type { KeyValueBackend } from './storage';

/** Storage namespace used by the app (keys look like `tve.deviceId`). */
export const STORAGE_NAMESPACE = 'tve';

/**
 * Durable JSON key/value storage in the platform's one envelope (src/platform/storage.ts): `get` is
 * undefined when absent and throws on a corrupt entry, `set` throws when the device refuses the write.
 * It is the flows' StoragePort as it stands.
 */
export type PlatformStorage = Pick<EntryStore, 'get' | 'set' | 'remove'>;

/** Where the platform layer reports what it cannot fix itself (src/index.ts hands in the app's Log). */
export type PlatformLog = (message: string, data?: Record<string, unknown>) => void;

export interface Platform {
  readonly name: PlatformName;
  deviceId(): string;
  deviceInfo(): DeviceInfo;
  /** `X-Device-Info` header value (Base64 JSON, spec §6.3). */
  deviceInfoHeader(): string;
  /** `AP-Device-Identifier` header value (`fingerprint <base64(id)>`, spec §6.2). */
  deviceIdentifierHeader(): string;
  storage: PlatformStorage;
  /** Key map to merge into appSettings.keys. */
  keys(): KeyMap;
  /** Leave the app the platform's way. */
  exit(): ExitMethod;
}

export interface PlatformOptions {
  env?: PlatformEnv;
  /** `appSettings` (reads `platform`, `keys`, `deviceInfo`). */
  appSettings?: Record<string, unknown>;
  backend?: KeyValueBackend;
  applicationId?: string;
  appVersion?: string;
  /** The SDK's closeApp (set by App once the Application exists). */
  closeApp?: () => void;
  /** Warnings (e.g. the device id could not be stored). */
  warn?: PlatformLog;
}

export function createPlatform(options: PlatformOptions = {}): Platform & { setCloseApp(fn: () => void): void } {
  const env = options.env ?? browserEnv();
  const settings = options.appSettings ?? {};
  const name = detectPlatform(env, settings.platform);
  const store = createEntryStore(options.backend ?? localStorageBackend(), STORAGE_NAMESPACE);
  const warn: PlatformLog = options.warn ?? ((): void => undefined);
  let closeApp = options.closeApp ?? ((): void => undefined);
  let id: string | undefined;
  let info: DeviceInfo | undefined;
  let infoHeader: string | undefined;
  const overrides =
    settings.deviceInfo && typeof settings.deviceInfo === 'object'
      ? (settings.deviceInfo as Partial<DeviceInfo>)
      : undefined;

  const self = {
    name,
    deviceId(): string {
      if (!id)
        id = loadOrCreateDeviceId(store, env.getRandomValues, (e) =>
          warn('Could not persist the device id', { reason: e instanceof Error ? e.message : 'unknown' }),
        );
      return id;
    },
    deviceInfo(): DeviceInfo {
      if (!info) {
        info = buildDeviceInfo(name, env, {
          applicationId: options.applicationId,
          appVersion: options.appVersion,
          overrides,
        });
      }
      return info;
    },
    deviceInfoHeader(): string {
      if (!infoHeader) infoHeader = encodeDeviceInfo(self.deviceInfo());
      return infoHeader;
    },
    deviceIdentifierHeader(): string {
      return deviceIdentifierHeader(self.deviceId());
    },
    storage: {
      get: (key: string): unknown => store.get(key),
      set: (key: string, value: unknown): void => store.set(key, value),
      remove: (key: string): void => store.remove(key),
    } as PlatformStorage,
    keys(): KeyMap {
      return keyMapFor(name, settings.keys);
    },
    exit(): ExitMethod {
      return exitApp(name, env, closeApp);
    },
    setCloseApp(fn: () => void): void {
      closeApp = fn;
    },
  };
  return self;
}

let current: ReturnType<typeof createPlatform> | undefined;

function instance(): ReturnType<typeof createPlatform> {
  if (!current) current = createPlatform();
  return current;
}

/**
 * Create the platform for this run, register Tizen keys, and return the appSettings to hand to
 * Launch (key map merged, canvas2d switch applied).
 */
export function initPlatform(options: PlatformOptions = {}): Platform {
  current = createPlatform(options);
  if (current.name === 'tizen') registerTizenKeys((options.env ?? browserEnv()).tizen);
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
  deviceId: () => instance().deviceId(),
  deviceInfo: () => instance().deviceInfo(),
  deviceInfoHeader: () => instance().deviceInfoHeader(),
  deviceIdentifierHeader: () => instance().deviceIdentifierHeader(),
  storage: {
    get: (key: string): unknown => instance().storage.get(key),
    set: (key: string, value: unknown): void => instance().storage.set(key, value),
    remove: (key: string): void => instance().storage.remove(key),
  },
  keys: () => instance().keys(),
  exit: () => instance().exit(),
};

export default platform;
