import type { RunningEmulator } from '../../emulator/src/server';
import { TestClient, admin, expectEnhanced, http, start } from './helpers';

let emu: RunningEmulator;
let tv: TestClient;
let web: TestClient; // the second-screen app: its own registration, another device
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await admin(emu.adobeUrl, 'POST', '/reset');
  tv = await TestClient.create(emu.adobeUrl);
  web = await TestClient.create(emu.adobeUrl, 'demotv-activation-web');
});

const REDIRECT = 'http://localhost:4030/done';

describe('POST sessions (create)', () => {
  it('answers authenticate with a 7-char code, relative url and a 30-minute window as strings', async () => {
    const r = await tv.createSession('AcmeCable');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      actionName: 'authenticate', actionType: 'interactive', reasonType: 'none', mvpd: 'AcmeCable', serviceProvider: 'DEMOTV',
      code: expect.stringMatching(/^[A-Z0-9]{7}$/), sessionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      notBefore: expect.stringMatching(/^\d+$/), notAfter: expect.stringMatching(/^\d+$/),
    });
    expect(r.body.url).toBe(`/api/v2/authenticate/DEMOTV/${r.body.code}`);
    expect(Number(r.body.notAfter) - Number(r.body.notBefore)).toBe(1_800_000);
  });

  it('answers resume with missingParameters when parameters are absent', async () => {
    const r = await tv.postForm('/api/v2/DEMOTV/sessions', { domainName: 'demotv.example' });
    expect(r.body).toMatchObject({ actionName: 'resume', actionType: 'direct', reasonType: 'none', missingParameters: ['mvpd', 'redirectUrl'] });
    expect(r.body.url).toBe(`/api/v2/DEMOTV/sessions/${r.body.code}`);
    expect(r.body.mvpd).toBeUndefined();
  });

  it('rejects an unknown MVPD, a disabled integration and a bad redirectUrl', async () => {
    expectEnhanced((await tv.createSession('NoSuchMvpd')).body, 'invalid_parameter_mvpd', 400);
    expectEnhanced((await tv.createSession('OldTownCable')).body, 'invalid_integration', 400, 'none');
    const bad = await tv.postForm('/api/v2/DEMOTV/sessions', { mvpd: 'AcmeCable', domainName: 'demotv.example', redirectUrl: 'not a url' });
    expectEnhanced(bad.body, 'invalid_parameter_redirect_url', 400);
  });

  it('an MVPD integrated with another service provider only is invalid_integration', async () => {
    const other = await TestClient.create(emu.adobeUrl, 'othertv-tv');
    const r = await other.postForm('/api/v2/OTHERTV/sessions', { mvpd: 'BlueRiverTV', domainName: 'othertv.example', redirectUrl: REDIRECT });
    expectEnhanced(r.body, 'invalid_integration', 400);
  });

  it('requires the device headers', async () => {
    const h = tv.headers({ 'content-type': 'application/x-www-form-urlencoded' });
    delete h['X-Device-Info'];
    const r = await http('POST', `${emu.adobeUrl}/api/v2/DEMOTV/sessions`, { headers: h, body: 'mvpd=AcmeCable' });
    expectEnhanced(r.body, 'invalid_header_device_info', 400);
  });

  it('short-circuits to authorize/authenticated when a valid profile exists', async () => {
    await tv.login('AcmeCable', 'alice');
    const r = await tv.createSession('AcmeCable');
    expect(r.body).toEqual({
      actionName: 'authorize', actionType: 'direct', reasonType: 'authenticated', url: '/api/v2/DEMOTV/decisions/authorize/AcmeCable',
      sessionId: expect.any(String), mvpd: 'AcmeCable', serviceProvider: 'DEMOTV',
    });
  });

  it('answers authorize/temporary for a TempPass MVPD', async () => {
    const r = await tv.createSession('TempPass_DEMO15');
    expect(r.body).toMatchObject({ actionName: 'authorize', actionType: 'direct', reasonType: 'temporary', mvpd: 'TempPass_DEMO15' });
    expect(r.body.code).toBeUndefined();
  });

  it('a new session for the same client+device invalidates the pending one (A6), unless switched off', async () => {
    const first = (await tv.createSession('AcmeCable')).body.code;
    await tv.createSession('AcmeCable');
    expectEnhanced((await tv.get(`/api/v2/DEMOTV/profiles/code/${first}`)).body, 'invalid_authentication_session', 400);

    await admin(emu.adobeUrl, 'POST', '/settings', { newSessionInvalidatesOld: false });
    const a = (await tv.createSession('AcmeCable')).body.code;
    await tv.createSession('AcmeCable');
    expect((await tv.get(`/api/v2/DEMOTV/profiles/code/${a}`)).status).toBe(200);
  });
});

