/**
 * User-initiated logout (spec §17 F, checklist 26–27). Follows every returned entry: `logout` → a URL
 * the user may open elsewhere (a TV usually has no browser), `partner_logout` → system sign-out
 * instructions, `complete`/`invalid` → nothing more. Clears the cached profile parts; keeps the chosen
 * provider so signing in again is one step. Nothing in this package calls it automatically.
 */
import { isPassError } from '../pass';
import type { Failure, LogoutOutcome, Result } from './api';
import { forgetProfile, type FlowContext } from './context';
import { failed, ok, toFailure } from './failure';

export async function logout(ctx: FlowContext): Promise<Result<LogoutOutcome>> {
  const mvpd = ctx.state.profile?.mvpd ?? (await ctx.persistence.readProfile())?.mvpd;
  if (!mvpd) {
    const failure: Failure = { kind: 'authentication', message: 'Nobody is signed in.', retryable: false };
    return failed(failure);
  }
  try {
    const entries = await ctx.client.logout(mvpd, ctx.config.redirectUrl);
    const outcome: LogoutOutcome = { followUpUrls: [], partnerSignOut: false };
    for (const entry of entries) {
      if (entry.actionName === 'logout' && entry.url) outcome.followUpUrls.push(entry.url);
      else if (entry.actionName === 'partner_logout') outcome.partnerSignOut = true;
      // complete / invalid / unknown future values: nothing more to do
    }
    await forgetProfile(ctx);
    return ok(outcome);
  } catch (error) {
    // The profile is already gone on Adobe's side: locally signed out as well.
    if (isPassError(error) && error.kind === 'authentication') {
      await forgetProfile(ctx);
      return ok({ followUpUrls: [], partnerSignOut: false });
    }
    return failed(toFailure(error));
  }
}
