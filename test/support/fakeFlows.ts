/**
 * A scriptable PassFlows for page tests: every call is recorded, answers come from fields the test
 * sets, and activation listeners are exposed so a test can play the flows' side (codes, expiry, success).
 */
import type {
  Activation,
  ActivationCode,
  ActivationListener,
  BootOutcome,
  BootStep,
  Decision,
  Failure,
  LogoutOutcome,
  PassFlows,
  PlaybackGrant,
  PreauthorizeOptions,
  Provider,
  Result,
  SignedInProfile,
  TempPassOffer,
  TempPassStatus,
  TrialPairing,
  TrialPairingListener,
} from '../../src/flows/api';

export const ACME: Provider = {
  id: 'AcmeCable',
  displayName: 'Acme Cable',
  logoUrl: 'http://logos/AcmeCable.png',
  isTempPass: false,
  isProxy: false,
};
export const BLUE: Provider = { id: 'BlueRiverTV', displayName: 'Blue River TV', isTempPass: false, isProxy: false };
export const TEMPPASS: Provider = { id: 'TempPass_DEMO15', displayName: 'Free preview (15 min)', isTempPass: true, isProxy: false };
export const PROMO: Provider = { id: 'TempPass_PROMO3', displayName: 'Promotional pass (3 titles)', isTempPass: true, isProxy: false };
export const SUMMIT: Provider = { id: 'SummitSat', displayName: 'Summit Satellite', isTempPass: false, isProxy: false };

