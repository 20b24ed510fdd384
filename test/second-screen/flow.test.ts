import type { CodeProfile, ProviderInfo, ResumeParams, SecondScreenApi, SessionAction, SessionInfo } from '../../second-screen/src/api';
import { activeConfig, type SecondScreenConfig } from '../../second-screen/src/config';
import { ActivationFlow, DoneFlow, type FlowDeps, type Screen } from '../../second-screen/src/flow';
import { pendingLogin } from '../../second-screen/src/pending';
import { memoryStore, type KeyValueStore } from '../../second-screen/src/storage';
import { PassError, type PassErrorKind } from '../../src/pass';

const CONFIG: SecondScreenConfig = {
  preset: 'emulator',
  brandName: 'Demo',
  appVersion: '1',
  hiddenMvpdIds: ['HiddenCo'],
  hiddenMvpdPattern: '^test',
  presets: {
    emulator: {
      restBaseUrl: 'http://adobe.test/',
      dcrBaseUrl: 'http://adobe.test',
      serviceProvider: 'DEMOTV',
      softwareStatement: 'x',
      domainName: 'demotv.example',
      redirectUrl: '/done',
    },
  },
};

const PROVIDERS: ProviderInfo[] = [
  { id: 'ZedCable', displayName: 'Zed Cable', isTempPass: false, isProxy: false },
  { id: 'AcmeCable', displayName: 'Acme Cable', logoUrl: 'http://adobe.test/logos/acme.png', isTempPass: false, isProxy: false },
  { id: 'TempPass_DEMO15', displayName: 'Free preview', isTempPass: true, isProxy: false },
  { id: 'TestMVPD_QA', displayName: 'QA', isTempPass: false, isProxy: false },
  { id: 'HiddenCo', displayName: 'Hidden', isTempPass: false, isProxy: false },
];

function enhanced(code: string, status = 400, kind: PassErrorKind = 'unknown'): PassError {
  return new PassError({ kind, message: code, httpStatus: status, enhanced: { code, status, action: 'none' }, retryable: false });
}

/** A scripted fake of the api module: each call pops the next scripted answer (or error). */
class FakeApi implements SecondScreenApi {
  calls: string[] = [];
  resumes: ResumeParams[] = [];
  sessions: (SessionInfo | Error)[] = [];
  actions: (SessionAction | Error)[] = [];
  profiles: (CodeProfile[] | Error)[] = [];
  providerList: ProviderInfo[] | Error = PROVIDERS;

  async retrieveSession(code: string): Promise<SessionInfo> {
    this.calls.push(`retrieve ${code}`);
    return next(this.sessions);
  }
  async resumeSession(code: string, params: ResumeParams): Promise<SessionAction> {
    this.calls.push(`resume ${code} ${params.mvpd}`);
    this.resumes.push(params);
    return next(this.actions);
  }
  async providers(): Promise<ProviderInfo[]> {
    this.calls.push('configuration');
    if (this.providerList instanceof Error) throw this.providerList;
    return this.providerList;
  }
  async profilesForCode(code: string): Promise<CodeProfile[]> {
    this.calls.push(`profiles ${code}`);
    return next(this.profiles);
  }
  authenticateUrl(code: string): string {
    return `http://adobe.test/api/v2/authenticate/DEMOTV/${code}`;
  }
  absoluteUrl(url: string): string {
    return url.startsWith('/') ? `http://adobe.test${url}` : url;
  }
}

function next<T>(queue: (T | Error)[]): T {
  const item = queue.shift();
  if (item === undefined) throw new Error('fake api: nothing scripted');
  if (item instanceof Error) throw item;
  return item;
}

function setup(opts: { now?: () => number; tabStore?: KeyValueStore } = {}) {
  const api = new FakeApi();
  const screens: Screen[] = [];
  const navigations: string[] = [];
  const tabStore = opts.tabStore ?? memoryStore();
  const deps: FlowDeps = {
    api,
    config: activeConfig(CONFIG, 'http://phone.test:4030/?code=X'),
    tabStore,
    navigate: (url) => navigations.push(url),
    render: (s) => screens.push(s),
    now: opts.now,
  };
  const last = () => screens[screens.length - 1];
  return { api, screens, navigations, tabStore, deps, last };
}

const preselected: SessionInfo = {
  existing: { mvpd: 'AcmeCable', domainName: 'demotv.example', redirectUrl: 'http://tv.test/done', serviceProvider: 'DEMOTV' },
  missing: [],
};
const noProvider: SessionInfo = {
  existing: { serviceProvider: 'DEMOTV', domainName: 'demotv.example', redirectUrl: 'http://tv.test/done' },
  missing: ['mvpd'],
};

