/** What the journeys observed on the client side (results the flows returned, storage, timings). */
import type {
  BootOutcome,
  Decision,
  Failure,
  LogoutOutcome,
  PlaybackGrant,
  Provider,
  Result,
  SignedInProfile,
} from '../../src/flows';
import type { Screen } from '../../second-screen/src/flow';
import type { ErrorAction } from '../spec/error-codes';
import type { Tv } from './tv';
import type { Phone } from './phone';

export interface ActivationFacts {
  code: string;
  codes: string[];
  notAfter: number;
  signedIn?: SignedInProfile;
  failures: Failure[];
  expired: number;
  device: string;
}

export interface ErrorTableRow {
  code: string;
  action: ErrorAction;
  placement: 'top' | 'item';
  result: Result<PlaybackGrant>;
  signedInAfter: boolean;
}

export interface StreamFacts {
  firstPlay: number;
  reuse: number;
  childAfterExpiry: number;
  verifyAfterExpiry: string;
  secondPlay: number;
  tokensDiffer: boolean;
}

export class Facts {
  tvs: Tv[] = [];
  phone?: Phone;
  /** settings.json values the TV ships with. */
  shipped: { pollIntervalMs?: number; configCacheTtlMs?: number; preauthorizeBatchSize?: number } = {};
  statementSoftwareId?: string;

  // first launch and relaunch
  firstBoot?: Result<BootOutcome>;
  firstProviders?: Provider[];
  firstActivation?: ActivationFacts;
  firstStoredProfile?: Record<string, unknown>;
  firstStoredProvider?: Record<string, unknown>;
  firstPreauth?: Result<Map<string, Decision>>;
  firstPreauthAgain?: Result<Map<string, Decision>>;
  firstGrants: Result<PlaybackGrant>[] = [];
  firstDevice?: string;
  relaunchBoot?: Result<BootOutcome>;
  relaunchDevice?: string;
  relaunchGrant?: Result<PlaybackGrant>;
  rereadGrant?: Result<PlaybackGrant>;

  // token lifecycle
  proactiveGrant?: Result<PlaybackGrant>;
  reactiveGrant?: Result<PlaybackGrant>;
  revokedResult?: Result<PlaybackGrant>;
  storedClientBefore?: string;
  storedClientAfter?: string;

  // provider choice
  providersCalls: Result<Provider[]>[] = [];
  configTtlMs?: number;
  chosenProvider?: Provider;
  storedChosen?: Record<string, unknown>;
  relaunchLastProvider?: Provider;
  confirmLastCode?: string;

  // polling
  newCode?: ActivationFacts;
  newCodeDuringRetry?: ActivationFacts;
  expiry?: ActivationFacts;
  expiries: ActivationFacts[] = [];
  pollFailures?: ActivationFacts;

  // denials
  denialPreauth?: Result<Map<string, Decision>>;
  denialPlay?: Result<PlaybackGrant>;
  deniedAfterPermit?: Result<PlaybackGrant>;
  permittedAfterDenials?: Result<PlaybackGrant>;
  signedInAfterDenials?: boolean;

  // retries
  retryResults: Record<string, Result<unknown>> = {};
  errorTable: ErrorTableRow[] = [];
  /** Codes and actions Adobe may add later, and a documented sample deviation (§9.1, §18.9). */
  oddErrors: Array<{ name: string; result: Result<PlaybackGrant> }> = [];

  // second screen
  phoneScreens: Record<string, Screen | undefined> = {};
  phoneNavigations: Record<string, string[]> = {};
  phoneCode?: string;
  chooseCode?: string;
  chooserSignedInMvpd?: string;
  tvSignedInViaPhone?: boolean;

  // throttling
  throttleDevices: string[] = [];
  throttlePreauth?: Result<Map<string, Decision>>;

  // expiry and re-authentication
  stream?: StreamFacts;
  expiredPlay?: Result<PlaybackGrant>;
  signedInAfterExpiredPlay?: boolean;
  storedProfileAfterExpiredPlay?: boolean;
  relaunchAfterExpiry?: Result<BootOutcome>;
  /** `lastUsedProvider()` after that relaunch (the provider offered again). */
  lastProviderAfterExpiry?: Provider;
  reauthCode?: string;
  itemLevelPreauth?: Result<Map<string, Decision>>;
  signedInAfterItemLevelPreauth?: boolean;
  storedProfileAfterItemLevelPreauth?: boolean;
  grantsAcrossExpiry: Result<PlaybackGrant>[] = [];

  // logout
  logoutInteractive?: Result<LogoutOutcome>;
  logoutComplete?: Result<LogoutOutcome>;
  bootAfterLogout?: Result<BootOutcome>;

  // degraded, TempPass, several profiles
  degradedSignIn?: ActivationFacts;
  degradedPlay?: Result<PlaybackGrant>;
  defaultProviderIds: string[] = [];
  configHasPromoTempPass?: boolean;
  tempPassProviderIds: string[] = [];
  tempPassSignIn?: ActivationFacts;
  tempPassPlay?: Result<PlaybackGrant>;
  /** As shipped: `<mvpd>:<kind>` of each TempPass the picker offers. */
  tempPassOffers: string[] = [];
  /** The email the simulated phone gave for the promotional pass (checked absent from every TV request). */
  promoEmail?: string;
  promoPairing?: { code?: string; signedInType?: string; failure?: string };
  promoPlay?: Result<PlaybackGrant>;
  promoRemaining?: number;
  severalBoot?: Result<BootOutcome>;
  severalChosenPlayPath?: string;

  // secrets seen during the run (for the log-leak check); never printed
  secrets = new Set<string>();
}
