/** GET /api/v2/{serviceProvider}/logout/{mvpd} (spec §5.11, A12). */
import type { FastifyInstance } from 'fastify';
import type { AdobeContext } from './context';
import { ApiError } from './errors';
import { authorizeCaller, deviceId, deviceInfo, isValidRedirectUrl, requireIntegration } from './request';
import { ssoProfiles, ssoSubjects } from './sso';
import { profileKey } from './state';

export function registerLogoutRoute(app: FastifyInstance, ctx: AdobeContext): void {
  const { state } = ctx;
  app.get<{ Params: { sp: string; mvpd: string }; Querystring: Record<string, unknown> }>('/api/v2/:sp/logout/:mvpd', async (req, reply) => {
    const { sp, client } = authorizeCaller(state, req, req.params.sp);
    const devId = deviceId(req, true)!;
    deviceInfo(state, req, true);
    const i = requireIntegration(state, sp.id, req.params.mvpd);
    const redirectUrl = req.query.redirectUrl;
    if (typeof redirectUrl !== 'string' || !isValidRedirectUrl(redirectUrl)) throw new ApiError('invalid_parameter_redirect_url');

    const mvpd = i.mvpd.id;
    const key = profileKey(client.clientId, devId, sp.id, mvpd);
    // Single logout: with SSO headers the SSO profiles for this MVPD go too (spec §16).
    const shared = ssoProfiles(state, ssoSubjects(state, req), mvpd);
    for (const p of shared) state.profiles.delete(p.key);
    const own = state.profiles.get(key);
    if (own) state.profiles.delete(key);
    const ownValid = own !== undefined && !own.invalidated && own.notAfter > state.now();
    const existing = ownValid ? own : (shared[0] ?? own);
    const valid = ownValid || shared.length > 0;

    let entry: Record<string, unknown>;
    if (i.mvpd.tempPass || (!valid && i.degradation === 'AuthNAll')) {
      entry = { actionName: 'complete', actionType: 'none', mvpd };
    } else if (!valid) {
      entry = { actionName: 'invalid', actionType: 'none', mvpd };
    } else if (existing!.type === 'appleSSO') {
      entry = { actionName: 'partner_logout', actionType: 'partner_interactive', mvpd };
    } else if (i.mvpd.hasLogoutEndpoint) {
      const q = new URLSearchParams({ mso_id: mvpd, requestor_id: sp.id, redirect_url: redirectUrl });
      entry = { actionName: 'logout', actionType: 'interactive', mvpd, url: `${ctx.publicUrl()}/__mock-mvpd/${encodeURIComponent(mvpd)}/logout?${q.toString()}` };
    } else {
      entry = { actionName: 'complete', actionType: 'none', mvpd };
    }
    return reply.type('application/json;charset=UTF-8').send({ logouts: { [mvpd]: entry } });
  });
}
