/**
 * User-initiated logout (spec §5.11, §17 F, checklist 26–27). Follows every returned entry by its
 * `actionName` AND its `actionType`:
 *  - `interactive` (with a url): the MVPD's logout page is meant for a user agent. A TV without a browser
 *    is done — the MVPD session lived in the browser that signed in, not on the TV (cookbook); a device
 *    that can open a browser gets the url in `followUpUrls`.
 *  - `partner_logout` / `partner_interactive`: also sign out at system level (partner SSO).
 *  - `none` (`complete`, `invalid`) and anything unknown: nothing more to do.
 * The outcome's `notice` and `message` tell the page what to say. Clears the cached profile parts; keeps
 * the chosen provider so signing in again is one step. Nothing in this package calls it automatically.
 */
import { isPassError, type LogoutEntry } from '../pass';
import type { Failure, LogoutNotice, LogoutOutcome, Result } from './api';
import { forgetProfile, type FlowContext } from './context';
import { failed, ok, toFailure } from './failure';

export const LOGOUT_MESSAGES: Record<LogoutNotice, string> = {
  'signed-out': 'You are signed out of your TV provider on this TV.',
  'finish-in-browser': 'You are signed out on this TV. Your TV provider’s page will open to finish signing out there.',
  'partner-sign-out': 'You are signed out of this app. To sign out of your TV provider on this device too, use the TV provider entry in the system settings.',
};

export interface LogoutOptions {
  /** The device can open a URL in a browser (a TV usually cannot). Default false. */
  canOpenBrowser?: boolean;
}

/** `actionType` is required, but an answer without it is read as the type its `actionName` documents. */
function documentedType(actionName: string): string {
  if (actionName === 'logout') return 'interactive';
  if (actionName === 'partner_logout') return 'partner_interactive';
  return 'none';
}

/** The outcome for a list of entries; pure, so the rules are easy to read and test. */
export function logoutOutcome(entries: LogoutEntry[], options: LogoutOptions = {}): LogoutOutcome {
  const followUpUrls: string[] = [];
  let partnerSignOut = false;
  for (const entry of entries) {
    const type = entry.actionType ?? documentedType(entry.actionName);
    if (entry.actionName === 'partner_logout' || type === 'partner_interactive') partnerSignOut = true;
    else if (type === 'interactive' && entry.url && options.canOpenBrowser) followUpUrls.push(entry.url);
    // `interactive` on a device without a browser, `none`, `direct` and unknown values: nothing to follow.
  }
  const notice: LogoutNotice = partnerSignOut ? 'partner-sign-out' : followUpUrls.length > 0 ? 'finish-in-browser' : 'signed-out';
  return { followUpUrls, partnerSignOut, notice, message: LOGOUT_MESSAGES[notice] };
}

export async function logout(ctx: FlowContext, options: LogoutOptions = {}): Promise<Result<LogoutOutcome>> {
  const mvpd = ctx.state.profile?.mvpd ?? (await ctx.persistence.readProfile())?.mvpd;
  if (!mvpd) {
    const failure: Failure = { kind: 'authentication', message: 'Nobody is signed in.', retryable: false };
    return failed(failure);
  }
  try {
    const entries = await ctx.client.logout(mvpd, ctx.config.redirectUrl);
    const outcome = logoutOutcome(entries, options);
    await forgetProfile(ctx);
    ctx.logger.info('Signed out', { mvpd, actions: entries.map((e) => `${e.actionName}/${e.actionType ?? '-'}`).join(',') });
    return ok(outcome);
  } catch (error) {
    // The profile is already gone on Adobe's side: locally signed out as well.
    if (isPassError(error) && error.kind === 'authentication') {
      await forgetProfile(ctx);
      return ok(logoutOutcome([], options));
    }
    return failed(toFailure(error));
  }
}
