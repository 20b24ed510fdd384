/** Builds the Adobe-side Fastify app: DCR, REST API V2, mock MVPD pages, admin API, plus the cross-cutting hooks. */
import cors from '@fastify/cors';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { registerAdminRoutes } from './admin';
import { registerAdminPage } from './admin-page';
import { registerConfigurationRoute } from './configuration';
import type { AdobeContext } from './context';
import { registerDcrRoutes } from './dcr';
import { registerDecisionRoutes } from './decisions';
import { ApiError, OAuthError, enhancedError, sendEnhanced } from './errors';
import { registerLogoutRoute } from './logout';
import { registerMockMvpdRoutes } from './mock-mvpd';
import { registerPartnerRoutes } from './partner';
import { registerProfileRoutes } from './profiles';
import { bodyRecord, clientIp, field, pathOf } from './request';
import { registerSessionRoutes } from './sessions';
import { registerTempPassResetRoutes } from './temppass';
import { THROTTLED_HEADERS, THROTTLED_HTML } from './throttle';

export interface AdobeAppOptions {
  ctx: AdobeContext;
  /** Allowed CORS origins; undefined = any http://localhost:* / http://127.0.0.1:* origin; ['*'] = any. */
  corsOrigins?: string[];
  quiet?: boolean;
}

const DEFAULT_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

/** Known Adobe paths → allowed methods; anything else on these paths is 405. */
const KNOWN_PATHS: [RegExp, string][] = [
  [/^\/o\/client\/(register|token)$/, 'POST'],
  [/^\/api\/v2\/authenticate\/[^/]+\/[^/]+$/, 'GET'],
  [/^\/api\/v2\/[^/]+\/configuration$/, 'GET'],
  [/^\/api\/v2\/[^/]+\/sessions$/, 'POST'],
  [/^\/api\/v2\/[^/]+\/sessions\/sso\/[^/]+$/, 'POST'],
  [/^\/api\/v2\/[^/]+\/sessions\/[^/]+$/, 'GET, POST'],
  [/^\/api\/v2\/[^/]+\/profiles(\/code)?(\/[^/]+)?$/, 'GET'],
  [/^\/api\/v2\/[^/]+\/profiles\/sso\/[^/]+$/, 'POST'],
  [/^\/api\/v2\/[^/]+\/decisions\/(preauthorize|authorize)\/[^/]+$/, 'POST'],
  [/^\/api\/v2\/[^/]+\/logout\/[^/]+$/, 'GET'],
  [/^\/reset-tempass\/v3\/reset(\/generic)?$/, 'DELETE'],
];

function isAdmin(path: string): boolean {
  return path.startsWith('/__emulator/');
}
function isThrottled(path: string): boolean {
  return path.startsWith('/o/client/') || path.startsWith('/api/v2/');
}
function isUserAgentPath(path: string): boolean {
  return path.startsWith('/api/v2/authenticate/');
}

/** What the journal notes about how a call was answered, besides its status. */
type Marked = FastifyRequest & { startedAt?: number; throttled?: true; fault?: string; bucket?: string };

/**
 * Adobe's sample 429. The CORS hook already ran, so its allow-origin comes back off: a page then sees a network
 * error without a status, as it would with Adobe.
 */
function sendThrottled(reply: FastifyReply): FastifyReply {
  for (const h of ['access-control-allow-origin', 'access-control-expose-headers', 'vary']) reply.removeHeader(h);
  return reply.code(429).headers(THROTTLED_HEADERS).type('text/html').send(THROTTLED_HTML);
}

