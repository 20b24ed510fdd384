/**
 * The one place pages get their collaborators from: the PassFlows facade, the catalog client, the
 * navigator, resolved settings and timers. Built lazily from `settings.json` on first use; tests (and
 * the dev stub) install their own with `setServices()`.
 */
import { Router, Settings } from '@lightningjs/sdk';
import { createCatalogClient, type CatalogClient } from './catalog/client';
import type { Catalog } from './catalog/types';
import type { PassFlows, Provider } from './flows/api';
import { createPassFlows, type PassFlowsConfig } from './flows';
import { Registry, type TimerId } from './lib/registry';
import type { PlatformPort } from './flows/ports';

/** Route names the TV journey uses (see routes.ts). */
export type RouteName = 'splash' | 'providers' | 'activate' | 'catalog' | 'account' | `play/${string}`;

export interface Navigator {
  /** Go to a route without keeping the current page in history: each page handles Back itself. */
  to(route: RouteName): void;
}

export interface PageTimers {
  setInterval(cb: () => void, ms: number): TimerId;
  clearInterval(id: TimerId | undefined): void;
  setTimeout(cb: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId | undefined): void;
}

export interface TvSettings {
  /** Denied titles shown with a lock and the reason (true) or hidden (false). */
  showLockedTitles: boolean;
  /** Short URL printed under the activation code. */
  secondScreenShortUrl: string;
}

/** What pages share across routes (in memory only). */
export interface Session {
  /** The provider the activation page signs in with. */
  provider?: Provider;
  /** The provider used last on this TV (from boot), marked "Last used" in the picker. */
  lastProvider?: Provider;
  /** The catalog as last loaded (the player looks titles up here). */
  catalog?: Catalog;
  /** Where focus was on the catalog (restored when coming back from the player). */
  catalogFocus?: { row: number; col: number };
}

export interface Services {
  flows: PassFlows;
  catalog: CatalogClient;
  nav: Navigator;
  settings: TvSettings;
  timers: PageTimers;
  now(): number;
  session: Session;
}

let current: Services | undefined;

export function services(): Services {
  if (!current) current = createServices();
  return current;
}

/** Install services (tests, dev stubs). Pass undefined to rebuild from settings on next use. */
export function setServices(s: Services | undefined): void {
  current = s;
}

type Preset = Omit<PassFlowsConfig, 'pollIntervalMs' | 'configCacheTtlMs' | 'preauthorizeBatchSize' | 'hiddenMvpdIds'> & {
  programmerBaseUrl: string;
};

interface AdobePassSettings {
  preset?: string;
  presets?: Record<string, Preset>;
  pollIntervalMs?: number;
  configCacheTtlMs?: number;
  preauthorizeBatchSize?: number;
  showLockedTitles?: boolean;
  hiddenMvpdIds?: string[];
}

interface SettingsApi {
  get(type: 'app' | 'platform' | 'user', key: string, fallback?: unknown): unknown;
}

/** `appSettings.adobePass` with the named preset resolved (a `?preset=` query overrides it in dev). */
export function resolveSettings(raw: AdobePassSettings, presetOverride?: string): { flows: PassFlowsConfig; programmerBaseUrl: string; tv: TvSettings } {
  const name = presetOverride || raw.preset || 'emulator';
  const preset = raw.presets?.[name];
  if (!preset) throw new Error(`Unknown adobePass preset "${name}"`);
  const { programmerBaseUrl, ...pass } = preset;
  return {
    flows: {
      ...pass,
      pollIntervalMs: raw.pollIntervalMs,
      configCacheTtlMs: raw.configCacheTtlMs,
      preauthorizeBatchSize: raw.preauthorizeBatchSize,
      hiddenMvpdIds: raw.hiddenMvpdIds,
    },
    programmerBaseUrl,
    tv: { showLockedTitles: raw.showLockedTitles !== false, secondScreenShortUrl: pass.secondScreenShortUrl },
  };
}

export const routerNavigator: Navigator = {
  to(route) {
    Router.navigate(route, {}, false);
  },
};

export const registryTimers: PageTimers = {
  setInterval: Registry.setInterval,
  clearInterval: Registry.clearInterval,
  setTimeout: Registry.setTimeout,
  clearTimeout: Registry.clearTimeout,
};

function createServices(): Services {
  const raw = ((Settings as SettingsApi).get('app', 'adobePass', {}) ?? {}) as AdobePassSettings;
  const query = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('preset') ?? undefined : undefined;
  const resolved = resolveSettings(raw, query);
  const flows = createPassFlows(resolved.flows, {
    platform: createPlatformPort(),
    timers: { setTimeout: (cb, ms) => Registry.setTimeout(cb, ms), clearTimeout: (h) => Registry.clearTimeout(h as TimerId) },
  });
  return {
    flows,
    catalog: createCatalogClient({ baseUrl: resolved.programmerBaseUrl }),
    nav: routerNavigator,
    settings: resolved.tv,
    timers: registryTimers,
    now: () => Date.now(),
    session: {},
  };
}

/**
 * PROVISIONAL until src/platform lands: localStorage storage, a random persisted device id and a
 * minimal X-Device-Info. Replaced by the platform layer's port.
 */
function createPlatformPort(): PlatformPort {
  const store = window.localStorage;
  let id = store.getItem('tve.deviceId');
  if (!id) {
    id = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
    store.setItem('tve.deviceId', id);
  }
  const deviceId = id;
  const info = btoa(JSON.stringify({ primaryHardwareType: 'SetTopBox', model: 'Browser', osName: 'Linux', connectionType: 'LAN' }));
  return {
    deviceIdentifierHeader: () => `fingerprint ${btoa(deviceId)}`,
    deviceInfoHeader: () => info,
    storage: {
      get: (k) => store.getItem(k),
      set: (k, v) => store.setItem(k, v),
      remove: (k) => store.removeItem(k),
    },
  };
}
