/**
 * The one module that talks to Comcast RDK's Firebolt SDK (`@firebolt-js/sdk` 1.7): nothing else imports
 * it. Every call is fire-and-forget or bounded, and an SDK error never reaches the app: a box that lacks a
 * method must not break sign-in or playback. The transport is chosen by the SDK itself when its modules
 * load (src/platform/fireboltBoot.ts copies the launch endpoint first); without one it uses its built-in
 * mock, which answers from the SDK's examples (development and tests: `window.__firebolt.testHarness`).
 * The SDK is imported on first use, so in the device builds it is a chunk (js/lazy/) that only a
 * platform using Firebolt loads: Tizen, webOS and browsers never fetch its bytes.
 */
import type { Lifecycle, Metrics, SecureStorage } from '@firebolt-js/sdk';
import type { FireboltUserSettings, PlatformCaptionSettings, WatchedSetting } from './userSettings';

export type LifecycleState = 'initializing' | 'inactive' | 'foreground' | 'background' | 'suspended' | 'unloading';
export type CloseReason = 'userExit' | 'remoteButton' | 'error' | 'done';
/** Metrics.error types (Firebolt Metrics.ErrorType). */
export type MetricsErrorType = 'network' | 'media' | 'restriction' | 'entitlement' | 'other';
export type MediaEvent =
  | { type: 'loadStart' | 'play' | 'playing' | 'pause' | 'waiting' | 'ended' }
  | { type: 'progress' | 'seeking' | 'seeked'; position: number }
  | { type: 'rateChange'; rate: number };

/** What Device.* answered (absent fields: the box did not answer in time, or failed). */
export interface FireboltDevice {
  uid?: string;
  make?: string;
  model?: string;
  distributor?: string;
  platform?: string;
  /** Firmware version `major.minor.patch`. */
  firmware?: string;
  /** Firebolt API version the box supports. */
  apiVersion?: string;
}

export interface FireboltBridge {
  device(): Promise<FireboltDevice>;
  /** Lifecycle.ready(): the first screen is usable. Sent once. */
  ready(): void;
  close(reason: CloseReason): void;
  onLifecycle(listener: (state: LifecycleState) => void): void;
  /** Lifecycle.finished(), after the app released its resources in `unloading`. */
  finished(): void;
  /** The launch's navigation intent (Parameters.initialization().discovery.navigateTo), if any. */
  initialIntent(): Promise<unknown>;
  onNavigateTo(listener: (intent: unknown) => void): void;
  signIn(): void;
  signOut(): void;
  error(type: MetricsErrorType, code: string, description: string): void;
  page(pageId: string): void;
  startContent(entityId: string): void;
  stopContent(entityId: string): void;
  media(entityId: string, event: MediaEvent): void;
  /**
   * The viewer's settings on the box: Localization.language, Accessibility.voiceGuidance and
   * Accessibility.closedCaptionsSettings, each watched. Undefined without a real transport (no endpoint,
   * no test harness): the SDK's mock would answer its sample settings, not the viewer's.
   */
  userSettings?(): FireboltUserSettings | undefined;
  /** Device-scoped SecureStorage (DCR client credentials and tokens live here on RDK). */
  secure: {
    get(key: string): Promise<string | null>;
    set(key: string, value: string): Promise<void>;
    remove(key: string): Promise<void>;
  };
}

export interface FireboltOptions {
  warn?: (message: string, data?: Record<string, unknown>) => void;
  /** Longest wait for Device.* answers before the app goes on with what it has. */
  deviceTimeoutMs?: number;
  /** Loads the SDK (default: its chunk). Tests pass a fresh instance: the SDK keeps module-level state. */
  loadSdk?: () => Promise<FireboltSdk>;
}

const LIFECYCLE_EVENTS: Array<Exclude<LifecycleState, 'initializing'>> = [
  'inactive',
  'foreground',
  'background',
  'suspended',
  'unloading',
];

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function semver(v: unknown): string | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const s = v as { major?: unknown; minor?: unknown; patch?: unknown };
  return typeof s.major === 'number' && typeof s.minor === 'number' && typeof s.patch === 'number'
    ? `${s.major}.${s.minor}.${s.patch}`
    : undefined;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

/** Firebolt answered for real (a box's endpoint, or a test harness), not from the SDK's examples. */
function liveTransport(): boolean {
  const fb = (window as unknown as { __firebolt?: { endpoint?: string; testHarness?: unknown } }).__firebolt;
  return Boolean(fb && (fb.endpoint || fb.testHarness));
}

/** `VoiceGuidanceSettings.enabled`, or undefined when the answer is not one. */
export function voiceGuidanceOf(v: unknown): boolean | undefined {
  const enabled = v && typeof v === 'object' ? (v as { enabled?: unknown }).enabled : undefined;
  return typeof enabled === 'boolean' ? enabled : undefined;
}

