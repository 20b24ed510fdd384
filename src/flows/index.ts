/**
 * createPassFlows: the cookbook as code behind the PassFlows facade (api.ts).
 * Wiring only; each flow lives in its own small file.
 */
import { PassClient } from '../pass';
import type {
  Activation,
  ActivationListener,
  BootOutcome,
  BootStep,
  PassFlows,
  PreauthorizeOptions,
  Provider,
  Result,
  SignedInProfile,
  TempPassOffer,
  TrialPairingListener,
} from './api';
import { startActivation } from './activation';
import type { PassFlowsConfig } from './config';
import type { FlowContext } from './context';
import type { Entitlements } from './entitlements';
import { failed, ok } from './failure';
import { logout } from './logout';
import { redactingLogger, silentLogger, systemClock, systemTimers, type FlowPorts, type TimersPort } from './ports';
import { boot, chooseProfile, listProfiles } from './profiles';
import { ProviderList } from './providers';
import { Persistence } from './storage';
import { endTempPass, pairPromotional, startTempPass, tempPassOffers, tempPassStatus } from './temppass';

export * from './api';
export type { PassFlowsConfig, TempPassSettings } from './config';
export { DEFAULT_TEST_MVPD_PATTERN, visibleFilter, type ProviderFilterOptions } from './provider-filter';
export type { ClockPort, FlowPorts, LoggerPort, PlatformPort, StoragePort, TimersPort } from './ports';
export { redact, redactingLogger } from './ports';

/** The facade plus what the app's start-up calls before any page exists. */
export interface StartablePassFlows extends PassFlows {
  /**
   * Start the boot now (from the app's entry point, before the splash page is built); the splash's
   * boot() then joins this run, or takes its result if it already settled. No-op while one is running.
   */
  startBoot(onStep?: (step: BootStep) => void): void;
}

/** One boot run: the promise, where it is, who listens, whether a caller has taken it. */
interface BootRun {
  promise: Promise<Result<BootOutcome>>;
  step?: BootStep;
  listeners: Array<(step: BootStep) => void>;
  settled: boolean;
  taken: boolean;
}

