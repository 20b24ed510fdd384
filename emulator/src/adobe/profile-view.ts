/** JSON views of profiles, and synthesised degraded profiles (A15). */
import { createHash } from 'node:crypto';
import type { AdobeState, Profile } from './state';

export function profileJson(p: Pick<Profile, 'notBefore' | 'notAfter' | 'issuer' | 'type' | 'attributes'>): Record<string, unknown> {
  return { notBefore: p.notBefore, notAfter: p.notAfter, issuer: p.issuer, type: p.type, attributes: p.attributes };
}

export function degradedUserId(deviceId: string): string {
  return `95cf93bcd183214a${createHash('sha256').update(deviceId).digest('hex').slice(0, 16)}`;
}

export function degradedProfile(state: AdobeState, deviceId: string) {
  const now = state.now();
  return {
    notBefore: now,
    notAfter: now + state.settings.degradedProfileTtlMs,
    issuer: 'Adobe',
    type: 'degraded' as const,
    attributes: { userID: { value: degradedUserId(deviceId), state: 'plain' as const } },
  };
}
