/**
 * Degraded access (spec §15) as the UI needs it: the service bypasses the MVPD for a while. A sign-in is
 * degraded when its profile's `type` is `degraded` (issuer Adobe, AuthNAll); a decision when its `source`
 * is `degradation` (AuthNAll / AuthZAll); an `AuthZNone` rule denies every title with
 * `authorization_denied_by_degradation_rule`. The app keeps working and says so in a plain line.
 */
import type { Failure, SignedInProfile } from './api';

export const DEGRADATION_DENIAL = 'authorization_denied_by_degradation_rule';

export function isDegradedProfile(profile: Pick<SignedInProfile, 'type'> | undefined): boolean {
  return profile?.type === 'degraded';
}

export function isDegradedSource(source: string | undefined): boolean {
  return source === 'degradation';
}

/** A denial made by an `AuthZNone` degradation rule, not by the MVPD. */
export function isDegradationDenial(failure: Failure | undefined): boolean {
  return failure?.code === DEGRADATION_DENIAL;
}
