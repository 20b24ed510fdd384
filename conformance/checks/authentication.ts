/** Authentication phase, checklist items 9–15. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arrival, type JournalEntry } from '../lib/emulator';
import { count, device, ep, gaps, line, only, pollsOf } from './util';
import { fail, pass, verdict, type Check, type CheckContext } from './types';

/** Every activation code a journey showed, with the device that showed it. */
function shownCodes(ctx: CheckContext): Array<{ code: string; device: string; journey: string }> {
  const f = ctx.facts;
  const out: Array<{ code: string; device: string; journey: string }> = [];
  const add = (a: typeof f.firstActivation, journey: string) => {
    if (a) for (const code of a.codes) out.push({ code, device: a.device, journey });
  };
  add(f.firstActivation, 'first-launch');
  add(f.newCode, 'polling');
  // Only its first code: the replacement is abandoned before its first poll is due.
  if (f.newCodeDuringRetry)
    out.push({ code: f.newCodeDuringRetry.code, device: f.newCodeDuringRetry.device, journey: 'polling' });
  add(f.pollFailures, 'polling');
  for (const e of f.expiries) add(e, 'code-expiry');
  return out;
}

function sessionFor(journal: JournalEntry[], firstPoll: JournalEntry): JournalEntry | undefined {
  const before = journal.filter(
    (e) => e.seq < firstPoll.seq && count([e], 'sessions-create') === 1 && device(e) === device(firstPoll),
  );
  return before[before.length - 1];
}