describe('domainName is checked against the service provider\'s domains', () => {
  it('a listed domain or a sub-domain of one is accepted; another domain is reported missing (resume)', async () => {
    for (const domainName of ['demotv.example', 'Activate.DemoTV.example', 'localhost']) {
      const r = await tv.postForm('/api/v2/DEMOTV/sessions', { mvpd: 'AcmeCable', domainName, redirectUrl: REDIRECT });
      expect([domainName, r.body.actionName]).toEqual([domainName, 'authenticate']);
    }
    for (const domainName of ['evil.example', 'notdemotv.example', 'demotv.example.evil.example']) {
      const r = await tv.postForm('/api/v2/DEMOTV/sessions', { mvpd: 'AcmeCable', domainName, redirectUrl: REDIRECT });
      expect([domainName, r.body.actionName, r.body.missingParameters]).toEqual([domainName, 'resume', ['domain']]);
    }
  });

  it('another service provider\'s domain does not count; resuming with a listed one completes the session', async () => {
    const created = (await tv.postForm('/api/v2/DEMOTV/sessions', { mvpd: 'AcmeCable', domainName: 'othertv.example', redirectUrl: REDIRECT })).body;
    expect(created).toMatchObject({ actionName: 'resume', missingParameters: ['domain'] });
    const still = await web.postForm(`/api/v2/DEMOTV/sessions/${created.code}`, { domainName: 'othertv.example' });
    expect(still.body).toMatchObject({ actionName: 'retry', missingParameters: ['domain'] });
    const done = await web.postForm(`/api/v2/DEMOTV/sessions/${created.code}`, { domainName: 'demotv.example' });
    expect(done.body).toMatchObject({ actionName: 'authenticate', code: created.code });
  });
});

describe('authentication codes', () => {
  it('use Adobe\'s alphabet: every upper-case letter and digit (O, 0, I, 1 included), 7 characters', async () => {
    await admin(emu.adobeUrl, 'POST', '/settings', { newSessionInvalidatesOld: false });
    const seen = new Set<string>();
    for (let i = 0; i < 150; i++) {
      const code = (await tv.createSession('AcmeCable')).body.code as string;
      expect(code).toMatch(/^[A-Z0-9]{7}$/);
      for (const ch of code) seen.add(ch);
    }
    // 1,050 draws from 36 symbols: every symbol appears unless the alphabet lacks it.
    for (const ch of 'OI01') expect([ch, seen.has(ch)]).toEqual([ch, true]);
    expect(seen.size).toBe(36);
  });
});

