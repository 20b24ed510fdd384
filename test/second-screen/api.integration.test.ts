/**
 * The second screen's api module against the real emulator over HTTP: a fake TV creates the session with
 * the TV's registered application, and the phone resolves it with its own (demotv-activation-web).
 */
import { startEmulator, type RunningEmulator } from '../../emulator/src/server';
import { createPassApi, type SecondScreenApi } from '../../second-screen/src/api';
import { activeConfig } from '../../second-screen/src/config';
import { describeDevice, deviceIdentifierHeader, deviceInfoHeader } from '../../second-screen/src/device';
import { ActivationFlow, DoneFlow, type Screen } from '../../second-screen/src/flow';
import { memoryStore } from '../../second-screen/src/storage';
import { loadConfig } from '../../second-screen/server';
import { memoryCredentialsStore, PassError } from '../../src/pass';
import { fakeTv, subscribers, tvSession } from './helpers';

const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const DONE = 'http://127.0.0.1:4030/done';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ adobePort: 0, programmerPort: 0, quiet: true, settings: { throttling: false } });
});
afterAll(async () => {
  await emu?.close();
});
beforeEach(async () => {
  await fetch(`${emu.adobeUrl}/__emulator/reset`, { method: 'POST' }).catch(() => undefined);
});

function phoneConfig() {
  return activeConfig(loadConfig({ adobeUrl: emu.adobeUrl }), 'http://127.0.0.1:4030/');
}

function phoneApi(): SecondScreenApi {
  const info = deviceInfoHeader(describeDevice({ userAgent: PHONE_UA }, 'DEMOTV'));
  return createPassApi({
    config: phoneConfig(),
    device: { identifierHeader: () => deviceIdentifierHeader('phone-0001'), infoHeader: () => info },
    credentials: memoryCredentialsStore(),
  });
}

/** What the browser does after the authenticate URL: follow to the mock MVPD, post the form, land on redirectUrl. */
async function signInAtMvpd(authenticateUrl: string, username: string, password: string): Promise<string> {
  const first = await fetch(authenticateUrl, { redirect: 'manual' });
  expect(first.status).toBe(302);
  const loginUrl = new URL(first.headers.get('location') ?? '', authenticateUrl);
  const form = await fetch(loginUrl);
  expect(form.status).toBe(200);
  const code = loginUrl.searchParams.get('code') ?? '';
  const post = await fetch(loginUrl.toString().split('?')[0], {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ code, username, password }).toString(),
  });
  expect(post.status).toBe(302);
  return post.headers.get('location') ?? '';
}

function alice() {
  const s = subscribers().find((x) => x.username === 'alice');
  if (!s) throw new Error('fixture subscriber alice missing');
  return s;
}

describe('second-screen api module against the emulator', () => {
  it('finds the provider the TV chose, signs in at the MVPD, and sees the profile for the code', async () => {
    const tv = fakeTv(emu.adobeUrl);
    const session = await tvSession(tv, { mvpd: 'AcmeCable', redirectUrl: DONE });
    expect(session.actionName).toBe('authenticate');

    const api = phoneApi();
    const info = await api.retrieveSession(session.code.toLowerCase() === session.code ? session.code : session.code);
    expect(info.existing).toMatchObject({ mvpd: 'AcmeCable', domainName: 'demotv.example', redirectUrl: DONE });
    expect(info.missing).toEqual([]);
    expect(await api.profilesForCode(session.code)).toEqual([]);

    const landed = await signInAtMvpd(api.authenticateUrl(session.code), alice().username, alice().password);
    expect(landed).toBe(DONE);

    const profiles = await api.profilesForCode(session.code);
    expect(profiles.map((p) => p.mvpd)).toEqual(['AcmeCable']);
    // The TV, polling with its own client, sees the same login.
    expect((await tv.profileForCode(session.code)).map((p) => p.mvpd)).toEqual(['AcmeCable']);
  });

  it('resumes a session the TV created without a provider', async () => {
    const tv = fakeTv(emu.adobeUrl);
    const session = await tvSession(tv, { redirectUrl: DONE });
    expect(session.actionName).toBe('resume');

    const api = phoneApi();
    const info = await api.retrieveSession(session.code);
    expect(info.missing).toContain('mvpd');
    const providers = await api.providers();
    expect(providers.find((p) => p.id === 'AcmeCable')).toBeDefined();
    expect(providers.some((p) => p.isTempPass)).toBe(true); // the filter is the flow's job, not the api's

    const action = await api.resumeSession(session.code, { mvpd: 'NorthStarFiber', domainName: 'demotv.example', redirectUrl: DONE });
    expect(action.actionName).toBe('authenticate');
    expect(action.url).toBe(`${emu.adobeUrl}/api/v2/authenticate/DEMOTV/${session.code}`);
    expect((await api.retrieveSession(session.code)).existing.mvpd).toBe('NorthStarFiber');
  });

  it('reports unknown and malformed codes with the documented codes', async () => {
    const api = phoneApi();
    await expect(api.retrieveSession('ZZZZZZZ')).rejects.toMatchObject({ code: 'invalid_authentication_session' });
    const malformed = await api.retrieveSession('AB#$').catch((e: unknown) => e);
    expect(malformed).toBeInstanceOf(PassError);
    expect((malformed as PassError).code).toBe('invalid_parameter_code');
  });

  it('runs the whole flow logic over real HTTP (no browser): choose provider, sign in, confirm on /done', async () => {
    const tv = fakeTv(emu.adobeUrl);
    const session = await tvSession(tv, { redirectUrl: DONE });
    const api = phoneApi();
    const tabStore = memoryStore();
    const screens: Screen[] = [];
    const navigations: string[] = [];
    const deps = { api, config: phoneConfig(), tabStore, navigate: (u: string) => navigations.push(u), render: (s: Screen) => screens.push(s) };

    const flow = new ActivationFlow(deps);
    await flow.start(session.code.split('').join(' ').toLowerCase());
    const choose = screens[screens.length - 1];
    expect(choose.name).toBe('choose');
    const ids = choose.name === 'choose' ? choose.providers.map((p) => p.id) : [];
    expect(ids).toContain('AcmeCable');
    expect(ids.some((id) => id.startsWith('TempPass') || id.startsWith('TestMVPD'))).toBe(false);
    expect(ids).not.toContain('OldTownCable'); // disabled integration: not in the configuration

    await flow.chooseProvider('AcmeCable');
    expect(navigations).toHaveLength(1);
    await signInAtMvpd(navigations[0], alice().username, alice().password);

    await new DoneFlow(deps).start(null);
    expect(screens[screens.length - 1]).toMatchObject({ name: 'signed-in', already: false, provider: { id: 'AcmeCable', displayName: 'Acme Cable' } });
  });
});
