import type { RunningEmulator } from '../../emulator/src/server';
import { MRSS, TestClient, admin, expectEnhanced, http, start } from './helpers';

let emu: RunningEmulator;
let tv: TestClient;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await admin(emu.adobeUrl, 'POST', '/reset');
  tv = await TestClient.create(emu.adobeUrl);
});

const verify = async (token: string, resource?: string) =>
  (await admin(emu.adobeUrl, 'GET', `/verify-media-token?token=${encodeURIComponent(token)}${resource ? `&resource=${encodeURIComponent(resource)}` : ''}`)).body.result;

describe('preauthorize', () => {
  it('permits entitled channels and denies others item-level with the MVPD message, no token', async () => {
    await tv.login('AcmeCable', 'bob');
    const r = await tv.preauthorize('AcmeCable', ['DEMOTV', 'DEMOTV-SPORTS', 'DEMOTV-KIDS', MRSS('DEMOTV-MOVIES', 'Film', 'tv-pg')]);
    expect(r.status).toBe(200);
    const [a, b, c, d] = r.body.decisions;
    expect(a).toEqual({ resource: 'DEMOTV', serviceProvider: 'DEMOTV', mvpd: 'AcmeCable', source: 'mvpd', authorized: true });
    expect(b).toMatchObject({ resource: 'DEMOTV-SPORTS', authorized: false });
    expectEnhanced(b.error, 'preauthorization_denied_by_mvpd', 403, 'none');
    expect(b.error.message).toBe('Your TV package does not include this channel.');
    expect(c.authorized).toBe(true);
    expect(d.authorized).toBe(false); // MRSS normalised to its channel title
    expect(r.body.decisions.every((x: { token?: unknown }) => x.token === undefined)).toBe(true);
  });

  it('too_many_resources beyond the per-integration limit (5, RedwoodWireless 3): top-level, HTTP 400 (Adobe lists no 403 here)', async () => {
    await tv.login('AcmeCable', 'alice');
    expect((await tv.preauthorize('AcmeCable', ['1', '2', '3', '4', '5'])).status).toBe(200);
    const r = await tv.preauthorize('AcmeCable', ['1', '2', '3', '4', '5', '6']);
    expect(r.status).toBe(400);
    expectEnhanced(r.body, 'too_many_resources', 403, 'configuration');
    await tv.login('RedwoodWireless', 'alice');
    expect((await tv.preauthorize('RedwoodWireless', ['1', '2', '3', '4'])).status).toBe(400);
  });

  it('channel-level MRSS (what a client preauthorizes by channel) is decided by the channel title', async () => {
    await tv.login('AcmeCable', 'bob');
    const channel = (c: string) => `<rss version="2.0"><channel><title>${c}</title></channel></rss>`;
    const r = await tv.preauthorize('AcmeCable', [channel('DEMOTV'), channel('DEMOTV-SPORTS'), channel('DEMOTV-KIDS')]);
    expect(r.body.decisions.map((d: { authorized: boolean }) => d.authorized)).toEqual([true, false, true]);
    expect(r.body.decisions[0].resource).toBe(channel('DEMOTV'));
  });

  it('400 invalid_parameter_resources for missing, empty or non-string resources and a non-JSON body', async () => {
    await tv.login('AcmeCable', 'alice');
    for (const body of [{}, { resources: [] }, { resources: [1] }, { resources: 'DEMOTV' }]) {
      expectEnhanced((await tv.postJson('/api/v2/DEMOTV/decisions/preauthorize/AcmeCable', body)).body, 'invalid_parameter_resources', 400);
    }
    const form = await tv.postForm('/api/v2/DEMOTV/decisions/preauthorize/AcmeCable', { resources: 'DEMOTV' });
    expectEnhanced(form.body, 'invalid_parameter_resources', 400);
    const broken = await http('POST', `${emu.adobeUrl}/api/v2/DEMOTV/decisions/preauthorize/AcmeCable`, { headers: tv.headers({ 'content-type': 'application/json' }), body: '{"resources": [' });
    expectEnhanced(broken.body, 'invalid_parameter_resources', 400);
  });
});

