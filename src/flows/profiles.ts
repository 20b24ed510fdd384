/**
 * Registration + "is the user authenticated?" (spec §17 A and B). With a cached MVPD only that
 * profile is asked for; otherwise all profiles. Several profiles are ordered by longest validity and
 * the UI chooses (checklist 14); none, or an `authenticated_profile_*` error, means "sign in" (42, 43).
 * Every profile carries its provider, resolved without a configuration call (checklist 6: the user is
 * authenticated, nothing to choose from a list). `onStep` reports progress (api.ts BootStep). With
 * `configurationWhenSignedOut` on, an answer without a profile sends the configuration request at once,
 * so the picker draws from that answer; with `firstLaunchConfiguration` on, a first launch (nothing
 * stored) sends it together with the profiles.
 */
import type { Profile } from '../pass';
import type { BootOutcome, BootStep, Result, SignedInProfile } from './api';
import { adoptProfile, forgetProfile, lastUsed, toSignedIn, type FlowContext } from './context';
import { failed, ok, toFailure } from './failure';
import { isPassError } from '../pass';
import { resumeTempPass, tempPassIdentity } from './temppass';

export async function boot(
  ctx: FlowContext,
  onStep: (step: BootStep) => void = () => undefined,
): Promise<Result<BootOutcome>> {
  onStep('registering');
  const last = await lastUsed(ctx, true);
  const storedProfile = await ctx.persistence.readProfile();

  try {
    await ctx.client.ensureToken();
  } catch (error) {
    return failed(toFailure(error));
  }

  const cachedMvpd = last?.id ?? storedProfile?.mvpd;
  onStep(cachedMvpd ? 'confirming-provider' : 'checking-provider');
  // Nothing stored: the picker is all but certain, so its configuration travels with the profiles
  // request (opt-in; never when a provider or profile is stored: checklist 6).
  if (!cachedMvpd && ctx.config.firstLaunchConfiguration) ctx.prefetchProviders();
  let profiles: Profile[];
  try {
    profiles = cachedMvpd
      ? await ctx.client.profileForMvpd(cachedMvpd, await tempPassIdentity(ctx, cachedMvpd))
      : await ctx.client.profiles();
  } catch (error) {
    if (!isPassError(error) || error.kind !== 'authentication') return failed(toFailure(error));
    profiles = [];
  }

  const ordered: SignedInProfile[] = [];
  for (const p of profiles) ordered.push(toSignedIn(p, await ctx.providerFor(p.mvpd, undefined)));
  ordered.sort((a, b) => b.notAfter - a.notAfter);
  if (ordered.length === 0) {
    // No regular profile: the TempPass last started on this TV, if still valid (temppass.ts).
    const trial = await resumeTempPass(ctx, cachedMvpd);
    if (trial) ordered.push(trial);
  }
  if (ordered.length === 0) {
    // No profile at all: where the picker comes next, its configuration leaves now instead of once the
    // page is built (the page shares this request). Nobody is signed in, so checklist 6 holds.
    if (ctx.config.configurationWhenSignedOut) ctx.prefetchProviders();
    await forgetProfile(ctx);
    return ok({ signedIn: false, profiles: [] });
  }
  if (ordered.length === 1) {
    const only = ordered[0];
    await adoptProfile(ctx, only);
    ctx.logger.info('Signed in', { mvpd: only.mvpd });
    return ok({ signedIn: true, profile: only, provider: only.provider });
  }
  ctx.state.profile = undefined;
  return ok({ signedIn: false, profiles: ordered });
}

/** The user picked one of several profiles. */
export async function chooseProfile(ctx: FlowContext, profile: SignedInProfile): Promise<void> {
  await adoptProfile(ctx, profile);
}

/**
 * Every profile the viewer can switch to without signing out (Account → "Switch provider"): `GET profiles`
 * (regular and SSO profiles), plus the adopted profile when that endpoint does not list it (TempPass and
 * degraded profiles are documented only on the per-MVPD endpoint). Longest validity first. A missing
 * profile (authentication error) is an empty list, not a failure.
 */
export async function listProfiles(ctx: FlowContext): Promise<Result<SignedInProfile[]>> {
  const current = ctx.state.profile;
  let profiles: Profile[];
  try {
    profiles = await ctx.client.profiles();
  } catch (error) {
    if (!isPassError(error) || error.kind !== 'authentication') return failed(toFailure(error));
    profiles = [];
  }
  const out: SignedInProfile[] = [];
  for (const p of profiles) {
    if (out.some((o) => o.mvpd === p.mvpd)) continue;
    const chosen = current && current.mvpd === p.mvpd ? current.provider : undefined;
    out.push(toSignedIn(p, await ctx.providerFor(p.mvpd, chosen)));
  }
  if (current && current.notAfter > ctx.clock.now() && !out.some((o) => o.mvpd === current.mvpd)) out.push(current);
  out.sort((a, b) => b.notAfter - a.notAfter);
  return ok(out);
}