export const authenticationChecks: Check[] = [
  {
    item: 9,
    strength: 'MUST',
    scope: 'C',
    title: 'Polling starts as soon as the code is shown',
    run(ctx) {
      const problems: string[] = [];
      const delays: number[] = [];
      for (const { code } of shownCodes(ctx)) {
        const polls = pollsOf(ctx.journal, code);
        if (polls.length === 0) {
          problems.push(`${code}: never polled`);
          continue;
        }
        const session = sessionFor(ctx.journal, polls[0]);
        if (!session) {
          problems.push(`${code}: polled before any session was created`);
          continue;
        }
        const delay = Math.round(arrival(polls[0]) - session.time);
        delays.push(delay);
        if (delay > 6000) problems.push(`${code}: first poll ${delay} ms after the session answer`);
      }
      return problems.length === 0
        ? pass(
            `${delays.length} codes: first poll ${Math.min(...delays)}–${Math.max(...delays)} ms after the sessions answer (one interval); second-screen flow only (no web view on the TV)`,
          )
        : fail(problems.join('; '));
    },
  },
  {
    item: 10,
    strength: 'MUST',
    scope: 'C',
    title: 'Polling stops on profile, at notAfter, on a new code',
    run(ctx) {
      const f = ctx.facts;
      const first = f.firstActivation;
      const firstPolls = first ? pollsOf(ctx.journal, first.code) : [];
      const nc = f.newCode;
      let staleAfterNew: JournalEntry[] = [];
      if (nc && nc.codes.length > 1) {
        const creates = only(ctx.journal, 'sessions-create').filter((e) => device(e) === nc.device);
        const second = creates[1];
        staleAfterNew = second ? pollsOf(ctx.journal, nc.codes[0]).filter((e) => e.seq > second.seq) : [];
      }
      // Same, while the old code's poll is being retried by the client after a 503.
      let staleDuringRetry: JournalEntry[] = [];
      const nr = f.newCodeDuringRetry;
      if (nr && nr.codes.length > 1) {
        const second = only(ctx.journal, 'sessions-create').filter((e) => device(e) === nr.device)[1];
        staleDuringRetry = second ? pollsOf(ctx.journal, nr.codes[0]).filter((e) => e.seq > second.seq) : [];
      }
      const exps = f.expiries;
      const expPolls = exps.flatMap((x) => pollsOf(ctx.journal, x.code));
      const pastNotAfter = exps.flatMap((x) => pollsOf(ctx.journal, x.code).filter((e) => arrival(e) > x.notAfter));
      const rejected = expPolls.concat(firstPolls).filter((e) => e.status >= 400);
      return verdict(
        [
          [
            `profile: 2 polls then silence for > 1 interval (saw ${firstPolls.length})`,
            !!first?.signedIn && firstPolls.length === 2,
          ],
          [
            `new code: 0 polls of the old code after the new session (saw ${staleAfterNew.length})`,
            !!nc && nc.codes.length === 2 && staleAfterNew.length === 0,
          ],
          [
            `new code while the old poll is retried after a 503: ${staleDuringRetry.length} requests for the abandoned code after the new session (${staleDuringRetry.map((e) => `#${e.seq} ${e.status}`).join(', ')})`,
            !!nr && nr.codes.length === 2 && staleDuringRetry.length === 0,
          ],
          [
            `notAfter: 0 polls past notAfter (saw ${pastNotAfter.length}), expiry reported`,
            exps.length > 0 && exps.every((x) => x.expired >= 1) && pastNotAfter.length === 0 && expPolls.length > 0,
          ],
          ['no poll rejected as an invalid session', rejected.length === 0],
        ],
        `profile: ${firstPolls.length} polls then none for ${((f.shipped.pollIntervalMs ?? 5000) + 800) / 1000} s; old code 0 polls after new code; ${exps.length} codes with a 3.5 s TTL: ${expPolls.length} polls, 0 after notAfter`,
        Array.from(new Set(staleAfterNew.concat(staleDuringRetry, pastNotAfter, rejected))).map(line),
      );
    },
  },
  {
    item: 11,
    strength: 'MUST',
    scope: 'C',
    title: 'Poll every 3–5 s, never faster',
    run(ctx) {
      const all: number[] = [];
      const fast: string[] = [];
      const retries: number[] = [];
      for (const { code, journey } of shownCodes(ctx)) {
        const polls = pollsOf(ctx.journal, code);
        gaps(polls).forEach((g, i) => {
          // After a failed answer the next request is the client's bounded retry (items 34, 36, 40), not the poll cadence.
          if (polls[i].status >= 400 && g < 2995) return void retries.push(Math.round(g));
          all.push(Math.round(g));
          if (g < 2995 || g > 5750)
            fast.push(
              `${journey} ${code}: ${Math.round(g)} ms (#${polls[i].seq} ${polls[i].status} → #${polls[i + 1].seq} ${polls[i + 1].status})`,
            );
        });
      }
      if (all.length < 4) return fail(`only ${all.length} poll gaps observed`);
      const shipped = ctx.facts.shipped.pollIntervalMs ?? 5000;
      return verdict(
        [
          [
            `gaps outside 3–5 s (+750 ms allowance for request time and timer jitter): ${fast.join(', ')}`,
            fast.length === 0,
          ],
          [`shipped pollIntervalMs ${shipped} within 3–5 s`, shipped >= 3000 && shipped <= 5000],
        ],
        `${all.length} gaps ${Math.min(...all)}–${Math.max(...all)} ms (real timers; shipped 5 s, others 3 s; 1 s requested → clamped to 3 s)${retries.length ? `; ${retries.length} retries after failed polls (${retries.join(', ')} ms)` : ''}`,
      );
    },
  },
  {
    item: 12,
    strength: 'MUST',
    scope: 'C',
    title: 'Persist profile (mvpd, attributes, notAfter); re-read after authZ',
    run({ facts, rec }) {
      const stored = facts.firstStoredProfile;
      const p = facts.firstActivation?.signedIn;
      const reread = rec.step('relaunch', 'play-with-reread');
      const order = reread
        .map((e) => (count([e], 'authorize') ? 'authorize' : count([e], 'profiles-mvpd') ? 'profile' : 'other'))
        .join(' → ');
      const attrs = stored?.attributes as Record<string, unknown> | undefined;
      return verdict(
        [
          [
            'stored mvpd/notAfter/attributes equal the received profile',
            !!p &&
              !!stored &&
              stored.mvpd === p.mvpd &&
              stored.notAfter === p.notAfter &&
              JSON.stringify(stored.attributes) === JSON.stringify(p.attributes),
          ],
          ['attributes include userID', !!attrs && 'userID' in attrs],
          [`re-read after authorize (saw ${order})`, order === 'authorize → profile'],
        ],
        `stored {mvpd: ${String(stored?.mvpd)}, notAfter, ${attrs ? Object.keys(attrs).length : 0} attributes}; with rereadProfileAfterAuthorize: authorize → GET profiles/{mvpd} (option off in settings.json)`,
      );
    },
  },
  {
    item: 13,
    strength: 'SHOULD',
    scope: 'S',
    title: 'Second screen validates the code before the MVPD',
    run({ rec, facts }) {
      const enter = rec.step('second-screen', 'phone-enter-code');
      const retrieve = only(enter, 'sessions-retrieve');
      const nav = facts.phoneNavigations['continue'] ?? [];
      const wrong = rec.step('second-screen', 'phone-wrong-code');
      const expired = rec.step('second-screen', 'phone-expired-code');
      const ws = facts.phoneScreens['wrong-code'];
      const choose = only(rec.step('second-screen', 'phone-choose:provider'), 'sessions-resume', 'sessions-retrieve');
      const es = facts.phoneScreens['expired-code'];
      return verdict(
        [
          [
            'GET sessions/{code} 200 before the browser is sent on',
            retrieve.length === 1 && retrieve[0].status === 200,
          ],
          [
            'then the authenticate URL of that code',
            nav.length === 1 && nav[0].endsWith(`/api/v2/authenticate/DEMOTV/${facts.phoneCode}`),
          ],
          [
            'wrong code: 1 check (400), error shown, no navigation',
            summaryOf(wrong) === 'sessions-retrieve 400' && ws?.name === 'enter' && !!ws.error,
          ],
          [
            'expired code: 1 check (400), error shown, no navigation',
            summaryOf(expired) === 'sessions-retrieve 400' && es?.name === 'enter' && !!es.error,
          ],
          ['no navigation after bad codes', (facts.phoneNavigations['after-bad-codes'] ?? ['?']).length === 0],
          [
            `no preselected MVPD: retrieve → picker → POST sessions/{code} → authenticate URL (saw ${summaryOf(choose)})`,
            facts.phoneScreens['choose']?.name === 'choose' &&
              summaryOf(choose) === 'sessions-resume 200' &&
              (facts.phoneNavigations['choose'] ?? []).length === 1 &&
              (facts.phoneNavigations['choose'] ?? [''])[0].endsWith(`/${facts.chooseCode}`) &&
              facts.chooserSignedInMvpd === 'NorthStarFiber',
          ],
        ],
        `retrieve 200 → authenticate URL; wrong code → 400 "${ws?.name === 'enter' ? (ws.error ?? '') : ''}"; expired → 400, inline error; no navigation; no preselected MVPD → picker → POST sessions/{code} 200 → authenticate URL`,
      );
    },
  },
  {
    item: 14,
    strength: 'SHOULD',
    scope: 'C',
    title: 'Several simultaneous profiles',
    run({ facts }) {
      const b = facts.severalBoot;
      const profiles = b && b.ok && !b.value.signedIn ? b.value.profiles : [];
      const sorted = profiles.every((p, i) => i === 0 || profiles[i - 1].notAfter >= p.notAfter);
      return verdict(
        [
          [`boot lists both profiles for the UI to choose (saw ${profiles.length})`, profiles.length === 2],
          ['ordered by longest validity', sorted],
          [
            'the chosen (shorter) profile is the one used to play',
            !!facts.severalChosenPlayPath &&
              facts.severalChosenPlayPath.endsWith(`/${profiles[profiles.length - 1]?.mvpd}`),
          ],
        ],
        `boot → ${profiles.map((p) => p.mvpd).join(' > ')} (longest first); chooseProfile → authorize/${profiles[profiles.length - 1]?.mvpd ?? '?'}`,
      );
    },
  },
  {
    item: 15,
    strength: 'SHOULD',
    scope: 'C',
    title: 'Degraded, temporary (and SSO) flows',
    run({ facts }) {
      return verdict(
        [
          ['AuthNAll: signed in with a degraded profile', facts.degradedSignIn?.signedIn?.type === 'degraded'],
          ['degraded play granted', facts.degradedPlay?.ok === true],
          ['basic TempPass: temporary profile', facts.tempPassSignIn?.signedIn?.type === 'temporary'],
          ['TempPass play granted', facts.tempPassPlay?.ok === true],
        ],
        'AuthNAll → degraded profile + media token; TempPass_DEMO15 (showTempPass) → temporary profile + media token; SSO: none documented for Tizen/webOS (§16)',
      );
    },
  },
];

function summaryOf(entries: JournalEntry[]): string {
  return entries.map((e) => `${ep(e) ?? e.path} ${e.status}`).join(', ');
}

/** Fixture text the MVPD returns for denials (test data, used by items 19 and 25). */
export function bobDenial(): { message: string; details: string } {
  const raw = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'emulator', 'fixtures', 'subscribers.json'), 'utf8'),
  ) as {
    subscribers: Array<{ username: string; denials?: Record<string, { message: string; details: string }> }>;
  };
  const bob = raw.subscribers.find((s) => s.username === 'bob');
  return bob?.denials?.['*'] ?? { message: '?', details: '?' };
}
