/**
 * DCR lifecycle (spec §4.3, §17 A, checklist 2–5): credentials registered once and reused forever;
 * the access token persisted with its expiry and refreshed shortly before it lapses; concurrent callers
 * share one in-flight token request; re-registration only when the token endpoint says `invalid_client`.
 */
import { PassError, isPassError } from './errors';
import type { AccessToken, ClientCredentials } from './types';

type MaybePromise<T> = T | Promise<T>;

/** Where the client keeps its DCR state. The TV persists it (src/flows); a web page may keep it in memory. */
export interface CredentialsStore {
  loadClient(): MaybePromise<ClientCredentials | undefined>;
  saveClient(credentials: ClientCredentials): MaybePromise<void>;
  clearClient(): MaybePromise<void>;
  loadToken(): MaybePromise<AccessToken | undefined>;
  saveToken(token: AccessToken): MaybePromise<void>;
  clearToken(): MaybePromise<void>;
}

export function memoryCredentialsStore(): CredentialsStore {
  let client: ClientCredentials | undefined;
  let token: AccessToken | undefined;
  return {
    loadClient: () => client,
    saveClient: (c) => void (client = c),
    clearClient: () => void (client = undefined),
    loadToken: () => token,
    saveToken: (t) => void (token = t),
    clearToken: () => void (token = undefined),
  };
}

export interface TokenManagerDeps {
  store: CredentialsStore;
  now(): number;
  /** POST /o/client/register (one exchange, error policy applied). */
  register(): Promise<ClientCredentials>;
  /** POST /o/client/token (one exchange, error policy applied). */
  requestToken(credentials: ClientCredentials): Promise<{ accessToken: string; expiresInS: number }>;
  /** Refresh this long before expiry; capped at 10 % of the token's lifetime. Default 5 minutes. */
  refreshMarginMs?: number;
}

export class TokenManager {
  private client?: ClientCredentials;
  private token?: AccessToken;
  private loaded = false;
  private inFlight?: Promise<AccessToken>;

  constructor(private readonly deps: TokenManagerDeps) {}

  /** A valid access token: the stored one, or a fresh one when it is missing or about to expire. */
  async current(): Promise<AccessToken> {
    await this.load();
    if (this.token && this.deps.now() < this.token.refreshAt) return this.token;
    return this.refresh();
  }

  /**
   * A new token. `stale` is the token a caller saw rejected (401): if someone else already replaced it,
   * that replacement is returned instead of asking again.
   */
  async refresh(stale?: string): Promise<AccessToken> {
    await this.load();
    if (stale && this.token && this.token.accessToken !== stale && this.deps.now() < this.token.refreshAt) return this.token;
    if (!this.inFlight) {
      // then(ok, fail) rather than finally(): old TV engines lack Promise.prototype.finally.
      const done = () => {
        this.inFlight = undefined;
      };
      this.inFlight = this.obtain().then(
        (token) => {
          done();
          return token;
        },
        (error: unknown) => {
          done();
          throw error;
        },
      );
    }
    return this.inFlight;
  }

  /** Credentials, registering only when none are stored. */
  async credentials(): Promise<ClientCredentials> {
    await this.load();
    if (!this.client) {
      this.client = await this.deps.register();
      await this.deps.store.saveClient(this.client);
    }
    return this.client;
  }

  private async load(): Promise<void> {
    if (this.loaded) return;
    this.client = (await this.deps.store.loadClient()) ?? this.client;
    this.token = (await this.deps.store.loadToken()) ?? this.token;
    this.loaded = true;
  }

  private async obtain(): Promise<AccessToken> {
    let issued: { accessToken: string; expiresInS: number };
    try {
      issued = await this.deps.requestToken(await this.credentials());
    } catch (error) {
      if (!isPassError(error) || error.oauthError !== 'invalid_client') throw error;
      // The client is unknown to Adobe (revoked or lost): the only case that justifies registering again.
      this.client = undefined;
      this.token = undefined;
      await this.deps.store.clearToken();
      await this.deps.store.clearClient();
      try {
        issued = await this.deps.requestToken(await this.credentials());
      } catch (second) {
        if (isPassError(second) && second.oauthError === 'invalid_client') {
          throw new PassError({
            kind: 'registration',
            message: 'Adobe Pass does not accept this application',
            oauthError: 'invalid_client',
            retryable: false,
          });
        }
        throw second;
      }
    }
    const receivedAt = this.deps.now();
    const lifetimeMs = issued.expiresInS * 1000;
    const margin = Math.min(this.deps.refreshMarginMs ?? 5 * 60_000, lifetimeMs / 10);
    // Expiry is measured on the device clock from receipt: TV clocks are often wrong, so `created_at`
    // (server time) would make the token look expired or eternal.
    this.token = { accessToken: issued.accessToken, expiresAt: receivedAt + lifetimeMs, refreshAt: receivedAt + lifetimeMs - margin };
    await this.deps.store.saveToken(this.token);
    return this.token;
  }
}
