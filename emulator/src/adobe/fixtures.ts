/** Typed loading of the editable JSON fixtures in emulator/fixtures/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TempPassConfig {
  kind: 'basic' | 'promotional';
  ttlMs: number;
  maxResources?: number;
  /** Key of the AP-TempPass-Identity JSON that identifies the user (promotional). */
  identityKey?: string;
}

export interface MvpdFixture {
  id: string;
  displayName: string;
  color: string;
  hasLogoutEndpoint: boolean;
  isProxy?: boolean;
  proxiedBy?: string;
  platformMappingId?: string;
  boardingStatus?: string;
  tempPass?: TempPassConfig;
  /** Set on providers made by the `mvpdCount` fixture switch (generated-mvpds.ts). */
  generated?: boolean;
  /** false: no logo (the configuration carries no logoUrl). Default true. */
  hasLogo?: boolean;
}

export type DegradationRule = 'AuthNAll' | 'AuthZAll' | 'AuthZNone';

export interface IntegrationFixture {
  mvpd: string;
  enabled?: boolean;
  authnTtlMs?: number;
  authzTtlMs?: number;
  maxPreauthorizeResources?: number;
  maxAuthorizeResources?: number;
  degradation?: DegradationRule | null;
  enablePlatformServices?: boolean;
  displayInPlatformPicker?: boolean;
}

export interface ServiceProviderFixture {
  id: string;
  name: string;
  domains: { name: string; mvpdInitiated: boolean }[];
  integrations: IntegrationFixture[];
}

export interface Denial {
  message: string;
  details?: string;
}

export interface SubscriberFixture {
  username: string;
  password: string;
  displayName: string;
  mvpds: '*' | string[];
  attributes: Record<string, unknown> & { userID: string };
  entitlements: string[];
  denials?: Record<string, Denial>;
  /**
   * Attribute keys the MVPD sends encrypted (`state: "enc"`): the value travels Base64-encoded, standing in
   * for encryption with the Programmer's certificate (the TV must show it as protected, never decode it).
   */
  encryptedAttributes?: string[];
}

export interface RegisteredApplication {
  softwareId: string;
  clientName: string;
  serviceProviders: string[];
  status: 'approved' | 'unapproved';
  redirectUris: string[];
}

export interface Fixtures {
  mvpds: MvpdFixture[];
  serviceProviders: ServiceProviderFixture[];
  subscribers: SubscriberFixture[];
  applications: RegisteredApplication[];
  statements: Record<string, string>;
  statementKey: Record<string, unknown>;
}

export const DEFAULT_FIXTURES_DIR = join(__dirname, '..', '..', 'fixtures');

function read<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
}

export function loadFixtures(dir: string = DEFAULT_FIXTURES_DIR): Fixtures {
  return {
    mvpds: read<{ mvpds: MvpdFixture[] }>(dir, 'mvpds.json').mvpds,
    serviceProviders: read<{ serviceProviders: ServiceProviderFixture[] }>(dir, 'service-providers.json').serviceProviders,
    subscribers: read<{ subscribers: SubscriberFixture[] }>(dir, 'subscribers.json').subscribers,
    applications: read<{ applications: RegisteredApplication[] }>(dir, 'registered-applications.json').applications,
    statements: read<{ statements: Record<string, string> }>(dir, 'software-statements.json').statements,
    statementKey: read<Record<string, unknown>>(dir, 'statement-signing-key.public.json'),
  };
}