describe('authorize', () => {
  it('permits with a verifiable media token (7 min) and a decision window (authZ TTL)', async () => {
    await tv.login('AcmeCable', 'alice');
    const r = await tv.authorize('AcmeCable', ['DEMOTV-SPORTS']);
    expect(r.status).toBe(200);
    const d = r.body.decisions[0];
    expect(d).toMatchObject({ resource: 'DEMOTV-SPORTS', serviceProvider: 'DEMOTV', mvpd: 'AcmeCable', source: 'mvpd', authorized: true });
    expect(d.token.notAfter - d.token.notBefore).toBe(420_000);
    expect(d.notAfter - d.notBefore).toBe(3_600_000);
    expect(await verify(d.token.serializedToken, 'DEMOTV-SPORTS')).toBe('VALID_TOKEN');
    expect(await verify(d.token.serializedToken, 'DEMOTV-KIDS')).toBe('INVALID_RESOURCE_ID');
    expect(await verify('bm90IGEgdG9rZW4=')).toBe('INVALID_TOKEN_FORMAT');
    await admin(emu.adobeUrl, 'POST', '/clock/advance', { ms: 420_000 });
    expect(await verify(d.token.serializedToken)).toBe('TOKEN_EXPIRED');
  });

  it('honours mediaTokenTtlMs', async () => {
    await admin(emu.adobeUrl, 'POST', '/settings', { mediaTokenTtlMs: 60_000 });
    await tv.login('AcmeCable', 'alice');
    const t = (await tv.authorize('AcmeCable', ['DEMOTV'])).body.decisions[0].token;
    expect(t.notAfter - t.notBefore).toBe(60_000);
  });

  it('denies with the MVPD message and details (dan), item-level in a 200', async () => {
    await tv.login('VistaStream', 'dan');
    const r = await tv.authorize('VistaStream', ['DEMOTV']);
    expect(r.status).toBe(200);
    const d = r.body.decisions[0];
    expect(d.authorized).toBe(false);
    expect(d.token).toBeUndefined();
    expectEnhanced(d.error, 'authorization_denied_by_mvpd', 403, 'none');
    expect(d.error).toMatchObject({ message: expect.stringContaining('on hold'), details: 'Billing hold: payment overdue' });
  });

  it('parental controls deny an MRSS item rated above the subscriber limit (kim), allow one within it', async () => {
    await tv.login('AcmeCable', 'kim');
    const mature = MRSS('DEMOTV-MOVIES', 'Late Night Thriller', 'tv-ma');
    const deny = (await tv.authorize('AcmeCable', [mature])).body.decisions[0];
    expect(deny.resource).toBe(mature);
    expectEnhanced(deny.error, 'authorization_denied_by_parental_controls', 403);
    const ok = (await tv.authorize('AcmeCable', [MRSS('DEMOTV-KIDS', 'Cartoon', 'tv-y7')])).body.decisions[0];
    expect(ok.authorized).toBe(true);
    const mpaa = (await tv.authorize('AcmeCable', [MRSS('DEMOTV-MOVIES', 'Action', 'r', 'urn:mpaa')])).body.decisions[0];
    expect(mpaa.error.code).toBe('authorization_denied_by_parental_controls');
  });

  it('too_many_resources for more than one resource (HTTP 400, error status 403)', async () => {
    await tv.login('AcmeCable', 'alice');
    const r = await tv.authorize('AcmeCable', ['DEMOTV', 'DEMOTV-KIDS']);
    expect(r.status).toBe(400);
    expectEnhanced(r.body, 'too_many_resources', 403, 'configuration');
  });

  it('no profile → authenticated_profile_missing item-level in a 200 (Adobe lists 200/400/401/405/500 only), or top-level with HTTP 400 when switched', async () => {
    for (const call of [() => tv.authorize('AcmeCable', ['DEMOTV']), () => tv.preauthorize('AcmeCable', ['DEMOTV', 'DEMOTV-KIDS'])]) {
      const item = await call();
      expect(item.status).toBe(200);
      for (const d of item.body.decisions) {
        expect(d).toMatchObject({ serviceProvider: 'DEMOTV', mvpd: 'AcmeCable', authorized: false });
        expect(d.token).toBeUndefined();
        expectEnhanced(d.error, 'authenticated_profile_missing', 403, 'authentication');
      }
    }
    await admin(emu.adobeUrl, 'POST', '/settings', { decisionErrorPlacement: 'top' });
    const top = await tv.authorize('AcmeCable', ['DEMOTV']);
    expect(top.status).toBe(400);
    expectEnhanced(top.body, 'authenticated_profile_missing', 403, 'authentication');
  });

  it('expired profile → authenticated_profile_expired; invalidated → authenticated_profile_invalidated', async () => {
    const err = async (mvpd: string) => (await tv.authorize(mvpd, ['DEMOTV'])).body.decisions[0].error;
    await tv.login('AcmeCable', 'alice');
    await admin(emu.adobeUrl, 'POST', '/expire', { kind: 'profile', clientId: tv.clientId, mvpd: 'AcmeCable' });
    expectEnhanced(await err('AcmeCable'), 'authenticated_profile_expired', 403, 'authentication');
    await tv.login('BlueRiverTV', 'alice');
    await admin(emu.adobeUrl, 'POST', '/expire', { kind: 'profile', mvpd: 'BlueRiverTV', invalidate: true });
    expectEnhanced(await err('BlueRiverTV'), 'authenticated_profile_invalidated', 403, 'authentication');
  });

  it('a disabled integration → invalid_integration even with a profile', async () => {
    await tv.login('SummitSat', 'alice');
    await admin(emu.adobeUrl, 'POST', '/integrations/SummitSat', { enabled: false });
    expectEnhanced((await tv.authorize('SummitSat', ['DEMOTV'])).body, 'invalid_integration', 400);
  });
});

