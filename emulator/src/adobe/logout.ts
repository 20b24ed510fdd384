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
      // Adobe's basic sample: absolute https://sp.auth.adobe.com/adobe-services/logout?noflash=true&mso_id=…;
      // its SSO samples: relative /adobe-services/logout?requestor_id=…&mso_id=… (setting relativeLogoutUrls).
      const q = new URLSearchParams({ noflash: 'true', mso_id: mvpd, requestor_id: sp.id, redirect_url: redirectUrl });
      const path = `/adobe-services/logout?${q.toString()}`;
      entry = { actionName: 'logout', actionType: 'interactive', mvpd, url: state.settings.relativeLogoutUrls ? path : `${ctx.publicUrl()}${path}` };
    } else {
      entry = { actionName: 'complete', actionType: 'none', mvpd };
    }
    return reply.type('application/json;charset=UTF-8').send({ logouts: { [mvpd]: entry } });
  });

  // What the logout `url` opens in a browser: Adobe's SP hands over to the MVPD's logout page.
  app.get<{ Querystring: Record<string, unknown> }>('/adobe-services/logout', async (req, reply) => {
    const mvpd = typeof req.query.mso_id === 'string' ? req.query.mso_id : '';
    const m = state.mvpdFixture(mvpd);
    if (!m || !m.hasLogoutEndpoint) return reply.code(400).type('text/html').send('<!doctype html><p>Unknown MVPD or no logout endpoint.</p>');
    const q = new URLSearchParams();
    if (typeof req.query.redirect_url === 'string') q.set('redirect_url', req.query.redirect_url);
    return reply.redirect(`/__mock-mvpd/${encodeURIComponent(m.id)}/logout${q.size > 0 ? `?${q.toString()}` : ''}`, 302);
  });
}
