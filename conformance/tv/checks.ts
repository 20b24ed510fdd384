/**
 * Checklist items graded on the real TV build in Chromium (the TV phase). Each function reads the TV
 * emulator's journal, the recorder's journeys/steps and what the browser showed and stored.
 */
import { header, type JournalEntry } from '../lib/emulator';
import type { JourneyRecord, Span } from '../lib/recorder';
import { count, ep, gaps, line, only, pollsOf } from '../checks/util';
import { fail, verdict, type Outcome } from '../checks/types';
import type { PlayFacts, TvEvidence } from './facts';
import { DEVICE_ID_KEY, MEDIA_TOKEN_TTL_MS, storageKey } from './journeys';

interface Located {
  e: JournalEntry;
  i: number;
  journey?: string;
  step?: Span & { name: string };
}

/** Each journal entry with the journey and step it fell in (if any). */
function locate(ev: TvEvidence): Located[] {
  const journeys: JourneyRecord[] = Array.from(ev.rec.journeys.values());
  return ev.journal.map((e, i) => {
    const j = journeys.find((x) => i >= x.from && i < x.to);
    const step = j?.steps.find((s) => i >= s.from && i < s.to);
    return { e, i, journey: j?.name, step };
  });
}

const where = (l: Located) => `${l.journey ?? 'outside the journeys'}/${l.step?.name ?? 'between steps'}`;
const stepEntries = (ev: TvEvidence, journey: string, step: string) => ev.rec.step(journey, step);
const playsOf = (ev: TvEvidence) => ev.facts.plays;
/** Authorize requests that reached a decision: a throttled attempt (429) decided nothing and is not counted. */
const decisions = (entries: JournalEntry[]) => only(entries, 'authorize').filter((e) => e.status !== 429).length;

/** ' — played another title (…)' when the play's media requests are not for the title OK was pressed on. */
function otherTitle(p: PlayFacts): string {
  const others = Array.from(new Set(p.media.map((m) => m.path.split('/')[2] ?? '').filter((id) => id !== p.id)));
  return others.length ? ` — played another title (${others.join(', ')})` : '';
}

/** Item 6: configuration only where the user must choose a provider; never while signed in. */
export function tvConfiguration(ev: TvEvidence): Outcome {
  const all = locate(ev);
  const configs = all.filter((l) => ep(l.e) === 'configuration');
  const allowed = (l: Located) => {
    const name = l.step?.name ?? '';
    if (name.startsWith('picker')) return true;
    // After a confirmed sign-out the picker opens: the user must choose again.
    if (name.startsWith('logout-'))
      return all.some((x) => x.step === l.step && x.i < l.i && ep(x.e) === 'logout' && x.e.status < 400);
    return false;
  };
  const stray = configs.filter((l) => !allowed(l));
  const n = (journey: string, step: string) => count(stepEntries(ev, journey, step), 'configuration');
  const signedIn: Array<[string, number]> = [
    ['profile chooser', n('tv-profile-chooser', 'relaunch-profile-chooser')],
    ['provider chosen on the phone', n('tv-phone-chooses-provider', 'sign-in-chosen-on-phone')],
    ['relaunch', n('tv-first-launch', 'relaunch')],
    ['update', n('tv-first-launch', 'update-to-dist-es5')],
  ];
  return verdict(
    [
      [
        `no configuration request while signed in (${stray.map((l) => `${where(l)} ${line(l.e)}`).join(', ')})`,
        stray.length === 0,
      ],
    ],
    `${configs.length} configuration calls, all where the user had to choose (first launch, after signing out, picker); while signed in: ${signedIn.map(([w, c]) => `${w} ${c}`).join(', ')}, plays 0`,
    stray.map((l) => `${where(l)}: ${line(l.e)}`),
  );
}

/**
 * A poll may come later than 5 s by request time and late page timers: Chromium on a loaded 2-core machine, drawing
 * the code screen (countdown, spinner) with a software renderer, has fired 5 s timers up to ≈ 1.8 s late.
 */
const SLOWEST_GAP_MS = 7000;

