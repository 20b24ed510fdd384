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
  const enc = sub.encryptedAttributes ?? [];
  for (const [k, v] of Object.entries(sub.attributes)) {
    out[k] = enc.includes(k) ? { value: Buffer.from(JSON.stringify(v), 'utf8').toString('base64'), state: 'enc' } : { value: v, state: 'plain' };
  }
  return out;
}

/** A regular profile of `mvpd` for one client + device + service provider, signed in as `sub`. */
export function regularProfile(state: AdobeState, at: { clientId: string; deviceId: string; sp: string }, mvpd: string, sub: SubscriberFixture): Profile {
  const i = state.integration(at.sp, mvpd)!;
  const now = state.now();
  return {
    key: profileKey(at.clientId, at.deviceId, at.sp, mvpd),
    clientId: at.clientId,
    deviceId: at.deviceId,
    sp: at.sp,
    mvpd,
    notBefore: now,
    notAfter: now + i.authnTtlMs,
    issuer: mvpd,
    type: 'regular',
    attributes: subscriberAttributes(sub),
    username: sub.username,
  };
}

/** Creates the regular profile for the session's client + device + sp and marks the session authenticated. */
export function completeLogin(state: AdobeState, session: Session, sub: SubscriberFixture): Profile {
  const mvpd = session.mvpd!;
  const profile = regularProfile(state, session, mvpd, sub);
  const key = profile.key;
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