const STYLE_STRINGS = ['fontFamily', 'fontColor', 'fontEdge', 'fontEdgeColor', 'backgroundColor'] as const;
const STYLE_MORE_STRINGS = ['textAlign', 'textAlignVertical', 'windowColor'] as const;
const STYLE_NUMBERS = ['fontSize', 'fontOpacity', 'backgroundOpacity', 'windowOpacity'] as const;

/** `ClosedCaptionsSettings` checked field by field (unknown or ill-typed fields dropped); undefined when unusable. */
export function captionSettingsOf(v: unknown): PlatformCaptionSettings | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const r = v as Record<string, unknown>;
  if (typeof r.enabled !== 'boolean') return undefined;
  const out: PlatformCaptionSettings = { enabled: r.enabled };
  if (Array.isArray(r.preferredLanguages)) {
    const langs = r.preferredLanguages.filter((l): l is string => typeof l === 'string' && /^[A-Za-z-]{2,12}$/.test(l));
    if (langs.length) out.preferredLanguages = langs;
  }
  const s = r.styles;
  if (s && typeof s === 'object') {
    const src = s as Record<string, unknown>;
    const styles: Record<string, string | number> = {};
    for (const k of [...STYLE_STRINGS, ...STYLE_MORE_STRINGS]) if (typeof src[k] === 'string') styles[k] = src[k];
    for (const k of STYLE_NUMBERS) if (typeof src[k] === 'number' && Number.isFinite(src[k])) styles[k] = src[k];
    if (Object.keys(styles).length) out.styles = styles as PlatformCaptionSettings['styles'];
  }
  return out;
}

export type FireboltSdk = typeof import('@firebolt-js/sdk');
type Sdk = FireboltSdk;
const DEVICE_SCOPE = 'device' as SecureStorage.StorageScope;