describe('logout', () => {
  const logout = (mvpd: string, redirectUrl = 'http://localhost:4030/bye') =>
    tv.get(`/api/v2/DEMOTV/logout/${mvpd}?redirectUrl=${encodeURIComponent(redirectUrl)}`);

  it('MVPD with a logout endpoint: logout/interactive + absolute /adobe-services/logout url (Adobe\'s basic sample), which leads to the MVPD page and back to redirect_url', async () => {
    await tv.login('AcmeCable', 'alice');
    const r = await logout('AcmeCable');
    expect(r.status).toBe(200);
    const e = r.body.logouts.AcmeCable;
    expect(e).toMatchObject({ actionName: 'logout', actionType: 'interactive', mvpd: 'AcmeCable', url: expect.stringMatching(/^http:\/\/.+\/adobe-services\/logout\?/) });
    expect(new URL(e.url).searchParams.get('mso_id')).toBe('AcmeCable');
    const sp = await http('GET', e.url);
    expect(sp.status).toBe(302);
    const mvpdPage = await http('GET', new URL(sp.headers.get('location')!, emu.adobeUrl).toString());
    expect(mvpdPage.status).toBe(302);
    expect(mvpdPage.headers.get('location')).toBe('http://localhost:4030/bye');
    expect((await tv.get('/api/v2/DEMOTV/profiles')).body).toEqual({ profiles: {} });
  });

  it('relativeLogoutUrls: the url is relative to the Adobe host (Adobe\'s SSO samples) and resolves there', async () => {
    await admin(emu.adobeUrl, 'POST', '/settings', { relativeLogoutUrls: true });
    await tv.login('AcmeCable', 'alice');
    const e = (await logout('AcmeCable')).body.logouts.AcmeCable;
    expect(e.url).toMatch(/^\/adobe-services\/logout\?/);
    expect((await http('GET', new URL(e.url, emu.adobeUrl).toString())).status).toBe(302);
  });

  it('MVPD without a logout endpoint: complete/none; nothing to delete: invalid/none', async () => {
    await tv.login('NorthStarFiber', 'alice');
    expect((await logout('NorthStarFiber')).body).toEqual({ logouts: { NorthStarFiber: { actionName: 'complete', actionType: 'none', mvpd: 'NorthStarFiber' } } });
    expect((await logout('NorthStarFiber')).body).toEqual({ logouts: { NorthStarFiber: { actionName: 'invalid', actionType: 'none', mvpd: 'NorthStarFiber' } } });
  });

  it('TempPass logout is complete/none', async () => {
    expect((await logout('TempPass_DEMO15')).body.logouts.TempPass_DEMO15).toEqual({ actionName: 'complete', actionType: 'none', mvpd: 'TempPass_DEMO15' });
  });

  it('requires redirectUrl and the device headers', async () => {
    await tv.login('AcmeCable', 'alice');
    expectEnhanced((await tv.get('/api/v2/DEMOTV/logout/AcmeCable')).body, 'invalid_parameter_redirect_url', 400);
    const h = tv.headers();
    delete h['AP-Device-Identifier'];
    const r = await http('GET', `${emu.adobeUrl}/api/v2/DEMOTV/logout/AcmeCable?redirectUrl=http%3A%2F%2Flocalhost%2F`, { headers: h });
    expectEnhanced(r.body, 'invalid_header_device_identifier', 400);
    expect(Object.keys((await tv.get('/api/v2/DEMOTV/profiles')).body.profiles)).toEqual(['AcmeCable']);
  });
});

