/**
 * The surface that pages use. Pages and components import types and the facade from `src/flows`
 * only; they never touch `src/pass` or axios. Everything here is plain data: no Lightning types.
 */
import type { PassErrorKind } from '../pass';

/** An MVPD as the picker shows it and as it is persisted (id, displayName, logoUrl). */
export interface Provider {
  id: string;
  displayName: string;
  logoUrl?: string;
  isTempPass: boolean;
  isProxy: boolean;
}

/** A user metadata value, unwrapped from `{value, state}` when the service wrapped it. */
export interface ProfileAttribute {
  value: unknown;
  encrypted: boolean;
}

/**
 * The parts of an authenticated profile the app keeps (design: mvpd, attributes, notAfter), with the
 * provider it belongs to. The flows resolve that provider (the one chosen on the TV, the stored one,
 * the configuration's entry, or, when none is known, one named after the mvpd id), so pages never look it up.
 */
export interface SignedInProfile {
  mvpd: string;
  notAfter: number;
  type: string;
  attributes: Record<string, ProfileAttribute>;
  provider: Provider;
}

/**
 * What kind of failure the user sees: the pass client's error kinds, one list (src/pass/errors.ts
 * says what each means). A type only: pages still import nothing from src/pass.
 */
export type FailureKind = PassErrorKind;

export interface Failure {
  kind: FailureKind;
  /** A sentence fit for the screen (the MVPD's / Adobe's message when one was given). */
  message: string;
  /** Enhanced error code when there was one (for support and tests). */
  code?: string;
  /** MVPD-provided details (e.g. "Pay-per-view not purchased"). */
  details?: string;
  /** Adobe support trace id, if any. */
  trace?: string;
  /** True when pressing Retry can reasonably help. */
  retryable: boolean;
}

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export type BootOutcome =
  | { signedIn: true; profile: SignedInProfile; provider: Provider }
  /**
   * `profiles` is non-empty when several valid profiles exist (ordered by longest validity): the UI chooses.
   * The provider to offer again is `lastUsedProvider()`.
   */
  | { signedIn: false; profiles: SignedInProfile[] };

/**
 * Where a boot is (for the splash's progress line): `registering` (device identity, DCR client and
 * token), then `checking-provider` (nothing stored: all profiles are asked for) or
 * `confirming-provider` (a stored provider/profile: only that one is asked for).
 */
export type BootStep = 'registering' | 'checking-provider' | 'confirming-provider';

/** One activation code shown on the TV. */
export interface ActivationCode {
  code: string;
  /** Absolute URL of the second-screen page with the code filled in (for the QR code). */
  activationUrl: string;
  /** Short URL to print under the code, e.g. `demotv.example/activate`. */
  shortUrl: string;
  notAfter: number;
  /** Absent when the TV left the provider choice to the second screen. */
  provider?: Provider;
}

export interface ActivationListener {
  onCode(code: ActivationCode): void;
  /** `provider` is `profile.provider`: the one chosen on the TV, or the one the viewer chose on the phone. */
  onSignedIn(profile: SignedInProfile, provider: Provider): void;
  /** The code expired; a new one is requested automatically unless `stop()` was called. */
  onExpired(expired: ActivationCode): void;
  onFailure(failure: Failure): void;
}

export interface Activation {
  /** Abandon the current code (polling stops at once) and create a new one. */
  newCode(): Promise<void>;
  /** Stop polling and forget the session (Back, "choose another provider", leaving the page). */
  stop(): void;
  /** Milliseconds until the current code expires (for the countdown), 0 when none. */
  remainingMs(): number;
}

export interface Decision {
  resource: string;
  authorized: boolean;
  /** Present on denials: the MVPD's/Adobe's message and details. */
  failure?: Failure;
  /** The permit came from a degradation rule (`source: "degradation"`, spec §15), not from the MVPD. */
  degraded?: boolean;
}

/**
 * What an AbortSignal offers (the pass client's `AbortLike`), so engines without AbortController can pass
 * `cancelSource()` from src/flows/cancel.ts instead.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface PreauthorizeOptions {
  /** Aborting drops the batches still queued (the viewer left the catalog); a sent batch is not recalled. */
  signal?: CancelSignal;
}

export interface PlaybackGrant {
  resource: string;
  /** `token.serializedToken`, handed to the programmer's stream URL; never cached, never reused. */
  mediaToken: string;
  notAfter: number;
  /** The permit came from a degradation rule (`source: "degradation"`, spec §15), not from the MVPD. */
  degraded?: boolean;
}

/** What the page tells the user after signing out (`LogoutOutcome.notice`). */
export type LogoutNotice =
  /** Nothing more to do: say so plainly, show no URL. */
  | 'signed-out'
  /** The device opens `followUpUrls` in its browser to finish at the provider. */
  | 'finish-in-browser'
  /** Also sign out of the TV provider in the system settings (partner single sign-on). */
  | 'partner-sign-out';

