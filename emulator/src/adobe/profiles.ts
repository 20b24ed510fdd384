/** Profiles (spec §5.6–§5.8): all, by MVPD (incl. TempPass and degraded), by code (polling target). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AdobeContext } from './context';
import { ApiError } from './errors';
import { degradedProfile, profileJson } from './profile-view';
import { authorizeCaller, deviceId, deviceInfo, requireIntegration } from './request';
import { liveSession } from './sessions';
import { ssoProfiles, ssoSubjects, type SsoSubject } from './sso';
import type { AdobeState, Integration } from './state';
import { checkTempPass, quotaUsedUp, tempPassProfile } from './temppass';

function json(reply: FastifyReply, body: unknown): FastifyReply {
  return reply.type('application/json;charset=UTF-8').send(body);
}

/** Profile for one MVPD as the per-MVPD and per-code endpoints see it (null = none). */
function profileFor(
  state: AdobeState,
  req: FastifyRequest,
  i: Integration,
  clientId: string,
  devId: string,
  sso: SsoSubject[],
): Record<string, unknown> | null {
  if (i.mvpd.tempPass) {
    const t = checkTempPass(state, req, i, devId, { needIdentity: i.mvpd.tempPass.kind === 'promotional' });
    if (t.problem) throw new ApiError(t.problem);
    if (quotaUsedUp(i, t.ledger)) throw new ApiError('temporary_access_resources_limit_exceeded');
    return profileJson(tempPassProfile(state, i, t.ledger, devId, t.hash));
  }
  const found = state.lookupProfile(clientId, devId, i.sp, i.mvpd.id).profile;
  if (found) return profileJson(found);
  const shared = ssoProfiles(state, sso, i.mvpd.id)[0];
  if (shared) return profileJson(shared);
  if (i.degradation === 'AuthNAll') return profileJson(degradedProfile(state, devId));
  return null;
}

export function registerProfileRoutes(app: FastifyInstance, ctx: AdobeContext): void {
  const { state } = ctx;

  app.get<{ Params: { sp: string } }>('/api/v2/:sp/profiles', async (req, reply) => {
    const { sp, client } = authorizeCaller(state, req, req.params.sp);
    const devId = deviceId(req, true)!;
    deviceInfo(state, req, true);
    const profiles: Record<string, unknown> = {};
    for (const p of state.validProfilesFor(client.clientId, devId, sp.id)) {
      if (state.integration(sp.id, p.mvpd)?.enabled) profiles[p.mvpd] = profileJson(p);
    }
    for (const p of ssoProfiles(state, ssoSubjects(state, req))) {
      if (!(p.mvpd in profiles) && state.integration(sp.id, p.mvpd)?.enabled) profiles[p.mvpd] = profileJson(p);
    }
    return json(reply, { profiles });
  });

  app.get<{ Params: { sp: string; code: string } }>('/api/v2/:sp/profiles/code/:code', async (req, reply) => {
    const { sp } = authorizeCaller(state, req, req.params.sp);
    deviceId(req, false);
    const session = liveSession(state, sp.id, req.params.code);
    if (!session.mvpd) return json(reply, { profiles: {} });
    const i = requireIntegration(state, sp.id, session.mvpd);
    // A resume can short-circuit to `authorize` when the TV's device already holds a profile for this MVPD
    // (signed in elsewhere meanwhile): the polling TV must then see that profile, not an eternal `{}`.
    const alreadySignedIn = Boolean(state.lookupProfile(session.clientId, session.deviceId, sp.id, session.mvpd).profile);
    if (session.state !== 'authenticated' && !alreadySignedIn && !i.mvpd.tempPass && i.degradation !== 'AuthNAll') {
      return json(reply, { profiles: {} });
    }
    const p = profileFor(state, req, i, session.clientId, session.deviceId, session.sso ?? []);
    return json(reply, { profiles: p ? { [i.mvpd.id]: p } : {} });
  });

  app.get<{ Params: { sp: string; mvpd: string } }>('/api/v2/:sp/profiles/:mvpd', async (req, reply) => {
    const { sp, client } = authorizeCaller(state, req, req.params.sp);
    const devId = deviceId(req, true)!;
    deviceInfo(state, req, true);
    const i = requireIntegration(state, sp.id, req.params.mvpd);
    const p = profileFor(state, req, i, client.clientId, devId, ssoSubjects(state, req));
    return json(reply, { profiles: p ? { [i.mvpd.id]: p } : {} });
  });
}