/** A profile of `mvpd`, carrying its provider (one of the three above, else one named after the id). */
export function profileFor(mvpd: string, notAfter = Date.UTC(2030, 0, 1)): SignedInProfile {
  const provider = [ACME, BLUE, SUMMIT].find((p) => p.id === mvpd) ?? {
    id: mvpd,
    displayName: mvpd,
    isTempPass: false,
    isProxy: false,
  };
  return {
    mvpd,
    notAfter,
    provider,
    type: 'regular',
    attributes: {
      userID: { value: 'user-123', encrypted: false },
      householdID: { value: 'x9f2…', encrypted: true },
      zip: { value: '10001', encrypted: false },
    },
  };
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (message: string, extra: Partial<Failure> = {}): Result<never> => ({
  ok: false,
  failure: { kind: 'server', message, retryable: true, ...extra },
});

export interface Call {
  name: keyof PassFlows | 'activation.stop' | 'activation.newCode';
  args: unknown[];
}

export class FakeActivation implements Activation {
  stopped = false;
  newCodes = 0;
  remaining = 600_000;
  constructor(
    readonly provider: Provider | undefined,
    readonly listener: ActivationListener,
    private readonly calls: Call[],
  ) {}
  async newCode(): Promise<void> {
    this.newCodes++;
    this.calls.push({ name: 'activation.newCode', args: [] });
  }
  stop(): void {
    this.stopped = true;
    this.calls.push({ name: 'activation.stop', args: [] });
  }
  remainingMs(): number {
    return this.remaining;
  }
  /** Play the flows' side: a code is shown. */
  code(code: string, notAfter = Date.now() + 600_000): ActivationCode {
    const c: ActivationCode = {
      code,
      activationUrl: `http://localhost:4030/?code=${code}`,
      shortUrl: 'localhost:4030',
      notAfter,
      provider: this.provider,
    };
    this.listener.onCode(c);
    return c;
  }
}

export class FakeFlows implements PassFlows {
  calls: Call[] = [];
  bootResult: Result<BootOutcome> = ok({ signedIn: false, profiles: [] });
  providersResult: Result<Provider[]> = ok([ACME, BLUE, SUMMIT]);
  signedIn?: { profile: SignedInProfile; provider: Provider };
  /** What `lastUsedProvider()` answers (the flows' persisted provider). */
  lastUsed?: Provider;
  decisions = new Map<string, Decision>();
  preauthorizeResult?: Result<Map<string, Decision>>;
  authorizeResult: Result<PlaybackGrant> = ok({
    resource: 'DEMOTV',
    mediaToken: 'tok/en+1',
    notAfter: Date.now() + 420_000,
  });
  logoutResult: Result<LogoutOutcome> = ok({ followUpUrls: [], partnerSignOut: false, notice: 'signed-out', message: 'You are signed out of your TV provider on this TV.' });
  activations: FakeActivation[] = [];
  /** When set, boot()/authorize() wait for the test to resolve them. */
  holdBoot?: Promise<void>;
  holdAuthorize?: Promise<void>;
  /** When set, preauthorize() waits for it (a queued batch the viewer may leave behind). */
  holdPreauthorize?: Promise<void>;
  holdProviders?: Promise<void>;

  private record(name: Call['name'], ...args: unknown[]) {
    this.calls.push({ name, args });
  }
  count(name: Call['name']): number {
    return this.calls.filter((c) => c.name === name).length;
  }
  /** The progress listener of the last boot() call (a test reports steps through it). */
  bootStep?: (step: BootStep) => void;
  async boot(onStep?: (step: BootStep) => void) {
    this.record('boot');
    this.bootStep = onStep;
    if (this.holdBoot) await this.holdBoot;
    return this.bootResult;
  }
  async providers() {
    this.record('providers');
    if (this.holdProviders) await this.holdProviders;
    return this.providersResult;
  }
  lastUsedProvider() {
    return this.lastUsed;
  }
  chooseProfile(profile: SignedInProfile) {
    this.record('chooseProfile', profile);
    this.signedIn = { profile, provider: profile.provider };
  }
  /** What `profiles()` answers (Account → Switch provider). */
  profilesResult: Result<SignedInProfile[]> = ok([]);
  async profiles() {
    this.record('profiles');
    return this.profilesResult;
  }
  startActivation(provider: Provider | undefined, listener: ActivationListener) {
    this.record('startActivation', provider);
    const a = new FakeActivation(provider, listener, this.calls);
    this.activations.push(a);
    return a;
  }
  current() {
    return this.signedIn;
  }
  async preauthorize(resources: string[], options?: PreauthorizeOptions) {
    this.record('preauthorize', resources, options);
    if (this.holdPreauthorize) await this.holdPreauthorize;
    if (this.preauthorizeResult) return this.preauthorizeResult;
    const map = new Map<string, Decision>();
    for (const r of resources) map.set(r, this.decisions.get(r) ?? { resource: r, authorized: true });
    return ok(map);
  }
  async authorize(resource: string) {
    this.record('authorize', resource);
    if (this.holdAuthorize) await this.holdAuthorize;
    return this.authorizeResult;
  }
  async logout() {
    this.record('logout');
    this.signedIn = undefined;
    return this.logoutResult;
  }
  // ---- TempPass (src/flows/temppass.ts)
  tempPassOffersResult: Result<TempPassOffer[]> = ok([]);
  startTempPassResult?: Result<SignedInProfile>;
  tempPassStatus?: TempPassStatus;
  pairings: Array<{ offer: TempPassOffer; listener: TrialPairingListener; stopped: boolean }> = [];
  async tempPassOffers() {
    this.record('tempPassOffers');
    return this.tempPassOffersResult;
  }
  async startTempPass(offer: TempPassOffer) {
    this.record('startTempPass', offer);
    const result = this.startTempPassResult ?? ok(tempPassProfile(offer.provider));
    if (result.ok) this.signedIn = { profile: result.value, provider: result.value.provider };
    return result;
  }
  pairTempPass(offer: TempPassOffer, listener: TrialPairingListener): TrialPairing {
    this.record('pairTempPass', offer);
    const entry = { offer, listener, stopped: false };
    this.pairings.push(entry);
    return { stop: () => void (entry.stopped = true) };
  }
  tempPass() {
    return this.tempPassStatus;
  }
  async endTempPass() {
    this.record('endTempPass');
    this.signedIn = undefined;
    this.tempPassStatus = undefined;
  }
}

/** A TempPass profile for `provider`, expiring at `expiresAt`. */
export function tempPassProfile(provider: Provider, expiresAt = Date.now() + 900_000): SignedInProfile {
  return {
    mvpd: provider.id,
    notAfter: expiresAt,
    provider,
    type: 'temporary',
    attributes: { userID: { value: 'temppass_1', encrypted: false }, expiration_date: { value: expiresAt, encrypted: false } },
  };
}
