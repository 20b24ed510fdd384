/** GET /__emulator/ — a read-only HTML overview for people poking at the emulator by hand. */
import type { FastifyInstance } from 'fastify';
import type { AdobeContext } from './context';

function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function registerAdminPage(app: FastifyInstance, ctx: AdobeContext): void {
  const { state } = ctx;
  app.get('/__emulator/', async (_req, reply) => {
    const now = state.now();
    const rows = (cells: unknown[][]): string => cells.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
    const integrations = [...state.integrations.values()].map((i) => [
      esc(i.sp),
      `<img src="/__mock-mvpd/logos/${encodeURIComponent(i.mvpd.id)}.png" alt="" height="24"> ${esc(i.mvpd.id)}`,
      esc(i.mvpd.displayName),
      i.enabled ? 'enabled' : '<b>disabled</b>',
      esc(i.mvpd.tempPass ? `TempPass ${i.mvpd.tempPass.kind}` : i.mvpd.isProxy ? 'proxied' : ''),
      i.mvpd.hasLogoutEndpoint ? 'yes' : 'no',
      esc(i.degradation ?? ''),
    ]);
    const subscribers = state.fixtures.subscribers.map((s) => [esc(s.username), `<code>${esc(s.password)}</code>`, esc(s.displayName), esc(s.entitlements.join(', ') || '—')]);
    const sessions = [...state.sessions.values()]
      .filter((s) => s.notAfter > now)
      .map((s) => [`<code>${esc(s.code)}</code>`, esc(s.sp), esc(s.mvpd ?? '—'), esc(s.state), `${Math.round((s.notAfter - now) / 1000)} s`]);
    const profiles = [...state.profiles.values()]
      .filter((p) => p.notAfter > now && !p.invalidated)
      .map((p) => [esc(p.sp), esc(p.mvpd), esc(p.type), esc(p.username ?? ''), esc(p.clientId.slice(0, 8)), new Date(p.notAfter).toISOString()]);
    const table = (head: string[], body: string): string =>
      `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${body || `<tr><td colspan="${head.length}">none</td></tr>`}</tbody></table>`;
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Adobe Pass emulator</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;color:#111}table{border-collapse:collapse;margin-bottom:24px}
td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:middle}th{background:#f3f3f3}</style></head><body>
<h1>Adobe Pass emulator</h1>
<p>Emulator clock: ${new Date(now).toISOString()} · throttling ${state.settings.throttling ? 'on' : 'off'} ·
device info ${state.settings.strictDeviceInfo ? 'strict' : 'lenient'} · JSON: <a href="/__emulator/settings">settings</a>,
<a href="/__emulator/fixtures">fixtures</a>, <a href="/__emulator/state">state</a>, <a href="/__emulator/journal">journal</a></p>
<h2>Integrations</h2>${table(['Service provider', 'MVPD', 'Name', 'Status', 'Kind', 'Logout page', 'Degradation'], rows(integrations))}
<h2>Subscribers (test data)</h2>${table(['Username', 'Password', 'Profile', 'Entitlements'], rows(subscribers))}
<h2>Live sessions</h2>${table(['Code', 'SP', 'MVPD', 'State', 'Remaining'], rows(sessions))}
<h2>Valid profiles</h2>${table(['SP', 'MVPD', 'Type', 'User', 'Client', 'Not after'], rows(profiles))}
</body></html>`);
  });
}