export interface LogoutOutcome {
  /** MVPD logout pages for a device that can open a browser (`canOpenBrowser`); empty on a TV without one. */
  followUpUrls: string[];
  /** Partner (e.g. Apple) system sign-out instructions were required. */
  partnerSignOut: boolean;
  /** Which of the three endings this is; the page words it with `message`. */
  notice: LogoutNotice;
  /** A plain sentence for the screen (never a URL). */
  message: string;
}

/** A TempPass the picker offers ("Watch free for N minutes"); spec §14, src/flows/temppass.ts. */
export interface TempPassOffer {
  provider: Provider;
  /** Promotional passes need the viewer's identity, given on the phone (pairTempPass). */
  kind: 'basic' | 'promotional';
  /** Length in minutes (settings `tempPass.minutes`, else the pass's own profile); absent when unknown. */
  minutes?: number;
  /** Adobe said the pass on this TV is used up (its failure): the tile says so and offers sign-in. */
  usedUp?: Failure;
}

/** The TempPass being watched with, read from its profile. */
export interface TempPassStatus {
  mvpd: string;
  kind: 'basic' | 'promotional';
  /**
   * The profile's `expiration_date` (else its notAfter), on the device's clock: shifted by Adobe's clock offset
   * learned from the last TempPass decision. The app stops playback here.
   */
  expiresAt: number;
  /** Promotional: titles still allowed (`remaining_resources`). */
  remainingResources?: number;
}

/** The pairing code the TV shows for a promotional TempPass (the phone opens `activationUrl`). */
export interface TrialPairingCode {
  code: string;
  activationUrl: string;
  shortUrl: string;
  notAfter: number;
}

export interface TrialPairingListener {
  onCode(code: TrialPairingCode): void;
  onSignedIn(profile: SignedInProfile): void;
  onFailure(failure: Failure): void;
}

export interface TrialPairing {
  stop(): void;
}

/** The facade the TV pages call; implemented in `src/flows/index.ts`. */
export interface PassFlows {
  /**
   * Registration (DCR, cached) then profile check. One run at a time: a call while a boot is running
   * joins it, and so does the first call after a boot the app started early (`startBoot`) settled;
   * any later call (Retry) starts a fresh run. `onStep` hears the run's current step at once and each
   * later one.
   */
  boot(onStep?: (step: BootStep) => void): Promise<Result<BootOutcome>>;
  /** Filtered MVPD list from the configuration (memory cache, TTL from settings), last used first. */
  providers(): Promise<Result<Provider[]>>;
  /**
   * The provider last signed in with on this TV (persisted when a sign-in completes; known after boot()).
   * The picker marks it "Last used"; after a lapsed profile the TV offers it again.
   */
  lastUsedProvider(): Provider | undefined;
  /** Choose one of several profiles returned by boot() or profiles(); the choice is persisted. */
  chooseProfile(profile: SignedInProfile): void;
  /**
   * Every valid profile of this device (`GET profiles`), plus the adopted one when that endpoint does not
   * list it (TempPass and degraded profiles are read per MVPD), longest validity first. For "Switch
   * provider": never signs anyone out.
   */
  profiles(): Promise<Result<SignedInProfile[]>>;
  /**
   * Create a session for the provider and poll for the profile. Without a provider the session is
   * created without `mvpd` and the viewer chooses the provider on the second screen.
   */
  startActivation(provider: Provider | undefined, listener: ActivationListener): Activation;
  /** The signed-in profile and the provider it is signed in with, if any. */
  current(): { profile: SignedInProfile; provider: Provider } | undefined;
  /**
   * Informative decisions (batches of <= 5 or the MVPD's limit, permits cached in memory). Never used for
   * playback. The map is keyed by the resources as asked; answers are matched tolerantly (trimmed, MRSS by
   * channel and item title); a resource whose answer cannot be matched is absent (unknown: authorize decides).
   */
  preauthorize(resources: string[], options?: PreauthorizeOptions): Promise<Result<Map<string, Decision>>>;
  /** Authoritative decision for exactly one resource; called on every play. */
  authorize(resource: string): Promise<Result<PlaybackGrant>>;
  /** User-initiated only. Clears the cached profile parts. */
  logout(): Promise<Result<LogoutOutcome>>;
  /** TempPass offers for the picker (empty unless the settings offer TempPass). */
  tempPassOffers(): Promise<Result<TempPassOffer[]>>;
  /** Start a basic TempPass: no login, the pass's profile is adopted. */
  startTempPass(offer: TempPassOffer): Promise<Result<SignedInProfile>>;
  /** Promotional TempPass: pairing code for the phone, then the pass with the email's hash. */
  pairTempPass(offer: TempPassOffer, listener: TrialPairingListener): TrialPairing;
  /** Countdown/quota of the current TempPass profile; undefined when not watching with a TempPass. */
  tempPass(): TempPassStatus | undefined;
  /** The pass ran out: forget it on this TV (no logout) so the viewer signs in with a real provider. */
  endTempPass(): Promise<void>;
}