describe('decisionResourceEcho (how decisions echo the resource)', () => {
  const mrss = MRSS('DEMOTV-KIDS', 'Cartoon & Co', 'tv-y7');
  it('exact by default', async () => {
    await tv.login('AcmeCable', 'alice');
    const r = await tv.preauthorize('AcmeCable', ['DEMOTV', mrss]);
    expect(r.body.decisions.map((d: { resource: string }) => d.resource)).toEqual(['DEMOTV', mrss]);
  });

  it('whitespace: a trailing space as in Adobe\'s preauthorization sample ("resource1 "), decisions unchanged', async () => {
    await admin(emu.adobeUrl, 'POST', '/settings', { decisionResourceEcho: 'whitespace' });
    await tv.login('AcmeCable', 'bob');
    const r = await tv.preauthorize('AcmeCable', ['DEMOTV', 'DEMOTV-SPORTS']);
    expect(r.body.decisions.map((d: { resource: string; authorized: boolean }) => [d.resource, d.authorized])).toEqual([['DEMOTV ', true], ['DEMOTV-SPORTS ', false]]);
    const a = (await tv.authorize('AcmeCable', ['DEMOTV'])).body.decisions[0];
    expect(a.resource).toBe('DEMOTV ');
    expect(await verify(a.token.serializedToken, 'DEMOTV')).toBe('VALID_TOKEN');
  });

  it('rewrite: MRSS comes back re-serialised (not byte-equal) with the same channel, item title and rating; plain ids unchanged', async () => {
    await admin(emu.adobeUrl, 'POST', '/settings', { decisionResourceEcho: 'rewrite' });
    await tv.login('AcmeCable', 'alice');
    const [plain, m] = (await tv.preauthorize('AcmeCable', ['DEMOTV', mrss])).body.decisions;
    expect(plain.resource).toBe('DEMOTV');
    expect(m.resource).not.toBe(mrss);
    expect(m.resource).toContain('<![CDATA[DEMOTV-KIDS]]>');
    expect(m.resource).toContain('<![CDATA[Cartoon & Co]]>');
    expect(m.resource).toMatch(/scheme='urn:v-chip'/);
    const { normaliseResource } = await import('../../emulator/src/media-token');
    expect(normaliseResource(m.resource)).toEqual(normaliseResource(mrss));
  });
});
