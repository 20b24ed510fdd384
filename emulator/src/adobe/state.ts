/** In-memory state of the Adobe side (emulator-decisions.md §2 "State it must keep"). */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { DEFAULT_SETTINGS, type EmulatorSettings } from '../settings';
import { shuffled } from '../random';
import { generateMvpds } from './generated-mvpds';
import type {
  DegradationRule,
  Fixtures,
  MvpdFixture,
  RegisteredApplication,
  ServiceProviderFixture,
  SubscriberFixture,
} from './fixtures';

export interface Integration {
  sp: string;
  mvpd: MvpdFixture;
  enabled: boolean;
  authnTtlMs: number;
  authzTtlMs: number;
  maxPreauthorizeResources: number;
  maxAuthorizeResources: number;
  degradation: DegradationRule | null;
  enablePlatformServices: boolean;
  displayInPlatformPicker: boolean;
}

export interface Client {
  clientId: string;
  clientSecret: string;
  softwareId: string;
  issuedAt: number;
  redirectUris: string[];
  revoked: boolean;
}

export interface AccessToken {
  token: string;
  id: string;
  clientId: string;
  createdAt: number;
  expiresAt: number;
}

export interface DeviceSnapshot {
  deviceInfo: Record<string, unknown> | null;
  userAgent: string | null;
  ip: string;
  port: number;
  secure: boolean;
}

export interface Session {
  code: string;
  sessionId: string;
  sp: string;
  clientId: string;
  deviceId: string;
  device: DeviceSnapshot;
  mvpd?: string;
  domainName?: string;
  redirectUrl?: string;
  notBefore: number;
  notAfter: number;
  state: 'pending' | 'authenticated' | 'invalidated';
  profileKey?: string;
  /** SSO identities presented when the session was created; login also creates SSO profiles for them. */
  sso?: { kind: 'platformSSO' | 'serviceTokenSSO'; subject: string }[];
}

export interface AttributeValue {
  value: unknown;
  state: 'plain' | 'enc';
}

export interface Profile {
  key: string;
  clientId: string;
  deviceId: string;
  sp: string;
  mvpd: string;
  notBefore: number;
  notAfter: number;
  issuer: string;
  type: 'regular' | 'degraded' | 'temporary' | 'appleSSO' | 'platformSSO' | 'serviceTokenSSO';
  attributes: Record<string, AttributeValue>;
  username?: string;
  invalidated?: boolean;
  /** Set on SSO profiles: the platform or service-token identity they belong to (spec §16). */
  sso?: { kind: 'platformSSO' | 'serviceTokenSSO'; subject: string };
}

export interface TempPassLedger {
  sp: string;
  mvpd: string;
  deviceIds: Set<string>;
  identityHashes: Set<string>;
  startedAt: number;
  expiresAt: number;
  usedAssets: string[];
  userId: string;
}

