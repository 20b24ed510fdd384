/** Private admin API under /__emulator/ (docs/architecture.md). Not Adobe's; JSON in, JSON out. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { applySettings } from '../settings';
import type { AdobeContext } from './context';
import { loadFixtures, type DegradationRule } from './fixtures';
import { checkCredentials, completeLogin, regularProfile, sessionProblem, subscriberMayUse } from './login';
import { profileJson } from './profile-view';

type Body = Record<string, unknown>;

function bad(reply: FastifyReply, error: string, status = 400): FastifyReply {
  return reply.code(status).send({ error });
}

function obj(b: unknown): Body {
  return typeof b === 'object' && b !== null && !Array.isArray(b) ? (b as Body) : {};
}

function str(b: Body, k: string): string | undefined {
  return typeof b[k] === 'string' && b[k] !== '' ? (b[k] as string) : undefined;
}

export function registerAdminRoutes(app: FastifyInstance, ctx: AdobeContext): void {
  const { state, journal, faults, throttle, mediaTokens } = ctx;
  const clock = state.clock;

  app.post('/__emulator/reset', async () => {
    state.reset(loadFixtures(ctx.fixturesDir));
    journal.clear();
    faults.clear();
    throttle.reset();
    clock.advance(Date.now() - clock.now()); // offset back to 0
    return { ok: true, now: clock.now() };
  });

  app.post('/__emulator/clock/advance', async (req, reply) => {
    const ms = Number(obj(req.body).ms);
    if (!Number.isFinite(ms) || ms < 0) return bad(reply, 'ms must be a non-negative number');
    clock.advance(ms);
    return { now: clock.now() };
  });

  app.get('/__emulator/settings', async () => state.settings);
  app.post('/__emulator/settings', async (req, reply) => {
    const before = state.settings.mvpdCount;
    const rejected = applySettings(state.settings, req.body);
    if (state.settings.mvpdCount !== before) state.applyMvpdCount();
    if (rejected.length > 0) return reply.code(400).send({ error: `rejected keys: ${rejected.join(', ')}`, settings: state.settings });
    if (!state.settings.throttling) throttle.reset();
    return state.settings;
  });

  app.post('/__emulator/degradation', async (req, reply) => {
    const b = obj(req.body);
    const mvpd = str(b, 'mvpd');
    const rule = b.rule ?? null;
    if (!mvpd) return bad(reply, 'mvpd is required');
    if (rule !== null && rule !== 'AuthNAll' && rule !== 'AuthZAll' && rule !== 'AuthZNone') return bad(reply, 'rule must be AuthNAll, AuthZAll, AuthZNone or null');
    const list = state.integrationsOf(mvpd, str(b, 'serviceProvider'));
    if (list.length === 0) return bad(reply, 'no such integration', 404);
    for (const i of list) i.degradation = rule as DegradationRule | null;
    return { mvpd, rule, integrations: list.map((i) => i.sp) };
  });

  app.post<{ Params: { mvpd: string } }>('/__emulator/integrations/:mvpd', async (req, reply) => {
    const b = obj(req.body);
    if (typeof b.enabled !== 'boolean') return bad(reply, 'enabled (boolean) is required');
    const list = state.integrationsOf(req.params.mvpd, str(b, 'serviceProvider'));
    if (list.length === 0) return bad(reply, 'no such integration', 404);
    for (const i of list) i.enabled = b.enabled;
    return { mvpd: req.params.mvpd, enabled: b.enabled, integrations: list.map((i) => i.sp) };
  });

  app.post('/__emulator/temppass/reset', async (req) => {
    const b = obj(req.body);
    const mvpd = str(b, 'mvpd');
    const device = str(b, 'deviceId');
    // deviceId may be given raw or as the Base64 part of AP-Device-Identifier.
    const ids = device ? [device, Buffer.from(device, 'base64').toString('utf8')] : [];
    const before = state.tempPass.length;
    state.tempPass = state.tempPass.filter(
      (l) => !((mvpd === undefined || l.mvpd === mvpd) && (device === undefined || ids.some((id) => l.deviceIds.has(id)))),
    );
    return { removed: before - state.tempPass.length };
  });

  app.post('/__emulator/faults', async (req, reply) => {
    const r = faults.add(req.body);
    if ('error' in r) return bad(reply, r.error);
    return { id: r.id, faults: faults.list() };
  });
  app.get('/__emulator/faults', async () => ({ faults: faults.list() }));
  app.delete('/__emulator/faults', async () => {
    faults.clear();
    return { faults: [] };
  });

  app.post<{ Params: { clientId: string } }>('/__emulator/clients/:clientId/revoke', async (req, reply) => {
    const c = state.clients.get(req.params.clientId);
    if (!c) return bad(reply, 'unknown client_id', 404);
    c.revoked = true;
    return { clientId: c.clientId, revoked: true };
  });
  app.post<{ Params: { softwareId: string } }>('/__emulator/statements/:softwareId/revoke', async (req, reply) => {
    if (!state.application(req.params.softwareId)) return bad(reply, 'unknown software_id', 404);
    state.revokedStatements.add(req.params.softwareId);
    return { softwareId: req.params.softwareId, revoked: true };
  });

  app.post('/__emulator/expire', async (req, reply) => {
    const b = obj(req.body);
    const clientId = str(b, 'clientId');
    const mvpd = str(b, 'mvpd');
    const code = str(b, 'code');
    const now = clock.now();
    let n = 0;
    if (b.kind === 'access-token') {
      for (const t of state.tokens.values()) {
        if (clientId !== undefined && t.clientId !== clientId) continue;
        t.expiresAt = Math.min(t.expiresAt, now);
        n++;
      }
    } else if (b.kind === 'profile') {
      for (const p of state.profiles.values()) {
        if ((clientId === undefined || p.clientId === clientId) && (mvpd === undefined || p.mvpd === mvpd)) {
          if (b.invalidate === true) p.invalidated = true;
          else p.notAfter = Math.min(p.notAfter, now);
          n++;
        }
      }
    } else if (b.kind === 'session') {
      for (const s of state.sessions.values()) {
        if ((code === undefined || s.code === code.toUpperCase()) && (clientId === undefined || s.clientId === clientId) && (mvpd === undefined || s.mvpd === mvpd)) {
          s.notAfter = Math.min(s.notAfter, now);
          n++;
        }
      }
    } else {
      return bad(reply, 'kind must be access-token, profile or session');
    }
    return { kind: b.kind, expired: n };
  });

  app.post<{ Params: { code: string } }>('/__emulator/sessions/:code/complete', async (req, reply) => {
    const b = obj(req.body);
    const session = state.sessions.get(req.params.code.toUpperCase());
    const mvpd = str(b, 'mvpd');
    if (session && mvpd && !session.mvpd) {
      const i = state.integration(session.sp, mvpd);
      if (!i || !i.enabled) return bad(reply, 'invalid_integration');
      session.mvpd = mvpd;
    }
    if (session && mvpd && session.mvpd !== mvpd) return bad(reply, `session is for ${session.mvpd}`);
    if (session) {
      // Without a browser the secondary app's parameters may be absent; fill harmless defaults.
      const sp = state.serviceProvider(session.sp);
      session.domainName ??= sp?.domains[0]?.name ?? 'localhost';
      session.redirectUrl ??= 'http://localhost/done';
    }
    const problem = sessionProblem(state, session);
    if (problem) return bad(reply, `session ${problem}`);
    const sub = checkCredentials(state, session!.mvpd!, String(b.username ?? ''), String(b.password ?? ''));
    if (!sub) return bad(reply, 'wrong username or password', 401);
    const profile = completeLogin(state, session!, sub);
    return { code: session!.code, mvpd: profile.mvpd, profile: profileJson(profile) };
  });

  /**
   * A second provider's profile beside an existing sign-in (several profiles on one device, issue 14): for
   * every device that holds a valid regular profile (of `clientId` when given), add a regular profile of
   * `mvpd` signed in as `username`, as if the viewer had also signed in there. No password: admin only.
   */
  app.post('/__emulator/profiles/add', async (req, reply) => {
    const b = obj(req.body);
    const mvpd = str(b, 'mvpd');
    const sub = state.subscriber(str(b, 'username') ?? '');
    const clientId = str(b, 'clientId');
    if (!mvpd || !sub) return bad(reply, 'mvpd and a known username are required');
    if (!subscriberMayUse(sub, mvpd)) return bad(reply, `${sub.username} cannot sign in at ${mvpd}`);
    const now = clock.now();
    const devices = new Map<string, { clientId: string; deviceId: string; sp: string }>();
    for (const p of state.profiles.values()) {
      if (p.sso || p.invalidated || p.notAfter <= now || p.type !== 'regular') continue;
      if (clientId !== undefined && p.clientId !== clientId) continue;
      devices.set(JSON.stringify([p.clientId, p.deviceId, p.sp]), { clientId: p.clientId, deviceId: p.deviceId, sp: p.sp });
    }
    const added = [];
    for (const at of devices.values()) {
      const i = state.integration(at.sp, mvpd);
      if (!i || !i.enabled || i.mvpd.tempPass) continue;
      const profile = regularProfile(state, at, mvpd, sub);
      state.profiles.set(profile.key, profile);
      added.push({ clientId: at.clientId, sp: at.sp, mvpd, profile: profileJson(profile) });
    }
    if (added.length === 0) return bad(reply, 'no device holds a valid sign-in for an integration of this MVPD', 404);
    return { added };
  });

  app.get<{ Querystring: { since?: string } }>('/__emulator/journal', async (req) => ({
    entries: journal.since(Number(req.query.since ?? 0) || 0),
  }));
  app.delete('/__emulator/journal', async () => {
    journal.clear();
    return { entries: [] };
  });

  app.get<{ Querystring: { token?: string; resource?: string } }>('/__emulator/verify-media-token', async (req, reply) => {
    if (!req.query.token) return bad(reply, 'token is required');
    const r = await mediaTokens.verify(req.query.token, req.query.resource);
    return r;
  });

  app.get('/__emulator/fixtures', async () => ({
    serviceProviders: state.fixtures.serviceProviders.map((sp) => ({
      id: sp.id,
      name: sp.name,
      domains: sp.domains,
      integrations: sp.integrations.map((x) => {
        const i = state.integration(sp.id, x.mvpd)!;
        return {
          mvpd: i.mvpd.id, displayName: i.mvpd.displayName, enabled: i.enabled, degradation: i.degradation,
          authnTtlMs: i.authnTtlMs, authzTtlMs: i.authzTtlMs, maxPreauthorizeResources: i.maxPreauthorizeResources,
          maxAuthorizeResources: i.maxAuthorizeResources,
        };
      }),
    })),
    mvpds: state.fixtures.mvpds,
    subscribers: state.fixtures.subscribers,
    applications: state.fixtures.applications.map((a) => ({ ...a, revoked: state.revokedStatements.has(a.softwareId) })),
    softwareStatements: state.fixtures.statements,
  }));

  /** Debug view of live state (sessions and profiles without tokens). */
  app.get('/__emulator/state', async () => ({
    now: clock.now(),
    sessions: [...state.sessions.values()].map((s) => ({ code: s.code, sp: s.sp, mvpd: s.mvpd, state: s.state, clientId: s.clientId, notAfter: s.notAfter })),
    profiles: [...state.profiles.values()].map((p) => ({ clientId: p.clientId, sp: p.sp, mvpd: p.mvpd, type: p.type, notAfter: p.notAfter, invalidated: !!p.invalidated, username: p.username })),
    tempPass: state.tempPass.map((l) => ({ mvpd: l.mvpd, startedAt: l.startedAt, expiresAt: l.expiresAt, usedAssets: l.usedAssets })),
  }));
}
