/** What a successful MVPD login does (mock MVPD page and the admin "complete session" call share it). */
import type { SubscriberFixture } from './fixtures';
import type { AdobeState, AttributeValue, Profile, Session } from './state';
import { profileKey } from './state';

export type SessionProblem = 'unknown' | 'expired' | 'invalidated' | 'incomplete' | 'integration';

/** A session can be logged into while it is live, complete (mvpd/domain/redirect known) and its integration active. */
export function sessionProblem(state: AdobeState, session: Session | undefined): SessionProblem | null {
  if (!session) return 'unknown';
  if (session.state === 'invalidated') return 'invalidated';
  if (session.notAfter <= state.now()) return 'expired';
  if (!session.mvpd || !session.domainName || !session.redirectUrl) return 'incomplete';
  const i = state.integration(session.sp, session.mvpd);
  if (!i || !i.enabled || i.mvpd.tempPass) return 'integration';
  return null;
}

export function subscriberMayUse(sub: SubscriberFixture, mvpd: string): boolean {
  return sub.mvpds === '*' || sub.mvpds.includes(mvpd);
}

/** Checks credentials; returns the subscriber or null (never says which part was wrong, like a real login page). */
export function checkCredentials(state: AdobeState, mvpd: string, username: string, password: string): SubscriberFixture | null {
  const sub = state.subscriber(username);
  if (!sub || sub.password !== password || !subscriberMayUse(sub, mvpd)) return null;
  return sub;
}

export function subscriberAttributes(sub: SubscriberFixture): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(sub.attributes)) out[k] = { value: v, state: 'plain' };
  return out;
}

/** Creates the regular profile for the session's client + device + sp and marks the session authenticated. */
export function completeLogin(state: AdobeState, session: Session, sub: SubscriberFixture): Profile {
  const mvpd = session.mvpd!;
  const i = state.integration(session.sp, mvpd)!;
  const now = state.now();
  const key = profileKey(session.clientId, session.deviceId, session.sp, mvpd);
  const profile: Profile = {
    key,
    clientId: session.clientId,
    deviceId: session.deviceId,
    sp: session.sp,
    mvpd,
    notBefore: now,
    notAfter: now + i.authnTtlMs,
    issuer: mvpd,
    type: 'regular',
    attributes: subscriberAttributes(sub),
    username: sub.username,
  };
  state.profiles.set(key, profile);
  // Logins made with an SSO identity also create the SSO profile other apps with that identity will find.
  for (const s of session.sso ?? []) {
    const ssoKey = JSON.stringify(['sso', s.kind, s.subject, mvpd]);
    state.profiles.set(ssoKey, {
      ...profile,
      key: ssoKey,
      type: s.kind,
      sso: s,
      attributes: { ...profile.attributes, mvpd: { value: mvpd, state: 'plain' } },
    });
  }
  session.state = 'authenticated';
  session.profileKey = key;
  return profile;
}
