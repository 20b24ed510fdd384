/**
 * Playback grants: what the media origin hands out in place of the single-use media token, so a stream keeps
 * playing after the token's few minutes. A grant is a compact HS256 JWS (URL-safe, so it fits in a query
 * string) bound to one title, with an expiry on the emulator clock. The secret lives only in this process.
 */
import { randomBytes } from 'node:crypto';
import { CompactSign, compactVerify } from 'jose';
import type { Clock } from '../clock';

export type GrantCheck =
  | { ok: true }
  | {
      ok: false;
      error: 'invalid_grant' | 'grant_expired' | 'grant_title_mismatch';
    };

export interface GrantService {
  issue(titleId: string): Promise<string>;
  check(grant: string, titleId: string): Promise<GrantCheck>;
}

interface GrantClaims {
  /** title id */
  t: string;
  /** expiry, epoch ms on the emulator clock */
  exp: number;
}

export function createGrantService(clock: Clock, ttlMs: number): GrantService {
  const secret = randomBytes(32);
  return {
    async issue(titleId) {
      const claims: GrantClaims = { t: titleId, exp: clock.now() + ttlMs };
      return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
        .setProtectedHeader({ alg: 'HS256' })
        .sign(secret);
    },
    async check(grant, titleId) {
      let claims: Partial<GrantClaims>;
      try {
        const { payload } = await compactVerify(grant, secret, {
          algorithms: ['HS256'],
        });
        claims = JSON.parse(new TextDecoder().decode(payload)) as Partial<GrantClaims>;
      } catch {
        return { ok: false, error: 'invalid_grant' };
      }
      if (typeof claims.t !== 'string' || typeof claims.exp !== 'number') return { ok: false, error: 'invalid_grant' };
      if (claims.t !== titleId) return { ok: false, error: 'grant_title_mismatch' };
      if (clock.now() >= claims.exp) return { ok: false, error: 'grant_expired' };
      return { ok: true };
    },
  };
}
