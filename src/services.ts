/**
 * The one place pages get their collaborators from: the PassFlows facade, the catalog client, the
 * navigator, resolved settings and timers. The entry point (index.ts) builds them from `appSettings`
 * and starts the boot at once (`startServices`); otherwise they are built lazily from the SDK's
 * settings on first use; tests (and the dev stub) install their own with `setServices()`.
 */
import { Router } from '@lightningjs/sdk';
import { createCatalogClient, type CatalogClient } from './catalog/client';
import { createTrialPairingClient } from './catalog/trial-pairing';
import type { Catalog } from './catalog/types';
import type { PassFlows, Provider, Result, TempPassOffer } from './flows/api';
import { createPassFlows, type PassFlowsConfig, type StartablePassFlows } from './flows';
import { Registry, type TimerId } from './lib/registry';
import { appSetting } from './lib/settings';
import { passFlowsConfig, resolveAdobePass } from './settings';
import type { PlatformPort } from './flows/ports';
import { platform } from './platform';
import { queryParam } from './query';

/** Route names the TV journey uses (see routes.ts). */
export type RouteName = 'splash' | 'providers' | 'activate' | 'trial' | 'catalog' | 'account' | `play/${string}`;

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
  /** The promotional TempPass the trial page pairs for (picker → trial). */
  tempPassOffer?: TempPassOffer;
  /** The viewer chose to pick the provider on the second screen (activation without a provider). */
  chooseOnPhone?: boolean;
  /** Signed in, the viewer signs in with another provider too, chosen on the phone (Account → Add a provider). */
  addingProvider?: boolean;
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
  if (!current) current = lazyServices();
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

/** The Router calls a navigator needs (the SDK's Router, a fake in tests). */
export interface RouterPort {
  isNavigating(): boolean;
  navigate(route: RouteName): void;
}

/** How long a navigation waits for the Router to finish the one in progress before it goes anyway. */
export const NAV_WAIT_MS = 1000;
const NAV_RETRY_MS = 16;

/**
 * Navigation that waits while the Router is still showing a page. A page that navigates on at once
 * (the splash, from `_active`, when the boot it joins has already finished: a fast warm launch) would
 * otherwise cancel the Router's request for that page before it completes: the Router then never
 * records the page as shown and never hides it under the next one, and the splash went on drawing its
 * spinner under the catalog for the whole session. The last route asked for wins.
 */
export function navigatorOver(
  router: RouterPort,
  later: (cb: () => void, ms: number) => void,
  now: () => number = Date.now,
): Navigator {
  let wanted: { route: RouteName; since: number; tries: number } | undefined;
  const attempt = (): void => {
    const w = wanted;
    if (!w) return;
    // The Router finishes showing a page within the task that started it: the first retry comes at
    // once after that task, later ones (a page still loading) a frame apart.
    if (router.isNavigating() && now() - w.since < NAV_WAIT_MS)
      return later(attempt, w.tries++ === 0 ? 0 : NAV_RETRY_MS);
    wanted = undefined;
    router.navigate(w.route);
  };
  return {
    to(route) {
      const waiting = wanted !== undefined;
      wanted = { route, since: wanted?.since ?? now(), tries: wanted?.tries ?? 0 };
      if (!waiting) attempt();
    },
  };
}

export const routerNavigator: Navigator = navigatorOver(
  { isNavigating: () => Router.isNavigating(), navigate: (route) => Router.navigate(route, {}, false) },
  (cb, ms) => registryTimers.setTimeout(cb, ms),
);

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

/** How long a catalog loaded early (warm launch, during the profile check) may be handed to the catalog page. */
export const EARLY_CATALOG_MS = 60_000;

/**
 * Build the services from `appSettings.adobePass` (and `?preset=` in `search`) and start the boot now,
 * before Lightning has built a page: registration, token and the profile check run while the SDK starts,
 * and the splash joins the run. When the boot confirms a stored provider (a warm launch) the catalog
 * loads alongside (the programmer's backend, not Adobe), so the catalog page finds it; `onWarmLaunch`
 * hears it too (the page's own code, a chunk of the device builds, loads then).
 * Throws the SettingsError of bad settings (the caller logs it; the lazy path throws it again).
 */
export function startServices(rawAdobePass: unknown, search: string, onWarmLaunch?: () => void): Services {
  const built = createServices(rawAdobePass, queryParam(search, 'preset'));
  current = built.services;
  built.flows.startBoot((step) => {
    if (step !== 'confirming-provider') return;
    built.catalog.prefetch();
    if (onWarmLaunch) onWarmLaunch();
  });
  return built.services;
}

/**
 * The catalog client with at most one early load: the first load() within EARLY_CATALOG_MS of it
 * takes its result (a failure included: the page offers Retry, which loads afresh).
 */
export function prefetchingCatalog(inner: CatalogClient, now: () => number): CatalogClient & { prefetch(): void } {
  let early: { at: number; result: Promise<Result<Catalog>> } | undefined;
  return {
    load() {
      const e = early;
      early = undefined;
      return e && now() - e.at < EARLY_CATALOG_MS ? e.result : inner.load();
    },
    streamUrl: (item, mediaToken) => inner.streamUrl(item, mediaToken),
    prefetch() {
      if (!early) early = { at: now(), result: inner.load() };
    },
  };
}

function lazyServices(): Services {
  const query = typeof location !== 'undefined' ? queryParam(location.search, 'preset') : undefined;
  return createServices(appSetting('adobePass'), query).services;
}

function createServices(
  rawAdobePass: unknown,
  presetOverride: string | undefined,
): { services: Services; flows: StartablePassFlows; catalog: ReturnType<typeof prefetchingCatalog> } {
  const resolved = resolveSettings(rawAdobePass, presetOverride);
  // The first-launch configuration prefetch stays off: with nothing stored on the TV, Adobe may still
  // hold profiles for this device (a reinstall keeps the hardware-linked id), and a configuration
  // request then is one made while signed in (checklist item 6, a MUST; the conformance TV phase
  // caught it on the profile chooser's relaunch). Instead the boot asks as soon as the profiles come
  // back empty: the picker is the next screen then, and it finds the request on its way.
  const flows = createPassFlows(
    { ...resolved.flows, firstLaunchConfiguration: false, configurationWhenSignedOut: true },
    {
      platform: createPlatformPort(),
      trialPairing: createTrialPairingClient({ baseUrl: resolved.programmerBaseUrl }),
      onSignInChange: (signedIn) => platform.signInChanged(signedIn),
      timers: {
        setTimeout: (cb, ms) => registryTimers.setTimeout(cb, ms),
        clearTimeout: (h) => registryTimers.clearTimeout(h as TimerId),
      },
    },
  );
  const now = (): number => Date.now();
  const catalog = prefetchingCatalog(createCatalogClient({ baseUrl: resolved.programmerBaseUrl }), now);
  const services: Services = {
    flows,
    catalog,
    nav: routerNavigator,
    settings: resolved.tv,
    timers: registryTimers,
    now,
    session: {},
  };
  return { services, flows, catalog };
}

/**
 * The platform layer's objects as the flows' PlatformPort: device headers and the flows' storage (one
 * envelope; secrets in the secure store on RDK; answers once the device identity is settled, so the
 * first request already carries the final headers).
 */
function createPlatformPort(): PlatformPort {
  return {
    deviceIdentifierHeader: () => platform.deviceIdentifierHeader(),
    deviceInfoHeader: () => platform.deviceInfoHeader(),
    storage: platform.flowsStorage,
  };
}
