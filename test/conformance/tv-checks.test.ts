/**
 * The TV phase's checkers on constructed evidence: a compliant run passes, and each forbidden thing
 * (configuration while signed in, a poll retried too soon, a logout nobody asked for, a URL the TV cannot
 * open, a new device id, an undocumented or secret entry at rest, a stream opened after a refusal) fails.
 */
import type { Check } from '../../conformance/checks/types';
import type { Emulator, JournalEntry } from '../../conformance/lib/emulator';
import { Recorder } from '../../conformance/lib/recorder';
import {
  tvAtRest,
  tvAuthorizeEveryPlay,
  tvBackendVerifies,
  tvConfiguration,
  tvDeviceId,
  tvNoAutomaticLogout,
  tvPollCadence,
  tvPreauthorizationOnly,
  tvStreamOutlivesToken,
  tvUserLogout,
  unwrapStored,
} from '../../conformance/tv/checks';
import { TvFacts, type TvEvidence } from '../../conformance/tv/facts';
import { combine } from '../../conformance/tv/merge';
import type { TvPhase } from '../../conformance/tv/phase';

const SP = '/api/v2/DEMOTV';
const DEVICE = 'fingerprint ZWVjZDliNGE=';
const UUID_A = 'eecd9b4a-31f4-4c1a-9bfd-659019ecd8d0';
const UUID_B = '5b1f6c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f';
const UUID_C = '0f9e8d7c-6b5a-4a3b-9c2d-1e0f9a8b7c6d';
const wrap = (data: unknown) => JSON.stringify({ v: 1, data: JSON.stringify({ v: 1, data }) });

interface Req {
  method?: string;
  path: string;
  status?: number;
  /** ms on the emulator clock */
  at?: number;
  device?: string;
}

/** Builds journeys of named steps, each step a list of requests; `between` requests fall outside any step. */
class Builder {
  readonly journal: JournalEntry[] = [];
  readonly rec: Recorder;
  private clock = 1_000_000;

  constructor() {
    this.rec = new Recorder({ journal: this.journal } as unknown as Emulator);
  }

  private add(r: Req): void {
    this.clock = r.at ?? this.clock + 100;
    this.journal.push({
      seq: this.journal.length + 1,
      time: this.clock + 5,
      durationMs: 5,
      method: r.method ?? 'GET',
      path: r.path,
      query: {},
      headers: { 'ap-device-identifier': r.device ?? DEVICE },
      status: r.status ?? 200,
    });
  }

  journey(name: string, steps: Array<[string, Req[]] | Req[]>): this {
    const from = this.journal.length;
    const record = { name, from, to: 0, steps: [] as Array<{ name: string; from: number; to: number }>, ms: 1 };
    for (const s of steps) {
      if (Array.isArray(s) && typeof s[0] === 'string') {
        const [stepName, reqs] = s as [string, Req[]];
        const start = this.journal.length;
        reqs.forEach((r) => this.add(r));
        record.steps.push({ name: stepName, from: start, to: this.journal.length });
      } else (s as Req[]).forEach((r) => this.add(r));
    }
    record.to = this.journal.length;
    this.rec.journeys.set(name, record);
    return this;
  }
}

const config = (): Req => ({ path: `${SP}/configuration` });
const authorize = (status = 200): Req => ({ method: 'POST', path: `${SP}/decisions/authorize/AcmeCable`, status });
const logout = (mvpd: string): Req => ({ path: `${SP}/logout/${mvpd}` });
const poll = (code: string, at: number, status = 200): Req => ({ path: `${SP}/profiles/code/${code}`, at, status });

