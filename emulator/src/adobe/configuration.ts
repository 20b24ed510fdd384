/** GET /api/v2/{serviceProvider}/configuration (spec §5.1, A1: sample shape with mvpds nested in requestor). */
import type { FastifyInstance } from 'fastify';
import { authorizeCaller, deviceId, deviceInfo } from './request';
import type { AdobeState } from './state';

export function registerConfigurationRoute(app: FastifyInstance, state: AdobeState, publicUrl: () => string): void {
  app.get<{ Params: { sp: string } }>('/api/v2/:sp/configuration', async (req, reply) => {
    const { sp } = authorizeCaller(state, req, req.params.sp);
    deviceId(req, false);
    const info = deviceInfo(state, req, false);
    const mvpds = sp.integrations
      .map((i) => state.integration(sp.id, i.mvpd))
      .filter((i) => i !== undefined && i.enabled)
      .map((i) => {
        const m = i!.mvpd;
        return {
          id: m.id,
          displayName: m.displayName,
          logoUrl: m.hasLogo === false ? undefined : `${publicUrl()}/__mock-mvpd/logos/${encodeURIComponent(m.id)}.png`,
          isTempPass: m.tempPass !== undefined,
          isProxy: m.isProxy ?? false,
          boardingStatus: m.boardingStatus,
          platformMappingId: m.platformMappingId,
          enablePlatformServices: i!.enablePlatformServices,
          displayInPlatformPicker: i!.displayInPlatformPicker,
          enforcePlatformPermissions: false,
          authPerAggregator: false,
          passiveAuthnEnabled: false,
        };
      });
    return reply.type('application/json;charset=UTF-8').send({
      device: classifyDevice(info),
      clientType: 'html5',
      os: typeof info?.osName === 'string' ? info.osName : 'unknown',
      requestor: { id: sp.id, name: sp.name, domains: sp.domains, mvpds },
    });
  });
}

function classifyDevice(info: Record<string, unknown> | null): string {
  const t = typeof info?.primaryHardwareType === 'string' ? info.primaryHardwareType : '';
  if (t === 'TV' || t === 'SetTopBox' || t === 'MediaPlayer') return 'tv';
  if (t === 'MobilePhone') return 'mobile';
  if (t === 'Tablet') return 'tablet';
  if (t === 'Desktop') return 'desktop';
  return 'unknown';
}
