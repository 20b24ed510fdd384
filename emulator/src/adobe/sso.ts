/**
 * Platform-identity and service-token single sign-on (spec §16), in the small: the identity headers are read but
 * not cryptographically verified (the emulator holds no platform or programmer keys). A login made with such a
 * header also creates an SSO profile bound to that identity, which other apps presenting the same identity see.
 * Missing or unreadable headers simply mean "no SSO" (the request is still served).
 */
import type { FastifyRequest } from 'fastify';
import { header } from './request';
import type { AdobeState, Profile } from './state';

export type SsoKind = 'platformSSO' | 'serviceTokenSSO';
export interface SsoSubject {
  kind: SsoKind;
  subject: string;
}

function jwtPayload(token: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const v = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function ssoSubjects(state: AdobeState, req: FastifyRequest): SsoSubject[] {
  const out: SsoSubject[] = [];
  const platform = header(req, 'adobe-subject-token') ?? header(req, 'x-roku-reserved-roku-connect-token');
  if (platform && platform.trim()) {
    const p = jwtPayload(platform.trim());
    out.push({ kind: 'platformSSO', subject: typeof p?.sub === 'string' ? p.sub : platform.trim() });
  }
  const service = header(req, 'ad-service-token');
  const s = service ? jwtPayload(service.trim()) : null;
  const notExpired = typeof s?.exp !== 'number' || s.exp * 1000 > state.now();
  if (s && typeof s.sub === 'string' && s.sub !== '' && notExpired) {
    out.push({ kind: 'serviceTokenSSO', subject: `${typeof s.iss === 'string' ? s.iss : ''}/${s.sub}` });
  }
  return out;
}

export function ssoKey(kind: SsoKind, subject: string, mvpd: string): string {
  return JSON.stringify(['sso', kind, subject, mvpd]);
}

/** Valid SSO profiles for these identities (optionally for one MVPD). */
export function ssoProfiles(state: AdobeState, subjects: SsoSubject[], mvpd?: string): Profile[] {
  const now = state.now();
  const out: Profile[] = [];
  for (const s of subjects) {
    for (const p of state.profiles.values()) {
      if (p.sso?.kind === s.kind && p.sso.subject === s.subject && (mvpd === undefined || p.mvpd === mvpd) && !p.invalidated && p.notAfter > now) {
        out.push(p);
      }
    }
  }
  return out;
}