export async function buildAdobeApp(opts: AdobeAppOptions): Promise<FastifyInstance> {
  const { ctx } = opts;
  const { state, journal, throttle, faults } = ctx;
  // Closing ends every socket, busy or not (see the programmer app).
  const app = Fastify({ logger: false, forceCloseConnections: true, routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 } });

  await app.register(cors, {
    origin: (origin, cb) => {
      if (!origin) return cb(null, true);
      const list = opts.corsOrigins;
      if (list === undefined) return cb(null, DEFAULT_ORIGIN.test(origin));
      return cb(null, list.includes('*') || list.includes(origin));
    },
    methods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
    allowedHeaders: [
      'Authorization', 'AP-Device-Identifier', 'X-Device-Info', 'AP-TempPass-Identity', 'AP-Visitor-Identifier',
      'AP-Partner-Framework-Status', 'Adobe-Subject-Token', 'AD-Service-Token', 'Content-Type', 'Accept', 'X-Forwarded-For',
    ],
    exposedHeaders: ['Location', 'Content-Type', 'Content-Length', 'Date'],
    maxAge: 600,
  });
  await app.register(formbody);
  // JSON: an empty body is "no body" (handlers answer with their own error; admin calls without a body work);
  // broken JSON is a 400 that the error handler maps per endpoint family.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(Object.assign(new Error('Body is not valid JSON'), { statusCode: 400 }), undefined);
    }
  });
  // Any other content type reaches the handlers as a raw string, so each endpoint answers with its own error shape.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.addHook('onRequest', async (req, reply) => {
    (req as Marked).startedAt = performance.now();
    const path = pathOf(req.url);
    if (req.method === 'OPTIONS' || isAdmin(path)) return;
    if (state.settings.throttling && isThrottled(path)) {
      const key = clientIp(req);
      if (!throttle.take(key, state.settings.throttleRatePerSec, state.settings.throttleBurst)) {
        (req as Marked).throttled = true;
        return sendThrottled(reply);
      }
      (req as Marked).bucket = key;
    }
  });

  app.addHook('preHandler', async (req, reply) => {
    const path = pathOf(req.url);
    if (req.method === 'OPTIONS' || isAdmin(path)) return;
    const params = (req.params ?? {}) as Record<string, string>;
    const body = bodyRecord(req);
    const sessionMvpd = params.code ? state.sessions.get(params.code)?.mvpd : undefined;
    const fault = faults.take(req.method, path, params.mvpd ?? field(body, 'mvpd') ?? sessionMvpd);
    if (!fault) return;
    (req as Marked).fault = fault.type;
    switch (fault.type) {
      case 'latency':
        await new Promise((r) => setTimeout(r, fault.ms));
        return;
      case 'drop':
        // onResponse never fires for a destroyed socket: journal it here (status 0) so tests can count attempts.
        journal.add({ time: state.now(), method: req.method, path, query: { ...(req.query as Record<string, unknown>) }, headers: { ...req.headers }, status: 0, durationMs: 0, fault: 'drop' });
        reply.hijack();
        req.raw.socket.destroy();
        return;
      case 'malformed':
        return reply.code(200).type('application/json;charset=UTF-8').send('{"decisions": [ {"resource": "');
      case 'status':
        return reply.code(fault.status).type(fault.contentType ?? 'text/plain').send(fault.body ?? '');
      case 'throttled': {
        // Refused calls consume nothing at Adobe: the stimulus leaves the client's budget as it found it.
        const key = (req as Marked).bucket;
        if (key !== undefined) throttle.refund(key);
        return sendThrottled(reply);
      }
      case 'enhanced-error': {
        const err = enhancedError(fault.code, fault);
        const resources = Array.isArray(body?.resources) ? (body!.resources as unknown[]).filter((r) => typeof r === 'string') : [];
        if (fault.itemLevel && /\/decisions\//.test(path) && resources.length > 0) {
          const sp = path.split('/')[3];
          return reply.type('application/json;charset=UTF-8').send({
            decisions: resources.map((resource) => ({
              resource, serviceProvider: sp, mvpd: params.mvpd, source: 'mvpd', authorized: false,
              error: enhancedError(fault.code, fault),
            })),
          });
        }
        return sendEnhanced(reply, err);
      }
    }
  });

  app.addHook('onResponse', async (req, reply) => {
    const path = pathOf(req.url);
    if (isAdmin(path) || req.method === 'OPTIONS') return;
    const marked = req as Marked;
    const started = marked.startedAt ?? performance.now();
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    journal.add({
      time: state.now(),
      method: req.method,
      path,
      query: { ...(req.query as Record<string, unknown>) },
      headers: { ...req.headers },
      status: reply.statusCode,
      durationMs,
      ...(marked.throttled ? { throttled: true as const } : {}),
      ...(marked.fault ? { fault: marked.fault } : {}),
    });
    // Console log: method, path and status only — never headers, query strings or bodies (tokens live there).
    if (!opts.quiet) console.log(`[adobe] ${req.method} ${path} ${reply.statusCode} ${durationMs}ms`);
  });

  app.setErrorHandler((error: FastifyError | Error, req, reply) => {
    const path = pathOf(req.url);
    if (error instanceof OAuthError) return reply.code(400).type('application/json;charset=UTF-8').send({ error: error.error });
    if (error instanceof ApiError) {
      if (isUserAgentPath(path)) return reply.code(error.extra.status ?? 400).type('text/html').send(htmlError(error.code));
      return sendEnhanced(reply, enhancedError(error.code, error.extra), error.extra.httpStatus);
    }
    const fe = error as FastifyError;
    const status = fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
    if (path.startsWith('/o/client/')) return reply.code(400).type('application/json;charset=UTF-8').send({ error: 'invalid_request' });
    if (status === 500 && !opts.quiet) console.error('[adobe] internal error', error);
    if (/\/decisions\//.test(path) && status === 400) return sendEnhanced(reply, enhancedError('invalid_parameter_resources'));
    if (isUserAgentPath(path)) return reply.code(status).type('text/html').send(htmlError('bad_request'));
    return sendEnhanced(reply, enhancedError(status === 500 ? 'internal_server_error' : 'invalid_request', { status, message: fe.message }));
  });

  app.setNotFoundHandler((req, reply) => {
    const path = pathOf(req.url).replace(/\/+$/, '');
    const known = KNOWN_PATHS.find(([re]) => re.test(path));
    if (known) {
      reply.header('Allow', known[1]);
      if (isUserAgentPath(path)) return reply.code(405).type('text/html').send(htmlError('method_not_allowed'));
      if (path.startsWith('/o/client/')) return reply.code(405).type('application/json;charset=UTF-8').send({ error: 'invalid_request' });
      return sendEnhanced(reply, enhancedError('method_not_allowed', { status: 405, message: `Use ${known[1]} on this path.` }));
    }
    return reply.code(404).type('application/json;charset=UTF-8').send({ error: 'not_found', path });
  });

  await registerDcrRoutes(app, state);
  registerConfigurationRoute(app, state, ctx.publicUrl);
  registerSessionRoutes(app, ctx);
  registerProfileRoutes(app, ctx);
  registerDecisionRoutes(app, ctx);
  registerLogoutRoute(app, ctx);
  registerTempPassResetRoutes(app, state);
  registerPartnerRoutes(app, ctx);
  await registerMockMvpdRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerAdminPage(app, ctx);
  return app;
}

function htmlError(what: string): string {
  return `<!doctype html><html><head><title>Error</title></head><body><h1>Bad request</h1><p>${what}</p></body></html>`;
}
