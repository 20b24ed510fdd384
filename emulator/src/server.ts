/**
 * startEmulator(): the Adobe side (DCR, REST API V2, mock MVPD pages, admin API) and the programmer backend,
 * each on its own port (docs/architecture.md). Both share one clock and one media token service.
 */
import type { FastifyInstance } from 'fastify';
import { buildAdobeApp } from './adobe/app';
import type { AdobeContext } from './adobe/context';
import { Faults } from './adobe/faults';
import { DEFAULT_FIXTURES_DIR, loadFixtures } from './adobe/fixtures';
import { Journal } from './adobe/journal';
import { AdobeState } from './adobe/state';
import { Throttle } from './adobe/throttle';
import { createClock } from './clock';
import { createMediaTokenService } from './media-token';
import { buildProgrammerApp } from './programmer/app';
import type { EmulatorSettings } from './settings';

export type { EmulatorSettings } from './settings';

export interface StartEmulatorOptions {
  adobePort?: number;
  programmerPort?: number;
  host?: string;
  quiet?: boolean;
  settings?: Partial<EmulatorSettings>;
  fixturesDir?: string;
  publicAdobeUrl?: string;
  publicProgrammerUrl?: string;
  /** CORS origins for the Adobe side; default: any http://localhost:* and http://127.0.0.1:* origin. */
  corsOrigins?: string[];
  /**
   * The emulator's time source (default Date.now; admin `clock/advance` adds to it). A test that runs the client
   * on virtual time passes the same virtual time here, so throttling and expiries count the seconds the client
   * believes went by.
   */
  now?: () => number;
}

export interface RunningEmulator {
  adobeUrl: string;
  programmerUrl: string;
  close(): Promise<void>;
}

function urlOf(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

function portOf(app: FastifyInstance): number {
  const addr = app.server.address();
  return typeof addr === 'object' && addr !== null ? addr.port : 0;
}

export async function startEmulator(opts: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const clock = createClock(opts.now);
  const fixturesDir = opts.fixturesDir ?? DEFAULT_FIXTURES_DIR;
  const state = new AdobeState(loadFixtures(fixturesDir), clock, opts.settings);
  const mediaTokens = await createMediaTokenService(clock, () => state.settings.mediaTokenTtlMs);

  let adobePublic = opts.publicAdobeUrl?.replace(/\/+$/, '') ?? '';
  const ctx: AdobeContext = {
    state,
    journal: new Journal(),
    throttle: new Throttle(clock),
    faults: new Faults(),
    mediaTokens,
    publicUrl: () => adobePublic,
    fixturesDir,
  };
  const adobe = await buildAdobeApp({ ctx, corsOrigins: opts.corsOrigins, quiet: opts.quiet });
  await adobe.listen({ port: opts.adobePort ?? 4010, host });
  const adobeUrl = urlOf(host, portOf(adobe));
  if (!adobePublic) adobePublic = adobeUrl;

  // The programmer app needs its public URL before listening (poster/stream URLs); with port 0 we learn the
  // port only after listen, so reserve a free port first when no public URL was given.
  const programmerPort = opts.programmerPort ?? 4020;
  const port = opts.publicProgrammerUrl || programmerPort !== 0 ? programmerPort : await freePort(host);
  const programmer = await buildProgrammerApp({
    clock,
    mediaTokens,
    publicUrl: opts.publicProgrammerUrl?.replace(/\/+$/, '') ?? urlOf(host, port),
    logger: false,
    corsOrigins: opts.corsOrigins,
    catalogSize: () => state.settings.catalog,
  });
  try {
    await programmer.listen({ port, host });
  } catch (err) {
    await adobe.close();
    throw err;
  }
  const programmerUrl = urlOf(host, portOf(programmer));

  return {
    adobeUrl,
    programmerUrl,
    async close() {
      await Promise.all([adobe.close(), programmer.close()]);
    },
  };
}

async function freePort(host: string): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
