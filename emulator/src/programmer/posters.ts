/**
 * GET /posters/{file}: poster art read into memory at start-up (< 1 MB in all). Served without @fastify/static,
 * whose ESM-only dependency does not load under the repo's CommonJS jest set-up.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };
const POSTER = /^[A-Za-z0-9_-]+\.(png|jpe?g)$/;

interface Poster {
  body: Buffer;
  type: string;
  etag: string;
}

/** `aliasOf(file)`: the poster file to serve for a generated title's `{id}.png`, if any. */
export function registerPosters(app: FastifyInstance, postersDir: string, aliasOf: (file: string) => string | undefined = () => undefined): void {
  const posters = new Map<string, Poster>();
  for (const name of readdirSync(postersDir)) {
    const m = POSTER.exec(name);
    if (!m) continue;
    const body = readFileSync(join(postersDir, name));
    const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
    posters.set(name, { body, type: TYPES[m[1].toLowerCase()], etag });
  }

  app.get<{ Params: { file: string } }>('/posters/:file', async (req, reply) => {
    const alias = posters.has(req.params.file) ? undefined : aliasOf(req.params.file);
    const poster = posters.get(alias ?? req.params.file);
    if (!poster) return reply.code(404).send({ error: 'not_found' });
    reply.header('etag', poster.etag).header('cache-control', 'public, max-age=3600');
    if (req.headers['if-none-match'] === poster.etag) return reply.code(304).send();
    return reply.type(poster.type).send(poster.body);
  });
}
