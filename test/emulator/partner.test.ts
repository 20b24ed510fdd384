import type { RunningEmulator } from '../../emulator/src/server';
import { TestClient, admin, b64, expectEnhanced, start } from './helpers';

let emu: RunningEmulator;
let tv: TestClient;
beforeAll(async () => {
  emu = await start();
  tv = await TestClient.create(emu.adobeUrl);
});
afterAll(() => emu.close());

const pfs = (accessStatus: string, id = 'acme-cable', expirationDate = '4102444800000') =>
  b64(JSON.stringify({ frameworkPermissionInfo: { accessStatus }, frameworkProviderInfo: { id, expirationDate } }));

describe('partner SSO (A18, minimal)', () => {
  it('sessions/sso/Apple falls back to basic authentication: pfs_fallback without the header, configuration_fallback with it', async () => {
    const form = { domainName: 'demotv.example', redirectUrl: 'http://localhost:4030/done' };
    const a = (await tv.postForm('/api/v2/DEMOTV/sessions/sso/Apple', form)).body;
    expect(a).toMatchObject({ actionName: 'resume', actionType: 'direct', reasonType: 'pfs_fallback', missingParameters: ['mvpd'], code: expect.any(String) });
    const b = (await tv.postForm('/api/v2/DEMOTV/sessions/sso/Apple', form, { 'AP-Partner-Framework-Status': pfs('granted') })).body;
    expect(b.reasonType).toBe('configuration_fallback');
    // The fallback code resumes like any session.
    const resumed = await tv.postForm(`/api/v2/DEMOTV/sessions/${b.code}`, { mvpd: 'AcmeCable' });
    expect(resumed.body.actionName).toBe('authenticate');
  });

  it('unknown partner → invalid_parameter_partner', async () => {
    expectEnhanced((await tv.postForm('/api/v2/DEMOTV/sessions/sso/Samsung', {})).body, 'invalid_parameter_partner', 400);
  });

  it('profiles/sso/Apple validates SAMLResponse and the framework status', async () => {
    expectEnhanced((await tv.postForm('/api/v2/DEMOTV/profiles/sso/Apple', {})).body, 'invalid_parameter_saml_response', 400);
    const saml = { SAMLResponse: b64('<samlp:Response/>') };
    expectEnhanced((await tv.postForm('/api/v2/DEMOTV/profiles/sso/Apple', saml)).body, 'invalid_header_pfs_permission_access_not_present', 400);
    expectEnhanced((await tv.postForm('/api/v2/DEMOTV/profiles/sso/Apple', saml, { 'AP-Partner-Framework-Status': pfs('notDetermined') })).body, 'invalid_header_pfs_permission_access_not_determined', 400);
    expectEnhanced((await tv.postForm('/api/v2/DEMOTV/profiles/sso/Apple', saml, { 'AP-Partner-Framework-Status': pfs('denied') })).body, 'invalid_header_pfs_permission_access_not_granted', 400);
    expectEnhanced((await tv.postForm('/api/v2/DEMOTV/profiles/sso/Apple', saml, { 'AP-Partner-Framework-Status': pfs('granted', 'unknown-provider') })).body, 'invalid_header_pfs_provider_id_not_determined', 400);
    expectEnhanced((await tv.postForm('/api/v2/DEMOTV/profiles/sso/Apple', saml, { 'AP-Partner-Framework-Status': pfs('granted', 'acme-cable', '1000') })).body, 'invalid_header_pfs_provider_info_expired', 400);
    const r = await tv.postForm('/api/v2/DEMOTV/profiles/sso/Apple', saml, { 'AP-Partner-Framework-Status': pfs('granted') });
    expectEnhanced(r.body, 'invalid_configuration_mvpd_platform_profile_exchange', 500, 'configuration');
    expect((await admin(emu.adobeUrl, 'GET', '/journal')).body.entries.length).toBeGreaterThan(0);
  });
});
