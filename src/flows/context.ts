/** Shared state of one PassFlows instance: the client, persistence, ports and the signed-in profile. */
import type { PassClient, Profile } from '../pass';
import type { Provider, SignedInProfile } from './api';
import type { PassFlowsConfig } from './config';
import type { ClockPort, LoggerPort, TimersPort } from './ports';
import type { Persistence } from './storage';

export interface FlowContext {
  config: PassFlowsConfig;
  client: PassClient;
  persistence: Persistence;
  clock: ClockPort;
  timers: TimersPort;
  logger: LoggerPort;
  sleep: (ms: number) => Promise<void>;
  /**
   * In memory: the adopted profile (it carries its provider) and the provider last signed in with, as
   * persisted (`lastUsedLoaded` once storage was read; boot() reads it again).
   */
  state: {
    profile?: SignedInProfile;
    lastUsed?: Provider;
    lastUsedLoaded?: boolean;
    /** Adobe's clock minus the device's, learned from a TempPass decision (temppass.ts); 0 until then. */
    serverOffsetMs?: number;
  };
  /** The provider a profile of `mvpd` belongs to (ProviderList.providerFor; never a network call). */
  providerFor(mvpd: string, chosen: Provider | undefined): Promise<Provider>;
  /** Start the picker's configuration request now, unless it is cached or on its way (ProviderList.prefetch). */
  prefetchProviders(): void;
  /** Called whenever the signed-in profile changes (preauthorization permits belong to a profile). */
  onProfileChange(): void;
}

export function toSignedIn(profile: Profile, provider: Provider): SignedInProfile {
  return { mvpd: profile.mvpd, notAfter: profile.notAfter, type: profile.type, attributes: profile.attributes, provider };
}

/** The persisted last-used provider, read from storage once per boot. */
export async function lastUsed(ctx: FlowContext, reread = false): Promise<Provider | undefined> {
  if (reread || !ctx.state.lastUsedLoaded) {
    const stored = await ctx.persistence.readProvider();
    ctx.state.lastUsed = stored ? providerFromStored(stored) : undefined;
    ctx.state.lastUsedLoaded = true;
  }
  return ctx.state.lastUsed;
}

/**
 * Adopt a profile: keep it in memory, persist its useful parts (checklist 12) and the provider it is
 * signed in with (checklist 7). The provider is written only when it differs from the persisted one,
 * so a sign-in writes it once and a relaunch that finds the same profile writes nothing.
 */
export async function adoptProfile(ctx: FlowContext, profile: SignedInProfile): Promise<void> {
  ctx.state.profile = profile;
  ctx.onProfileChange();
  const known = await lastUsed(ctx);
  // A TempPass is not a provider the viewer signed in with: "last used" keeps the real one (sign-in offer).
  if (!profile.provider.isTempPass && !sameStored(known, profile.provider)) {
    ctx.state.lastUsed = profile.provider;
    await ctx.persistence.writeProvider(profile.provider);
  }
  await ctx.persistence.writeProfile({ mvpd: profile.mvpd, notAfter: profile.notAfter, attributes: profile.attributes });
}

/** Forget the profile locally (after logout, or when Adobe says the user must authenticate). */
export async function forgetProfile(ctx: FlowContext): Promise<void> {
  ctx.state.profile = undefined;
  ctx.onProfileChange();
  await ctx.persistence.removeProfile();
}

export function providerFromStored(stored: { id: string; displayName: string; logoUrl?: string }): Provider {
  return { id: stored.id, displayName: stored.displayName, logoUrl: stored.logoUrl, isTempPass: false, isProxy: false };
}

/** Equal as far as storage is concerned (id, displayName, logoUrl). */
function sameStored(a: Provider | undefined, b: Provider): boolean {
  return !!a && a.id === b.id && a.displayName === b.displayName && a.logoUrl === b.logoUrl;
}
