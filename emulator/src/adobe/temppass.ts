/** TempPass ledgers (spec §14, A13, A14): basic = TTL per device; promotional = TTL + distinct-resource quota per device or identity. */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normaliseResource } from '../media-token';
import type { TempPassConfig } from './fixtures';
import { header } from './request';
import type { AdobeState, AttributeValue, Integration, TempPassLedger } from './state';

export type TempPassProblem =
  | 'invalid_header_identity_for_temporary_access'
  | 'invalid_configuration_temporary_access'
  | 'temporary_access_duration_limit_exceeded'
  | 'temporary_access_resources_limit_exceeded';

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

export function configProblem(cfg: TempPassConfig): boolean {
  if (!(cfg.ttlMs > 0)) return true;
  return cfg.kind === 'promotional' && (!(Number(cfg.maxResources) > 0) || !cfg.identityKey);
}

/** SHA-256 of the configured key of the AP-TempPass-Identity JSON (promotional only); null = missing/invalid. */
export function identityHash(req: FastifyRequest, cfg: TempPassConfig): string | null {
  const raw = header(req, 'ap-temppass-identity');
  if (!raw || !cfg.identityKey) return null;
  try {
    const obj = JSON.parse(Buffer.from(raw.trim(), 'base64').toString('utf8')) as unknown;
    if (typeof obj !== 'object' || obj === null) return null;
    const v = (obj as Record<string, unknown>)[cfg.identityKey];
    return typeof v === 'string' && v.trim() !== '' ? sha256(v.trim()) : null;
  } catch {
    return null;
  }
}

export function findLedger(state: AdobeState, i: Integration, deviceId: string, hash: string | null): TempPassLedger | undefined {
  return state.tempPass.find(
    (l) => l.sp === i.sp && l.mvpd === i.mvpd.id && (l.deviceIds.has(deviceId) || (hash !== null && l.identityHashes.has(hash))),
  );
}

/** What a profile/decision request must check before anything else; ledger may be absent (trial not started). */
export function checkTempPass(
  state: AdobeState,
  req: FastifyRequest,
  i: Integration,
  deviceId: string,
  opts: { needIdentity: boolean },
): { problem?: TempPassProblem; ledger?: TempPassLedger; hash: string | null } {
  const cfg = i.mvpd.tempPass!;
  if (configProblem(cfg)) return { problem: 'invalid_configuration_temporary_access', hash: null };
  const hash = cfg.kind === 'promotional' ? identityHash(req, cfg) : null;
  if (cfg.kind === 'promotional' && opts.needIdentity && hash === null) {
    return { problem: 'invalid_header_identity_for_temporary_access', hash };
  }
  const ledger = findLedger(state, i, deviceId, hash);
  if (ledger) {
    // Link a newly seen device or identity to the existing trial ("known hash or known device → existing trial").
    ledger.deviceIds.add(deviceId);
    if (hash) ledger.identityHashes.add(hash);
    if (ledger.expiresAt <= state.now()) return { problem: 'temporary_access_duration_limit_exceeded', ledger, hash };
  }
  return { ledger, hash };
}

export function quotaUsedUp(i: Integration, ledger: TempPassLedger | undefined): boolean {
  const cfg = i.mvpd.tempPass!;
  return cfg.kind === 'promotional' && ledger !== undefined && ledger.usedAssets.length >= Number(cfg.maxResources);
}

/** Key a resource is counted under: channel, plus the item title for asset-level MRSS. */
export function assetKey(resource: string): string {
  const n = normaliseResource(resource);
  if (!n) return resource;
  return n.item ? `${n.channel}/${n.item}` : n.channel;
}

/** Starts the trial on first authorization (the TTL clock starts here, spec §14). */
export function startLedger(state: AdobeState, i: Integration, deviceId: string, hash: string | null): TempPassLedger {
  const now = state.now();
  const ledger: TempPassLedger = {
    sp: i.sp,
    mvpd: i.mvpd.id,
    deviceIds: new Set([deviceId]),
    identityHashes: new Set(hash ? [hash] : []),
    startedAt: now,
    expiresAt: now + i.mvpd.tempPass!.ttlMs,
    usedAssets: [],
    userId: `temppass_${sha256(`${i.sp}|${i.mvpd.id}|${hash ?? deviceId}`).slice(0, 24)}`,
  };
  state.tempPass.push(ledger);
  return ledger;
}