/** Item 11: every code's requests ≥ 3 s apart, the client's retries after a failed poll included. */
export function tvPollCadence(ev: TvEvidence): Outcome {
  const all: number[] = [];
  const afterFailure: number[] = [];
  const bad: string[] = [];
  for (const { journey, code } of ev.facts.codes) {
    const polls = pollsOf(ev.journal, code);
    gaps(polls).forEach((g, i) => {
      const ms = Math.round(g);
      const failed = polls[i].status >= 400;
      (failed ? afterFailure : all).push(ms);
      const tooLong = !failed && g > SLOWEST_GAP_MS;
      if (g < 2995 || tooLong)
        bad.push(
          `${journey} ${code}: ${ms} ms (#${polls[i].seq} ${polls[i].status} → #${polls[i + 1].seq} ${polls[i + 1].status})`,
        );
    });
  }
  const injected = ev.facts.codes.some(({ code }) => pollsOf(ev.journal, code).some((p) => p.status >= 500));
  return verdict(
    [
      [`poll gaps < 3 s (retries included) or > 7 s: ${bad.join(', ')}`, bad.length === 0],
      ['the injected 5xx reached a poll, and a request followed it', injected && afterFailure.length > 0],
      [`at least 2 gaps observed (saw ${all.length + afterFailure.length})`, all.length + afterFailure.length >= 2],
    ],
    `${all.length + afterFailure.length} gaps on the code screen: after a 200 ${all.join(', ')} ms; after the injected 503 ${afterFailure.join(', ')} ms (shipped 5 s interval)`,
    bad,
  );
}

/** Item 16: a preauthorization permit never plays by itself; refused plays open no stream. */
export function tvPreauthorizationOnly(ev: TvEvidence): Outcome {
  const refused = playsOf(ev).filter((p) => p.expect === 'no-play');
  const problems = refused
    .map((p) => {
      const a = decisions(stepEntries(ev, p.journey, p.step));
      const out: string[] = [];
      if (a !== 1) out.push(`${a} authorize`);
      if (p.media.length > 0) out.push(`${p.media.length} media requests (${p.media[0]!.path})${otherTitle(p)}`);
      if (p.phase === 'playing' || p.phase === 'starting') out.push(`player ${p.phase}`);
      return out.length ? `${p.step}: ${out.join(', ')}` : '';
    })
    .filter(Boolean);
  const permitted = refused.find((p) => p.step === 'play-4-permitted-then-refused');
  const firstPlay = playsOf(ev).find((p) => p.step === 'play-1-entitled');
  return verdict(
    [
      ['a preauthorized title refused at playback was played through', !!permitted],
      [`refused plays stay refused (${problems.join('; ')})`, problems.length === 0],
      [
        'a preauthorized title still asks authorize on OK',
        !!firstPlay && decisions(stepEntries(ev, firstPlay.journey, firstPlay.step)) === 1,
      ],
    ],
    `permitted by preauthorization → OK still sends authorize; MVPD refusal at playback ("${permitted?.message ?? ''}") → ${permitted?.phase ?? '?'}, 0 media requests; preauthorization deny → ${refused.find((p) => p.step.startsWith('play-3'))?.phase ?? '?'}, 0 media requests`,
  );
}

/** Item 20: every OK on a title sends exactly one authorize; each stream opens with a token of its own. */
export function tvAuthorizeEveryPlay(ev: TvEvidence): Outcome {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const p of playsOf(ev)) {
    const a = decisions(stepEntries(ev, p.journey, p.step));
    if (a !== 1) problems.push(`${p.journey}/${p.step}: ${a} authorize requests`);
    if (p.expect !== 'play') continue;
    const opened = p.media.filter((m) => m.token);
    if (p.phase !== 'playing') problems.push(`${p.step}: player ${p.phase ?? 'idle'}`);
    const wrong = otherTitle(p);
    if (wrong) problems.push(`${p.step}: OK on ${p.id}${wrong}`);
    if (opened.length !== 1 || opened[0]!.status !== 200)
      problems.push(
        `${p.step}: ${opened.length} stream openings with a token (${opened.map((m) => m.status).join(',')})`,
      );
    for (const m of opened) {
      if (seen.has(m.token!)) problems.push(`${p.step}: a media token of an earlier play reused`);
      seen.add(m.token!);
    }
  }
  const n = playsOf(ev).length;
  return verdict(
    [
      [`plays observed (${n})`, n >= 4],
      [problems.join('; '), problems.length === 0],
    ],
    `${n} plays from the catalog (3 TVs): each exactly 1 authorize; ${seen.size} streams, each opened with a new media token`,
    problems,
  );
}