export function createPassFlows(config: PassFlowsConfig, ports: FlowPorts): StartablePassFlows {
  const clock = ports.clock ?? systemClock;
  const timers: TimersPort = ports.timers ?? systemTimers;
  const logger = redactingLogger(ports.logger ?? silentLogger);
  const sleep = ports.sleep ?? ((ms: number) => new Promise<void>((resolve) => timers.setTimeout(resolve, ms)));
  const persistence = new Persistence(
    ports.platform.storage,
    `adobePass.${config.serviceProvider}.`,
    config.dcrBaseUrl,
    logger,
  );

  const client = new PassClient({
    restBaseUrl: config.restBaseUrl,
    dcrBaseUrl: config.dcrBaseUrl,
    serviceProvider: config.serviceProvider,
    softwareStatement: config.softwareStatement,
    device: {
      identifierHeader: () => ports.platform.deviceIdentifierHeader(),
      infoHeader: () => ports.platform.deviceInfoHeader(),
    },
    credentials: persistence.credentialsStore(),
    budgetStore: persistence.budgetStore(),
    timeoutMs: config.httpTimeoutMs,
    retryBaseDelayMs: config.retryBaseDelayMs,
    sleep,
    now: () => clock.now(),
    onEvent: (event) => logger.debug(`pass ${event.type}`, { ...event }),
  });

  const ctx: FlowContext = {
    config,
    client,
    persistence,
    clock,
    timers,
    logger,
    sleep,
    state: {},
    // Called only after construction (boot, activation, re-read).
    providerFor: (mvpd, chosen) => providers.providerFor(mvpd, chosen),
    prefetchProviders: () => providers.prefetch(),
    // Called only after construction, when a profile is adopted or forgotten.
    onProfileChange: () => {
      if (decisions) decisions.clear();
      // Signed in: the catalog's preauthorization comes next, so its code starts loading now.
      if (ctx.state.profile) void entitlements().catch(() => undefined);
      if (ports.onSignInChange) ports.onSignInChange(ctx.state.profile !== undefined);
    },
  };
  const providers = new ProviderList(ctx);
  // Decisions (preauthorize, authorize) are a chunk of the device builds: the provider picker, a cold
  // launch's first screen, never needs them. A load that failed is tried again on the next call.
  let decisions: Entitlements | undefined;
  let loadingDecisions: Promise<Entitlements> | undefined;
  const entitlements = (): Promise<Entitlements> =>
    (loadingDecisions ??= import('./entitlements').then(
      (m) => (decisions ??= new m.Entitlements(ctx)),
      (error: unknown) => {
        loadingDecisions = undefined;
        throw error;
      },
    ));
  const withDecisions = <T>(use: (d: Entitlements) => Promise<Result<T>>): Promise<Result<T>> =>
    entitlements().then(use, () =>
      failed<T>({
        kind: 'network',
        message: 'The app could not load a part it needs. Please try again.',
        retryable: true,
      }),
    );

  let run: BootRun | undefined;
  const startRun = (taken: boolean): BootRun => {
    const r: BootRun = { promise: Promise.resolve(undefined as never), listeners: [], settled: false, taken };
    r.promise = boot(ctx, (step) => {
      r.step = step;
      for (const l of r.listeners.slice()) l(step);
    });
    void r.promise.then(() => {
      r.settled = true;
      r.listeners = [];
    });
    return r;
  };
  const listen = (r: BootRun, onStep?: (step: BootStep) => void): void => {
    if (!onStep || r.settled) return;
    r.listeners.push(onStep);
    if (r.step) onStep(r.step);
  };

  return {
    boot(onStep) {
      // Join the running boot, or take the early one's result once; otherwise (Retry) run afresh.
      if (!run || (run.settled && run.taken)) run = startRun(true);
      run.taken = true;
      listen(run, onStep);
      return run.promise;
    },
    startBoot(onStep) {
      if (!run || run.settled) run = startRun(false);
      listen(run, onStep);
    },
    // Signed in, there is nothing to choose: never a configuration request (checklist 6), whatever page asks.
    // (A TempPass is no sign-in to keep: its viewer is offered every real provider.)
    providers: () => {
      const signedIn = ctx.state.profile;
      return signedIn && !signedIn.provider.isTempPass ? Promise.resolve(ok([signedIn.provider])) : providers.list();
    },
    lastUsedProvider: () => ctx.state.lastUsed,
    chooseProfile(profile: SignedInProfile) {
      void chooseProfile(ctx, profile);
    },
    profiles: () => listProfiles(ctx),
    startActivation: (provider: Provider | undefined, listener: ActivationListener): Activation =>
      startActivation(ctx, provider, listener),
    current() {
      const profile = ctx.state.profile;
      return profile ? { profile, provider: profile.provider } : undefined;
    },
    preauthorize: (resources: string[], options?: PreauthorizeOptions) =>
      withDecisions((d) => d.preauthorize(resources, options)),
    authorize: (resource: string) => withDecisions((d) => d.authorize(resource)),
    logout: () => logout(ctx),
    async tempPassOffers() {
      if (!config.tempPass || config.tempPass.offer !== true) return ok([]);
      // Signed in with a real provider: nothing to offer, and no configuration request (checklist 6).
      const signedIn = ctx.state.profile;
      if (signedIn && !signedIn.provider.isTempPass) return ok([]);
      const list = await providers.tempPasses();
      return list.ok ? ok(await tempPassOffers(ctx, list.value, ports.trialPairing !== undefined)) : list;
    },
    startTempPass: (offer: TempPassOffer) => startTempPass(ctx, offer.provider),
    pairTempPass(offer: TempPassOffer, listener: TrialPairingListener) {
      if (!ports.trialPairing) {
        listener.onFailure({
          kind: 'configuration',
          message: 'Free trials are not available on this TV.',
          retryable: false,
        });
        return { stop: () => undefined };
      }
      return pairPromotional(ctx, ports.trialPairing, offer.provider, listener);
    },
    tempPass: () => tempPassStatus(ctx, ctx.state.profile),
    endTempPass: () => endTempPass(ctx),
  };
}