/** TempPass profile; before the first authorization its window starts now (A14) without starting the clock. */
export function tempPassProfile(state: AdobeState, i: Integration, ledger: TempPassLedger | undefined, deviceId: string, hash: string | null) {
  const cfg = i.mvpd.tempPass!;
  const now = state.now();
  const notBefore = ledger?.startedAt ?? now;
  const notAfter = ledger?.expiresAt ?? now + cfg.ttlMs;
  const attributes: Record<string, AttributeValue> = {
    userID: { value: ledger?.userId ?? `temppass_${sha256(`${i.sp}|${i.mvpd.id}|${hash ?? deviceId}`).slice(0, 24)}`, state: 'plain' },
    expiration_date: { value: notAfter, state: 'plain' },
  };
  if (cfg.kind === 'promotional') {
    const used = ledger?.usedAssets ?? [];
    attributes.remaining_resources = { value: Math.max(0, Number(cfg.maxResources) - used.length), state: 'plain' };
    attributes.used_assets = { value: [...used], state: 'plain' };
  }
  return { notBefore, notAfter, issuer: 'Adobe', type: 'temporary' as const, attributes };
}

/**
 * Adobe's management reset API (mgmt.auth.adobe.com, "Reset Temp Pass"), served on the emulator's own origin:
 * `DELETE /reset-tempass/v3/reset?requestor_id&mvpd_id[&device_id=<id>|all]` forgets basic or promotional
 * trials of one device (or all), `DELETE /reset-tempass/v3/reset/generic?requestor_id&mvpd_id[&key=<hash>|all]`
 * forgets promotional trials of one identity hash (or all). DCR bearer token; 204 on success; 400 for a bad
 * request; 401 for a missing/invalid token (Adobe's page: "the client MUST request a new access_token").
 */
export function registerTempPassResetRoutes(app: FastifyInstance, state: AdobeState): void {
  type Q = { requestor_id?: string; mvpd_id?: string; device_id?: string; key?: string };
  const common = (req: FastifyRequest<{ Querystring: Q }>, reply: FastifyReply): Integration | null => {
    const auth = header(req, 'authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    const token = m ? state.tokens.get(m[1]) : undefined;
    const client = token ? state.clients.get(token.clientId) : undefined;
    if (!token || !client || client.revoked || token.expiresAt <= state.now()) {
      void reply.code(401).send({ error: 'invalid_client' });
      return null;
    }
    const { requestor_id: sp, mvpd_id: mvpd } = req.query;
    const i = sp && mvpd ? state.integration(sp, mvpd) : undefined;
    if (!i || !i.mvpd.tempPass) {
      void reply.code(400).send({ error: 'invalid_request' });
      return null;
    }
    return i;
  };
  const drop = (i: Integration, match: (l: TempPassLedger) => boolean): void => {
    state.tempPass = state.tempPass.filter((l) => !(l.sp === i.sp && l.mvpd === i.mvpd.id && match(l)));
  };

  app.delete<{ Querystring: Q }>('/reset-tempass/v3/reset', async (req, reply) => {
    const i = common(req, reply);
    if (!i) return reply;
    const device = req.query.device_id;
    // device_id: raw or as the Base64 part of AP-Device-Identifier; absent or `all` = every device.
    const ids = device && device !== 'all' ? [device, Buffer.from(device, 'base64').toString('utf8')] : null;
    drop(i, (l) => ids === null || ids.some((id) => l.deviceIds.has(id)));
    return reply.code(204).send();
  });

  app.delete<{ Querystring: Q }>('/reset-tempass/v3/reset/generic', async (req, reply) => {
    const i = common(req, reply);
    if (!i) return reply;
    if (i.mvpd.tempPass!.kind !== 'promotional') return reply.code(400).send({ error: 'invalid_request' });
    const key = req.query.key;
    // key: the identity value the header carried (the programmer's hash of the email) or the emulator's own hash of it.
    const keys = key && key !== 'all' ? [key, sha256(key)] : null;
    drop(i, (l) => keys === null || keys.some((k) => l.identityHashes.has(k)));
    return reply.code(204).send();
  });
}