/** Item 21: the real player keeps playing after its media token lapsed; the next play re-authorizes. */
export function tvStreamOutlivesToken(ev: TvEvidence): Outcome {
  const w = ev.facts.watch;
  if (!w) return fail('the watching step did not run');
  const during = stepEntries(ev, 'tv-first-launch', 'watching-past-media-token-expiry');
  const s = w.samples;
  const advanced = s.length >= 2 ? s[s.length - 1]!.currentTime - s[0]!.currentTime : 0;
  const stopped = s.filter((x) => x.phase !== 'playing');
  const refused = w.mediaAfter.filter((m) => m.failed || (m.status ?? 0) >= 400);
  const again = playsOf(ev).find((p) => p.step === 'play-2-same-title-again');
  const againAuth = again ? decisions(stepEntries(ev, again.journey, again.step)) : 0;
  return verdict(
    [
      [`the token lapsed while the stream played (verifier: ${w.verifier || '?'})`, w.verifier === 'TOKEN_EXPIRED'],
      [
        `still playing after the lapse (${stopped.map((x) => `${x.at} ms: ${x.phase ?? 'idle'}`).join(', ')})`,
        s.length >= 5 && stopped.length === 0,
      ],
      [`playback time advanced ≥ 2 s after the lapse (${advanced.toFixed(1)} s)`, advanced >= 2],
      [`no Adobe request while watching (${during.map(line).join(', ')})`, during.length === 0],
      [
        `media requests after the lapse all served (${refused.map((m) => `${m.path} ${m.status ?? 'failed'}`).join(', ')})`,
        refused.length === 0,
      ],
      [
        'the next play of the same title: one authorize, a new token, playing',
        !!again && againAuth === 1 && again.phase === 'playing',
      ],
    ],
    `media token TTL ${MEDIA_TOKEN_TTL_MS / 1000} s: lapsed ${(w.lapsedAfterMs / 1000).toFixed(1)} s after the stream opened (verifier ${w.verifier}); the player kept playing (+${advanced.toFixed(1)} s in ${((s[s.length - 1]?.at ?? 0) / 1000).toFixed(1)} s), 0 Adobe requests, ${w.mediaAfter.length} media requests after the lapse all served; next play → 1 authorize, new token, playing`,
  );
}

/** Item 24 (I): the backend verifies the token the TV hands it. Grades the integration, not the TV app. */
export function tvBackendVerifies(ev: TvEvidence): Outcome {
  const plays = playsOf(ev).filter((p) => p.expect === 'play');
  const openings = plays.flatMap((p) => p.media.filter((m) => m.path.endsWith('/index.m3u8')));
  const withToken = openings.filter((m) => m.token && m.status === 200);
  const reuse = ev.facts.watch?.reuseStatus;
  return verdict(
    [
      [
        `every stream opening presents a media token the origin accepted (${openings.length - withToken.length} without)`,
        openings.length > 0 && withToken.length === openings.length,
      ],
      [`the same token presented again is refused (${reuse ?? '?'})`, reuse === 403],
    ],
    `grades the integration's backend, not the TV app: the programmer's media origin (the emulator's stand-in for a backend running Adobe's Media Token Verifier) accepted each of the ${withToken.length} tokens the TV presented (200) and refused a replay (${reuse}); the TV's part is to hand every fresh token to that backend`,
  );
}