describe('POST sessions/{code} (resume) and GET sessions/{code} (retrieve)', () => {
  it('retry while parameters are missing, then authenticate once complete; the second screen may supply them', async () => {
    const created = (await tv.postForm('/api/v2/DEMOTV/sessions', {})).body;
    // Adobe's sample names: "domain", not "domainName" (create authentication session, sample 2).
    expect(created.missingParameters).toEqual(['mvpd', 'domain', 'redirectUrl']);
    const retry = await web.postForm(`/api/v2/DEMOTV/sessions/${created.code}`, { mvpd: 'BlueRiverTV' });
    expect(retry.body).toMatchObject({ actionName: 'retry', actionType: 'direct', missingParameters: ['domain', 'redirectUrl'], code: created.code, mvpd: 'BlueRiverTV' });
    const done = await web.postForm(`/api/v2/DEMOTV/sessions/${created.code}`, { domainName: 'demotv.example', redirectUrl: REDIRECT });
    expect(done.body).toMatchObject({ actionName: 'authenticate', actionType: 'interactive', url: `/api/v2/authenticate/DEMOTV/${created.code}`, code: created.code });
  });

  it('retrieve reports existing/missing parameters, the TV as device and the window', async () => {
    const created = (await tv.postForm('/api/v2/DEMOTV/sessions', { domainName: 'demotv.example', redirectUrl: REDIRECT })).body;
    const r = await web.get(`/api/v2/DEMOTV/sessions/${created.code}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      existingParameters: { domain: 'demotv.example', redirectUrl: REDIRECT, serviceProvider: 'DEMOTV' },
      missingParameters: ['mvpd'],
      notBefore: created.notBefore,
      notAfter: created.notAfter,
    });
    expect(r.body.device).toMatchObject({ type: 'TV', model: 'OLED55', operatingSystem: { name: 'webOS', version: { major: 6 } }, connection: { type: 'LAN' } });
  });

  it('garbage code → invalid_parameter_code; unknown or expired code → invalid_authentication_session', async () => {
    expectEnhanced((await web.get('/api/v2/DEMOTV/sessions/%24%24')).body, 'invalid_parameter_code', 400);
    expectEnhanced((await web.get('/api/v2/DEMOTV/sessions/ZZZZZZZ')).body, 'invalid_authentication_session', 400);
    const code = (await tv.createSession('AcmeCable')).body.code;
    await admin(emu.adobeUrl, 'POST', '/clock/advance', { ms: 1_800_000 });
    await tv.refreshToken();
    await web.refreshToken();
    expectEnhanced((await web.get(`/api/v2/DEMOTV/sessions/${code}`)).body, 'invalid_authentication_session', 400);
    expectEnhanced((await web.postForm(`/api/v2/DEMOTV/sessions/${code}`, { mvpd: 'AcmeCable' })).body, 'invalid_authentication_session', 400);
  });

  it('honours sessionTtlMs', async () => {
    await admin(emu.adobeUrl, 'POST', '/settings', { sessionTtlMs: 60_000 });
    const s = (await tv.createSession('AcmeCable')).body;
    expect(Number(s.notAfter) - Number(s.notBefore)).toBe(60_000);
  });
});

describe('GET authenticate/{sp}/{code} and the mock MVPD login', () => {
  it('302 to the MVPD login page; wrong password re-shows the form; right password lands on redirectUrl and creates the profile', async () => {
    const code = (await tv.createSession('CoastalCable')).body.code;
    const hop = await http('GET', `${emu.adobeUrl}/api/v2/authenticate/DEMOTV/${code}`);
    expect(hop.status).toBe(302);
    const loginUrl = new URL(hop.headers.get('location')!, emu.adobeUrl);
    expect(loginUrl.pathname).toBe('/__mock-mvpd/CoastalCable/login');

    const form = await http('GET', loginUrl.toString());
    expect(form.status).toBe(200);
    expect(form.headers.get('content-type')).toMatch(/text\/html/);
    expect(form.text).toContain('Coastal Cablevision');
    expect(form.text).toContain('name="password"');

    const post = (password: string) =>
      http('POST', `${emu.adobeUrl}/__mock-mvpd/CoastalCable/login`, {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ code, username: 'bob', password }).toString(),
      });
    const wrong = await post('wrong');
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Wrong username or password');
    expect((await tv.get(`/api/v2/DEMOTV/profiles/code/${code}`)).body).toEqual({ profiles: {} });

    const ok = await post('bob123');
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe(REDIRECT);
    const p = (await tv.get(`/api/v2/DEMOTV/profiles/code/${code}`)).body.profiles.CoastalCable;
    expect(p).toMatchObject({ issuer: 'CoastalCable', type: 'regular', attributes: { userID: { value: 'u-bob-0002', state: 'plain' } } });
  });

  it('400 text/html for an unknown code, an incomplete session and an unknown service provider', async () => {
    for (const path of ['/api/v2/authenticate/DEMOTV/ZZZZZZZ', '/api/v2/authenticate/NOPE/ZZZZZZZ']) {
      const r = await http('GET', `${emu.adobeUrl}${path}`);
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/text\/html/);
    }
    const incomplete = (await tv.postForm('/api/v2/DEMOTV/sessions', { mvpd: 'AcmeCable' })).body.code;
    expect((await http('GET', `${emu.adobeUrl}/api/v2/authenticate/DEMOTV/${incomplete}`)).status).toBe(400);
    expect((await http('POST', `${emu.adobeUrl}/api/v2/authenticate/DEMOTV/${incomplete}`)).status).toBe(405);
  });

  it('the login page refuses an expired code', async () => {
    const code = (await tv.createSession('AcmeCable')).body.code;
    await admin(emu.adobeUrl, 'POST', '/expire', { kind: 'session', code });
    const r = await http('GET', `${emu.adobeUrl}/__mock-mvpd/AcmeCable/login?code=${code}`);
    expect(r.status).toBe(400);
  });
});

describe('GET profiles/code/{code} (polling target)', () => {
  it('pending → {}; after login → the profile until the session ends; then invalid_authentication_session', async () => {
    const code = (await tv.createSession('AcmeCable')).body.code;
    expect((await tv.get(`/api/v2/DEMOTV/profiles/code/${code}`)).body).toEqual({ profiles: {} });
    await admin(emu.adobeUrl, 'POST', `/sessions/${code}/complete`, { username: 'alice', password: 'alice123' });
    const ok = await web.get(`/api/v2/DEMOTV/profiles/code/${code}`);
    expect(Object.keys(ok.body.profiles)).toEqual(['AcmeCable']);
    expect(ok.body.profiles.AcmeCable.notAfter - ok.body.profiles.AcmeCable.notBefore).toBe(30 * 24 * 3600 * 1000);
    await admin(emu.adobeUrl, 'POST', '/clock/advance', { ms: 1_800_000 });
    await tv.refreshToken();
    expectEnhanced((await tv.get(`/api/v2/DEMOTV/profiles/code/${code}`)).body, 'invalid_authentication_session', 400);
    expectEnhanced((await tv.get('/api/v2/DEMOTV/profiles/code/!!')).body, 'invalid_parameter_code', 400);
  });

  it('a resume that short-circuits to authorize (device already signed in) lets the polling TV see the profile', async () => {
    await tv.login('AcmeCable', 'alice');
    // The TV starts a session without an MVPD; the phone picks the one the TV already holds a profile for.
    const pending = await tv.postForm('/api/v2/DEMOTV/sessions', { domainName: 'demotv.example', redirectUrl: REDIRECT });
    expect(pending.body.actionName).toBe('resume');
    const resumed = await web.postForm(`/api/v2/DEMOTV/sessions/${pending.body.code}`, { mvpd: 'AcmeCable', domainName: 'demotv.example', redirectUrl: REDIRECT });
    expect(resumed.body).toMatchObject({ actionName: 'authorize', reasonType: 'authenticated' });
    const polled = await tv.get(`/api/v2/DEMOTV/profiles/code/${pending.body.code}`);
    expect(Object.keys(polled.body.profiles)).toEqual(['AcmeCable']);
  });
});

describe('GET profiles and profiles/{mvpd}', () => {
  it('lists every valid profile of this client+device and omits expired ones', async () => {
    expect((await tv.get('/api/v2/DEMOTV/profiles')).body).toEqual({ profiles: {} });
    await tv.login('AcmeCable', 'alice');
    await tv.login('TestMVPD_QA', 'bob');
    const all = (await tv.get('/api/v2/DEMOTV/profiles')).body.profiles;
    expect(Object.keys(all).sort()).toEqual(['AcmeCable', 'TestMVPD_QA']);
    expect(typeof all.AcmeCable.notBefore).toBe('number');

    // Another device of the same app sees nothing (profiles are bound to the device).
    const other = await TestClient.create(emu.adobeUrl);
    expect((await other.get('/api/v2/DEMOTV/profiles')).body).toEqual({ profiles: {} });

    // TestMVPD_QA has a 1-hour authN TTL.
    await admin(emu.adobeUrl, 'POST', '/clock/advance', { ms: 3_600_000 });
    expect(Object.keys((await tv.get('/api/v2/DEMOTV/profiles')).body.profiles)).toEqual(['AcmeCable']);
    expect((await tv.get('/api/v2/DEMOTV/profiles/TestMVPD_QA')).body).toEqual({ profiles: {} });
    expect(Object.keys((await tv.get('/api/v2/DEMOTV/profiles/AcmeCable')).body.profiles)).toEqual(['AcmeCable']);
  });

  it('profiles/{mvpd} validates the MVPD and the integration', async () => {
    expectEnhanced((await tv.get('/api/v2/DEMOTV/profiles/NoSuchMvpd')).body, 'invalid_parameter_mvpd', 400);
    expectEnhanced((await tv.get('/api/v2/DEMOTV/profiles/OldTownCable')).body, 'invalid_integration', 400);
  });

  it('a disabled integration hides its profile; re-enabling restores it', async () => {
    await tv.login('SummitSat', 'alice');
    await admin(emu.adobeUrl, 'POST', '/integrations/SummitSat', { enabled: false });
    expect((await tv.get('/api/v2/DEMOTV/profiles')).body).toEqual({ profiles: {} });
    await admin(emu.adobeUrl, 'POST', '/integrations/SummitSat', { enabled: true });
    expect(Object.keys((await tv.get('/api/v2/DEMOTV/profiles')).body.profiles)).toEqual(['SummitSat']);
  });
});
