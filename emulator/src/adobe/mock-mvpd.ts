/**
 * Mock MVPD pages (the identity provider's side): provider-branded, phone-friendly login and logout pages,
 * and the logos the configuration links to. Login success creates the regular profile (login.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AdobeContext } from './context';
import type { MvpdFixture } from './fixtures';
import { checkCredentials, completeLogin, sessionProblem } from './login';
import { drawLogo } from './logo-png';
import { bodyRecord, field, isValidRedirectUrl } from './request';

const LOGO_DIR = join(__dirname, '..', '..', 'public', 'logos');

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(m: MvpdFixture, title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – ${esc(m.displayName)}</title>
<style>
 body{margin:0;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f3f4f6;color:#111}
 header{background:${esc(m.color)};padding:16px;text-align:center} header img{max-width:220px;height:auto}
 main{max-width:420px;margin:24px auto;padding:0 16px}
 .card{background:#fff;border-radius:12px;padding:20px;box-shadow:0 2px 8px rgba(0,0,0,.08)}
 label{display:block;margin:12px 0 4px;font-weight:600} input{width:100%;box-sizing:border-box;padding:12px;font-size:16px;border:1px solid #bbb;border-radius:8px}
 button{margin-top:18px;width:100%;padding:14px;font-size:17px;font-weight:700;color:#fff;background:${esc(m.color)};border:0;border-radius:8px}
 .error{background:#fde8e8;color:#9b1c1c;padding:10px;border-radius:8px;margin-bottom:8px}
 .note{font-size:13px;color:#555;margin-top:16px} code{background:#eee;padding:1px 4px;border-radius:4px}
</style></head>
<body><header><img src="/__mock-mvpd/logos/${encodeURIComponent(m.id)}.png" alt="${esc(m.displayName)}"></header>
<main><div class="card">${body}</div>
<p class="note">Mock TV provider of the local Adobe Pass emulator — not a real sign-in page.</p></main></body></html>`;
}

export async function registerMockMvpdRoutes(app: FastifyInstance, ctx: AdobeContext): Promise<void> {
  const { state } = ctx;
  // Logos are tiny and few: read once, keep in memory (no @fastify/static — its ESM dependency breaks jest).
  const logos = new Map<string, Buffer>();
  app.get<{ Params: { file: string } }>('/__mock-mvpd/logos/:file', async (req, reply) => {
    const file = req.params.file;
    if (!/^[A-Za-z0-9_-]+\.png$/.test(file)) return reply.code(404).type('text/plain').send('not found');
    let png = logos.get(file);
    if (!png) {
      const m = state.mvpdFixture(file.slice(0, -'.png'.length));
      if (m?.generated) {
        if (m.hasLogo === false) return reply.code(404).type('text/plain').send('no logo');
        png = drawLogo(m.displayName, m.color);
      } else {
        try {
          png = await readFile(join(LOGO_DIR, file));
        } catch {
          return reply.code(404).type('text/plain').send('not found');
        }
      }
      logos.set(file, png);
    }
    return reply.type('image/png').header('Cache-Control', 'public, max-age=3600').send(png);
  });

  const html = (reply: FastifyReply, status: number, text: string): FastifyReply =>
    reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(text);

  const loginForm = (m: MvpdFixture, code: string, error?: string, username = ''): string => {
    const accounts = state.fixtures.subscribers
      .filter((s) => s.mvpds === '*' || s.mvpds.includes(m.id))
      .map((s) => `<code>${esc(s.username)}</code>`)
      .join(', ');
    return page(
      m,
      'Sign in',
      `<h1 style="font-size:22px;margin-top:0">Sign in to ${esc(m.displayName)}</h1>
${m.isProxy && m.proxiedBy ? `<p>Provided through ${esc(m.proxiedBy)}.</p>` : ''}
${error ? `<div class="error" role="alert">${esc(error)}</div>` : ''}
<form method="post" action="/__mock-mvpd/${encodeURIComponent(m.id)}/login">
<input type="hidden" name="code" value="${esc(code)}">
<label for="u">Username</label><input id="u" name="username" autocomplete="username" autocapitalize="none" value="${esc(username)}" required>
<label for="p">Password</label><input id="p" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form>
<p class="note">Test accounts: ${accounts} (passwords in emulator/README.md).</p>`,
    );
  };

  const problemPage = (m: MvpdFixture, problem: string): string =>
    page(
      m,
      'Cannot sign in',
      `<h1 style="font-size:22px;margin-top:0">This sign-in link cannot be used</h1>
<p>${problem === 'expired' || problem === 'invalidated' ? 'The code has expired or was replaced by a newer one.' : 'The activation code is not valid.'}
Start again on your TV to get a new code.</p>`,
    );

  app.get<{ Params: { mvpd: string }; Querystring: { code?: string } }>('/__mock-mvpd/:mvpd/login', async (req, reply) => {
    const m = state.mvpdFixture(req.params.mvpd);
    if (!m) return reply.code(404).type('text/plain').send('unknown MVPD');
    const code = String(req.query.code ?? '').toUpperCase();
    const session = state.sessions.get(code);
    const problem = session && session.mvpd === m.id ? sessionProblem(state, session) : 'unknown';
    if (problem) return html(reply, 400, problemPage(m, problem));
    return html(reply, 200, loginForm(m, code));
  });

  app.post<{ Params: { mvpd: string } }>('/__mock-mvpd/:mvpd/login', async (req, reply) => {
    const m = state.mvpdFixture(req.params.mvpd);
    if (!m) return reply.code(404).type('text/plain').send('unknown MVPD');
    const body = bodyRecord(req);
    const code = (field(body, 'code') ?? '').toUpperCase();
    const session = state.sessions.get(code);
    const problem = session && session.mvpd === m.id ? sessionProblem(state, session) : 'unknown';
    if (problem) return html(reply, 400, problemPage(m, problem));
    const username = field(body, 'username') ?? '';
    const sub = checkCredentials(state, m.id, username, field(body, 'password') ?? '');
    if (!sub) return html(reply, 401, loginForm(m, code, 'Wrong username or password. Please try again.', username));
    completeLogin(state, session!, sub);
    return reply.redirect(session!.redirectUrl!, 302);
  });

  app.get<{ Params: { mvpd: string }; Querystring: { redirect_url?: string } }>('/__mock-mvpd/:mvpd/logout', async (req, reply) => {
    const m = state.mvpdFixture(req.params.mvpd);
    if (!m || !m.hasLogoutEndpoint) return reply.code(404).type('text/plain').send('this MVPD has no logout endpoint');
    const target = req.query.redirect_url;
    if (typeof target === 'string' && isValidRedirectUrl(target)) return reply.redirect(target, 302);
    return html(reply, 200, page(m, 'Signed out', `<h1 style="font-size:22px;margin-top:0">You are signed out of ${esc(m.displayName)}</h1>`));
  });
}