/** Item 26: Account → Sign out (confirmed) logs out at Adobe and leaves the TV signed out, for both logout kinds. */
export function tvUserLogout(ev: TvEvidence): Outcome {
  const problems: string[] = [];
  for (const l of ev.facts.logouts) {
    const calls = stepEntries(ev, l.journey, l.step).filter((e) => ep(e) === 'logout');
    if (calls.length !== 1 || calls[0]!.status !== 200 || !calls[0]!.path.endsWith(`/${l.mvpd}`))
      problems.push(`${l.mvpd}: logout requests ${calls.map(line).join(', ') || 'none'}`);
    if (l.route !== 'providers') problems.push(`${l.mvpd}: ended on ${l.route}`);
    if (l.profileAfter !== null) problems.push(`${l.mvpd}: profile still stored`);
    if (l.toast && /(https?:\/\/|www\.|[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?\/|localhost:\d+)/i.test(l.toast))
      problems.push(`${l.mvpd}: a URL on screen the TV cannot open ("${l.toast}")`);
  }
  for (const j of ev.rec.journeys.values())
    for (const s of j.steps.filter((x) => x.name === 'open-sign-out'))
      if (count(ev.rec.entries(s), 'logout') > 0) problems.push(`${j.name}: logout before the sign-out was confirmed`);
  const page = ev.facts.logouts.find((l) => l.hasLogoutPage);
  const none = ev.facts.logouts.find((l) => !l.hasLogoutPage);
  const said = (t: string | null | undefined) => (t ? `"${t}"` : 'no message');
  return verdict(
    [
      ['signed out of an MVPD with a logout page and of one without', !!page && !!none],
      [problems.join('; '), problems.length === 0],
    ],
    `Account → Sign out → confirm: ${page?.mvpd ?? '?'} (MVPD logout page) → 1 logout 200, picker, profile removed, ${said(page?.toast)}; ${none?.mvpd ?? '?'} (none) → 1 logout 200, picker, profile removed, ${said(none?.toast)}; 0 logout before confirming`,
    problems,
  );
}

/** Item 27: logout requests only in the confirmed sign-out steps, in every TV journey. */
export function tvNoAutomaticLogout(ev: TvEvidence): Outcome {
  const logouts = locate(ev).filter((l) => ep(l.e) === 'logout');
  const stray = logouts.filter((l) => !(l.step?.name ?? '').startsWith('logout-'));
  return verdict(
    [
      [
        `no logout without the user's confirmed Sign out (${stray.map((l) => `${where(l)} ${line(l.e)}`).join(', ')})`,
        stray.length === 0,
      ],
    ],
    `${logouts.length} logout calls in ${ev.rec.journeys.size} TV journeys, all from a confirmed Sign out; none on denials, refusals, token lapse, relaunch, update or the profile chooser`,
    stray.map((l) => `${where(l)}: ${line(l.e)}`),
  );
}

/** Unwraps versioned storage entries ({v, data}, possibly nested and stringified) to the stored value. */
export function unwrapStored(raw: string | null): unknown {
  let value: unknown = raw;
  for (let i = 0; i < 4; i++) {
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        return value;
      }
      continue;
    }
    if (value && typeof value === 'object' && 'v' in value && 'data' in value) {
      value = (value as { data: unknown }).data;
      continue;
    }
    break;
  }
  return value;
}

/** Item 31: one device id across a relaunch and an update to another build; one per TV. */
export function tvDeviceId(ev: TvEvidence): Outcome {
  const problems: string[] = [];
  const perTv: string[] = [];
  const byJourney = new Map<string, string[]>();
  for (const l of ev.facts.launches) {
    const id = unwrapStored(l.storedDeviceId);
    byJourney.set(l.journey, (byJourney.get(l.journey) ?? []).concat(typeof id === 'string' ? id : '(none)'));
  }
  // Read from the journey records directly: ids recorded before a journey stopped still count as evidence.
  for (const [journey, ids] of byJourney) {
    if (new Set(ids).size !== 1 || ids[0] === '(none)')
      problems.push(`${journey}: stored ids ${ids.map((x) => `${x.slice(0, 8)}…`).join(' → ')}`);
    const record = ev.rec.journeys.get(journey);
    const sent = new Set(
      (record ? ev.rec.entries(record) : [])
        .map((e) => header(e, 'ap-device-identifier'))
        .filter((h): h is string => !!h),
    );
    if (sent.size !== 1) problems.push(`${journey}: ${sent.size} different AP-Device-Identifier values`);
    perTv.push(ids[0] ?? '');
  }
  const first = ev.facts.launches.filter((l) => l.journey === 'tv-first-launch').map((l) => l.label);
  const firstSteps = ev.rec.journeys.get('tv-first-launch')?.steps ?? [];
  const registers = ['relaunch', 'update-to-dist-es5'].map((name) => {
    const s = firstSteps.find((x) => x.name === name);
    return s ? count(ev.rec.entries(s), 'register') : 0;
  });
  return verdict(
    [
      [problems.join('; '), problems.length === 0],
      [
        `first-launch TV relaunched and updated to dist/es5 (launches: ${first.join(', ')})`,
        first.length >= 3 && first.some((l) => l.includes('dist/es5')),
      ],
      ['each TV has its own id', new Set(perTv).size === perTv.length],
      [`no new registration after relaunch/update (${registers.join('/')})`, registers.every((n) => n === 0)],
    ],
    `${DEVICE_ID_KEY} (UUID) unchanged across ${first.join(' → ')} (build/ → dist/es5 on the same origin and storage), the only AP-Device-Identifier each TV sent; ${perTv.length} TVs, ${new Set(perTv).size} ids; 0 registrations after relaunch/update`,
    problems,
  );
}

