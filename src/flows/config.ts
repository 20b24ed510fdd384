/** The resolved `appSettings.adobePass` preset plus the flows' tuning knobs. */
import type { Provider } from './api';

export interface PassFlowsConfig {
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
  /** Memory cache of the configuration (checklist 8). Default 3 minutes. */
  configCacheTtlMs?: number;
  /** Resources per preauthorization request. Default 5. */
  preauthorizeBatchSize?: number;
  /** MVPD ids never shown in the picker. */
  hiddenMvpdIds?: string[];
  /** Regular-expression source matched against MVPD id and display name to hide test MVPDs. */
  testMvpdPattern?: string;
  /** Show TempPass pseudo-MVPDs in the picker (hidden by default). */
  showTempPass?: boolean;
  /** Extra picker filter, applied after the built-in ones. */
  providerFilter?: (provider: Provider) => boolean;
  /** Re-read the profile after each authorization to pick up refreshed metadata (checklist 12). Off by default. */
  rereadProfileAfterAuthorize?: boolean;
  /** How long a preauthorization permit stays in the memory cache. Default 10 minutes. */
  permitCacheTtlMs?: number;
  /** Automatic new codes after expiry before giving up (the TV may be left on the code screen). Default 10. */
  maxAutoRenewals?: number;
  /** Per-request timeout in the pass client. Default 10 s. */
  httpTimeoutMs?: number;
  /** First retry backoff in the pass client. Default 500 ms. */
  retryBaseDelayMs?: number;
}

export const MIN_POLL_MS = 3000;
export const MAX_POLL_MS = 5000;

/** Default hides ids/names that look like test or QA integrations. */
export const DEFAULT_TEST_MVPD_PATTERN = '^test|(^|[^a-z])(test|qa)([^a-z]|$)';

export function pollInterval(config: PassFlowsConfig): number {
  const wanted = config.pollIntervalMs ?? MAX_POLL_MS;
  return Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, wanted));
}