describe('ActivationFlow', () => {
  it('shows the code field (pre-filled, not checked) when the URL code is malformed', async () => {
    const t = setup();
    await new ActivationFlow(t.deps).start('ab');
    expect(t.last()).toEqual({ name: 'enter', code: 'ab', busy: false });
    expect(t.api.calls).toEqual([]);
  });

  it('checks a ?code= at once and offers "Continue with" the provider the TV chose', async () => {
    const t = setup();
    t.api.sessions.push(preselected);
    await new ActivationFlow(t.deps).start('q4m 7t2k');
    expect(t.api.calls).toEqual(['retrieve Q4M7T2K', 'configuration']);
    expect(t.last()).toMatchObject({
      name: 'confirm',
      code: 'Q4M7T2K',
      provider: { id: 'AcmeCable', displayName: 'Acme Cable', logoUrl: 'http://adobe.test/logos/acme.png' },
    });
  });

  it('continues to the authenticate URL in the same tab and remembers the code for /done', async () => {
    const t = setup();
    t.api.sessions.push(preselected, preselected);
    const flow = new ActivationFlow(t.deps);
    await flow.submitCode('Q4M7T2K');
    await flow.continueLogin();
    expect(t.navigations).toEqual(['http://adobe.test/api/v2/authenticate/DEMOTV/Q4M7T2K']);
    expect(t.last()).toMatchObject({ name: 'leaving', code: 'Q4M7T2K' });
    expect(pendingLogin.read(t.tabStore)).toEqual({
      code: 'Q4M7T2K',
      preset: 'emulator',
      mvpd: 'AcmeCable',
      displayName: 'Acme Cable',
      logoUrl: 'http://adobe.test/logos/acme.png',
    });
    // Re-checked right before leaving; no resume because nothing was missing.
    expect(t.api.calls).toEqual(['retrieve Q4M7T2K', 'configuration', 'retrieve Q4M7T2K']);
  });

  it('uses the provider id when the configuration cannot be read', async () => {
    const t = setup();
    t.api.sessions.push(preselected);
    t.api.providerList = new PassError({ kind: 'network', message: 'down', retryable: true });
    await new ActivationFlow(t.deps).submitCode('Q4M7T2K');
    expect(t.last()).toMatchObject({ name: 'confirm', provider: { id: 'AcmeCable', displayName: 'AcmeCable' } });
  });

  it('lets the phone choose when the TV did not: filtered like the TV (no TempPass, no test MVPDs), sorted', async () => {
    const t = setup();
    t.api.sessions.push(noProvider);
    await new ActivationFlow(t.deps).submitCode('Q4M7T2K');
    const s = t.last();
    expect(s.name).toBe('choose');
    expect(s.name === 'choose' && s.providers.map((p) => p.id)).toEqual(['AcmeCable', 'ZedCable']);
  });

  it('resumes with the chosen mvpd, keeping the TV-supplied domainName/redirectUrl, then opens the returned URL', async () => {
    const t = setup();
    t.api.sessions.push(noProvider);
    t.api.actions.push({ actionName: 'authenticate', url: '/api/v2/authenticate/DEMOTV/Q4M7T2K', missing: [] });
    const flow = new ActivationFlow(t.deps);
    await flow.submitCode('Q4M7T2K');
    await flow.chooseProvider('ZedCable');
    expect(t.api.resumes).toEqual([{ mvpd: 'ZedCable', domainName: 'demotv.example', redirectUrl: 'http://tv.test/done' }]);
    expect(t.navigations).toEqual(['http://adobe.test/api/v2/authenticate/DEMOTV/Q4M7T2K']);
    expect(pendingLogin.read(t.tabStore)?.mvpd).toBe('ZedCable');
  });

  it('fills parameters the session lacks from its own config (redirectUrl resolved against the page)', async () => {
    const t = setup();
    t.api.sessions.push({ existing: { serviceProvider: 'DEMOTV' }, missing: ['mvpd', 'domainName', 'redirectUrl'] });
    t.api.actions.push({ actionName: 'authenticate', missing: [] });
    const flow = new ActivationFlow(t.deps);
    await flow.submitCode('Q4M7T2K');
    await flow.chooseProvider('AcmeCable');
    expect(t.api.resumes[0]).toEqual({ mvpd: 'AcmeCable', domainName: 'demotv.example', redirectUrl: 'http://phone.test:4030/done' });
    expect(t.navigations).toEqual(['http://adobe.test/api/v2/authenticate/DEMOTV/Q4M7T2K']);
  });

  it('answers `retry` by resuming again, but only a bounded number of times', async () => {
    const t = setup();
    t.api.sessions.push(noProvider, noProvider, noProvider);
    const retry: SessionAction = { actionName: 'retry', missing: ['redirectUrl'] };
    t.api.actions.push(retry, retry, retry, retry);
    const flow = new ActivationFlow(t.deps);
    await flow.submitCode('Q4M7T2K');
    await flow.chooseProvider('AcmeCable');
    expect(t.api.resumes).toHaveLength(3);
    expect(t.last()).toMatchObject({ name: 'problem', problem: { retryable: false } });
    expect(t.navigations).toEqual([]);
  });

  it('catches a code the TV replaced while the user was on "Continue with", before leaving', async () => {
    const t = setup();
    t.api.sessions.push(preselected, enhanced('invalid_authentication_session'));
    const flow = new ActivationFlow(t.deps);
    await flow.submitCode('Q4M7T2K');
    await flow.continueLogin();
    expect(t.navigations).toEqual([]);
    expect(t.last()).toMatchObject({ name: 'enter', code: 'Q4M7T2K', error: expect.stringMatching(/replaced/) });
  });

  it('supplies what a TV-chosen session still misses before leaving', async () => {
    const t = setup();
    const partial: SessionInfo = { existing: { mvpd: 'AcmeCable', serviceProvider: 'DEMOTV' }, missing: ['domainName', 'redirectUrl'] };
    t.api.sessions.push(partial, partial);
    t.api.actions.push({ actionName: 'authenticate', url: '/api/v2/authenticate/DEMOTV/Q4M7T2K', missing: [] });
    const flow = new ActivationFlow(t.deps);
    await flow.submitCode('Q4M7T2K');
    expect(t.last()).toMatchObject({ name: 'confirm' });
    await flow.continueLogin();
    expect(t.api.resumes).toEqual([{ mvpd: 'AcmeCable', domainName: 'demotv.example', redirectUrl: 'http://phone.test:4030/done' }]);
    expect(t.navigations).toHaveLength(1);
  });

  it('treats `authorize` as already signed in: no MVPD page', async () => {
    const t = setup();
    t.api.sessions.push(noProvider);
    t.api.actions.push({ actionName: 'authorize', reasonType: 'authenticated', mvpd: 'AcmeCable', missing: [] });
    const flow = new ActivationFlow(t.deps);
    await flow.submitCode('Q4M7T2K');
    await flow.chooseProvider('AcmeCable');
    expect(t.last()).toEqual({
      name: 'signed-in',
      already: true,
      provider: { id: 'AcmeCable', displayName: 'Acme Cable', logoUrl: 'http://adobe.test/logos/acme.png' },
    });
    expect(t.navigations).toEqual([]);
  });

  it('shows a wrong code next to the field (invalid_parameter_code)', async () => {
    const t = setup();
    t.api.sessions.push(enhanced('invalid_parameter_code'));
    await new ActivationFlow(t.deps).submitCode('ZZZZZZZ');
    const s = t.last();
    expect(s).toMatchObject({ name: 'enter', code: 'ZZZZZZZ', busy: false });
    expect(s.name === 'enter' && s.error).toMatch(/doesn't look like a code/);
  });

  it('explains an expired or replaced code (invalid_authentication_session)', async () => {
    const t = setup();
    t.api.sessions.push(enhanced('invalid_authentication_session', 400, 'expired-code'));
    await new ActivationFlow(t.deps).submitCode('Q4M7T2K');
    const s = t.last();
    expect(s.name === 'enter' && s.error).toMatch(/wrong, has expired, or was replaced/);
  });

  it('keeps the picker and names the provider when its integration is unavailable', async () => {
    const t = setup();
    t.api.sessions.push(noProvider);
    t.api.actions.push(enhanced('invalid_integration'));
    const flow = new ActivationFlow(t.deps);
    await flow.submitCode('Q4M7T2K');
    await flow.chooseProvider('ZedCable');
    const s = t.last();
    expect(s).toMatchObject({ name: 'choose', busy: false });
    expect(s.name === 'choose' && s.error).toMatch(/^Zed Cable: /);
  });

  it('offers Retry after a network failure and repeats the failed step', async () => {
    const t = setup();
    t.api.sessions.push(new PassError({ kind: 'network', message: 'offline', retryable: true }), preselected);
    const flow = new ActivationFlow(t.deps);
    await flow.submitCode('Q4M7T2K');
    expect(t.last()).toMatchObject({ name: 'problem', problem: { kind: 'network', retryable: true } });
    await flow.retry();
    expect(t.last()).toMatchObject({ name: 'confirm', code: 'Q4M7T2K' });
  });

  it('after Retry, an expired code is still shown next to the field', async () => {
    const t = setup();
    t.api.sessions.push(new PassError({ kind: 'network', message: 'offline', retryable: true }), enhanced('invalid_authentication_session'));
    const flow = new ActivationFlow(t.deps);
    await flow.submitCode('Q4M7T2K');
    await flow.retry();
    expect(t.last()).toMatchObject({ name: 'enter', code: 'Q4M7T2K', error: expect.stringMatching(/Code not valid/) });
  });

  it('refuses Retry for at least one second after a 429 (spec §10)', async () => {
    let clock = 1_000_000;
    const t = setup({ now: () => clock });
    t.api.sessions.push(new PassError({ kind: 'throttled', message: 'busy', httpStatus: 429, retryable: true }), preselected);
    const flow = new ActivationFlow(t.deps);
    await flow.submitCode('Q4M7T2K');
    expect(t.last()).toMatchObject({ name: 'problem', problem: { kind: 'throttled' } });
    expect(flow.retryWaitMs()).toBeGreaterThanOrEqual(1000);
    clock += 999;
    await flow.retry();
    expect(t.api.calls).toEqual(['retrieve Q4M7T2K']);
    clock += 1;
    await flow.retry();
    expect(t.last()).toMatchObject({ name: 'confirm' });
  });

  it('does not offer Retry for a final failure', async () => {
    const t = setup();
    t.api.sessions.push(enhanced('invalid_parameter_service_provider'), preselected);
    const flow = new ActivationFlow(t.deps);
    await flow.submitCode('Q4M7T2K');
    expect(t.last()).toMatchObject({ name: 'problem' });
    await flow.retry();
    expect(t.api.calls).toEqual(['retrieve Q4M7T2K']);
  });

  it('validates locally before calling the service', async () => {
    const t = setup();
    await new ActivationFlow(t.deps).submitCode('ab');
    expect(t.api.calls).toEqual([]);
    expect(t.last()).toMatchObject({ name: 'enter', error: expect.stringMatching(/at least 6/) });
  });

  it('returns to "Continue with" when the user comes back from the MVPD page', async () => {
    const t = setup();
    t.api.sessions.push(preselected, preselected);
    const flow = new ActivationFlow(t.deps);
    await flow.submitCode('Q4M7T2K');
    await flow.continueLogin();
    flow.returnedFromProvider();
    expect(t.last()).toMatchObject({ name: 'confirm', busy: false });
  });
});

describe('DoneFlow', () => {
  function withPending() {
    const tabStore = memoryStore();
    pendingLogin.write(tabStore, { code: 'Q4M7T2K', preset: 'emulator', mvpd: 'AcmeCable', displayName: 'Acme Cable' });
    return setup({ tabStore });
  }

  it('confirms with the profile for the remembered code and forgets the code', async () => {
    const t = withPending();
    t.api.profiles.push([{ mvpd: 'AcmeCable', type: 'regular' }]);
    await new DoneFlow(t.deps).start(null);
    expect(t.api.calls).toEqual(['profiles Q4M7T2K']);
    expect(t.last()).toEqual({ name: 'signed-in', already: false, provider: { id: 'AcmeCable', displayName: 'Acme Cable', logoUrl: undefined } });
    expect(pendingLogin.read(t.tabStore)).toBeUndefined();
  });

  it('says clearly when no profile is there yet, and can check again', async () => {
    const t = withPending();
    t.api.profiles.push([], [{ mvpd: 'AcmeCable', type: 'regular' }]);
    const flow = new DoneFlow(t.deps);
    await flow.start(null);
    expect(t.last()).toEqual({ name: 'unconfirmed', code: 'Q4M7T2K', reason: 'no-profile' });
    await flow.recheck();
    expect(t.last()).toMatchObject({ name: 'signed-in' });
  });

  it('without a code it cannot confirm and says to look at the TV', async () => {
    const t = setup();
    await new DoneFlow(t.deps).start(null);
    expect(t.last()).toEqual({ name: 'unconfirmed', reason: 'no-code' });
    expect(t.api.calls).toEqual([]);
  });

  it('looks up the provider name when the profile is for another MVPD than remembered', async () => {
    const t = withPending();
    t.api.profiles.push([{ mvpd: 'ZedCable', type: 'regular' }]);
    await new DoneFlow(t.deps).start('Q4M7T2K');
    expect(t.last()).toMatchObject({ name: 'signed-in', provider: { id: 'ZedCable', displayName: 'Zed Cable' } });
  });

  it('reports an expired code as a problem without Retry', async () => {
    const t = withPending();
    t.api.profiles.push(enhanced('invalid_authentication_session'));
    await new DoneFlow(t.deps).start(null);
    expect(t.last()).toMatchObject({ name: 'problem', problem: { kind: 'expired-code', retryable: false } });
  });
});