/** A compliant run of the three TV journeys (only what the checks read). */
function compliant(
  overrides: {
    pollAfterFailureMs?: number;
    chooserConfig?: boolean;
    strayLogout?: boolean;
    throttledAuthorize?: boolean;
  } = {},
) {
  const b = new Builder();
  const t0 = 2_000_000;
  b.journey('tv-first-launch', [
    ['picker-first-boot', [{ method: 'POST', path: '/o/client/register', status: 201 }, config()]],
    ['code-acme', [{ method: 'POST', path: `${SP}/sessions` }]],
    [
      poll('CODE1', t0, 503),
      poll('CODE1', t0 + (overrides.pollAfterFailureMs ?? 3000)),
      poll('CODE1', t0 + (overrides.pollAfterFailureMs ?? 3000) + 5000),
    ],
    ['sign-in-acme', []],
    ['play-1-entitled', [authorize()]],
    ['watching-past-media-token-expiry', []],
    ['play-2-same-title-again', overrides.throttledAuthorize ? [authorize(429), authorize()] : [authorize()]],
    ['play-3-denied-by-preauthorization', overrides.strayLogout ? [authorize(), logout('AcmeCable')] : [authorize()]],
    ['play-4-permitted-then-refused', [authorize()]],
    ['relaunch', [{ path: `${SP}/profiles/AcmeCable` }]],
    ['update-to-dist-es5', [{ path: `${SP}/profiles/AcmeCable` }]],
    ['open-sign-out', []],
    ['logout-AcmeCable', [logout('AcmeCable'), config()]],
  ]);
  b.journey('tv-profile-chooser', [
    ['picker-first-boot', [config()]],
    [
      'relaunch-profile-chooser',
      overrides.chooserConfig ? [{ path: `${SP}/profiles` }, config()] : [{ path: `${SP}/profiles` }],
    ],
  ]);
  b.journey('tv-phone-chooses-provider', [
    ['picker-first-boot', [config()]],
    ['sign-in-chosen-on-phone', []],
    ['open-sign-out', []],
    ['logout-NorthStarFiber', [logout('NorthStarFiber')]],
  ]);
  const facts = new TvFacts();
  facts.codes.push({ journey: 'tv-first-launch', code: 'CODE1' });
  const media = (token: string) => [
    { at: 1, path: '/media/t01/index.m3u8', token, grant: false, status: 200 },
    { at: 2, path: '/media/t01/360p.m3u8', grant: true, status: 200 },
  ];
  facts.plays.push(
    {
      journey: 'tv-first-launch',
      step: 'play-1-entitled',
      title: 'A',
      id: 't01',
      expect: 'play',
      phase: 'playing',
      message: null,
      media: media('tok1'),
    },
    {
      journey: 'tv-first-launch',
      step: 'play-2-same-title-again',
      title: 'A',
      id: 't01',
      expect: 'play',
      phase: 'playing',
      message: null,
      media: media('tok2'),
    },
    {
      journey: 'tv-first-launch',
      step: 'play-3-denied-by-preauthorization',
      title: 'B',
      id: 't02',
      expect: 'no-play',
      phase: 'denied',
      message: 'No',
      media: [],
    },
    {
      journey: 'tv-first-launch',
      step: 'play-4-permitted-then-refused',
      title: 'A',
      id: 't01',
      expect: 'no-play',
      phase: 'denied',
      message: 'Blackout',
      media: [],
    },
  );
  facts.tokens.push('tok1', 'tok2');
  facts.watch = {
    verifier: 'TOKEN_EXPIRED',
    lapsedAfterMs: 4800,
    samples: [0, 500, 1000, 1500, 2000, 2500, 3000].map((at) => ({ at, phase: 'playing', currentTime: 4 + at / 1000 })),
    mediaAfter: [],
    reuseStatus: 403,
  };
  facts.logouts.push(
    {
      journey: 'tv-first-launch',
      step: 'logout-AcmeCable',
      mvpd: 'AcmeCable',
      hasLogoutPage: true,
      route: 'providers',
      toast: 'You are signed out.',
      profileAfter: null,
    },
    {
      journey: 'tv-phone-chooses-provider',
      step: 'logout-NorthStarFiber',
      mvpd: 'NorthStarFiber',
      hasLogoutPage: false,
      route: 'providers',
      toast: null,
      profileAfter: null,
    },
  );
  const id = (u: string) => JSON.stringify({ v: 1, data: u });
  facts.launches.push(
    {
      journey: 'tv-first-launch',
      label: 'first launch',
      build: 'build',
      storedDeviceId: id(UUID_A),
      step: 'picker-first-boot',
    },
    { journey: 'tv-first-launch', label: 'relaunch', build: 'build', storedDeviceId: id(UUID_A), step: 'relaunch' },
    {
      journey: 'tv-first-launch',
      label: 'update (dist/es5)',
      build: 'dist/es5',
      storedDeviceId: id(UUID_A),
      step: 'update-to-dist-es5',
    },
    {
      journey: 'tv-profile-chooser',
      label: 'first launch',
      build: 'build',
      storedDeviceId: id(UUID_B),
      step: 'picker-first-boot',
    },
    {
      journey: 'tv-phone-chooses-provider',
      label: 'first launch',
      build: 'build',
      storedDeviceId: id(UUID_C),
      step: 'picker-first-boot',
    },
  );
  facts.atRest = {
    local: {
      'tve.deviceId': id(UUID_A),
      'tve.adobePass.DEMOTV.client': wrap({ clientId: 'c', clientSecret: 's', dcrBaseUrl: 'http://x' }),
      'tve.adobePass.DEMOTV.token': wrap({ accessToken: 'a', expiresAt: 2, refreshAt: 1 }),
      'tve.adobePass.DEMOTV.provider': wrap({ id: 'AcmeCable', displayName: 'Acme Cable', logoUrl: 'http://x/l.png' }),
      'tve.adobePass.DEMOTV.profile': wrap({ mvpd: 'AcmeCable', notAfter: 3, attributes: {} }),
      'tve.adobePass.DEMOTV.budget': wrap({ burstLeft: 0, lastSentAt: 4 }),
    },
    session: {},
    cookies: 0,
    indexedDb: [],
  };
  const ev: TvEvidence = { rec: b.rec, journal: b.journal, facts, seconds: 1 };
  return ev;
}

