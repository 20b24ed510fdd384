/**
 * Emulator media tokens (spec §13, emulator decision A16).
 *
 * serializedToken = standard Base64 of a compact JWS (ES256) over the claims below. The key pair is generated
 * per service instance, so tokens never survive an emulator restart — as with Adobe, clients must not parse
 * or cache them. Expiry is judged against the emulator clock (not jose's wall clock) so tests and the admin
 * API can move time.
 */
import { randomUUID } from 'node:crypto';
import { CompactSign, compactVerify, generateKeyPair } from 'jose';
import type { Clock } from './clock';

export type VerifyResult =
  'VALID_TOKEN' | 'INVALID_TOKEN_FORMAT' | 'INVALID_SIGNATURE' | 'TOKEN_EXPIRED' | 'INVALID_RESOURCE_ID';

export interface MediaTokenClaims {
  jti: string;
  resource: string;
  requestor: string;
  mvpd: string;
  userId: string;
  /** issued at, epoch ms (emulator clock) */
  iat: number;
  /** expires at, epoch ms (emulator clock) */
  exp: number;
}

export interface MediaTokenService {
  sign(claims: {
    resource: string;
    requestor: string;
    mvpd: string;
    userId: string;
  }): Promise<{ serializedToken: string; notBefore: number; notAfter: number }>;
  /** `resource` omitted: only authenticity and validity period are checked (like the Java verifier's null). */
  verify(serializedToken: string, resource?: string): Promise<{ result: VerifyResult; claims?: MediaTokenClaims }>;
}

const ALG = 'ES256';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export async function createMediaTokenService(clock: Clock, ttlMs: () => number): Promise<MediaTokenService> {
  const { privateKey, publicKey } = await generateKeyPair(ALG);

  return {
    async sign(input) {
      const iat = clock.now();
      const exp = iat + ttlMs();
      const claims: MediaTokenClaims = {
        jti: randomUUID(),
        resource: input.resource,
        requestor: input.requestor,
        mvpd: input.mvpd,
        userId: input.userId,
        iat,
        exp,
      };
      const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
        .setProtectedHeader({ alg: ALG, typ: 'emulator-media-token' })
        .sign(privateKey);
      return {
        serializedToken: Buffer.from(jws, 'utf8').toString('base64'),
        notBefore: iat,
        notAfter: exp,
      };
    },

    async verify(serializedToken, resource) {
      const jws = decodeBase64(serializedToken);
      if (jws === null || !COMPACT_JWS.test(jws)) return { result: 'INVALID_TOKEN_FORMAT' };

      let payload: Uint8Array;
      try {
        ({ payload } = await compactVerify(jws, publicKey, {
          algorithms: [ALG],
        }));
      } catch (err) {
        // A broken header (not JSON, wrong alg) is a format problem; everything else is a failed signature.
        const code = (err as { code?: string }).code;
        const formatCodes = ['ERR_JWS_INVALID', 'ERR_JOSE_ALG_NOT_ALLOWED', 'ERR_JOSE_NOT_SUPPORTED'];
        return {
          result: code !== undefined && formatCodes.includes(code) ? 'INVALID_TOKEN_FORMAT' : 'INVALID_SIGNATURE',
        };
      }

      const claims = parseClaims(payload);
      if (!claims) return { result: 'INVALID_TOKEN_FORMAT' };
      if (clock.now() >= claims.exp) return { result: 'TOKEN_EXPIRED', claims };
      if (resource !== undefined && !sameResource(claims.resource, resource)) {
        return { result: 'INVALID_RESOURCE_ID', claims };
      }
      return { result: 'VALID_TOKEN', claims };
    },
  };
}

function decodeBase64(s: string): string | null {
  if (typeof s !== 'string' || s.length === 0 || s.length % 4 !== 0 || !BASE64.test(s)) return null;
  return Buffer.from(s, 'base64').toString('utf8');
}

function parseClaims(payload: Uint8Array): MediaTokenClaims | null {
  let v: unknown;
  try {
    v = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const strings = ['jti', 'resource', 'requestor', 'mvpd', 'userId'] as const;
  if (!strings.every((k) => typeof o[k] === 'string')) return null;
  if (typeof o.iat !== 'number' || typeof o.exp !== 'number') return null;
  return {
    jti: o.jti as string,
    resource: o.resource as string,
    requestor: o.requestor as string,
    mvpd: o.mvpd as string,
    userId: o.userId as string,
    iat: o.iat,
    exp: o.exp,
  };
}

/** A resource reduced to what identifies it: the channel (brand) and, for asset-level MRSS, the item title. */
export interface NormalisedResource {
  channel: string;
  item?: string;
  /** MRSS rating of the item or channel, e.g. { scheme: 'urn:v-chip', value: 'tv-ma' } */
  rating?: { scheme: string; value: string };
}

/**
 * Spec §12: a plain id `X` is equivalent to `<rss><channel><title>X</title></channel></rss>`.
 * Returns null when the string looks like XML but carries no channel title.
 * A deliberately small, regex-based reader: the emulator only needs titles and a rating, not a full XML parser.
 */
export function normaliseResource(resource: string): NormalisedResource | null {
  const s = resource.trim();
  if (s.length === 0) return null;
  if (!s.startsWith('<')) return { channel: collapse(s) };

  const channelBody = firstElement(s, 'channel');
  if (channelBody === null) return null;
  const itemBody = firstElement(channelBody, 'item');
  // The channel's own title is the first <title> outside the item.
  const channelOnly = itemBody === null ? channelBody : channelBody.replace(/<item\b[\s\S]*?<\/item>/i, '');
  const channel = firstElement(channelOnly, 'title');
  if (channel === null || text(channel) === '') return null;

  const out: NormalisedResource = { channel: text(channel) };
  if (itemBody !== null) {
    const item = firstElement(itemBody, 'title');
    if (item !== null && text(item) !== '') out.item = text(item);
  }
  const ratingMatch = /<media:rating\b([^>]*)>([\s\S]*?)<\/media:rating>/i.exec(itemBody ?? channelBody);
  if (ratingMatch) {
    const scheme = /scheme\s*=\s*["']([^"']*)["']/i.exec(ratingMatch[1]);
    out.rating = {
      scheme: scheme ? scheme[1] : 'urn:simple',
      value: text(ratingMatch[2]),
    };
  }
  return out;
}

/** Exact string match, or both sides normalise to the same channel + item title. */
export function sameResource(a: string, b: string): boolean {
  if (a === b) return true;
  const na = normaliseResource(a);
  const nb = normaliseResource(b);
  return na !== null && nb !== null && na.channel === nb.channel && na.item === nb.item;
}

function firstElement(xml: string, name: string): string | null {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'i').exec(xml);
  return m ? m[1] : null;
}

function text(raw: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(raw);
  const s = cdata
    ? cdata[1]
    : raw
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
        .replace(/&amp;/g, '&');
  return collapse(s);
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
