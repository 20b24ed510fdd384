/**
 * Logout follows actionName AND actionType (spec §5.11, §17 F, checklist 26): on a TV without a browser an
 * interactive MVPD logout is done — a plain sentence, no URL; partner SSO asks for a system-level sign-out.
 */
import { createPassFlows, type PassFlows } from '../../src/flows';
import { LOGOUT_MESSAGES, logoutOutcome } from '../../src/flows/logout';
import type { LogoutEntry } from '../../src/pass';
import { scriptDcr, startFakeServer, type FakeServer } from '../pass/fake-server';
import { ManualTimers } from '../support/manualTimers';
import { DEVICE_ID_HEADER, DEVICE_INFO_HEADER, FakeClock, MemoryStorage } from './helpers';

const SP = 'DEMOTV';
const MVPD_URL = 'https://sp.auth.adobe.test/adobe-services/logout?mso_id=AcmeCable';
const entry = (actionName: string, actionType: string | undefined, url?: string): LogoutEntry => ({ key: 'AcmeCable', actionName, actionType, url });

describe('the rules (pure)', () => {
  test('logout/interactive on a TV without a browser: done, plain sentence, no URL', () => {
    expect(logoutOutcome([entry('logout', 'interactive', MVPD_URL)])).toEqual({
      followUpUrls: [],
      partnerSignOut: false,
      notice: 'signed-out',
      message: LOGOUT_MESSAGES['signed-out'],
    });
  });

  test('logout/interactive on a device that can open a browser: the URL is handed over', () => {
    const out = logoutOutcome([entry('logout', 'interactive', MVPD_URL)], { canOpenBrowser: true });
    expect(out).toEqual(expect.objectContaining({ followUpUrls: [MVPD_URL], notice: 'finish-in-browser' }));
  });

  test('actionType decides: logout with type none (or direct) has nothing to open, even with a browser', () => {
    for (const type of ['none', 'direct', 'something_new']) {
      const out = logoutOutcome([entry('logout', type, MVPD_URL)], { canOpenBrowser: true });
      expect(out).toEqual(expect.objectContaining({ followUpUrls: [], notice: 'signed-out' }));
    }
  });

  test('a missing actionType is read as the one its actionName documents', () => {
    expect(logoutOutcome([entry('logout', undefined, MVPD_URL)], { canOpenBrowser: true }).followUpUrls).toEqual([MVPD_URL]);
    expect(logoutOutcome([entry('partner_logout', undefined)]).notice).toBe('partner-sign-out');
  });

  test('partner_logout / partner_interactive: system-level sign-out sentence; complete, invalid, unknown: done', () => {
    expect(logoutOutcome([entry('partner_logout', 'partner_interactive')])).toEqual(
      expect.objectContaining({ partnerSignOut: true, notice: 'partner-sign-out', message: LOGOUT_MESSAGES['partner-sign-out'] }),
    );
    for (const name of ['complete', 'invalid', 'something_new'])
      expect(logoutOutcome([entry(name, 'none')])).toEqual(expect.objectContaining({ followUpUrls: [], partnerSignOut: false, notice: 'signed-out' }));
  });

  test('every message is a plain sentence without a URL', () => {
    for (const message of Object.values(LOGOUT_MESSAGES)) {
      expect(message).toMatch(/^[A-Z].*\.$/);
      expect(message).not.toMatch(/https?:|www\./);
    }
  });
});

describe('through the flows (scripted server)', () => {
  let server: FakeServer;
  beforeEach(async () => {
    server = await startFakeServer();
    scriptDcr(server);
  });
  afterEach(() => server.close());

  async function signedIn(): Promise<PassFlows> {
    server.on(`GET /api/v2/${SP}/profiles`, {
      json: { profiles: { AcmeCable: { notAfter: 9e12, type: 'regular', attributes: {} } } },
    });
    const clock = new FakeClock();
    const f = createPassFlows(
      {
        restBaseUrl: server.url,
        dcrBaseUrl: server.url,
        serviceProvider: SP,
        softwareStatement: 'statement.jwt',
        domainName: 'demotv.example',
        redirectUrl: 'http://localhost:4030/done',
        secondScreenUrl: 'http://localhost:4030',
        secondScreenShortUrl: 'localhost:4030',
      },
      {
        platform: { deviceIdentifierHeader: () => DEVICE_ID_HEADER, deviceInfoHeader: () => DEVICE_INFO_HEADER, storage: new MemoryStorage() },
        clock,
        timers: new ManualTimers(clock),
        sleep: async () => undefined,
      },
    );
    expect((await f.boot()).ok).toBe(true);
    return f;
  }

  test('relative interactive logout URL, TV: signed out, the sentence to show, nothing to open', async () => {
    const f = await signedIn();
    server.on(`GET /api/v2/${SP}/logout/AcmeCable`, {
      json: { logouts: { AcmeCable: { actionName: 'logout', actionType: 'interactive', mvpd: 'AcmeCable', url: '/adobe-services/logout?mso_id=AcmeCable' } } },
    });
    const out = await f.logout();
    expect(out).toEqual({
      ok: true,
      value: { followUpUrls: [], partnerSignOut: false, notice: 'signed-out', message: LOGOUT_MESSAGES['signed-out'] },
    });
    expect(f.current()).toBeUndefined();
  });

  test('profile already gone on the service side: signed out locally with the same plain outcome', async () => {
    const f = await signedIn();
    server.on(`GET /api/v2/${SP}/logout/AcmeCable`, {
      status: 403,
      json: { status: 403, code: 'authenticated_profile_missing', action: 'authentication' },
    });
    const out = await f.logout();
    expect(out).toEqual({ ok: true, value: expect.objectContaining({ notice: 'signed-out', followUpUrls: [] }) });
    expect(f.current()).toBeUndefined();
  });
});
