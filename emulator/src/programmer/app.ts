/**
 * The programmer backend of the emulator (docs/architecture.md, default http://localhost:4020):
 * GET /catalog, GET /posters/{id}.png, GET /media/… (token-gated HLS, see origin.ts), GET /health,
 * /trial/pairings (promotional TempPass: the phone's email → its hash for the TV, see trial-pairing.ts).
 */
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import { join } from 'node:path';
import type { Clock } from '../clock';
import type { MediaTokenService } from '../media-token';
import { catalogSize } from '../settings';
import { buildCatalog, readCatalogFixture, type BuiltCatalog } from './catalog';
import { largeCatalogFixture } from './large-catalog';
import { createGrantService } from './grants';
import { loadStreams } from './media-store';
import { registerMediaOrigin } from './origin';
import { registerPosters } from './posters';
import { registerTrialPairing } from './trial-pairing';

export interface ProgrammerAppOptions {
  clock: Clock;
  mediaTokens: MediaTokenService;
  /** Base of the absolute URLs in the catalog, e.g. http://localhost:4020 */
  publicUrl: string;
  logger?: boolean;
  /** Allowed CORS origins ('*' for any); default: any http(s)://localhost:* or 127.0.0.1:* origin. */
  corsOrigins?: string[];
  /** Directory holding catalog.json; default emulator/fixtures */
  fixturesDir?: string;
  mediaDir?: string;
  postersDir?: string;
  /** How long a playback grant lasts (emulator clock); default 4 h — longer than any sample stream. */
  grantTtlMs?: number;
  /** Fixture switch, read per request: `standard`, `large` or `<rows>x<titles>` (settings.ts `catalog`). */
  catalogSize?: () => string;
}

const EMULATOR_DIR = join(__dirname, '..', '..');
const DEFAULT_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

export async function buildProgrammerApp(opts: ProgrammerAppOptions): Promise<FastifyInstance> {
  const fixture = readCatalogFixture(opts.fixturesDir ?? join(EMULATOR_DIR, 'fixtures'));
  const streams = loadStreams(opts.mediaDir ?? join(EMULATOR_DIR, 'media'), Object.keys(fixture.streams));
  const durationOf = (id: string): number => streams.get(id)?.durationSec ?? 0;
  const standard = buildCatalog(fixture, opts.publicUrl, durationOf);
  const generated = new Map<string, BuiltCatalog>();
  /** The catalog the switch selects now (built once per size, then kept). */
  const current = (): BuiltCatalog => {
    const value = opts.catalogSize?.() ?? 'standard';
    const size = catalogSize(value);
    if (!size) return standard;
    let built = generated.get(value);
    if (!built) {
      built = buildCatalog(largeCatalogFixture(fixture, size.rows, size.titlesPerRow), opts.publicUrl, durationOf);
      generated.set(value, built);
    }
    return built;
  };
  const grants = createGrantService(opts.clock, opts.grantTtlMs ?? 4 * 60 * 60 * 1000);

  // Closing ends every socket, busy or not: a client that never reads a body must not hold shutdown open.
  const app = Fastify({ logger: opts.logger ?? false, forceCloseConnections: true });
  await app.register(cors, {
    origin: (origin, cb) => {
      if (!origin) return cb(null, true);
      const list = opts.corsOrigins;
      cb(null, list === undefined ? DEFAULT_ORIGIN.test(origin) : list.includes('*') || list.includes(origin));
    },
    methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    exposedHeaders: ['Content-Type', 'Content-Length'],
    maxAge: 600,
  });
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/catalog', async (_req, reply) => {
    reply.header('cache-control', 'no-cache');
    return current().catalog;
  });
  registerTrialPairing(app, opts.clock);
  registerPosters(app, opts.postersDir ?? join(EMULATOR_DIR, 'posters'), (file) => current().posterAliases.get(file));
  registerMediaOrigin(app, {
    clock: opts.clock,
    mediaTokens: opts.mediaTokens,
    grants,
    // A title of the catalog in use, or of the standard one (a stream started before a switch keeps playing).
    titleOf: (id) => current().titles.get(id) ?? standard.titles.get(id),
    streams,
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: 'not_found' }));
  return app;
}
