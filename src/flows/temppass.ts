/**
 * TempPass (spec §14; docs/pass-and-flows.md "TempPass"). A TempPass is a pseudo-MVPD: no MVPD login, no
 * activation code. Basic: the TV asks for the pass's profile (optional in Adobe's flow; the app uses it to show
 * the countdown and a used-up pass before the catalog) and adopts it; every play is an ordinary authorize, the
 * first of which starts Adobe's clock. Promotional: the same, plus `AP-TempPass-Identity` — Base64 of
 * `{"<identityKey>": "<SHA-256 hex of the viewer's email>"}` — on the profile and authorize calls. The hash
 * comes from the programmer backend's pairing (TrialPairingPort): the email is typed on the phone only.
 * Switching to a real provider later is an ordinary sign-in: the TempPass profile is never logged out.
 */
import { isPassError, type DecisionItem, type Profile } from '../pass';
import type {
  Failure,
  Result,
  SignedInProfile,
  TempPassOffer,
  TempPassStatus,
  TrialPairing,
  TrialPairingListener,
} from './api';
import { pollInterval } from './config';
import { adoptProfile, forgetProfile, toSignedIn, type FlowContext } from './context';
import { failed, failureFromItem, ok, toFailure } from './failure';
import type { TrialPairingPort } from './ports';
import type { Provider } from './api';

const HASH = /^[0-9a-f]{64}$/;
const MAX_PAIRING_FAILURES = 3;

/** Base64 of the identity JSON (§6.5); `hash` is already the programmer's SHA-256 of the email. */
export function identityHeader(hash: string, key = 'email'): string {
  return btoa(JSON.stringify({ [key]: hash }));
}

/** The header value for a pass started with `hash` (none for a plain TempPass), under the configured key. */
function identityFor(ctx: FlowContext, hash: string | undefined): string | undefined {
  return hash ? identityHeader(hash, ctx.config.tempPass?.identityKey) : undefined;
}

/** The AP-TempPass-Identity value for `mvpd`, when a promotional pass was started on this TV. */
export async function tempPassIdentity(ctx: FlowContext, mvpd: string): Promise<string | undefined> {
  const stored = await ctx.persistence.readTempPass();
  return stored && stored.mvpd === mvpd ? identityFor(ctx, stored.identityHash) : undefined;
}

function isPromotional(ctx: FlowContext, mvpd: string): boolean {
  return (ctx.config.tempPass?.promotional ?? []).indexOf(mvpd) >= 0;
}

function numberOf(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && isFinite(n) ? n : undefined;
}

export function isTempPassProfile(profile: SignedInProfile): boolean {
  return profile.type === 'temporary' || profile.provider.isTempPass;
}

/** Countdown and quota of a TempPass profile (undefined for any other profile). */
export function tempPassStatus(ctx: FlowContext, profile: SignedInProfile | undefined): TempPassStatus | undefined {
  if (!profile || !isTempPassProfile(profile)) return undefined;
  const expiry = numberOf(profile.attributes.expiration_date?.value);
  const remaining = numberOf(profile.attributes.remaining_resources?.value);
  // Adobe's times, on the device's clock.
  const offset = ctx.state.serverOffsetMs ?? 0;
  return {
    mvpd: profile.mvpd,
    kind: isPromotional(ctx, profile.mvpd) || remaining !== undefined ? 'promotional' : 'basic',
    expiresAt: (expiry !== undefined ? expiry : profile.notAfter) - offset,
    remainingResources: remaining,
  };
}

/** Length of a pass from its profile: `expiration_date` (or notAfter) minus notBefore, in whole minutes. */
function minutesOf(p: Profile): number | undefined {
  const end = numberOf(p.attributes.expiration_date?.value) ?? p.notAfter;
  if (p.notBefore === undefined || !(end > p.notBefore)) return undefined;
  return Math.max(1, Math.round((end - p.notBefore) / 60_000));
}

