/** Decisions (spec §5.9, §5.10): preauthorize (≤ N per integration) and authorize (1) with media tokens. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AdobeContext } from './context';
import { evaluate } from './entitlements';
import { ApiError, enhancedError, type EnhancedError } from './errors';
import { degradedUserId } from './profile-view';
import { echoResource } from './resource-echo';
import { authorizeCaller, deviceId, deviceInfo, isJsonContentType, requireIntegration } from './request';
import type { Integration, Profile } from './state';
import { ssoProfiles, ssoSubjects } from './sso';
import { assetKey, checkTempPass, startLedger } from './temppass';

type Kind = 'preauthorize' | 'authorize';
type Decision = Record<string, unknown>;

function json(reply: FastifyReply, body: unknown): FastifyReply {
  return reply.type('application/json;charset=UTF-8').send(body);
}

function readResources(req: FastifyRequest): string[] {
  if (!isJsonContentType(req)) {
    throw new ApiError('invalid_parameter_resources', { message: 'Content-Type must be application/json.' });
  }
  const body = req.body as { resources?: unknown } | null;
  const r = body && typeof body === 'object' ? body.resources : undefined;
  if (!Array.isArray(r) || r.length === 0 || !r.every((x) => typeof x === 'string' && x.trim() !== '')) {
    throw new ApiError('invalid_parameter_resources');
  }
  return r as string[];
}

export function registerDecisionRoutes(app: FastifyInstance, ctx: AdobeContext): void {
  const { state, mediaTokens } = ctx;

  const handler = (kind: Kind) => async (req: FastifyRequest<{ Params: { sp: string; mvpd: string } }>, reply: FastifyReply) => {
    const { sp, client } = authorizeCaller(state, req, req.params.sp);
    const devId = deviceId(req, true)!;
    deviceInfo(state, req, true);
    const i = requireIntegration(state, sp.id, req.params.mvpd);
    const resources = readResources(req);
    const max = kind === 'authorize' ? i.maxAuthorizeResources : i.maxPreauthorizeResources;
    if (resources.length > max) {
      // HTTP 400: Adobe lists 200, 400, 401, 405 and 500 for the decisions endpoints; the error keeps its own 403.
      throw new ApiError('too_many_resources', { message: `At most ${max} resource(s) per ${kind} request for this integration.`, httpStatus: 400 });
    }
    const now = state.now();
    const echo = state.settings.decisionResourceEcho;
    const base = (resource: string, source: string): Decision => ({ resource: echoResource(resource, echo), serviceProvider: sp.id, mvpd: i.mvpd.id, source });
    const deny = (resource: string, source: string, error: EnhancedError, window = false): Decision => ({
      ...base(resource, source),
      authorized: false,
      error,
      ...(window && kind === 'authorize' ? { notBefore: now, notAfter: now + i.authzTtlMs } : {}),
    });
    const permit = async (resource: string, source: string, userId: string, window: { notBefore: number; notAfter: number } | null): Promise<Decision> => {
      const d: Decision = { ...base(resource, source), authorized: true };
      if (kind === 'authorize') {
        const t = await mediaTokens.sign({ resource, requestor: sp.id, mvpd: i.mvpd.id, userId });
        d.token = { notBefore: t.notBefore, notAfter: t.notAfter, serializedToken: t.serializedToken };
        if (window) Object.assign(d, window);
      }
      return d;
    };
    const authzWindow = { notBefore: now, notAfter: now + i.authzTtlMs };

    // TempPass: no MVPD login; errors are item-level inside 200 (spec §5.10).
    if (i.mvpd.tempPass) {
      return json(reply, { decisions: await tempPassDecisions(kind, req, i, devId, resources, permit, deny) });
    }

    const own = state.lookupProfile(client.clientId, devId, sp.id, i.mvpd.id);
    const profile = own.profile ?? ssoProfiles(state, ssoSubjects(state, req), i.mvpd.id)[0];
    const problem = own.problem;
    if (!profile && i.degradation !== 'AuthNAll') {
      const code = `authenticated_profile_${problem ?? 'missing'}`;
      // Adobe lists no 403 for decisions: item-level inside a 200 by default, or top-level with HTTP 400.
      if (state.settings.decisionErrorPlacement === 'top') throw new ApiError(code, { httpStatus: 400 });
      return json(reply, { decisions: resources.map((r) => deny(r, 'mvpd', enhancedError(code))) });
    }
    if (i.degradation === 'AuthZNone') {
      return json(reply, { decisions: resources.map((r) => deny(r, 'degradation', enhancedError('authorization_denied_by_degradation_rule'))) });
    }
    if (!profile || i.degradation === 'AuthZAll') {
      // AuthNAll without a profile, or AuthZAll: permit everything; AuthZAll decisions carry no window (sample).
      const userId = profile ? String(profile.attributes.userID?.value ?? '') : degradedUserId(devId);
      const window = profile ? null : authzWindow;
      return json(reply, { decisions: await Promise.all(resources.map((r) => permit(r, 'degradation', userId, window))) });
    }
    return json(reply, { decisions: await Promise.all(resources.map((r) => mvpdDecision(kind, profile, r))) });

    async function mvpdDecision(k: Kind, p: Profile, resource: string): Promise<Decision> {
      const sub = p.username ? state.subscriber(p.username) : undefined;
      if (!sub) return deny(resource, 'mvpd', enhancedError('identity_not_recognized_by_mvpd'), true);
      const v = evaluate(sub, resource);
      if (v.permit) return permit(resource, 'mvpd', String(p.attributes.userID?.value ?? sub.attributes.userID), authzWindow);
      if (v.code === 'unparseable') {
        return deny(resource, 'mvpd', enhancedError('invalid_parameter_resources', { message: 'The MVPD could not parse the resource.' }));
      }
      if (v.code === 'parental') return deny(resource, 'mvpd', enhancedError('authorization_denied_by_parental_controls'), true);
      const code = k === 'authorize' ? 'authorization_denied_by_mvpd' : 'preauthorization_denied_by_mvpd';
      return deny(resource, 'mvpd', enhancedError(code, { message: v.denial?.message, details: v.denial?.details }), true);
    }
  };

  async function tempPassDecisions(
    kind: Kind,
    req: FastifyRequest,
    i: Integration,
    devId: string,
    resources: string[],
    permit: (r: string, source: string, userId: string, w: { notBefore: number; notAfter: number } | null) => Promise<Decision>,
    deny: (r: string, source: string, e: EnhancedError) => Decision,
  ): Promise<Decision[]> {
    const cfg = i.mvpd.tempPass!;
    const t = checkTempPass(state, req, i, devId, { needIdentity: kind === 'authorize' && cfg.kind === 'promotional' });
    if (t.problem) return resources.map((r) => deny(r, 'temppass', enhancedError(t.problem!)));
    if (kind === 'preauthorize') {
      // Informative only: never starts the trial clock; permits while the pass (would) allow it.
      const used = t.ledger?.usedAssets ?? [];
      return Promise.all(
        resources.map((r) =>
          cfg.kind === 'promotional' && used.length >= Number(cfg.maxResources) && !used.includes(assetKey(r))
            ? deny(r, 'temppass', enhancedError('temporary_access_resources_limit_exceeded'))
            : permit(r, 'temppass', t.ledger?.userId ?? '', null),
        ),
      );
    }
    const ledger = t.ledger ?? startLedger(state, i, devId, t.hash);
    const out: Decision[] = [];
    for (const r of resources) {
      const key = assetKey(r);
      if (cfg.kind === 'promotional' && !ledger.usedAssets.includes(key)) {
        if (ledger.usedAssets.length >= Number(cfg.maxResources)) {
          out.push(deny(r, 'temppass', enhancedError('temporary_access_resources_limit_exceeded')));
          continue;
        }
        ledger.usedAssets.push(key);
      }
      out.push(await permit(r, 'temppass', ledger.userId, { notBefore: state.now(), notAfter: ledger.expiresAt }));
    }
    return out;
  }

  app.post('/api/v2/:sp/decisions/preauthorize/:mvpd', handler('preauthorize'));
  app.post('/api/v2/:sp/decisions/authorize/:mvpd', handler('authorize'));
}
