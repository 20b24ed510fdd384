/**
 * Registration + "is the user authenticated?" (spec §17 A and B). With a cached MVPD only that
 * profile is asked for; otherwise all profiles. Several profiles are ordered by longest validity and
 * the UI chooses (checklist 14); none, or an `authenticated_profile_*` error, means "sign in" (42, 43).
 */
import type { Profile } from '../pass';
import type { BootOutcome, Provider, Result, SignedInProfile } from './api';
import { adoptProfile, forgetProfile, providerFromStored, toSignedIn, type FlowContext } from './context';
import { failed, ok, toFailure } from './failure';
import { isPassError } from '../pass';

export async function boot(ctx: FlowContext): Promise<Result<BootOutcome>> {
  const stored = await ctx.persistence.readProvider();
  const storedProfile = await ctx.persistence.readProfile();
  const lastProvider = stored ? providerFromStored(stored) : undefined;
  if (lastProvider) ctx.state.provider = lastProvider;

  try {
    await ctx.client.ensureToken();
  } catch (error) {
    return failed(toFailure(error));
  }

  const cachedMvpd = lastProvider?.id ?? storedProfile?.mvpd;
  let profiles: Profile[];
  try {
    profiles = cachedMvpd ? await ctx.client.profileForMvpd(cachedMvpd) : await ctx.client.profiles();
  } catch (error) {
    if (!isPassError(error) || error.kind !== 'authentication') return failed(toFailure(error));
    profiles = [];
  }

  const ordered = profiles.map(toSignedIn).sort((a, b) => b.notAfter - a.notAfter);
  if (ordered.length === 0) {
    await forgetProfile(ctx);
    return ok({ signedIn: false, lastProvider, profiles: [] });
  }
  if (ordered.length === 1) {
    await adoptProfile(ctx, ordered[0]);
    ctx.logger.info('Signed in', { mvpd: ordered[0].mvpd });
    return ok({ signedIn: true, profile: ordered[0], provider: matchingProvider(ctx, ordered[0]) });
  }
  ctx.state.profile = undefined;
  return ok({ signedIn: false, lastProvider, profiles: ordered });
}

/** The user picked one of several profiles. */
export async function chooseProfile(ctx: FlowContext, profile: SignedInProfile): Promise<void> {
  await adoptProfile(ctx, profile);
}

export function matchingProvider(ctx: FlowContext, profile: SignedInProfile): Provider | undefined {
  return ctx.state.provider && ctx.state.provider.id === profile.mvpd ? ctx.state.provider : undefined;
}