/**
 * What the picker offers: the configuration's TempPass MVPDs when the settings say so (promotional ones
 * only with a pairing backend). Minutes come from the settings, else from the basic pass's own profile,
 * which also tells a pass already used up on this TV (its Adobe failure is kept for the tile).
 */
export async function tempPassOffers(
  ctx: FlowContext,
  entries: Provider[],
  pairing: boolean,
): Promise<TempPassOffer[]> {
  const settings = ctx.config.tempPass;
  if (!settings || settings.offer !== true) return [];
  const offers: TempPassOffer[] = [];
  // A pass this TV started before is asked about (it may be used up); a fresh one only when its length is unknown.
  const started = (await ctx.persistence.readTempPass())?.mvpd;
  for (const provider of entries) {
    const promotional = isPromotional(ctx, provider.id);
    if (promotional && !pairing) continue;
    const offer: TempPassOffer = { provider, kind: promotional ? 'promotional' : 'basic' };
    const minutes = settings.minutes?.[provider.id];
    if (minutes !== undefined && minutes > 0) offer.minutes = minutes;
    if (!promotional && (offer.minutes === undefined || started === provider.id)) {
      try {
        const p = (await ctx.client.profileForMvpd(provider.id)).filter((x) => x.mvpd === provider.id)[0];
        if (p && offer.minutes === undefined) offer.minutes = minutesOf(p);
      } catch (error) {
        if (isPassError(error) && error.kind === 'authentication') offer.usedUp = toFailure(error);
        else
          ctx.logger.warn('TempPass profile unavailable for the picker', {
            mvpd: provider.id,
            reason: toFailure(error).kind,
          });
      }
    }
    offers.push(offer);
  }
  return offers;
}

/**
 * Start (or resume) a pass: GET profiles/{mvpd} (with the identity for a promotional one), then adopt the
 * profile. Adobe's errors come back as they are (403 `temporary_access_*`: used up; 400: identity missing).
 */
export async function startTempPass(
  ctx: FlowContext,
  provider: Provider,
  identityHash?: string,
): Promise<Result<SignedInProfile>> {
  if (identityHash !== undefined && !HASH.test(identityHash)) {
    return failed(
      failureFromItem('unknown', undefined, 'The free trial could not be started. Please try again.', true),
    );
  }
  const header = identityFor(ctx, identityHash);
  let profiles: Profile[];
  try {
    profiles = await ctx.client.profileForMvpd(provider.id, header);
  } catch (error) {
    return failed(toFailure(error));
  }
  const p = profiles.filter((x) => x.mvpd === provider.id)[0];
  if (!p)
    return failed(
      failureFromItem(
        'authentication',
        undefined,
        'The free preview is not available. Please sign in with your TV provider.',
      ),
    );
  const signedIn = toSignedIn(p, provider);
  await ctx.persistence.writeTempPass({ mvpd: provider.id, identityHash });
  await adoptProfile(ctx, signedIn);
  ctx.logger.info('TempPass started', { mvpd: provider.id, promotional: identityHash !== undefined });
  return ok(signedIn);
}

/**
 * After a TempPass permit: learn Adobe's clock from the decision (its `notBefore` is Adobe's "now"), so the
 * countdown and the player's stop follow Adobe's expiry even on a TV whose clock is off; then re-read the
 * profile (the first authorize started the clock; the promotional quota changed).
 */
export async function refreshTempPass(ctx: FlowContext, mvpd: string, decision?: DecisionItem): Promise<void> {
  const serverNow = decision ? (decision.notBefore ?? decision.token?.notBefore) : undefined;
  if (serverNow !== undefined) ctx.state.serverOffsetMs = serverNow - ctx.clock.now();
  try {
    const fresh = (await ctx.client.profileForMvpd(mvpd, await tempPassIdentity(ctx, mvpd))).filter(
      (p) => p.mvpd === mvpd,
    )[0];
    const current = ctx.state.profile;
    if (fresh && current && current.mvpd === mvpd) {
      ctx.state.profile = toSignedIn(fresh, current.provider);
      await ctx.persistence.writeProfile(ctx.state.profile);
    }
  } catch (error) {
    ctx.logger.warn('TempPass profile re-read failed', { reason: toFailure(error).kind });
  }
}

