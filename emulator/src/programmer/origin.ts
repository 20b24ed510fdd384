/**
 * The token-gated media origin (the role of Adobe's Media Token Verifier on a programmer's stream server, spec §13):
 *
 *   GET /media/{titleId}/index.m3u8?mediaToken=…  verify (signature, expiry, the title's resource), consume the
 *                                                 token (single use), answer the playlist with grant-bearing URIs
 *   GET /media/{titleId}/{file}?grant=…           child playlists and segments, for holders of a valid grant
 *
 * Missing credential → 401; invalid, expired, wrong resource, reused, bad grant → 403 with { error }.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Clock } from '../clock';
import type { MediaTokenService } from '../media-token';
import type { TitleEntry } from './catalog';
import type { GrantService } from './grants';
import { contentTypeOf, type StreamFiles } from './media-store';
import { addGrantToPlaylist } from './playlist';

export interface OriginDeps {
  clock: Clock;
  mediaTokens: MediaTokenService;
  grants: GrantService;
  titleOf(id: string): TitleEntry | undefined;
  streams: Map<string, StreamFiles>;
}

/** Remembers consumed token ids until the token would have expired anyway. */
class ConsumedTokens {
  private readonly seen = new Map<string, number>();
  constructor(private readonly clock: Clock) {}
  has(jti: string): boolean {
    const until = this.seen.get(jti);
    return until !== undefined && until > this.clock.now();
  }
  /** true when the jti was fresh (and is now consumed) */
  consume(jti: string, exp: number): boolean {
    const now = this.clock.now();
    for (const [id, until] of this.seen) if (until <= now) this.seen.delete(id);
    if (this.seen.has(jti)) return false;
    this.seen.set(jti, exp);
    return true;
  }
}

const deny = (reply: FastifyReply, status: 401 | 403 | 404, error: string) =>
  reply.code(status).header('cache-control', 'no-store').send({ error });

export function registerMediaOrigin(app: FastifyInstance, deps: OriginDeps): void {
  const consumed = new ConsumedTokens(deps.clock);

  app.get<{
    Params: { titleId: string; file: string };
    Querystring: { mediaToken?: string; grant?: string };
  }>('/media/:titleId/:file', async (req, reply) => {
    const { titleId, file } = req.params;
    const title = deps.titleOf(titleId);
    const stream = title && deps.streams.get(title.streamId);
    const body = stream?.files.get(file);
    if (!title || !body) return deny(reply, 404, 'not_found');

    const { mediaToken, grant } = req.query;
    let grantToUse: string;

    if (typeof grant === 'string' && grant !== '') {
      const check = await deps.grants.check(grant, titleId);
      if (!check.ok) return deny(reply, 403, check.error);
      grantToUse = grant;
    } else if (file === 'index.m3u8' && typeof mediaToken === 'string' && mediaToken !== '') {
      const verdict = await deps.mediaTokens.verify(mediaToken, title.resource);
      if (verdict.result !== 'VALID_TOKEN' || !verdict.claims) return deny(reply, 403, verdict.result);
      // A HEAD probe must not burn the single-use token; it only learns whether a GET would succeed.
      const fresh =
        req.method === 'HEAD'
          ? !consumed.has(verdict.claims.jti)
          : consumed.consume(verdict.claims.jti, verdict.claims.exp);
      if (!fresh) return deny(reply, 403, 'token_reused');
      grantToUse = await deps.grants.issue(titleId);
    } else {
      return deny(reply, 401, file === 'index.m3u8' ? 'missing_media_token' : 'missing_grant');
    }

    reply.header('content-type', contentTypeOf(file));
    if (file.endsWith('.m3u8')) {
      // Playlists carry a personal grant: never cache them anywhere.
      reply.header('cache-control', 'no-store');
      return reply.send(addGrantToPlaylist(body.toString('utf8'), grantToUse));
    }
    reply.header('cache-control', 'private, max-age=3600');
    return reply.send(body);
  });
}
