/**
 * Sessions (spec §5.2–§5.5): create, resume, retrieve, and the user-agent authenticate redirect.
 * Evaluation order per emulator-decisions §4.2 item 5.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AdobeContext } from './context';
import { ApiError } from './errors';
import { sessionProblem } from './login';
import {
  authorizeCaller,
  bodyRecord,
  deviceId,
  deviceInfo,
  deviceSnapshot,
  field,
  isFormContentType,
  isValidRedirectUrl,
  requireIntegration,
} from './request';
import { ssoProfiles, ssoSubjects, type SsoSubject } from './sso';
import type { AdobeState, DeviceSnapshot, Session } from './state';

const PARAMS = ['mvpd', 'domainName', 'redirectUrl'] as const;
/** The names Adobe's samples print in missingParameters / existingParameters (`domain`, not `domainName`). */
const WIRE_NAME: Record<(typeof PARAMS)[number], string> = { mvpd: 'mvpd', domainName: 'domain', redirectUrl: 'redirectUrl' };
const CODE_RE = /^[A-Za-z0-9]{4,16}$/;

type ActionName = 'authenticate' | 'resume' | 'retry' | 'authorize';

function json(reply: FastifyReply, body: unknown): FastifyReply {
  return reply.type('application/json;charset=UTF-8').send(body);
}

export function requireForm(req: FastifyRequest): Record<string, unknown> {
  if (!isFormContentType(req)) {
    // 400: the statuses Adobe lists for these endpoints are 200, 400, 401, 405 and 500 (no 415).
    throw new ApiError('invalid_request', { status: 400, message: 'Content-Type must be application/x-www-form-urlencoded.' });
  }
  return bodyRecord(req) ?? {};
}

/** Live session for a code typed or passed by a client, or the documented error. */
export function liveSession(state: AdobeState, sp: string, code: string): Session {
  if (!CODE_RE.test(code)) throw new ApiError('invalid_parameter_code');
  const s = state.sessions.get(code.toUpperCase());
  if (!s || s.sp !== sp || s.state === 'invalidated' || s.notAfter <= state.now()) throw new ApiError('invalid_authentication_session');
  return s;
}

/** Short-circuit to authorization (existing profile, TempPass, AuthNAll degradation), else null. */
function shortCircuit(
  state: AdobeState,
  sp: string,
  clientId: string,
  devId: string,
  mvpd: string,
  sso: SsoSubject[],
): 'authenticated' | 'authenticatedSSO' | 'temporary' | 'degraded' | null {
  if (state.lookupProfile(clientId, devId, sp, mvpd).profile) return 'authenticated';
  if (ssoProfiles(state, sso, mvpd).length > 0) return 'authenticatedSSO';
  const i = state.integration(sp, mvpd)!;
  if (i.mvpd.tempPass) return 'temporary';
  if (i.degradation === 'AuthNAll') return 'degraded';
  return null;
}

function missingOf(s: Pick<Session, 'mvpd' | 'domainName' | 'redirectUrl'>): string[] {
  return PARAMS.filter((p) => !s[p]).map((p) => WIRE_NAME[p]);
}

/**
 * domainName must be one of the service provider's registered domains (configuration `requestor.domains`) or a
 * sub-domain of one. An unlisted value is not kept: the session then reports it missing, so the app resumes
 * with a valid value (the sessions pages: "resume the authentication session and provide a valid value").
 */
export function domainAllowed(state: AdobeState, sp: string, domain: string): boolean {
  const d = domain.trim().toLowerCase().replace(/\.$/, '');
  return (state.serviceProvider(sp)?.domains ?? []).some((x) => {
    const name = x.name.toLowerCase();
    return d === name || d.endsWith(`.${name}`);
  });
}

