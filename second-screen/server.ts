/**
 * Serves the second-screen activation app: `/` (code entry), `/done` (the MVPD login's redirectUrl),
 * `/trial` (promotional TempPass: code + email, sent to the programmer backend, see src/trial.ts),
 * the bundle and the stylesheet. The bundle is built with esbuild at start-up (kept in memory, also
 * written to second-screen/dist/ for static hosting). The chosen config is injected into each page.
 *
 *   npx tsx second-screen/server.ts        # http://127.0.0.1:4030, emulator preset
 *   SECOND_SCREEN_PORT, SECOND_SCREEN_HOST, SECOND_SCREEN_PRESET, SECOND_SCREEN_ADOBE_URL, SECOND_SCREEN_PROGRAMMER_URL
 */
import { build } from 'esbuild';
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecondScreenConfig } from './src/config';

const ROOT = __dirname;

export interface SecondScreenOptions {
  /** 0 = random free port (tests). Default 4030 or SECOND_SCREEN_PORT. */
  port?: number;
  host?: string;
  /** Default preset (page `?preset=` may still pick another). */
  preset?: string;
  /** Base URL of an emulator (DCR + REST on one host); replaces the emulator preset's URLs. */
  adobeUrl?: string;
  /** Base URL of the programmer backend (promotional TempPass pairing); replaces the emulator preset's. */
  programmerUrl?: string;
  /** Replace the whole config (tests); default second-screen/config.json. */
  config?: SecondScreenConfig;
  quiet?: boolean;
}

export interface SecondScreenServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface Bundle {
  js: string;
  css: string;
}

let bundling: Promise<Bundle> | undefined;

/** One esbuild run per process; every server instance shares it. */
export function buildBundle(): Promise<Bundle> {
  if (!bundling) {
    bundling = (async () => {
      const result = await build({
        entryPoints: { app: join(ROOT, 'src', 'main.ts'), styles: join(ROOT, 'styles.css') },
        bundle: true,
        minify: true,
        sourcemap: false,
        target: 'es2017',
        format: 'iife',
        platform: 'browser',
        legalComments: 'none',
        outdir: join(ROOT, 'dist'),
        write: false,
        logLevel: 'silent',
      });
      const pick = (suffix: string) => {
        const file = result.outputFiles.find((f) => f.path.endsWith(suffix));
        if (!file) throw new Error(`esbuild produced no ${suffix}`);
        return file.text;
      };
      const bundle = { js: pick('app.js'), css: pick('styles.css') };
      writeDist(bundle);
      return bundle;
    })();
  }
  return bundling;
}

/** Write-then-rename so parallel test servers never see half a file. */
function writeDist(bundle: Bundle): void {
  try {
    const dir = join(ROOT, 'dist');
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of [
      ['app.js', bundle.js],
      ['styles.css', bundle.css],
    ] as const) {
      const tmp = join(dir, `.${name}.${process.pid}.tmp`);
      writeFileSync(tmp, text);
      renameSync(tmp, join(dir, name));
    }
  } catch {
    /* serving from memory still works; dist/ is a convenience */
  }
}

export function loadConfig(options: Pick<SecondScreenOptions, 'config' | 'preset' | 'adobeUrl' | 'programmerUrl'> = {}): SecondScreenConfig {
  const base = options.config ?? (JSON.parse(readFileSync(join(ROOT, 'config.json'), 'utf8')) as SecondScreenConfig);
  const config: SecondScreenConfig = JSON.parse(JSON.stringify(base)) as SecondScreenConfig;
  delete (config as unknown as Record<string, unknown>)._comment;
  if (options.preset) {
    if (!config.presets[options.preset]) throw new Error(`Unknown second-screen preset "${options.preset}"`);
    config.preset = options.preset;
  }
  if (options.adobeUrl && config.presets.emulator) {
    const url = options.adobeUrl.replace(/\/+$/, '');
    config.presets.emulator = { ...config.presets.emulator, restBaseUrl: url, dcrBaseUrl: url };
  }
  if (options.programmerUrl && config.presets.emulator) {
    config.presets.emulator = { ...config.presets.emulator, programmerUrl: options.programmerUrl.replace(/\/+$/, '') };
  }
  return config;
}

