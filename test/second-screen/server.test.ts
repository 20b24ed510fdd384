import { activeConfig } from '../../second-screen/src/config';
import { loadConfig, startSecondScreen, type SecondScreenServer } from '../../second-screen/server';
import { statement } from './helpers';

describe('second-screen config', () => {
  it('ships its own software statement (demotv-activation-web), not the TV one', () => {
    const config = loadConfig();
    expect(config.presets.emulator.softwareStatement).toBe(statement('demotv-activation-web'));
    expect(config.presets.emulator.softwareStatement).not.toBe(statement('demotv-lightning-tv'));
    expect(Object.keys(config.presets).sort()).toEqual(['emulator', 'production', 'staging']);
    expect(config.preset).toBe('emulator');
  });

  it('points the emulator preset at an emulator started elsewhere, leaving other presets alone', () => {
    const config = loadConfig({ adobeUrl: 'http://127.0.0.1:5555/' });
    expect(config.presets.emulator).toMatchObject({ restBaseUrl: 'http://127.0.0.1:5555', dcrBaseUrl: 'http://127.0.0.1:5555' });
    expect(config.presets.production.restBaseUrl).toBe('https://api.auth.adobe.com');
  });

  it('rejects an unknown default preset', () => {
    expect(() => loadConfig({ preset: 'nope' })).toThrow(/Unknown second-screen preset/);
  });

  it('lets ?preset= pick an existing preset and ignores unknown ones', () => {
    const config = loadConfig();
    expect(activeConfig(config, 'http://x.test/', 'staging').presetName).toBe('staging');
    expect(activeConfig(config, 'http://x.test/', 'evil').presetName).toBe('emulator');
    expect(activeConfig(config, 'http://x.test/', 'constructor').presetName).toBe('emulator');
  });

  it('resolves a relative redirectUrl against the page (the emulator preset uses /done)', () => {
    expect(activeConfig(loadConfig(), 'http://127.0.0.1:4567/?code=ABC1234').redirectUrl).toBe('http://127.0.0.1:4567/done');
    expect(activeConfig(loadConfig(), 'http://x.test/', 'production').redirectUrl).toBe('https://activate.your-domain.example/done');
  });
});

describe('second-screen server', () => {
  let server: SecondScreenServer;
  beforeAll(async () => {
    server = await startSecondScreen({ port: 0, adobeUrl: 'http://127.0.0.1:5999', quiet: true });
  });
  afterAll(async () => {
    await server?.close();
  });

  function injected(html: string): Record<string, unknown> {
    const m = /<script id="ss-config" type="application\/json">([^<]*)<\/script>/.exec(html);
    if (!m) throw new Error('no injected config');
    return JSON.parse(m[1]) as Record<string, unknown>;
  }

  it.each(['/', '/done', '/?code=ABC1234'])('serves the page at %s with the config injected', async (path) => {
    const res = await fetch(server.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    const config = injected(html) as { presets: Record<string, { restBaseUrl: string }> };
    expect(config.presets.emulator.restBaseUrl).toBe('http://127.0.0.1:5999');
    expect(html).toContain('<script src="/app.js" defer></script>');
    expect(html).toContain('<link rel="stylesheet" href="/styles.css">');
  });

  it('allows the page to call only itself and the configured Adobe hosts', async () => {
    const csp = (await fetch(server.url + '/')).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/connect-src 'self'[^;]*http:\/\/127\.0\.0\.1:5999/);
    expect(csp).toMatch(/connect-src[^;]*https:\/\/api\.auth\.adobe\.com/);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('serves an es2017 bundle and the stylesheet', async () => {
    const js = await fetch(server.url + '/app.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    const code = await js.text();
    expect(code.length).toBeGreaterThan(1000);
    // es2017: no optional chaining, nullish coalescing or object spread survive in the output.
    expect(code).not.toMatch(/\?\.[a-zA-Z_$(]/);
    expect(code).not.toMatch(/[^?]\?\?[^?]/);
    const css = await fetch(server.url + '/styles.css');
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    expect(await css.text()).toContain('prefers-color-scheme');
    console.log(`second-screen bundle: ${code.length} bytes JS (minified)`);
  });

  it('cannot be broken out of the config <script> by config values', async () => {
    const config = loadConfig();
    config.brandName = '</script><script>alert(1)</script>';
    const evil = await startSecondScreen({ port: 0, config, quiet: true });
    try {
      const html = await (await fetch(evil.url + '/')).text();
      expect(html).not.toContain('<script>alert(1)');
      expect((injected(html) as { brandName: string }).brandName).toBe(config.brandName);
    } finally {
      await evil.close();
    }
  });
});
