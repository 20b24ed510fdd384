/** Typed shapes of the DCR and REST API V2 responses, after validation and normalisation (spec §4, §5, §7). */
import type { EnhancedError } from './errors';

/** DCR client credentials (§4.1). Persist them forever; they are bound to the user's profiles. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  issuedAt?: number;
}

/** DCR access token (§4.2). `expiresAt` is on the device's clock (receipt time + expires_in). */
export interface AccessToken {
  accessToken: string;
  expiresAt: number;
  /** When to replace it proactively (a safety margin before `expiresAt`). */
  refreshAt: number;
}

export interface ConfigurationMvpd {
  id: string;
  displayName: string;
  logoUrl?: string;
  isTempPass: boolean;
  isProxy: boolean;
}

/** Configuration (§5.1), reduced to what a picker needs. */
export interface Configuration {
  requestorId?: string;
  requestorName?: string;
  mvpds: ConfigurationMvpd[];
}

/** Session action object (§7.1) from sessions create/resume. Unknown `actionName` values pass through. */
export interface SessionAction {
  actionName: 'authenticate' | 'resume' | 'retry' | 'authorize' | string;
  actionType?: string;
  reasonType?: string;
  /** Absolute URL (relative ones are resolved against the REST base). */
  url?: string;
  code?: string;
  sessionId?: string;
  mvpd?: string;
  serviceProvider?: string;
  missingParameters: string[];
  notBefore?: number;
  notAfter?: number;
}

/** GET sessions/{code} (§5.4). `existingParameters` is normalised: `domain` becomes `domainName`. */
export interface SessionInfo {
  existingParameters: { mvpd?: string; domainName?: string; redirectUrl?: string; serviceProvider?: string };
  missingParameters: string[];
  notBefore?: number;
  notAfter?: number;
  /** The streaming device as the backend saw it; passed through untyped (display only). */
  device?: Record<string, unknown>;
}

export interface ProfileAttributeValue {
  value: unknown;
  /** True when the service marked it `enc` (encrypted with the Programmer's certificate). */
  encrypted: boolean;
}

/** Profile object (§7.2) keyed by its MVPD. */
export interface Profile {
  mvpd: string;
  notBefore?: number;
  notAfter: number;
  issuer?: string;
  type: string;
  attributes: Record<string, ProfileAttributeValue>;
}

export interface MediaToken {
  serializedToken: string;
  notBefore?: number;
  notAfter?: number;
}

/** Decision object (§7.3); item-level errors are kept as-is for the error policy. */
export interface DecisionItem {
  resource: string;
  mvpd?: string;
  authorized: boolean;
  source?: string;
  token?: MediaToken;
  notBefore?: number;
  notAfter?: number;
  error?: EnhancedError;
}

/** Logout entry (§7.5); `key` is the map key, which may differ from `mvpd` (§18.8). */
export interface LogoutEntry {
  key: string;
  actionName: 'logout' | 'partner_logout' | 'complete' | 'invalid' | string;
  actionType?: string;
  mvpd?: string;
  /** Absolute URL (relative ones are resolved against the REST base). */
  url?: string;
}

export interface SessionParameters {
  mvpd?: string;
  domainName?: string;
  redirectUrl?: string;
}
