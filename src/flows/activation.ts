/**
 * Second-screen activation (spec §17 C, checklist 9–11): create a session, show the code, poll
 * `profiles/code/{code}` every 3–5 s from the moment the code is shown; stop on the profile, at the
 * code's notAfter, on a new code and on stop(). After expiry ONE new code is requested automatically
 * (`maxAutoRenewals`, default 1); when that one expires too, polling stops and the listener hears a
 * retryable `expired-code` failure: the screen offers "Get a new code" (a TV left on the code screen
 * must not poll for hours; the cookbook has the user restart). `newCode()` is a user action and starts
 * the allowance again. An `authorize` answer means the user is already entitled (signed in directly).
 *
 * Every asynchronous step checks its `generation`: once a code is abandoned nothing about it runs.
 */
import { isPassError, type Profile } from '../pass';
import type { Activation, ActivationCode, ActivationListener, Provider } from './api';
import { pollInterval } from './config';
import { adoptProfile, toSignedIn, type FlowContext } from './context';
import { failureFromItem, toFailure } from './failure';
import { tempPassIdentity } from './temppass';

const DEFAULT_WINDOW_MS = 30 * 60_000;
/** Transient polling failures tolerated in a row (each already retried by the pass client). */
const MAX_POLL_FAILURES = 3;
/** Automatic new codes after an expiry before the flows stop and wait for the user (issue 16). */
export const DEFAULT_AUTO_RENEWALS = 1;
/** What the listener hears when the automatic renewal is used up: the code screen offers a new code. */
export const CODES_EXPIRED_MESSAGE = 'The activation code expired. Choose Get a new code to try again.';

