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
  /** In memory only: the chosen profile and the provider the user picked (also persisted). */
  state: { profile?: SignedInProfile; provider?: Provider };
  /** Called whenever the signed-in profile changes (preauthorization permits belong to a profile). */
  onProfileChange(): void;
}

export function toSignedIn(profile: Profile): SignedInProfile {
  return { mvpd: profile.mvpd, notAfter: profile.notAfter, type: profile.type, attributes: profile.attributes };
}

/** Adopt a profile: keep it in memory, persist its useful parts (checklist 12). */
export async function adoptProfile(ctx: FlowContext, profile: SignedInProfile): Promise<void> {
  ctx.state.profile = profile;
  ctx.onProfileChange();
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