describe('TV checks on a compliant run', () => {
  test.each([
    ['6', tvConfiguration],
    ['11', tvPollCadence],
    ['16', tvPreauthorizationOnly],
    ['20', tvAuthorizeEveryPlay],
    ['21', tvStreamOutlivesToken],
    ['24', tvBackendVerifies],
    ['26', tvUserLogout],
    ['27', tvNoAutomaticLogout],
    ['31', tvDeviceId],
    ['41', tvAtRest],
  ])('item %s passes', (_item, check) => {
    const o = check(compliant());
    expect([o.result, o.evidence]).toEqual(['PASS', o.evidence]);
  });
});

describe('TV checks catch what the checklist forbids', () => {
  test('6: configuration fetched by the profile chooser (signed in) fails, naming the step', () => {
    const o = tvConfiguration(compliant({ chooserConfig: true }));
    expect(o.result).toBe('FAIL');
    expect(o.evidence).toContain('tv-profile-chooser/relaunch-profile-chooser');
  });

  test('6: configuration in a sign-out step before the logout answered fails', () => {
    const ev = compliant();
    const j = ev.rec.journeys.get('tv-phone-chooses-provider')!;
    const step = j.steps.find((s) => s.name === 'logout-NorthStarFiber')!;
    ev.journal.splice(step.from, 0, { ...ev.journal[step.from]!, path: '/api/v2/DEMOTV/configuration' });
    step.to += 1;
    j.to += 1;
    expect(tvConfiguration(ev).result).toBe('FAIL');
  });

  test('11: a failed poll retried after 0.5 s fails; after 3 s it passes', () => {
    expect(tvPollCadence(compliant({ pollAfterFailureMs: 500 })).result).toBe('FAIL');
    expect(tvPollCadence(compliant({ pollAfterFailureMs: 3000 })).result).toBe('PASS');
  });

  test('16: a stream opened after the authorization refused a permitted title fails', () => {
    const ev = compliant();
    ev.facts.plays[3]!.media = [{ at: 1, path: '/media/t01/index.m3u8', grant: false, status: 401 }];
    expect(tvPreauthorizationOnly(ev).result).toBe('FAIL');
  });

  test('20: a throttled authorize attempt (429) retried once is one decision, not two', () => {
    expect(tvAuthorizeEveryPlay(compliant({ throttledAuthorize: true })).result).toBe('PASS');
  });

  test('16/20: OK on one title that plays another is caught', () => {
    const ev = compliant();
    ev.facts.plays[2]!.media = [{ at: 1, path: '/media/t01/index.m3u8', token: 'tok9', grant: false, status: 200 }];
    expect(tvPreauthorizationOnly(ev).evidence).toContain('played another title (t01)');
    const ev2 = compliant();
    ev2.facts.plays[1]!.id = 't04';
    expect(tvAuthorizeEveryPlay(ev2).evidence).toContain('OK on t04 — played another title (t01)');
  });

  test('20: a play that reuses an earlier media token fails', () => {
    const ev = compliant();
    ev.facts.plays[1]!.media[0]!.token = 'tok1';
    expect(tvAuthorizeEveryPlay(ev).result).toBe('FAIL');
  });

  test('21: a player that stops when the token lapses fails', () => {
    const ev = compliant();
    ev.facts.watch!.samples = ev.facts.watch!.samples.map((s, i) =>
      i > 1 ? { ...s, phase: null, currentTime: -1 } : s,
    );
    expect(tvStreamOutlivesToken(ev).result).toBe('FAIL');
  });

  test('26: the MVPD logout URL shown on screen fails; a plain sentence passes', () => {
    const ev = compliant();
    ev.facts.logouts[0]!.toast =
      'To finish signing out at your provider, visit 127.0.0.1:4010/__mock-mvpd/AcmeCable/logout';
    expect(tvUserLogout(ev).result).toBe('FAIL');
    ev.facts.logouts[0]!.toast = 'To finish signing out, visit acme.example/logout';
    expect(tvUserLogout(ev).result).toBe('FAIL');
    ev.facts.logouts[0]!.toast = 'You are signed out of Acme Cable.';
    expect(tvUserLogout(ev).result).toBe('PASS');
  });

  test('26: a profile left in storage after signing out fails', () => {
    const ev = compliant();
    ev.facts.logouts[1]!.profileAfter = '{}';
    expect(tvUserLogout(ev).result).toBe('FAIL');
  });

  test('27: a logout during a denied play fails, naming the step', () => {
    const o = tvNoAutomaticLogout(compliant({ strayLogout: true }));
    expect(o.result).toBe('FAIL');
    expect(o.evidence).toContain('play-3-denied-by-preauthorization');
  });

  test('31: a new device id after the update fails', () => {
    const ev = compliant();
    ev.facts.launches[2]!.storedDeviceId = JSON.stringify({ v: 1, data: UUID_B });
    expect(tvDeviceId(ev).result).toBe('FAIL');
  });

  test('41: an undocumented entry, an extra field, or a media token at rest fails', () => {
    const extraKey = compliant();
    extraKey.facts.atRest!.local['tve.lastPlay'] = '"t01"';
    expect(tvAtRest(extraKey).result).toBe('FAIL');
    const extraField = compliant();
    extraField.facts.atRest!.local['tve.adobePass.DEMOTV.token'] = wrap({
      accessToken: 'a',
      expiresAt: 2,
      refreshAt: 1,
      mediaToken: 'x',
    });
    expect(tvAtRest(extraField).result).toBe('FAIL');
    const token = compliant();
    token.facts.atRest!.local['tve.adobePass.DEMOTV.profile'] = wrap({ mvpd: 'tok1', notAfter: 3, attributes: {} });
    expect(tvAtRest(token).evidence).toContain('holds a media token');
  });
});

