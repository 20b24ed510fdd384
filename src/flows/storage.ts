/**
 * The only things the TV persists (design.md "What is persisted"): DCR client credentials, the access
 * token with its expiry, the selected MVPD (id, displayName, logoUrl) and the profile parts (mvpd,
 * attributes, notAfter), and the request scheduler's throttling budget (burst left, last send time; no
 * secret). The device id is the platform's. The storage port owns the envelope; here each entry's shape
 * is checked on read: anything unreadable or of the wrong shape is treated as absent (and removed), never
 * a crash. A write the device refuses is logged once per entry until one succeeds.
 */
import type { AccessToken, BudgetState, BudgetStore, ClientCredentials, CredentialsStore } from '../pass';
import type { ProfileAttribute, Provider } from './api';
import type { LoggerPort, StoragePort } from './ports';

export interface StoredProfile {
  mvpd: string;
  notAfter: number;
  attributes: Record<string, ProfileAttribute>;
}

type Check<T> = (data: unknown) => T | undefined;

type StorageOptions = { secret?: boolean };
/** Client credentials and tokens: the platform keeps these in its secure store where it has one. */
const SECRET: StorageOptions = { secret: true };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

const checkClient: Check<ClientCredentials & { dcrBaseUrl: string }> = (d) =>
  isObj(d) && isStr(d.clientId) && isStr(d.clientSecret) && isStr(d.dcrBaseUrl)
    ? { clientId: d.clientId, clientSecret: d.clientSecret, dcrBaseUrl: d.dcrBaseUrl }
    : undefined;

const checkToken: Check<AccessToken> = (d) =>
  isObj(d) && isStr(d.accessToken) && isNum(d.expiresAt) && isNum(d.refreshAt)
    ? { accessToken: d.accessToken, expiresAt: d.expiresAt, refreshAt: d.refreshAt }
    : undefined;

const checkProvider: Check<Pick<Provider, 'id' | 'displayName' | 'logoUrl'>> = (d) =>
  isObj(d) && isStr(d.id) && isStr(d.displayName) && (d.logoUrl === undefined || typeof d.logoUrl === 'string')
    ? { id: d.id, displayName: d.displayName, logoUrl: d.logoUrl as string | undefined }
    : undefined;

const checkProfile: Check<StoredProfile> = (d) => {
  if (!isObj(d) || !isStr(d.mvpd) || !isNum(d.notAfter) || !isObj(d.attributes)) return undefined;
  const attributes: Record<string, ProfileAttribute> = {};
  for (const name of Object.keys(d.attributes)) {
    const a = d.attributes[name];
    if (!isObj(a) || typeof a.encrypted !== 'boolean') return undefined;
    attributes[name] = { value: a.value, encrypted: a.encrypted };
  }
  return { mvpd: d.mvpd, notAfter: d.notAfter, attributes };
};

/** The TempPass the TV last started: its MVPD and, for a promotional pass, the identity hash (never an email). */
export interface StoredTempPass {
  mvpd: string;
  identityHash?: string;
}

const checkTempPass: Check<StoredTempPass> = (d) =>
  isObj(d) &&
  isStr(d.mvpd) &&
  (d.identityHash === undefined || (isStr(d.identityHash) && /^[0-9a-f]{64}$/.test(d.identityHash)))
    ? { mvpd: d.mvpd, identityHash: d.identityHash as string | undefined }
    : undefined;

const checkBudget: Check<BudgetState> = (d) =>
  isObj(d) && isNum(d.burstLeft) && d.burstLeft >= 0 && (d.lastSentAt === undefined || isNum(d.lastSentAt))
    ? { burstLeft: d.burstLeft, lastSentAt: d.lastSentAt as number | undefined }
    : undefined;

/** Typed, versioned access to the persisted entries, namespaced per service provider. */
export class Persistence {
  constructor(
    private readonly storage: StoragePort,
    private readonly prefix: string,
    private readonly dcrBaseUrl: string,
    private readonly logger: LoggerPort,
  ) {}

  readClient = () =>
    this.read('client', checkClient, SECRET).then((c) =>
      c && c.dcrBaseUrl === this.dcrBaseUrl ? { clientId: c.clientId, clientSecret: c.clientSecret } : undefined,
    );
  writeClient = (c: ClientCredentials) =>
    this.write('client', { clientId: c.clientId, clientSecret: c.clientSecret, dcrBaseUrl: this.dcrBaseUrl }, SECRET);
  readToken = () => this.read('token', checkToken, SECRET);
  writeToken = (t: AccessToken) => this.write('token', t, SECRET);
  readProvider = () => this.read('provider', checkProvider);
  writeProvider = (p: Provider) => this.write('provider', { id: p.id, displayName: p.displayName, logoUrl: p.logoUrl });
  readProfile = () => this.read('profile', checkProfile);
  writeProfile = (p: StoredProfile) =>
    this.write('profile', { mvpd: p.mvpd, notAfter: p.notAfter, attributes: p.attributes });
  removeProfile = () => this.remove('profile');
  /** Kept in the secure store: the identity hash is pseudonymous personal data. */
  readTempPass = () => this.read('tempPass', checkTempPass, SECRET);
  writeTempPass = (t: StoredTempPass) => this.write('tempPass', { mvpd: t.mvpd, identityHash: t.identityHash }, SECRET);
  removeTempPass = () => this.remove('tempPass', SECRET);
  readBudget = () => this.read('budget', checkBudget);
  writeBudget = (b: BudgetState) => this.write('budget', { burstLeft: b.burstLeft, lastSentAt: b.lastSentAt });

  /**
   * The request scheduler's memory of the device's throttling budget (what is left of Adobe's one-time
   * burst, when the last request left), so a relaunched app does not spend a burst Adobe no longer grants.
   */
  budgetStore(): BudgetStore {
    return { load: this.readBudget, save: this.writeBudget };
  }

  /** The pass client's credentials port, backed by this storage. */
  credentialsStore(): CredentialsStore {
    return {
      loadClient: this.readClient,
      saveClient: this.writeClient,
      clearClient: () => this.remove('client', SECRET),
      loadToken: this.readToken,
      saveToken: this.writeToken,
      clearToken: () => this.remove('token', SECRET),
    };
  }

  /** Entries whose last write failed (so a full store warns once, not on every token refresh). */
  private readonly failing = new Set<string>();

  private async read<T>(name: string, check: Check<T>, options?: StorageOptions): Promise<T | undefined> {
    const key = this.prefix + name;
    let reason: string;
    try {
      const data = await this.storage.get(key, options);
      if (data === undefined) return undefined;
      const value = check(data);
      if (value !== undefined) return value;
      reason = 'unexpected shape';
    } catch (error) {
      reason = error instanceof Error ? error.message : 'unknown';
    }
    this.logger.warn('Ignoring unreadable stored entry', { key, reason });
    await this.remove(name, options);
    return undefined;
  }

  private async write(name: string, data: unknown, options?: StorageOptions): Promise<void> {
    const key = this.prefix + name;
    try {
      await this.storage.set(key, data, options);
      this.failing.delete(key);
    } catch (error) {
      // Storage full or unavailable: the app still works for this run, it just forgets on restart.
      if (this.failing.has(key)) return;
      this.failing.add(key);
      this.logger.warn('Could not persist entry', { key, reason: error instanceof Error ? error.message : 'unknown' });
    }
  }

  private async remove(name: string, options?: StorageOptions): Promise<void> {
    try {
      await this.storage.remove(this.prefix + name, options);
    } catch {
      /* nothing more we can do */
    }
  }
}
