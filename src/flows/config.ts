/** The resolved `appSettings.adobePass` preset plus the flows' tuning knobs. */
import type { ProviderFilterOptions } from './provider-filter';

export interface PassFlowsConfig extends ProviderFilterOptions {
  restBaseUrl: string;
  dcrBaseUrl: string;
  serviceProvider: string;
  softwareStatement: string;
  domainName: string;
  /** Where the browser lands after MVPD login; also the logout `redirectUrl`. */
  redirectUrl: string;
  /** Second-screen activation page; the QR code points at `${secondScreenUrl}/?code=…`. */
  secondScreenUrl: string;
  secondScreenShortUrl: string;
  /** Polling cadence for the activation code; clamped to 3–5 s (checklist 11). Default 5 s. */
  pollIntervalMs?: number;
  /**
   * First launch (no provider or profile stored): ask for the configuration together with the
   * profiles. Off by default, and the TV app keeps it off: Adobe may hold profiles for a device that
   * stores nothing (a reinstall), and the request would then be one made while signed in (checklist 6).
   */
  firstLaunchConfiguration?: boolean;
  /**
   * The boot found no profile: ask for the configuration at once, for an app whose next screen is the
   * provider picker (it then draws from that answer instead of asking once it is built). Nobody is
   * signed in, so checklist 6 holds. Off by default: an app may let the viewer choose on the phone.
   */
  configurationWhenSignedOut?: boolean;
  /** Memory cache of the configuration (checklist 8). Default 3 minutes. */
  configCacheTtlMs?: number;
  /** Resources per preauthorization request. Default 5. */
  preauthorizeBatchSize?: number;
  /**
   * Per-MVPD preauthorization limits where an MVPD allows fewer than `preauthorizeBatchSize` resources per
   * request (set by Adobe support; e.g. `{ "RedwoodWireless": 3 }`). The smaller of the two applies.
   */
  preauthorizeLimits?: Record<string, number>;
  // Picker filters (hiddenMvpdIds, testMvpdPattern, showTempPass, providerFilter): provider-filter.ts.
  /** Re-read the profile after each authorization to pick up refreshed metadata (checklist 12). Off by default. */
  rereadProfileAfterAuthorize?: boolean;
  /** How long a preauthorization permit stays in the memory cache. Default 10 minutes. */
  permitCacheTtlMs?: number;
  /**
   * Automatic new codes after an expiry before polling stops and the screen offers "Get a new code" (a TV
   * left on the code screen must not poll for hours). Default 1; 0 stops at the first expiry.
   */
  maxAutoRenewals?: number;
  /** TempPass offer and promotional identity settings. */
  tempPass?: TempPassSettings;
  /** Per-request timeout in the pass client. Default 10 s. */
  httpTimeoutMs?: number;
  /** First retry backoff in the pass client. Default 1 s (DEFAULT_RETRY_BASE_MS), then doubled. */
  retryBaseDelayMs?: number;
}

/** TempPass offer (spec §14; docs/pass-and-flows.md "TempPass"). Adobe's configuration only flags `isTempPass`. */
export interface TempPassSettings {
  /** Offer the configuration's TempPass MVPDs in the picker ("Watch free for N minutes"). Off by default. */
  offer?: boolean;
  /** Minutes per TempPass MVPD id for the tile; absent: read from the pass's own profile (`expiration_date`). */
  minutes?: Record<string, number>;
  /** TempPass MVPD ids that are promotional (the viewer's identity is needed; given on the phone). */
  promotional?: string[];
  /** The promotional pass's "User Information Key": the key of the AP-TempPass-Identity JSON. Default `email`. */
  identityKey?: string;
  /** Programmer backend serving `/trial/pairings` (the app fills it from `programmerBaseUrl`). */
  pairingBaseUrl?: string;
}

export const MIN_POLL_MS = 3000;
export const MAX_POLL_MS = 5000;

export function pollInterval(config: PassFlowsConfig): number {
  const wanted = config.pollIntervalMs ?? MAX_POLL_MS;
  return Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, wanted));
}
