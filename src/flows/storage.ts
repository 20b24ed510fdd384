/**
 * The only things the TV persists (design.md "What is persisted"): DCR client credentials, the access
 * token with its expiry, the selected MVPD (id, displayName, logoUrl) and the profile parts (mvpd,
 * attributes, notAfter), and the request scheduler's throttling budget (burst left, last send time; no
 * secret). The device id is the platform's. Entries are versioned JSON; anything
 * unreadable, of another version, or of the wrong shape is treated as absent (and removed), never a crash.
 */
import type { AccessToken, BudgetState, BudgetStore, ClientCredentials, CredentialsStore } from '../pass';
import type { ProfileAttribute, Provider } from './api';
import type { LoggerPort, StoragePort } from './ports';

const VERSION = 1;

export interface StoredProfile {
  mvpd: string;
  notAfter: number;
  attributes: Record<string, ProfileAttribute>;
}

type Check<T> = (data: unknown) => T | undefined;

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
    this.read('client', checkClient).then((c) =>
      c && c.dcrBaseUrl === this.dcrBaseUrl ? { clientId: c.clientId, clientSecret: c.clientSecret } : undefined,
    );
  writeClient = (c: ClientCredentials) =>
    this.write('client', { clientId: c.clientId, clientSecret: c.clientSecret, dcrBaseUrl: this.dcrBaseUrl });
  readToken = () => this.read('token', checkToken);
  writeToken = (t: AccessToken) => this.write('token', t);
  readProvider = () => this.read('provider', checkProvider);
  writeProvider = (p: Provider) => this.write('provider', { id: p.id, displayName: p.displayName, logoUrl: p.logoUrl });
  readProfile = () => this.read('profile', checkProfile);
  writeProfile = (p: StoredProfile) => this.write('profile', { mvpd: p.mvpd, notAfter: p.notAfter, attributes: p.attributes });
  removeProfile = () => this.remove('profile');
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
      clearClient: () => this.remove('client'),
      loadToken: this.readToken,
      saveToken: this.writeToken,
      clearToken: () => this.remove('token'),
    };
  }

  private async read<T>(name: string, check: Check<T>): Promise<T | undefined> {
    const key = this.prefix + name;
    try {
      const raw = await this.storage.get(key);
      if (raw === undefined || raw === null) return undefined;
      // Some storage layers hand back parsed JSON, others the string we wrote.
      const entry: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
      const value = isObj(entry) && entry.v === VERSION ? check(entry.data) : undefined;
      if (value === undefined) throw new Error('unexpected shape or version');
      return value;
    } catch (error) {
      this.logger.warn('Ignoring unreadable stored entry', { key, reason: error instanceof Error ? error.message : 'unknown' });
      await this.remove(name);
      return undefined;
    }
  }

  private async write(name: string, data: unknown): Promise<void> {
    try {
      await this.storage.set(this.prefix + name, JSON.stringify({ v: VERSION, data }));
    } catch (error) {
      // Storage full or unavailable: the app still works for this run, it just forgets on restart.
      this.logger.warn('Could not persist entry', { key: this.prefix + name, reason: error instanceof Error ? error.message : 'unknown' });
    }
  }

  private async remove(name: string): Promise<void> {
    try {
      await this.storage.remove(this.prefix + name);
    } catch {
      /* nothing more we can do */
    }
  }
}