function action(
  s: Session,
  name: ActionName,
  reasonType: string,
): Record<string, unknown> {
  const base: Record<string, unknown> = { actionName: name };
  if (name === 'authenticate') {
    Object.assign(base, { actionType: 'interactive', reasonType, url: `/api/v2/authenticate/${s.sp}/${s.code}`, code: s.code });
  } else if (name === 'authorize') {
    Object.assign(base, { actionType: 'direct', reasonType, url: `/api/v2/${s.sp}/decisions/authorize/${s.mvpd}` });
  } else {
    Object.assign(base, {
      actionType: 'direct', reasonType, url: `/api/v2/${s.sp}/sessions/${s.code}`, missingParameters: missingOf(s), code: s.code,
    });
  }
  base.sessionId = s.sessionId;
  if (s.mvpd) base.mvpd = s.mvpd;
  base.serviceProvider = s.sp;
  if (name !== 'authorize') {
    base.notBefore = String(s.notBefore);
    base.notAfter = String(s.notAfter);
  }
  return base;
}

/** Reads and validates mvpd/domainName/redirectUrl from a form body (each optional). */
function readParams(state: AdobeState, sp: string, body: Record<string, unknown>): Partial<Record<(typeof PARAMS)[number], string>> {
  const out: Partial<Record<(typeof PARAMS)[number], string>> = {};
  const mvpd = field(body, 'mvpd');
  if (mvpd !== undefined) {
    requireIntegration(state, sp, mvpd);
    out.mvpd = mvpd;
  }
  const domainName = field(body, 'domainName') ?? field(body, 'domain');
  if (domainName !== undefined && domainAllowed(state, sp, domainName)) out.domainName = domainName;
  const redirectUrl = field(body, 'redirectUrl');
  if (redirectUrl !== undefined) {
    if (!isValidRedirectUrl(redirectUrl)) throw new ApiError('invalid_parameter_redirect_url');
    out.redirectUrl = redirectUrl;
  }
  if (Array.isArray(body.mvpd)) throw new ApiError('invalid_parameter_mvpd');
  if (Array.isArray(body.redirectUrl)) throw new ApiError('invalid_parameter_redirect_url');
  return out;
}

export function registerSessionRoutes(app: FastifyInstance, ctx: AdobeContext): void {
  const { state } = ctx;

  app.post<{ Params: { sp: string } }>('/api/v2/:sp/sessions', async (req, reply) => {
    const { sp, client } = authorizeCaller(state, req, req.params.sp);
    const devId = deviceId(req, true)!;
    const info = deviceInfo(state, req, true);
    const params = readParams(state, sp.id, requireForm(req));
    const now = state.now();
    const sso = ssoSubjects(state, req);

    if (params.mvpd) {
      const reason = shortCircuit(state, sp.id, client.clientId, devId, params.mvpd, sso);
      if (reason) {
        const pseudo = { sp: sp.id, mvpd: params.mvpd, sessionId: state.newId() } as Session;
        return json(reply, action(pseudo, 'authorize', reason));
      }
    }
    if (state.settings.newSessionInvalidatesOld) {
      for (const old of state.sessions.values()) {
        if (old.state === 'pending' && old.clientId === client.clientId && old.deviceId === devId && old.sp === sp.id) old.state = 'invalidated';
      }
    }
    const session: Session = {
      code: state.newCode(),
      sessionId: state.newId(),
      sp: sp.id,
      clientId: client.clientId,
      deviceId: devId,
      device: deviceSnapshot(req, info),
      ...params,
      notBefore: now,
      notAfter: now + state.settings.sessionTtlMs,
      state: 'pending',
      sso,
    };
    state.sweepSessions();
    state.sessions.set(session.code, session);
    return json(reply, action(session, missingOf(session).length > 0 ? 'resume' : 'authenticate', 'none'));
  });

  app.post<{ Params: { sp: string; code: string } }>('/api/v2/:sp/sessions/:code', async (req, reply) => {
    const { sp } = authorizeCaller(state, req, req.params.sp);
    const body = requireForm(req);
    const session = liveSession(state, sp.id, req.params.code);
    Object.assign(session, readParams(state, sp.id, body));
    if (missingOf(session).length > 0) return json(reply, action(session, 'retry', 'none'));
    if (session.state === 'authenticated') return json(reply, action(session, 'authorize', 'authenticated'));
    // Resume has no authenticatedSSO (spec §5.3): an SSO short-cut counts as authenticated here.
    const reason = shortCircuit(state, sp.id, session.clientId, session.deviceId, session.mvpd!, session.sso ?? []);
    if (reason) return json(reply, action(session, 'authorize', reason === 'authenticatedSSO' ? 'authenticated' : reason));
    return json(reply, action(session, 'authenticate', 'none'));
  });

  app.get<{ Params: { sp: string; code: string } }>('/api/v2/:sp/sessions/:code', async (req, reply) => {
    const { sp } = authorizeCaller(state, req, req.params.sp);
    const session = liveSession(state, sp.id, req.params.code);
    const existing: Record<string, string> = {};
    for (const p of PARAMS) if (session[p]) existing[WIRE_NAME[p]] = session[p]!;
    existing.serviceProvider = session.sp;
    const body: Record<string, unknown> = { existingParameters: existing };
    const missing = missingOf(session);
    if (missing.length > 0) body.missingParameters = missing;
    body.device = deviceObject(session.device, sp.id);
    body.notBefore = String(session.notBefore);
    body.notAfter = String(session.notAfter);
    return json(reply, body);
  });

  // Top-level browser navigation: no Authorization; errors are text/html (spec §5.5).
  app.get<{ Params: { sp: string; code: string } }>('/api/v2/authenticate/:sp/:code', async (req, reply) => {
    if (!state.serviceProvider(req.params.sp)) throw new ApiError('invalid_parameter_service_provider');
    if (!CODE_RE.test(req.params.code)) throw new ApiError('invalid_parameter_code');
    const session = state.sessions.get(req.params.code.toUpperCase());
    const problem = session && session.sp === req.params.sp ? sessionProblem(state, session) : 'unknown';
    if (problem === 'integration') throw new ApiError('invalid_integration');
    if (problem !== null) throw new ApiError('invalid_authentication_session');
    const q = new URLSearchParams({ code: session!.code, requestor_id: session!.sp, domain_name: session!.domainName! });
    return reply.redirect(`/__mock-mvpd/${encodeURIComponent(session!.mvpd!)}/login?${q.toString()}`, 302);
  });
}

