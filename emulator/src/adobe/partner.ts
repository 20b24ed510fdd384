/**
 * Partner SSO (spec §5.12/§5.13), minimal per A18: sessions/sso/{partner} answers a fallback to basic
 * authentication (pfs_fallback when AP-Partner-Framework-Status is missing or undecodable, else
 * configuration_fallback — partner SSO is not configured in the emulator); profiles/sso/{partner} validates its
 * input and reports the partner profile exchange as unconfigured.
 */
import type { FastifyInstance } from 'fastify';
import type { AdobeContext } from './context';
import { ApiError } from './errors';
import { authorizeCaller, deviceId, deviceInfo, deviceSnapshot, field, header, isValidRedirectUrl } from './request';
import { requireForm } from './sessions';
import type { Session } from './state';

const PARTNERS = ['apple'];

function frameworkStatus(raw: string | undefined): Record<string, unknown> | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(Buffer.from(raw.trim(), 'base64').toString('utf8')) as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function registerPartnerRoutes(app: FastifyInstance, ctx: AdobeContext): void {
  const { state } = ctx;

  app.post<{ Params: { sp: string; partner: string } }>('/api/v2/:sp/sessions/sso/:partner', async (req, reply) => {
    const { sp, client } = authorizeCaller(state, req, req.params.sp);
    if (!PARTNERS.includes(req.params.partner.toLowerCase())) throw new ApiError('invalid_parameter_partner');
    const devId = deviceId(req, true)!;
    const info = deviceInfo(state, req, true);
    const body = requireForm(req);
    const domainName = field(body, 'domainName');
    const redirectUrl = field(body, 'redirectUrl');
    if (redirectUrl !== undefined && !isValidRedirectUrl(redirectUrl)) throw new ApiError('invalid_parameter_redirect_url');
    const pfs = frameworkStatus(header(req, 'ap-partner-framework-status'));
    const now = state.now();
    const session: Session = {
      code: state.newCode(), sessionId: state.newId(), sp: sp.id, clientId: client.clientId, deviceId: devId,
      device: deviceSnapshot(req, info), domainName, redirectUrl, notBefore: now, notAfter: now + state.settings.sessionTtlMs, state: 'pending',
    };
    state.sessions.set(session.code, session);
    // The MVPD is unknown here (it would come from the framework), so the fallback is always a resume.
    const missing = ['mvpd', ...(domainName ? [] : ['domainName']), ...(redirectUrl ? [] : ['redirectUrl'])];
    return reply.type('application/json;charset=UTF-8').send({
      actionName: 'resume', actionType: 'direct', reasonType: pfs ? 'configuration_fallback' : 'pfs_fallback',
      missingParameters: missing, url: `/api/v2/${sp.id}/sessions/${session.code}`, code: session.code,
      sessionId: session.sessionId, serviceProvider: sp.id, notBefore: String(session.notBefore), notAfter: String(session.notAfter),
    });
  });

  app.post<{ Params: { sp: string; partner: string } }>('/api/v2/:sp/profiles/sso/:partner', async (req) => {
    const { sp } = authorizeCaller(state, req, req.params.sp);
    if (!PARTNERS.includes(req.params.partner.toLowerCase())) throw new ApiError('invalid_parameter_partner');
    deviceId(req, true);
    deviceInfo(state, req, true);
    const body = requireForm(req);
    const saml = field(body, 'SAMLResponse');
    if (!saml || !/^[A-Za-z0-9+/]+={0,2}$/.test(saml.trim())) throw new ApiError('invalid_parameter_saml_response');
    const pfs = frameworkStatus(header(req, 'ap-partner-framework-status'));
    const perm = pfs?.frameworkPermissionInfo as { accessStatus?: string } | undefined;
    if (!perm?.accessStatus) throw new ApiError('invalid_header_pfs_permission_access_not_present');
    if (perm.accessStatus === 'notDetermined') throw new ApiError('invalid_header_pfs_permission_access_not_determined');
    if (perm.accessStatus !== 'granted') throw new ApiError('invalid_header_pfs_permission_access_not_granted');
    const provider = pfs?.frameworkProviderInfo as { id?: unknown; expirationDate?: unknown } | undefined;
    const mapped = state.fixtures.mvpds.find((m) => m.platformMappingId !== undefined && m.platformMappingId === provider?.id);
    if (!mapped || !state.integration(sp.id, mapped.id)?.enabled) throw new ApiError('invalid_header_pfs_provider_id_not_determined');
    if (!(Number(provider?.expirationDate) > state.now())) throw new ApiError('invalid_header_pfs_provider_info_expired');
    // No SAML here: the emulator cannot turn a partner response into a profile (A18).
    throw new ApiError('invalid_configuration_mvpd_platform_profile_exchange');
  });
}