/** The documented entries (design.md "What is persisted on the TV") and the fields each may hold. */
export const DOCUMENTED_AT_REST: Record<string, string[] | 'uuid'> = {
  [DEVICE_ID_KEY]: 'uuid',
  [storageKey('client')]: ['clientId', 'clientSecret', 'dcrBaseUrl'],
  [storageKey('token')]: ['accessToken', 'expiresAt', 'refreshAt'],
  [storageKey('provider')]: ['id', 'displayName', 'logoUrl'],
  [storageKey('profile')]: ['mvpd', 'notAfter', 'attributes'],
  // The request scheduler's memory of Adobe's one-time burst (docs/pass-and-flows.md): no secret.
  [storageKey('budget')]: ['burstLeft', 'lastSentAt'],
  // The TempPass last started and, promotional, the SHA-256 of the email given on the phone (never the email).
  [storageKey('tempPass')]: ['mvpd', 'identityHash'],
};
/** Documented entries that exist only after a flow the graded journey does not take (it signs in with an MVPD). */
const ONLY_AFTER_AT_REST: Record<string, string> = { [storageKey('tempPass')]: 'a TempPass was started' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Item 41: what the TV keeps at rest in the browser, against the documented list. */
export function tvAtRest(ev: TvEvidence): Outcome {
  const r = ev.facts.atRest;
  if (!r) return fail('storage was not read (the first-launch journey did not get that far)');
  const problems: string[] = [];
  for (const [key, raw] of Object.entries(r.local)) {
    const rule = DOCUMENTED_AT_REST[key];
    const value = unwrapStored(raw);
    if (!rule) problems.push(`undocumented entry ${key}`);
    else if (rule === 'uuid') {
      if (typeof value !== 'string' || !UUID.test(value)) problems.push(`${key} is not a UUID`);
    } else {
      const fields = value && typeof value === 'object' ? Object.keys(value) : [];
      const extra = fields.filter((f) => rule.indexOf(f) < 0);
      if (!fields.length || extra.length)
        problems.push(`${key}: fields ${fields.join(', ') || '(none)'} (documented: ${rule.join(', ')})`);
    }
    if (ev.facts.tokens.some((t) => raw.indexOf(t) >= 0)) problems.push(`${key} holds a media token`);
    if (ev.facts.codes.some((c) => raw.indexOf(c.code) >= 0)) problems.push(`${key} holds an activation code`);
  }
  const missing = Object.keys(DOCUMENTED_AT_REST).filter((k) => !(k in r.local) && !(k in ONLY_AFTER_AT_REST));
  if (Object.keys(r.session).length) problems.push(`sessionStorage: ${Object.keys(r.session).join(', ')}`);
  if (r.cookies) problems.push(`${r.cookies} cookies`);
  if (r.indexedDb.length) problems.push(`IndexedDB: ${r.indexedDb.join(', ')}`);
  return verdict(
    [
      [problems.join('; '), problems.length === 0],
      [`the signed-in TV keeps every documented entry (missing: ${missing.join(', ')})`, missing.length === 0],
    ],
    `graded on the browser build (Chromium) after sign-in, 4 plays, relaunch and update: localStorage = ${Object.keys(r.local).length} documented entries (device id, DCR pair, access token, provider, profile parts), fields as documented, no media token, code or decision; sessionStorage, cookies, IndexedDB empty. A web page has no protected storage, so plain localStorage is what design.md allows here; RDK SecureStorage (protected storage) is asserted by the platform layer's unit tests, not by this run`,
    problems,
  );
}

export const TV_CHECKS: Record<number, (ev: TvEvidence) => Outcome> = {
  6: tvConfiguration,
  11: tvPollCadence,
  16: tvPreauthorizationOnly,
  20: tvAuthorizeEveryPlay,
  21: tvStreamOutlivesToken,
  24: tvBackendVerifies,
  26: tvUserLogout,
  27: tvNoAutomaticLogout,
  31: tvDeviceId,
  41: tvAtRest,
};
