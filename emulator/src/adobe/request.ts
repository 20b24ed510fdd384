/** Request helpers shared by the REST API V2 handlers: headers, bearer token, service provider, integration. */
import type { FastifyRequest } from 'fastify';
import type { RegisteredApplication, ServiceProviderFixture } from './fixtures';
import { ApiError } from './errors';
import type { AccessToken, AdobeState, Client, DeviceSnapshot, Integration } from './state';

export function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  if (Array.isArray(v)) return v[0];
  return v === undefined ? undefined : String(v);
}

export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/** Client IP for throttling and the device snapshot: first X-Forwarded-For entry, else the socket address. */
export function clientIp(req: FastifyRequest): string {
  const xff = header(req, 'x-forwarded-for');
  if (xff) {
    const first = xff.split(',')[0].trim();
    if (first) return first;
  }
  return req.ip;
}

export function isJsonContentType(req: FastifyRequest): boolean {
  const ct = (header(req, 'content-type') ?? '').toLowerCase();
  return /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/.test(ct.trim());
}

export function isFormContentType(req: FastifyRequest): boolean {
  const ct = (header(req, 'content-type') ?? '').toLowerCase();
  return /^application\/x-www-form-urlencoded\s*(;.*)?$/.test(ct.trim());
}

/** Body as a plain record (form or JSON object), or null when it is something else. */
export function bodyRecord(req: FastifyRequest): Record<string, unknown> | null {
  const b = req.body;
  if (typeof b === 'object' && b !== null && !Array.isArray(b) && !Buffer.isBuffer(b)) return b as Record<string, unknown>;
  return null;
}