/** Boot found no regular profile: the TempPass last started on this TV, if it is still valid. */
export async function resumeTempPass(
  ctx: FlowContext,
  alreadyAsked: string | undefined,
): Promise<SignedInProfile | undefined> {
  const stored = await ctx.persistence.readTempPass();
  if (!stored || stored.mvpd === alreadyAsked) return undefined;
  try {
    const p = (await ctx.client.profileForMvpd(stored.mvpd, identityFor(ctx, stored.identityHash))).filter(
      (x) => x.mvpd === stored.mvpd,
    )[0];
    return p ? toSignedIn(p, await ctx.providerFor(p.mvpd, undefined)) : undefined;
  } catch (error) {
    ctx.logger.info('TempPass not resumed', { reason: toFailure(error).kind });
    return undefined;
  }
}

/** The pass ran out while watching: forget it on this TV (no logout: Adobe keeps the profile). */
export async function endTempPass(ctx: FlowContext): Promise<void> {
  const profile = ctx.state.profile;
  if (profile && isTempPassProfile(profile)) await forgetProfile(ctx);
}

/**
 * Promotional pass: a pairing code from the programmer backend, shown on the TV with the phone URL; polled
 * every 3–5 s until the phone has sent the email (the backend answers with its hash) or the code expires.
 */
export function pairPromotional(
  ctx: FlowContext,
  port: TrialPairingPort,
  provider: Provider,
  listener: TrialPairingListener,
): TrialPairing {
  let stopped = false;
  let timer: unknown;
  let failures = 0;
  const interval = pollInterval(ctx.config);
  const fail = (failure: Failure) => {
    if (!stopped) listener.onFailure(failure);
    stopped = true;
  };
  const expired = (): Failure => ({
    kind: 'expired-code',
    message: 'This code has expired. A new code is needed.',
    retryable: true,
  });

  const poll = async (code: string, notAfter: number): Promise<void> => {
    timer = undefined;
    if (stopped) return;
    if (ctx.clock.now() >= notAfter) return fail(expired());
    let answer: Awaited<ReturnType<TrialPairingPort['check']>>;
    try {
      answer = await port.check(code);
      failures = 0;
    } catch {
      failures += 1;
      if (failures >= MAX_PAIRING_FAILURES)
        return fail({
          kind: 'network',
          message: 'The free trial service cannot be reached. Please try again.',
          retryable: true,
        });
      return schedule(code, notAfter);
    }
    if (stopped) return;
    if (answer.status === 'expired') return fail(expired());
    if (answer.status === 'pending') return schedule(code, notAfter);
    stopped = true;
    const started = await startTempPass(ctx, provider, answer.identityHash);
    if (started.ok) listener.onSignedIn(started.value);
    else listener.onFailure(started.failure);
  };
  const schedule = (code: string, notAfter: number) => {
    if (!stopped) timer = ctx.timers.setTimeout(() => void poll(code, notAfter), interval);
  };

  void port.create().then(
    ({ code, notAfter }) => {
      if (stopped) return;
      const base = ctx.config.secondScreenUrl.replace(/\/+$/, '');
      listener.onCode({
        code,
        activationUrl: `${base}/trial?code=${encodeURIComponent(code)}`,
        shortUrl: `${ctx.config.secondScreenShortUrl.replace(/\/+$/, '')}/trial`,
        notAfter,
      });
      schedule(code, notAfter);
    },
    () =>
      fail({
        kind: 'network',
        message: 'The free trial service cannot be reached. Please try again.',
        retryable: true,
      }),
  );
  return {
    stop() {
      stopped = true;
      if (timer !== undefined) ctx.timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}