describe('unwrapStored', () => {
  test('peels nested, stringified version envelopes', () => {
    expect(unwrapStored(wrap({ a: 1 }))).toEqual({ a: 1 });
    expect(unwrapStored(JSON.stringify({ v: 1, data: 'x' }))).toBe('x');
    expect(unwrapStored('not json')).toBe('not json');
    expect(unwrapStored(null)).toBeNull();
  });
});

describe('combine (one row per item)', () => {
  const check = {
    item: 6,
    strength: 'MUST',
    scope: 'C',
    title: 't',
    run: () => ({ result: 'PASS', evidence: '' }),
  } as Check;
  const phase = (ev: TvEvidence): TvPhase => ({ ...ev, throttling: false, buildSeconds: 0 });

  test('a TV failure fails the row even when the flows pass', () => {
    const o = combine(check, { result: 'PASS', evidence: 'flows ok' }, phase(compliant({ chooserConfig: true })));
    expect(o.result).toBe('FAIL');
    expect(o.evidence).toMatch(/^flows \(Node\): flows ok · TV \(Chromium\): FAIL — /);
  });

  test('both parts passing pass', () => {
    expect(combine(check, { result: 'PASS', evidence: 'ok' }, phase(compliant())).result).toBe('PASS');
  });

  test('a skipped TV phase leaves the item not graded, a crashed one fails it', () => {
    expect(combine(check, { result: 'PASS', evidence: 'ok' }, 'off').result).toBe('N/A');
    expect(combine(check, { result: 'PASS', evidence: 'ok' }, { error: 'no Chromium' }).result).toBe('FAIL');
  });

  test('items without a TV part keep the flows outcome', () => {
    const other = { ...check, item: 2 };
    expect(combine(other, { result: 'PASS', evidence: 'ok' }, 'off')).toEqual({ result: 'PASS', evidence: 'ok' });
  });
});