/** A single string form field; arrays (duplicated fields) and non-strings count as absent-or-invalid. */
export function field(body: Record<string, unknown> | null, name: string): string | undefined {
  const v = body?.[name];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

export interface Caller {
  token: AccessToken;
  client: Client;
  app: RegisteredApplication;
  sp: ServiceProviderFixture;
}

/**
 * Bearer check (A11) then service provider check: unknown/expired/garbled token or revoked client/statement →
 * 401 invalid_access_token_client_application; unknown sp → 400; sp outside the registered app → 401
 * invalid_access_token_service_provider.
 */
export function authorizeCaller(state: AdobeState, req: FastifyRequest, spId: string): Caller {
  const auth = header(req, 'authorization') ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
  const token = m ? state.tokens.get(m[1]) : undefined;
  const client = token ? state.clients.get(token.clientId) : undefined;
  const app = client ? state.application(client.softwareId) : undefined;
  if (!token || !client || !app || token.expiresAt <= state.now() || client.revoked || state.revokedStatements.has(client.softwareId)) {
    throw new ApiError('invalid_access_token_client_application');
  }
  const sp = state.serviceProvider(spId);
  if (!sp) throw new ApiError('invalid_parameter_service_provider');
  if (!app.serviceProviders.includes(sp.id)) throw new ApiError('invalid_access_token_service_provider');
  return { token, client, app, sp };
}

/** AP-Device-Identifier: `fingerprint <base64>` (spec §6.2). Returns the decoded device id. */
export function deviceId(req: FastifyRequest, required: boolean): string | undefined {
  const raw = header(req, 'ap-device-identifier');
  if (raw === undefined || raw.trim() === '') {
    if (required) throw new ApiError('invalid_header_device_identifier');
    return undefined;
  }
  const m = /^fingerprint ([A-Za-z0-9+/_-]+={0,2})$/.exec(raw.trim());
  const decoded = m ? Buffer.from(m[1], 'base64').toString('utf8') : '';
  // A device id with control characters is garbage from a broken client, not an identifier.
  // eslint-disable-next-line no-control-regex
  if (!m || decoded.trim() === '' || /[\u0000-\u001f]/.test(decoded)) {
    if (required) throw new ApiError('invalid_header_device_identifier');
    return undefined;
  }
  return decoded;
}

const REQUIRED_INFO_KEYS = ['model', 'version', 'osName', 'osVersion', 'connectionType'];
const RESTRICTED: Record<string, string[]> = {
  primaryHardwareType: ['Camera', 'DataCollectionTerminal', 'Desktop', 'EmbeddedNetworkModule', 'eReader', 'GamesConsole',
    'GeolocationTracker', 'Glasses', 'MediaPlayer', 'MobilePhone', 'PaymentTerminal', 'PluginModem', 'SetTopBox', 'TV',
    'Tablet', 'WirelessHotspot', 'Wristwatch', 'Unknown'],
  osName: ['Android', 'Chrome OS', 'Linux', 'Mac OS', 'OS X', 'OpenBSD', 'Roku OS', 'Windows', 'iOS', 'tvOS', 'webOS'],
  osFamily: ['Android', 'BSD', 'Linux', 'PlayStation OS', 'Roku OS', 'Symbian', 'Tizen', 'Windows', 'iOS', 'tvOS', 'macOS', 'webOS'],
  osVendor: ['Amazon', 'Apple', 'Google', 'LG', 'Microsoft', 'Mozilla', 'Nintendo', 'Nokia', 'Roku', 'Samsung', 'Sony', 'Tizen Project'],
  browserName: ['Android Browser', 'Chrome', 'Edge', 'Firefox', 'Internet Explorer', 'Opera', 'Safari', 'SeaMonkey', 'Symbian Browser'],
  browserVendor: ['Amazon', 'Apple', 'Google', 'Microsoft', 'Motorola', 'Mozilla', 'Netscape', 'Nintendo', 'Nokia', 'Samsung', 'Sony Ericsson'],
};

/** Explains why an X-Device-Info value is rejected (null = acceptable). Exported for tests and the README. */
export function deviceInfoProblem(info: Record<string, unknown>, strict: boolean): string | null {
  if (!strict) return null;
  for (const k of REQUIRED_INFO_KEYS) {
    if (typeof info[k] !== 'string' || (info[k] as string).trim() === '') return `missing ${k}`;
  }
  for (const [k, allowed] of Object.entries(RESTRICTED)) {
    if (info[k] !== undefined && !allowed.includes(String(info[k]))) return `${k} not one of the documented values`;
  }
  return null;
}

/** X-Device-Info: Base64 of a JSON object (spec §6.3); validated per A10. */
export function deviceInfo(state: AdobeState, req: FastifyRequest, required: boolean): Record<string, unknown> | null {
  const raw = header(req, 'x-device-info');
  if (raw === undefined || raw.trim() === '') {
    if (required) throw new ApiError('invalid_header_device_info');
    return null;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw.trim(), 'base64').toString('utf8'));
  } catch {
    parsed = null;
  }
  const ok = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  const problem = ok ? deviceInfoProblem(parsed as Record<string, unknown>, state.settings.strictDeviceInfo) : 'not Base64 JSON';
  if (problem !== null) {
    if (required) throw new ApiError('invalid_header_device_info', { message: `The X-Device-Info header is invalid: ${problem}.` });
    return null;
  }
  return parsed as Record<string, unknown>;
}

export function deviceSnapshot(req: FastifyRequest, info: Record<string, unknown> | null): DeviceSnapshot {
  return {
    deviceInfo: info,
    userAgent: header(req, 'user-agent') ?? null,
    ip: clientIp(req),
    port: req.socket.remotePort ?? 0,
    secure: req.protocol === 'https',
  };
}

/** The MVPD must exist (else invalid_parameter_mvpd) and be integrated and enabled for sp (else invalid_integration). */
export function requireIntegration(state: AdobeState, sp: string, mvpd: string | undefined): Integration {
  if (!mvpd || !state.mvpdFixture(mvpd)) throw new ApiError('invalid_parameter_mvpd');
  const i = state.integration(sp, mvpd);
  if (!i || !i.enabled) throw new ApiError('invalid_integration');
  return i;
}

/** Absolute URL: http(s) with a host, or a custom scheme (e.g. demotv://done). */
export function isValidRedirectUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host !== '' : true;
  } catch {
    return false;
  }
}
