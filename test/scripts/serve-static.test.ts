import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, StaticServer } from '../../scripts/serve-static';

describe('serve-static', () => {
  let dir: string;
  let server: StaticServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tve-serve-'));
    mkdirSync(join(dir, 'js'));
    writeFileSync(join(dir, 'index.html'), '<html>http://localhost:4010</html>');
    writeFileSync(join(dir, 'settings.json'), '{"rest":"http://localhost:4010"}');
    writeFileSync(join(dir, 'js', 'app.js'), 'var a = "http://localhost:4010";');
    server = await serveStatic(dir, 0, '127.0.0.1', { rewrite: { 'http://localhost:4010': 'http://127.0.0.1:9' } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html for / and files with their content type', async () => {
    const root = await fetch(`${server.url}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toContain('text/html');
    const js = await fetch(`${server.url}/js/app.js?v=1`);
    expect(js.headers.get('content-type')).toContain('javascript');
  });

  it('rewrites .html and .json only', async () => {
    expect(await (await fetch(`${server.url}/index.html`)).text()).toContain('http://127.0.0.1:9');
    expect(await (await fetch(`${server.url}/settings.json`)).json()).toEqual({ rest: 'http://127.0.0.1:9' });
    expect(await (await fetch(`${server.url}/js/app.js`)).text()).toContain('http://localhost:4010');
  });

  it('answers 404 for missing files and refuses paths outside the folder', async () => {
    expect((await fetch(`${server.url}/nope.js`)).status).toBe(404);
    const escaped = await fetch(`${server.url}/%2e%2e/%2e%2e/etc/passwd`);
    expect([403, 404]).toContain(escaped.status);
  });
});
