/**
 * The only module of the second screen that talks to Adobe Pass, through the shared client in
 * src/pass. The flow depends on the `SecondScreenApi` interface below; tests substitute a fake.
 * Errors are `PassError` (src/pass), already classified by its single error policy.
 */
import { PassClient, PassError, resolveUrl, type CredentialsStore, type DeviceHeaders } from '../../src/pass';
import type { AccessToken, ClientCredentials } from '../../src/pass';
import type { ActiveConfig } from './config';
import { readJson, writeJson, type KeyValueStore } from './storage';

export { PassError };

/** One MVPD from the configuration (spec §5.1), reduced to what the picker needs. */
export interface ProviderInfo {
  id: string;
  displayName: string;
  logoUrl?: string;
  isTempPass: boolean;
  isProxy: boolean;
}

/** Retrieve-session answer (spec §5.4), with `domain`/`domainName` already reconciled (§18.3). */
export interface SessionInfo {
  existing: { mvpd?: string; domainName?: string; redirectUrl?: string; serviceProvider?: string };
  missing: string[];
  notAfter?: number;
}

/** Resume answer (spec §5.3 / §7.1). */
export interface SessionAction {
  actionName: string;
  reasonType?: string;
  /** Absolute URL of the next step when the service gave one. */
  url?: string;
  mvpd?: string;
  missing: string[];
}

export interface ResumeParams {
  mvpd: string;
  domainName: string;
  redirectUrl: string;
}

/** A profile found for a code (spec §5.8): which provider, and of which kind. */
export interface CodeProfile {
  mvpd: string;
  type: string;
}

export interface SecondScreenApi {
  retrieveSession(code: string): Promise<SessionInfo>;
  resumeSession(code: string, params: ResumeParams): Promise<SessionAction>;
  providers(): Promise<ProviderInfo[]>;
  profilesForCode(code: string): Promise<CodeProfile[]>;
  /** Absolute URL of `/api/v2/authenticate/{sp}/{code}` (spec §5.5 "self computed url"). */
  authenticateUrl(code: string): string;
  /** Resolves a relative `url` from a session answer against the REST host (spec §3.3). */
  absoluteUrl(url: string): string;
}

/**
 * DCR state of this browser, per preset (each environment issues its own credentials). Kept in
 * localStorage so a returning phone reuses its client and token (spec §4.3) instead of registering again.
 */
export function webCredentialsStore(store: KeyValueStore, preset: string): CredentialsStore {
  const clientKey = `ss.v1.${preset}.client`;
  const tokenKey = `ss.v1.${preset}.token`;
  const isClient = (v: unknown): v is ClientCredentials =>
    !!v && typeof (v as ClientCredentials).clientId === 'string' && typeof (v as ClientCredentials).clientSecret === 'string';
  const isToken = (v: unknown): v is AccessToken =>
    !!v &&
    typeof (v as AccessToken).accessToken === 'string' &&
    typeof (v as AccessToken).expiresAt === 'number' &&
    typeof (v as AccessToken).refreshAt === 'number';
  return {
    loadClient: () => readJson(store, clientKey, isClient),
    saveClient: (c) => writeJson(store, clientKey, c),
    clearClient: () => store.remove(clientKey),
    loadToken: () => readJson(store, tokenKey, isToken),
    saveToken: (t) => writeJson(store, tokenKey, t),
    clearToken: () => store.remove(tokenKey),
  };
}

export interface PassApiOptions {
  config: ActiveConfig;
  device: DeviceHeaders;
  credentials: CredentialsStore;
  /** Injectable for tests (the client waits ≥ 1 s after a 429 and backs off between retries). */
  sleep?: (ms: number) => Promise<void>;
}

export function createPassApi(options: PassApiOptions): SecondScreenApi {
  const { config } = options;
  const client = new PassClient({
    restBaseUrl: config.restBaseUrl,
    dcrBaseUrl: config.dcrBaseUrl,
    serviceProvider: config.serviceProvider,
    softwareStatement: config.softwareStatement,
    device: options.device,
    credentials: options.credentials,
    sleep: options.sleep,
  });
  return {
    async retrieveSession(code) {
      const s = await client.retrieveSession(code);
      return { existing: s.existingParameters, missing: s.missingParameters, notAfter: s.notAfter };
    },
    async resumeSession(code, params) {
      const a = await client.resumeSession(code, params);
      return { actionName: a.actionName, reasonType: a.reasonType, url: a.url, mvpd: a.mvpd, missing: a.missingParameters };
    },
    async providers() {
      return (await client.configuration()).mvpds.map((m) => ({
        id: m.id,
        displayName: m.displayName,
        logoUrl: m.logoUrl,
        isTempPass: m.isTempPass,
        isProxy: m.isProxy,
      }));
    },
    async profilesForCode(code) {
      return (await client.profileForCode(code)).map((p) => ({ mvpd: p.mvpd, type: p.type }));
    },
    authenticateUrl: (code) => client.authenticateUrl(code),
    absoluteUrl: (url) => resolveUrl(config.restBaseUrl, url),
  };
}