export function createFirebolt(options: FireboltOptions = {}): FireboltBridge {
  let loading: Promise<Sdk> | undefined;
  /** The SDK module, loaded once (a load that failed is tried again on the next call). */
  const sdk = (): Promise<Sdk> =>
    (loading ??= (options.loadSdk ? options.loadSdk() : import('@firebolt-js/sdk')).catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  const warned: Record<string, boolean> = {};
  const warn = (what: string, error: unknown): void => {
    // Once per method: a box without Metrics must not flood the log on every page.
    if (warned[what]) return;
    warned[what] = true;
    if (options.warn)
      options.warn(`Firebolt ${what} failed`, { reason: error instanceof Error ? error.message : String(error) });
  };
  /** Run an SDK call, never letting a throw or a rejection out. */
  const fire = (what: string, call: (m: Sdk) => unknown): void => {
    // A throw inside `call` rejects the chain, so one handler covers throws, rejections and a failed load.
    sdk()
      .then(call)
      .then(undefined, (e: unknown) => warn(what, e));
  };
  const safe = <T>(what: string, call: (m: Sdk) => Promise<T>): Promise<T | undefined> =>
    sdk()
      .then(call)
      .then(undefined, (e: unknown) => {
        warn(what, e);
        return undefined;
      });
  const timeout = options.deviceTimeoutMs ?? 3000;
  let readySent = false;
  let deviceFacts: Promise<FireboltDevice> | undefined;

  return {
    device(): Promise<FireboltDevice> {
      if (!deviceFacts) {
        const ask = <T>(what: string, call: (m: Sdk) => Promise<T>) => within(safe(what, call), timeout);
        deviceFacts = Promise.all([
          ask('Device.uid', (m) => m.Device.uid()),
          ask('Device.make', (m) => m.Device.make()),
          ask('Device.model', (m) => m.Device.model()),
          ask('Device.distributor', (m) => m.Device.distributor()),
          ask('Device.platform', (m) => m.Device.platform()),
          ask('Device.version', (m) => m.Device.version()),
        ]).then(([uid, make, model, distributor, platform, version]) => ({
          uid: str(uid),
          make: str(make),
          model: str(model),
          distributor: str(distributor),
          platform: str(platform),
          firmware: version ? semver(version.firmware) : undefined,
          apiVersion: version ? semver(version.api) : undefined,
        }));
      }
      return deviceFacts;
    },
    ready(): void {
      if (readySent) return;
      readySent = true;
      fire('Lifecycle.ready', (m) => m.Lifecycle.ready());
    },
    close(reason: CloseReason): void {
      fire('Lifecycle.close', (m) => m.Lifecycle.close(reason as Lifecycle.CloseReason));
    },
    onLifecycle(listener: (state: LifecycleState) => void): void {
      for (const event of LIFECYCLE_EVENTS) {
        fire('Lifecycle.listen', (m) => m.Lifecycle.listen(event as 'inactive', () => listener(event)));
      }
    },
    finished(): void {
      fire('Lifecycle.finished', (m) => m.Lifecycle.finished());
    },
    initialIntent(): Promise<unknown> {
      // Without an endpoint (a box) or a test harness, the SDK answers from its built-in examples:
      // sample data, not how this launch happened, so no deep link is taken from it.
      if (!liveTransport()) return Promise.resolve(undefined);
      return within(
        safe('Parameters.initialization', (m) => m.Parameters.initialization()),
        timeout,
      ).then((init) => {
        const discovery = init && (init as { discovery?: { navigateTo?: unknown } }).discovery;
        return discovery ? discovery.navigateTo : undefined;
      });
    },
    onNavigateTo(listener: (intent: unknown) => void): void {
      fire('Discovery.listen', (m) => m.Discovery.listen('navigateTo', (intent) => listener(intent)));
    },
    signIn(): void {
      fire('Discovery.signIn', (m) => m.Discovery.signIn());
    },
    signOut(): void {
      fire('Discovery.signOut', (m) => m.Discovery.signOut());
    },
    error(type: MetricsErrorType, code: string, description: string): void {
      fire('Metrics.error', (m) => m.Metrics.error(type as Metrics.ErrorType, code, description, true));
    },
    page(pageId: string): void {
      fire('Metrics.page', (m) => m.Metrics.page(pageId));
    },
    startContent(entityId: string): void {
      fire('Metrics.startContent', (m) => m.Metrics.startContent(entityId));
    },
    stopContent(entityId: string): void {
      fire('Metrics.stopContent', (m) => m.Metrics.stopContent(entityId));
    },
    media(entityId: string, event: MediaEvent): void {
      switch (event.type) {
        case 'loadStart':
          return fire('Metrics.mediaLoadStart', (m) => m.Metrics.mediaLoadStart(entityId));
        case 'play':
          return fire('Metrics.mediaPlay', (m) => m.Metrics.mediaPlay(entityId));
        case 'playing':
          return fire('Metrics.mediaPlaying', (m) => m.Metrics.mediaPlaying(entityId));
        case 'pause':
          return fire('Metrics.mediaPause', (m) => m.Metrics.mediaPause(entityId));
        case 'waiting':
          return fire('Metrics.mediaWaiting', (m) => m.Metrics.mediaWaiting(entityId));
        case 'ended':
          return fire('Metrics.mediaEnded', (m) => m.Metrics.mediaEnded(entityId));
        case 'progress':
          return fire('Metrics.mediaProgress', (m) => m.Metrics.mediaProgress(entityId, Math.round(event.position)));
        case 'seeking':
          return fire('Metrics.mediaSeeking', (m) => m.Metrics.mediaSeeking(entityId, Math.round(event.position)));
        case 'seeked':
          return fire('Metrics.mediaSeeked', (m) => m.Metrics.mediaSeeked(entityId, Math.round(event.position)));
        case 'rateChange':
          return fire('Metrics.mediaRateChange', (m) => m.Metrics.mediaRateChange(entityId, event.rate));
      }
    },
    userSettings(): FireboltUserSettings | undefined {
      if (!liveTransport()) return undefined;
      /** A setting read with `read` (rejects when the box has no usable answer) and watched on `event`. */
      const watched = <T>(
        what: string,
        read: (m: Sdk) => Promise<unknown>,
        event: 'voiceGuidanceSettingsChanged' | 'closedCaptionsSettingsChanged',
        parse: (v: unknown) => T | undefined,
      ): WatchedSetting<T> => ({
        get: () =>
          within(safe(what, read), timeout).then((v) => {
            const value = parse(v);
            if (value === undefined) throw new Error(`${what}: no usable answer`);
            return value;
          }),
        listen: (cb) => {
          let id: number | undefined;
          let live = true;
          const listening = safe(`Accessibility.listen(${event})`, (m) =>
            m.Accessibility.listen(event as 'voiceGuidanceSettingsChanged', (v: unknown) => {
              const value = parse(v);
              if (live && value !== undefined) cb(value);
            }),
          );
          void listening.then((n) => (id = typeof n === 'number' ? n : undefined));
          return () => {
            live = false;
            if (id !== undefined) fire('Accessibility.clear', (m) => m.Accessibility.clear(id!));
          };
        },
      });
      return {
        language: () =>
          within(
            safe('Localization.language', (m) => m.Localization.language()),
            timeout,
          ).then(str),
        voiceGuidance: watched(
          'Accessibility.voiceGuidance',
          (m) => m.Accessibility.voiceGuidance(),
          'voiceGuidanceSettingsChanged',
          voiceGuidanceOf,
        ),
        closedCaptions: watched(
          'Accessibility.closedCaptionsSettings',
          (m) => m.Accessibility.closedCaptionsSettings(),
          'closedCaptionsSettingsChanged',
          captionSettingsOf,
        ),
      };
    },
    secure: {
      get: (key: string): Promise<string | null> =>
        sdk()
          .then((m) => m.SecureStorage.get(DEVICE_SCOPE, key))
          .then((v) => (typeof v === 'string' ? v : null)),
      set: (key: string, value: string): Promise<void> =>
        sdk().then((m) => m.SecureStorage.set(DEVICE_SCOPE, key, value)),
      remove: (key: string): Promise<void> => sdk().then((m) => m.SecureStorage.remove(DEVICE_SCOPE, key)),
    },
  };
}
