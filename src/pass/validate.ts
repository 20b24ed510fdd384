/**
 * Hand-written run-time validation of every response (no schema library: the TV downloads every byte).
 * Tolerant of the documented variances (spec §18): numbers as strings, `domain`/`domainName`,
 * config `mvpds` top level or inside `requestor`, array or object bodies, wrapped or bare attribute
 * values, resume `authorize` without code. Unknown fields and enum values are ignored/passed through.
 * Anything else unreadable throws a PassError of kind 'malformed'.
 */
import { malformed, type EnhancedError } from './errors';
import type {
  ClientCredentials,
  Configuration,
  ConfigurationMvpd,
  DecisionItem,
  LogoutEntry,
  MediaToken,
  Profile,
  ProfileAttributeValue,
  SessionAction,
  SessionInfo,
} from './types';
import { resolveUrl } from './url';

type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Epoch ms given as a number or a numeric string (§18.2). */
export function optTime(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function record(body: unknown, what: string): Json {
  if (!isRecord(body)) throw malformed(what);
  return body;
}

/** DCR register (§4.1): client_id and client_secret are all we need, but both are mandatory. */
export function parseRegister(body: unknown): ClientCredentials {
  const b = record(body, 'registration');
  const clientId = optString(b.client_id);
  const clientSecret = optString(b.client_secret);
  if (!clientId || !clientSecret) throw malformed('registration');
  return { clientId, clientSecret, issuedAt: optTime(b.client_id_issued_at) };
}

/** DCR token (§4.2): access_token + expires_in (seconds). */
export function parseToken(body: unknown): { accessToken: string; expiresInS: number } {
  const b = record(body, 'access token');
  const accessToken = optString(b.access_token);
  const expiresInS = optTime(b.expires_in);
  if (!accessToken || expiresInS === undefined || expiresInS <= 0) throw malformed('access token');
  return { accessToken, expiresInS };
}

function parseMvpd(entry: unknown): ConfigurationMvpd | undefined {
  if (!isRecord(entry)) return undefined;
  const id = optString(entry.id);
  if (!id) return undefined;
  return {
    id,
    displayName: optString(entry.displayName) || id,
    logoUrl: optString(entry.logoUrl),
    isTempPass: entry.isTempPass === true,
    isProxy: entry.isProxy === true,
  };
}

/** Configuration (§5.1, §18.4): object or array of objects; mvpds at top level or in `requestor`. */
export function parseConfiguration(body: unknown): Configuration {
  const candidates = Array.isArray(body) ? body : [body];
  for (const candidate of candidates) {
    if (!isRecord(candidate)) continue;
    const requestor = isRecord(candidate.requestor) ? candidate.requestor : undefined;
    const list = Array.isArray(candidate.mvpds)
      ? candidate.mvpds
      : requestor && Array.isArray(requestor.mvpds)
        ? requestor.mvpds
        : undefined;
    if (!list) continue;
    const mvpds: ConfigurationMvpd[] = [];
    for (const entry of list) {
      const mvpd = parseMvpd(entry);
      if (mvpd) mvpds.push(mvpd);
    }
    return {
      requestorId: requestor ? optString(requestor.id) : undefined,
      requestorName: requestor ? optString(requestor.name) : undefined,
      mvpds,
    };
  }
  throw malformed('configuration');
}

/** Session action (§5.2, §5.3, §7.1). */
export function parseSessionAction(body: unknown, restBaseUrl: string): SessionAction {
  const b = record(body, 'session');
  const actionName = optString(b.actionName);
  if (!actionName) throw malformed('session');
  const url = optString(b.url)?.trim();
  const action: SessionAction = {
    actionName,
    actionType: optString(b.actionType),
    reasonType: optString(b.reasonType),
    url: url ? resolveUrl(restBaseUrl, url) : undefined,
    code: optString(b.code),
    sessionId: optString(b.sessionId),
    mvpd: optString(b.mvpd),
    serviceProvider: optString(b.serviceProvider),
    missingParameters: stringArray(b.missingParameters).map(normaliseParameterName),
    notBefore: optTime(b.notBefore),
    notAfter: optTime(b.notAfter),
  };
  // Without a code the user has nothing to type: only `authorize` may lack it (§18.6).
  if ((actionName === 'authenticate' || actionName === 'resume' || actionName === 'retry') && !action.code) throw malformed('session');
  return action;
}

function normaliseParameterName(name: string): string {
  return name === 'domain' ? 'domainName' : name;
}

/** GET sessions/{code} (§5.4, §18.3). */
export function parseSessionInfo(body: unknown): SessionInfo {
  const b = record(body, 'session');
  const existing = isRecord(b.existingParameters) ? b.existingParameters : undefined;
  if (!existing) throw malformed('session');
  return {
    existingParameters: {
      mvpd: optString(existing.mvpd),
      domainName: optString(existing.domainName) ?? optString(existing.domain),
      redirectUrl: optString(existing.redirectUrl),
      serviceProvider: optString(existing.serviceProvider),
    },
    missingParameters: stringArray(b.missingParameters).map(normaliseParameterName),
    notBefore: optTime(b.notBefore),
    notAfter: optTime(b.notAfter),
    device: isRecord(b.device) ? b.device : undefined,
  };
}

/** Attribute values may be `{value, state}` or bare (§18.5). */
function parseAttribute(raw: unknown): ProfileAttributeValue {
  if (isRecord(raw) && 'value' in raw) return { value: raw.value, encrypted: raw.state === 'enc' };
  return { value: raw, encrypted: false };
}

/** `{ profiles: { <mvpd>: Profile } }` (§5.6–5.8). Entries without a readable `notAfter` are malformed. */
export function parseProfiles(body: unknown): Profile[] {
  const b = record(body, 'profiles');
  if (!isRecord(b.profiles)) throw malformed('profiles');
  const profiles: Profile[] = [];
  for (const key of Object.keys(b.profiles)) {
    const p = b.profiles[key];
    if (!isRecord(p)) throw malformed('profile');
    const notAfter = optTime(p.notAfter);
    if (notAfter === undefined) throw malformed('profile');
    const attributes: Record<string, ProfileAttributeValue> = {};
    if (isRecord(p.attributes)) for (const name of Object.keys(p.attributes)) attributes[name] = parseAttribute(p.attributes[name]);
    profiles.push({
      mvpd: key,
      notBefore: optTime(p.notBefore),
      notAfter,
      issuer: optString(p.issuer),
      type: optString(p.type) ?? 'regular',
      attributes,
    });
  }
  return profiles;
}

export function parseEnhancedError(raw: unknown): EnhancedError | undefined {
  if (!isRecord(raw)) return undefined;
  const code = optString(raw.code);
  const action = optString(raw.action);
  if (!code && !action) return undefined;
  return {
    status: optTime(raw.status),
    code,
    action,
    message: optString(raw.message),
    details: optString(raw.details),
    helpUrl: optString(raw.helpUrl),
    trace: optString(raw.trace),
  };
}

function parseMediaToken(raw: unknown): MediaToken | undefined {
  if (!isRecord(raw)) return undefined;
  const serializedToken = optString(raw.serializedToken);
  if (!serializedToken) return undefined;
  return { serializedToken, notBefore: optTime(raw.notBefore), notAfter: optTime(raw.notAfter) };
}

/** `{ decisions: [...] }` (§5.9, §5.10). */
export function parseDecisions(body: unknown): DecisionItem[] {
  const b = record(body, 'decisions');
  if (!Array.isArray(b.decisions)) throw malformed('decisions');
  return b.decisions.map((d) => {
    if (!isRecord(d)) throw malformed('decision');
    const resource = optString(d.resource);
    if (resource === undefined || typeof d.authorized !== 'boolean') throw malformed('decision');
    return {
      resource,
      mvpd: optString(d.mvpd),
      authorized: d.authorized,
      source: optString(d.source),
      token: parseMediaToken(d.token),
      notBefore: optTime(d.notBefore),
      notAfter: optTime(d.notAfter),
      error: parseEnhancedError(d.error),
    };
  });
}

/** `{ logouts: { <key>: entry } }` (§5.11, §18.8): url absolute or relative. */
export function parseLogout(body: unknown, restBaseUrl: string): LogoutEntry[] {
  const b = record(body, 'logout');
  if (!isRecord(b.logouts)) throw malformed('logout');
  const entries: LogoutEntry[] = [];
  for (const key of Object.keys(b.logouts)) {
    const e = b.logouts[key];
    if (!isRecord(e)) throw malformed('logout');
    const actionName = optString(e.actionName);
    if (!actionName) throw malformed('logout');
    const url = optString(e.url)?.trim();
    entries.push({
      key,
      actionName,
      actionType: optString(e.actionType),
      mvpd: optString(e.mvpd),
      url: url ? resolveUrl(restBaseUrl, url) : undefined,
    });
  }
  return entries;
}