function origins(config: SecondScreenConfig): string[] {
  const set = new Set<string>();
  for (const name of Object.keys(config.presets)) {
    const p = config.presets[name];
    for (const u of [p.restBaseUrl, p.dcrBaseUrl, ...(p.programmerUrl ? [p.programmerUrl] : [])]) {
      try {
        set.add(new URL(u).origin);
      } catch {
        /* placeholder values in unused presets */
      }
    }
  }
  return Array.from(set);
}

/** JSON that is safe inside a <script> element (no `</script>` or `<!--` can close it). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function page(config: SecondScreenConfig, title: string): string {
  const brand = config.brandName.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="strict-origin-when-cross-origin">
<title>${title} · ${brand}</title>
<link rel="stylesheet" href="/styles.css">
</head>
<body>
<a class="skip" href="#app">Skip to content</a>
<header><span class="brand-mark" aria-hidden="true"></span><span>${brand} · TV activation</span></header>
<main>
<div id="app"><noscript><p>This page needs JavaScript to activate your TV.</p></noscript></div>
</main>
<footer>Sign in with the TV provider you pay for TV. We never see your password.</footer>
<script id="ss-config" type="application/json">${scriptJson(config)}</script>
<script src="/app.js" defer></script>
</body>
</html>
`;
}

export async function createSecondScreenApp(options: SecondScreenOptions = {}): Promise<FastifyInstance> {
  const config = loadConfig(options);
  const bundle = await buildBundle();
  const services = origins(config).join(' ');
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: https: ${services}`,
    `connect-src 'self' ${services}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const app = Fastify({ logger: !options.quiet });
  const html = (title: string) => page(config, title);
  const sendPage = (title: string) => async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .header('Content-Security-Policy', csp)
      .header('X-Content-Type-Options', 'nosniff')
      .send(html(title));
  app.get('/', sendPage('Activate your TV'));
  app.get('/done', sendPage('Finishing sign-in'));
  app.get('/trial', sendPage('Free trial'));
  app.get('/app.js', async (_req, reply) => reply.header('Content-Type', 'text/javascript; charset=utf-8').header('Cache-Control', 'no-cache').send(bundle.js));
  app.get('/styles.css', async (_req, reply) => reply.header('Content-Type', 'text/css; charset=utf-8').header('Cache-Control', 'no-cache').send(bundle.css));
  app.get('/favicon.ico', async (_req, reply) => reply.code(204).send());
  return app;
}

export async function startSecondScreen(options: SecondScreenOptions = {}): Promise<SecondScreenServer> {
  const app = await createSecondScreenApp(options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 4030, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 4030);
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, port, close: () => app.close() };
}

function isMain(): boolean {
  const entry = process.argv[1] ?? '';
  return /second-screen[\\/]server\.[cm]?[jt]s$/.test(entry);
}

if (isMain()) {
  const env = process.env;
  startSecondScreen({
    port: env.SECOND_SCREEN_PORT ? Number(env.SECOND_SCREEN_PORT) : 4030,
    host: env.SECOND_SCREEN_HOST || '127.0.0.1',
    preset: env.SECOND_SCREEN_PRESET || undefined,
    adobeUrl: env.SECOND_SCREEN_ADOBE_URL || undefined,
    programmerUrl: env.SECOND_SCREEN_PROGRAMMER_URL || undefined,
    quiet: true,
  }).then(
    (server) => console.log(`Second screen on ${server.url} (preset ${env.SECOND_SCREEN_PRESET || 'from config.json'})`),
    (error: unknown) => {
      console.error('Second screen failed to start:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