const ZERO_VERSION = { major: 0, minor: 0, patch: 0, profile: '' };

function versionOf(v: unknown): typeof ZERO_VERSION {
  if (typeof v !== 'string') return ZERO_VERSION;
  const [major, minor, patch] = v.split('.').map((n) => Number.parseInt(n, 10));
  return { major: major || 0, minor: minor || 0, patch: patch || 0, profile: '' };
}

/** The backend's view of the streaming device (spec §5.4 `device` object), built from its X-Device-Info. */
function deviceObject(d: DeviceSnapshot, sp: string): Record<string, unknown> {
  const i = d.deviceInfo ?? {};
  const s = (k: string): string | null => (typeof i[k] === 'string' ? (i[k] as string) : null);
  const n = (k: string): number | null => (typeof i[k] === 'number' ? (i[k] as number) : null);
  return {
    type: s('primaryHardwareType') ?? 'Unknown',
    model: s('model'),
    version: versionOf(i.version),
    hardware: { name: null, vendor: s('vendor'), version: ZERO_VERSION, manufacturer: s('manufacturer') },
    operatingSystem: { name: s('osName'), family: s('osFamily'), vendor: s('osVendor'), version: versionOf(i.osVersion) },
    browser: {
      name: s('browserName'), vendor: s('browserVendor'), version: versionOf(i.browserVersion),
      userAgent: s('userAgent') ?? d.userAgent, originalUserAgent: d.userAgent,
    },
    display: { width: n('displayWidth') ?? 0, height: n('displayHeight') ?? 0, ppi: n('displayPpi') ?? 0, name: 'DISPLAY', vendor: null, version: null, diagonalSize: n('diagonalScreenSize') === null ? null : String(n('diagonalScreenSize')) },
    applicationId: s('applicationId') ?? sp,
    connection: {
      ipAddress: s('connectionIp') ?? d.ip,
      port: String(n('connectionPort') ?? d.port),
      secure: typeof i.connectionSecure === 'boolean' ? i.connectionSecure : d.secure,
      type: s('connectionType') ?? 'unknown',
    },
  };
}