export const DEFAULT_AUTHN_TTL_MS = 7 * 24 * 3600 * 1000;
export const DEFAULT_AUTHZ_TTL_MS = 3600 * 1000;
// Adobe's sample codes (8ER640M, SB7ZRIO, OKTWW2W, 8BLW4RW) use every upper-case letter and digit, O/0 and I/1 included.
const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * The fixtures with `mvpdCount` providers listed by the first service provider (the app's): the standard ones
 * it integrates plus generated ones, in a shuffled configuration order. 0, or no more than the standard
 * list, leaves the fixtures as they are.
 */
export function withGeneratedMvpds(f: Fixtures, count: number): Fixtures {
  const [main, ...others] = f.serviceProviders;
  const listed = main ? main.integrations.filter((i) => i.enabled !== false).length : 0;
  if (!main || count <= listed) return f;
  const gen = generateMvpds(count - listed, f.mvpds.flatMap((m) => [m.id, m.displayName]));
  const integrations = shuffled([...main.integrations, ...gen.map((g) => ({ mvpd: g.id }))]);
  return { ...f, mvpds: [...f.mvpds, ...gen], serviceProviders: [{ ...main, integrations }, ...others] };
}

export function profileKey(clientId: string, deviceId: string, sp: string, mvpd: string): string {
  return JSON.stringify([clientId, deviceId, sp, mvpd]);
}

export class AdobeState {
  settings: EmulatorSettings = { ...DEFAULT_SETTINGS };
  integrations = new Map<string, Integration>(); // key sp|mvpd
  clients = new Map<string, Client>();
  tokens = new Map<string, AccessToken>();
  sessions = new Map<string, Session>();
  profiles = new Map<string, Profile>();
  tempPass: TempPassLedger[] = [];
  revokedStatements = new Set<string>();
  /** The fixtures as loaded from disk; `fixtures` is them plus any generated MVPDs. */
  private baseFixtures: Fixtures;

  constructor(
    public fixtures: Fixtures,
    public readonly clock: Clock,
    private readonly initialSettings: Partial<EmulatorSettings> = {},
  ) {
    this.baseFixtures = fixtures;
    this.reset(fixtures);
  }

  reset(fixtures: Fixtures = this.baseFixtures): void {
    this.baseFixtures = fixtures;
    this.settings = { ...DEFAULT_SETTINGS, ...this.initialSettings };
    this.integrations.clear();
    this.applyMvpdCount();
    this.clients.clear();
    this.tokens.clear();
    this.sessions.clear();
    this.profiles.clear();
    this.tempPass = [];
    this.revokedStatements.clear();
  }

  /**
   * Fixture switch `mvpdCount`: rebuilds the MVPD list and the integrations from the loaded fixtures plus the
   * generated providers. Integrations that stay keep their run-time state (enabled, degradation rule).
   */
  applyMvpdCount(): void {
    this.fixtures = withGeneratedMvpds(this.baseFixtures, this.settings.mvpdCount);
    const previous = new Map(this.integrations);
    this.integrations.clear();
    const fixtures = this.fixtures;
    const byId = new Map(fixtures.mvpds.map((m) => [m.id, m] as const));
    for (const sp of fixtures.serviceProviders) {
      for (const i of sp.integrations) {
        const mvpd = byId.get(i.mvpd);
        if (!mvpd) throw new Error(`fixtures: integration ${sp.id}/${i.mvpd} names an unknown MVPD`);
        const key = `${sp.id}|${mvpd.id}`;
        const kept = previous.get(key);
        if (kept) {
          this.integrations.set(key, kept);
          continue;
        }
        this.integrations.set(key, {
          sp: sp.id,
          mvpd,
          enabled: i.enabled ?? true,
          authnTtlMs: i.authnTtlMs ?? DEFAULT_AUTHN_TTL_MS,
          authzTtlMs: i.authzTtlMs ?? DEFAULT_AUTHZ_TTL_MS,
          maxPreauthorizeResources: i.maxPreauthorizeResources ?? 5,
          maxAuthorizeResources: i.maxAuthorizeResources ?? 1,
          degradation: i.degradation ?? null,
          enablePlatformServices: i.enablePlatformServices ?? false,
          displayInPlatformPicker: i.displayInPlatformPicker ?? false,
        });
      }
    }
  }

  now(): number {
    return this.clock.now();
  }

  serviceProvider(id: string): ServiceProviderFixture | undefined {
    return this.fixtures.serviceProviders.find((sp) => sp.id === id);
  }

  mvpdFixture(id: string): MvpdFixture | undefined {
    return this.fixtures.mvpds.find((m) => m.id === id);
  }

  integration(sp: string, mvpd: string): Integration | undefined {
    return this.integrations.get(`${sp}|${mvpd}`);
  }

  /** Integrations of every service provider for this MVPD (admin calls name only the MVPD). */
  integrationsOf(mvpd: string, sp?: string): Integration[] {
    return [...this.integrations.values()].filter((i) => i.mvpd.id === mvpd && (sp === undefined || i.sp === sp));
  }

  application(softwareId: string): RegisteredApplication | undefined {
    return this.fixtures.applications.find((a) => a.softwareId === softwareId);
  }

  subscriber(username: string): SubscriberFixture | undefined {
    return this.fixtures.subscribers.find((s) => s.username.toLowerCase() === username.trim().toLowerCase());
  }

  /** Drops sessions that ended more than an hour ago, so a long-running emulator does not grow without bound. */
  sweepSessions(): void {
    if (this.sessions.size < 5000) return;
    const cutoff = this.now() - 3_600_000;
    for (const [code, s] of this.sessions) if (s.notAfter < cutoff) this.sessions.delete(code);
  }

  newCode(): string {
    for (;;) {
      let code = '';
      for (let i = 0; i < 7; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
      const existing = this.sessions.get(code);
      if (!existing || existing.notAfter <= this.now()) return code;
    }
  }

  newSecret(bytes = 24): string {
    return randomBytes(bytes).toString('base64url');
  }

  newId(): string {
    return randomUUID();
  }

  /** Valid (unexpired, not invalidated) regular profile for the caller, or why not. */
  lookupProfile(clientId: string, deviceId: string, sp: string, mvpd: string): { profile?: Profile; problem?: 'missing' | 'expired' | 'invalidated' } {
    const p = this.profiles.get(profileKey(clientId, deviceId, sp, mvpd));
    if (!p) return { problem: 'missing' };
    if (p.invalidated) return { problem: 'invalidated' };
    if (p.notAfter <= this.now()) return { problem: 'expired' };
    return { profile: p };
  }

  validProfilesFor(clientId: string, deviceId: string, sp: string): Profile[] {
    const now = this.now();
    return [...this.profiles.values()].filter(
      (p) => !p.sso && p.clientId === clientId && p.deviceId === deviceId && p.sp === sp && !p.invalidated && p.notAfter > now && p.notBefore <= now,
    );
  }
}
