/** DCR: POST /o/client/register and POST /o/client/token (spec §4), OAuth-style errors. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { importJWK, jwtVerify, type JWK, type KeyLike } from 'jose';
import { OAuthError } from './errors';
import { bodyRecord, deviceInfo, isFormContentType, isJsonContentType } from './request';
import type { AdobeState } from './state';

const KNOWN_BUT_NOT_ALLOWED_GRANTS = ['authorization_code', 'refresh_token', 'password', 'implicit'];

/**
 * X-Device-Info is marked required on both DCR calls (pages and OpenAPI for register). DCR errors are OAuth
 * codes, so a missing or unreadable header is `invalid_request` ("misses a required parameter"); its content
 * is judged like on REST API V2 (strictDeviceInfo).
 */
function requireDeviceInfo(state: AdobeState, req: FastifyRequest): void {
  try {
    deviceInfo(state, req, true);
  } catch {
    throw new OAuthError('invalid_request');
  }
}

export async function registerDcrRoutes(app: FastifyInstance, state: AdobeState): Promise<void> {
  let key: KeyLike | Uint8Array | null = null;
  const statementKey = async (): Promise<KeyLike | Uint8Array> => {
    key ??= await importJWK(state.fixtures.statementKey as unknown as JWK, 'RS256');
    return key;
  };

  app.post('/o/client/register', async (req, reply) => {
    if (!isJsonContentType(req)) throw new OAuthError('invalid_request');
    requireDeviceInfo(state, req);
    const body = bodyRecord(req);
    const statement = body?.software_statement;
    if (typeof statement !== 'string' || statement.trim() === '') throw new OAuthError('invalid_request');
    const redirectUri = body?.redirect_uri;
    if (redirectUri !== undefined && typeof redirectUri !== 'string') throw new OAuthError('invalid_request');

    let softwareId: string;
    try {
      const { payload } = await jwtVerify(statement.trim(), await statementKey(), { algorithms: ['RS256'] });
      if (typeof payload.software_id !== 'string') throw new Error('no software_id');
      softwareId = payload.software_id;
    } catch {
      throw new OAuthError('invalid_software_statement');
    }
    const application = state.application(softwareId);
    if (!application || state.revokedStatements.has(softwareId)) throw new OAuthError('invalid_software_statement');
    if (application.status !== 'approved') throw new OAuthError('unapproved_software_statement');

    const redirectUris = redirectUri === undefined ? [] : [redirectUri];
    if (redirectUri !== undefined && !redirectAllowed(redirectUri, application.redirectUris)) {
      throw new OAuthError('invalid_redirect_uri');
    }
    const clientId = state.newId();
    const clientSecret = state.newSecret();
    const issuedAt = Math.floor(state.now() / 1000);
    state.clients.set(clientId, { clientId, clientSecret, softwareId, issuedAt, redirectUris, revoked: false });
    return reply.code(201).type('application/json;charset=UTF-8').send({
      client_id: clientId,
      client_secret: clientSecret,
      client_id_issued_at: issuedAt,
      redirect_uris: redirectUris,
      grant_types: ['client_credentials'],
      scopes: ['api:client:v2'],
    });
  });

  app.post('/o/client/token', async (req: FastifyRequest, reply) => {
    if (!isFormContentType(req)) throw new OAuthError('invalid_request');
    requireDeviceInfo(state, req);
    const body = bodyRecord(req) ?? {};
    const names = ['client_id', 'client_secret', 'grant_type'];
    for (const n of names) {
      // Missing, empty or duplicated (formbody turns repeats into arrays) → invalid_request.
      if (typeof body[n] !== 'string' || (body[n] as string) === '') throw new OAuthError('invalid_request');
    }
    const grantType = body.grant_type as string;
    if (grantType !== 'client_credentials') {
      throw new OAuthError(KNOWN_BUT_NOT_ALLOWED_GRANTS.includes(grantType) ? 'unauthorized_client' : 'unsupported_grant_type');
    }
    const client = state.clients.get(body.client_id as string);
    if (!client || client.clientSecret !== body.client_secret || client.revoked || state.revokedStatements.has(client.softwareId)) {
      throw new OAuthError('invalid_client');
    }
    const createdAt = state.now();
    const expiresIn = state.settings.accessTokenTtlS;
    const token = { token: state.newSecret(32), id: state.newId(), clientId: client.clientId, createdAt, expiresAt: createdAt + expiresIn * 1000 };
    state.tokens.set(token.token, token);
    return reply.code(201).type('application/json;charset=UTF-8').send({
      id: token.id,
      access_token: token.token,
      created_at: createdAt,
      expires_in: expiresIn,
      token_type: 'bearer',
    });
  });
}

/** A redirect URI is acceptable when it parses and starts with one of the registered application's allowed prefixes. */
function redirectAllowed(uri: string, allowed: string[]): boolean {
  try {
    new URL(uri);
  } catch {
    return false;
  }
  return allowed.some((prefix) => uri.startsWith(prefix));
}
