/**
 * The one place pages get their collaborators from: the PassFlows facade, the catalog client, the
 * navigator, resolved settings and timers. Built lazily from `settings.json` on first use; tests (and
 * the dev stub) install their own with `setServices()`.
 */
import { Router } from '@lightningjs/sdk';
import { createCatalogClient, type CatalogClient } from './catalog/client';
import type { Catalog } from './catalog/types';
import type { PassFlows, Provider } from './flows/api';
import { createPassFlows, type PassFlowsConfig } from './flows';
import { Registry, type TimerId } from './lib/registry';
import { appSetting } from './lib/settings';
import { passFlowsConfig, resolveAdobePass } from './settings';
import type { PlatformPort } from './flows/ports';
import { platform } from './platform';

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
  /** MVPD ids the provider picker features first (settings `featuredProviders`). */
  featuredProviders?: string[];
}

/** What pages share across routes (in memory only). */
export interface Session {
  /** flows.boot() has completed in this run (routes send everything else to the splash until then). */
  booted?: boolean;
  /** The provider the activation page signs in with. */
  provider?: Provider;
  /** The viewer chose to pick the provider on the second screen (activation without a provider). */
  chooseOnPhone?: boolean;
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

/**
 * `appSettings.adobePass` resolved (src/settings.ts: preset, override rule, SettingsError), split into the
 * flows' config, the catalog backend and the TV's own settings. `presetOverride` is `?preset=` in dev.
 */
export function resolveSettings(
  raw: unknown,
  presetOverride?: string,
): { flows: PassFlowsConfig; programmerBaseUrl: string; tv: TvSettings } {
  const s = resolveAdobePass(raw, presetOverride);
  return {
    flows: passFlowsConfig(s),
    programmerBaseUrl: s.programmerBaseUrl,
    tv: {
      showLockedTitles: s.showLockedTitles !== false,
      secondScreenShortUrl: s.secondScreenShortUrl,
      featuredProviders: s.featuredProviders,
    },
  };
}

export const routerNavigator: Navigator = {
  to(route) {
    Router.navigate(route, {}, false);
  },
};

/**
 * Registry timers (cleared when the app closes). Ids are tracked so clearing a timer that already
 * fired is a no-op (the Registry logs an error for unknown ids).
 */
const liveTimeouts = new Set<TimerId>();
const liveIntervals = new Set<TimerId>();
export const registryTimers: PageTimers = {
  setInterval: (cb, ms) => {
    const id = Registry.setInterval(cb, ms);
    liveIntervals.add(id);
    return id;
  },
  clearInterval: (id) => {
    if (id !== undefined && liveIntervals.delete(id)) Registry.clearInterval(id);
  },
  setTimeout: (cb, ms) => {
    const id: TimerId = Registry.setTimeout(() => {
      liveTimeouts.delete(id);
      cb();
    }, ms);
    liveTimeouts.add(id);
    return id;
  },
  clearTimeout: (id) => {
    if (id !== undefined && liveTimeouts.delete(id)) Registry.clearTimeout(id);
  },
};

function createServices(): Services {
  const query =
    typeof location !== 'undefined' ? (new URLSearchParams(location.search).get('preset') ?? undefined) : undefined;
  const resolved = resolveSettings(appSetting('adobePass'), query);
  const flows = createPassFlows(resolved.flows, {
    platform: createPlatformPort(),
    timers: {
      setTimeout: (cb, ms) => registryTimers.setTimeout(cb, ms),
      clearTimeout: (h) => registryTimers.clearTimeout(h as TimerId),
    },
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

/** The platform layer's objects as the flows' PlatformPort (device headers + versioned storage). */
function createPlatformPort(): PlatformPort {
  return {
    deviceIdentifierHeader: () => platform.deviceIdentifierHeader(),
    deviceInfoHeader: () => platform.deviceInfoHeader(),
    storage: {
      get: (key) => platform.storage.get(key),
      set: (key, value) => {
        platform.storage.set(key, value);
      },
      remove: (key) => platform.storage.remove(key),
    },
  };
}