export function startActivation(ctx: FlowContext, provider: Provider | undefined, listener: ActivationListener): Activation {
  const interval = pollInterval(ctx.config);
  const maxRenewals = Math.max(0, ctx.config.maxAutoRenewals ?? DEFAULT_AUTO_RENEWALS);
  let generation = 0;
  let stopped = false;
  let timer: unknown;
  let current: { code: ActivationCode; expiresAt: number } | undefined;
  let pollFailures = 0;
  let renewals = 0;

  const live = (gen: number) => gen === generation && !stopped;

  const clearTimer = () => {
    if (timer !== undefined) ctx.timers.clearTimeout(timer);
    timer = undefined;
  };

  const abandon = () => {
    generation += 1;
    clearTimer();
    current = undefined;
    pollFailures = 0;
  };

  async function create(gen: number): Promise<void> {
    let action;
    try {
      action = await ctx.client.createSession(
        {
          mvpd: provider?.id, // absent: the second screen asks for the provider
          domainName: ctx.config.domainName,
          redirectUrl: ctx.config.redirectUrl,
        },
        // Still queued when the screen closed (or a newer code was asked for): never sent.
        { shouldContinue: () => live(gen) },
      );
    } catch (error) {
      if (live(gen)) listener.onFailure(toFailure(error));
      return;
    }
    if (!live(gen)) return;
    if (action.actionName === 'authorize') return signInDirectly(gen);
    if (!action.code) return listener.onFailure(failureFromItem('malformed', undefined, 'No activation code was returned.', true));

    const now = ctx.clock.now();
    // The window is measured on the device clock (TV clocks drift); notAfter - notBefore is server-relative.
    const windowMs =
      action.notAfter !== undefined && action.notBefore !== undefined
        ? action.notAfter - action.notBefore
        : action.notAfter !== undefined
          ? action.notAfter - now
          : DEFAULT_WINDOW_MS;
    if (windowMs <= 0) return listener.onFailure(failureFromItem('expired-code', undefined, 'The activation code expired at once.', true));
    const code: ActivationCode = {
      code: action.code,
      activationUrl: `${ctx.config.secondScreenUrl.replace(/\/+$/, '')}/?code=${encodeURIComponent(action.code)}`,
      shortUrl: ctx.config.secondScreenShortUrl,
      notAfter: action.notAfter ?? now + windowMs,
      provider,
    };
    current = { code, expiresAt: now + windowMs };
    listener.onCode(code);
    schedule(gen); // checklist 9: polling starts as soon as the code is shown
  }

  /** Sessions said `authorize`: a profile already exists (authenticated, TempPass, degraded, SSO). */
  async function signInDirectly(gen: number): Promise<void> {
    try {
      const options = { shouldContinue: () => live(gen) };
      const profiles = provider
        ? await ctx.client.profileForMvpd(provider.id, await tempPassIdentity(ctx, provider.id), options)
        : await ctx.client.profiles(options);
      if (!live(gen)) return;
      if (profiles.length === 0)
        return listener.onFailure(failureFromItem('authentication', undefined, 'Please sign in with your TV provider.', true));
      await finish(gen, profiles);
    } catch (error) {
      if (live(gen)) listener.onFailure(toFailure(error));
    }
  }

  function schedule(gen: number): void {
    if (!current) return;
    const remaining = current.expiresAt - ctx.clock.now();
    // Less than one interval left: the next event is the expiry itself, never a last-instant poll. A timer that
    // fires a few ms early must not turn into an extra poll faster than the cadence or past notAfter (checklist 10–11).
    if (remaining < interval) {
      timer = ctx.timers.setTimeout(() => expire(gen), Math.max(0, remaining));
      return;
    }
    timer = ctx.timers.setTimeout(() => guard(poll(gen)), interval);
  }

  async function poll(gen: number): Promise<void> {
    timer = undefined;
    if (!live(gen) || !current) return;
    if (ctx.clock.now() >= current.expiresAt) return expire(gen); // checklist 10: never poll past notAfter
    let profiles: Profile[];
    try {
      profiles = await ctx.client.profileForCode(current.code.code, () => live(gen));
    } catch (error) {
      if (!live(gen)) return;
      if (isPassError(error) && error.kind === 'expired-code') return expire(gen);
      pollFailures += 1;
      if (isPassError(error) && error.retryable && pollFailures < MAX_POLL_FAILURES) return schedule(gen);
      abandon();
      return listener.onFailure(toFailure(error));
    }
    if (!live(gen)) return;
    pollFailures = 0;
    if (profiles.length > 0) return finish(gen, profiles);
    schedule(gen);
  }

  async function finish(gen: number, profiles: Profile[]): Promise<void> {
    const chosen = profiles.filter((p) => p.mvpd === provider?.id)[0] ?? profiles[0];
    abandon();
    stopped = true;
    // Chosen on the phone (no provider here): the flows learn which one from the profile.
    const profile = toSignedIn(chosen, await ctx.providerFor(chosen.mvpd, provider));
    await adoptProfile(ctx, profile); // persists the provider: once per sign-in (checklist 7)
    ctx.logger.info('Activation complete', { mvpd: profile.mvpd, generation: gen });
    listener.onSignedIn(profile, profile.provider);
  }

  function expire(gen: number): void {
    timer = undefined;
    if (!live(gen) || !current) return;
    const expired = current.code;
    abandon();
    listener.onExpired(expired);
    if (stopped) return; // the listener may have called stop()
    if (renewals >= maxRenewals) {
      // Used up: nothing is polled or scheduled any more until the user asks for a new code.
      stopped = true;
      ctx.logger.info('Activation codes expired; waiting for the user', { renewals });
      return listener.onFailure(failureFromItem('expired-code', undefined, CODES_EXPIRED_MESSAGE, true));
    }
    renewals += 1;
    guard(create(generation));
  }

  /** Background steps must never become unhandled rejections (e.g. a listener that throws). */
  function guard(step: Promise<void>): void {
    step.catch((error: unknown) =>
      ctx.logger.error('Activation step failed', { reason: error instanceof Error ? error.message : 'unknown' }),
    );
  }

  guard(create(generation));

  return {
    async newCode() {
      stopped = false;
      renewals = 0;
      abandon(); // the old code is never polled again (checklist 10)
      await create(generation);
    },
    stop() {
      stopped = true;
      abandon();
    },
    remainingMs() {
      return current ? Math.max(0, current.expiresAt - ctx.clock.now()) : 0;
    },
  };
}
