/** Error handling, checklist items 34–36. */
import { arrival, header, injected429, provoked429, type JournalEntry } from '../lib/emulator';
import { count, device, line } from './util';
import { fail, verdict, type Check } from './types';
import { PHONE_ERROR_CODES } from '../journeys/more';
import { ERROR_CODES } from '../spec/error-codes';

export const errorChecks: Check[] = [
  {
    item: 34,
    strength: 'MUST',
    scope: 'C, S',
    title: 'Every enhanced error code handled centrally by action',
    run({ rec, facts }) {
      const problems: string[] = [];
      const kinds = new Map<string, string>();
      for (const row of facts.errorTable) {
        const step = rec.step('error-table', `${row.placement}:${row.code}`);
        const attempts = count(step, 'authorize');
        const kind = row.result.ok ? 'granted' : row.result.failure.kind;
        const where = `${row.placement}:${row.code}`;
        if (row.result.ok) problems.push(`${where}: granted a media token`);
        if (row.action === 'retry') {
          if (attempts < 2 || attempts > 4) problems.push(`${where}: ${attempts} attempts`);
        } else if (row.action === 'application-registration' && row.placement === 'top') {
          if (attempts !== 2 || count(step, 'token') !== 1 || count(step, 'register') !== 0)
            problems.push(
              `${where}: ${attempts} attempts, ${count(step, 'token')} token, ${count(step, 'register')} register`,
            );
        } else if (attempts !== 1) problems.push(`${where}: ${attempts} attempts for action ${row.action}`);
        if (row.action === 'authentication' && (kind !== 'authentication' || row.signedInAfter))
          problems.push(`${where}: kind ${kind}, still signed in: ${row.signedInAfter}`);
        if (row.action === 'configuration' && kind !== 'configuration') problems.push(`${where}: kind ${kind}`);
        if (row.placement === 'top') kinds.set(row.code, kind);
        else if (kinds.get(row.code) !== kind)
          problems.push(`${row.code}: item-level → ${kind}, top-level → ${kinds.get(row.code)}`);
      }
      const codes = new Set(facts.errorTable.map((r) => r.code)).size;
      const phone = ['phone-wrong-code', 'phone-expired-code'].map((s) =>
        count(rec.step('second-screen', s), 'sessions-retrieve'),
      );
      const phoneProblems: string[] = [];
      for (const code of PHONE_ERROR_CODES) {
        const step = rec.step('second-screen', `phone-error:${code}`);
        const n = count(step, 'sessions-retrieve');
        const spec = ERROR_CODES.find((e) => e.code === code);
        const screen = facts.phoneScreens[`error:${code}`];
        const shown = screen?.name === 'problem' || (screen?.name === 'enter' && !!screen.error);
        const ok =
          spec?.action === 'retry'
            ? n >= 2 && n <= 4
            : spec?.action === 'application-registration'
              ? n === 2 && count(step, 'token') === 1 && count(step, 'register') === 0
              : n === 1;
        if (!ok || !shown) phoneProblems.push(`${code}: ${n} attempts, screen ${screen?.name ?? '?'}`);
      }
      if ((facts.phoneNavigations['after-errors'] ?? ['?']).length !== 0)
        phoneProblems.push('navigated after an error');
      const odd = new Map(facts.oddErrors.map((o) => [o.name, o.result]));
      const oddAttempts = (name: string) => count(rec.step('error-table', `odd:${name}`), 'authorize');
      const oddProblems: string[] = [];
      const r1 = odd.get('future-code-retry');
      const n1 = oddAttempts('future-code-retry');
      if (!r1 || r1.ok || n1 < 2 || n1 > 4) oddProblems.push(`unknown code + retry: ${n1} attempts`);
      for (const name of ['future-code-authorization', 'future-action']) {
        const r = odd.get(name);
        const n = oddAttempts(name);
        if (!r || r.ok || n !== 1)
          oddProblems.push(`${name}: ${n} attempts, ${r ? (r.ok ? 'granted' : r.failure.kind) : 'no result'}`);
      }
      const r4 = odd.get('code-over-action');
      if (!r4 || r4.ok || r4.failure.kind !== 'authentication')
        oddProblems.push(
          `temporary_access_duration_limit_exceeded with action none → ${r4 ? (r4.ok ? 'granted' : r4.failure.kind) : 'no result'} (code must win)`,
        );
      return verdict(
        [
          [problems.slice(0, 3).join('; '), problems.length === 0 && codes >= 47],
          [`second screen: bad codes checked once each (${phone.join('/')})`, phone.every((n) => n === 1)],
          [`second screen by action: ${phoneProblems.join('; ')}`, phoneProblems.length === 0],
          [`unknown codes/actions and code-over-action: ${oddProblems.join('; ')}`, oddProblems.length === 0],
        ],
        `TV: all ${codes} §9.4 codes injected on authorize: retry → 3 attempts, application-registration → token + repeat, others 1; authentication → sign-in, configuration → configuration; item = top-level; unknown codes/actions handled, code wins over a disagreeing action. Phone: one code per action on the code check, same pattern, error screen, no navigation`,
        problems,
      );
    },
  },
  {
    item: 35,
    strength: 'MUST',
    scope: 'C, S',
    title: 'HTTP error statuses vs 200 with error payloads',
    run({ facts }) {
      const pre = facts.denialPreauth;
      const mixed =
        pre && pre.ok ? [pre.value.get('DEMOTV')?.authorized, pre.value.get('DEMOTV-SPORTS')?.authorized] : [];
      const top = facts.expiredPlay;
      const item = facts.errorTable.find((r) => r.placement === 'item' && r.code === 'authorization_denied_by_mvpd');
      const ws = facts.phoneScreens['wrong-code'];
      return verdict(
        [
          ['200 with one item denied: call succeeds, other items permitted', mixed[0] === true && mixed[1] === false],
          [
            'HTTP 403 (profile expired): the call fails with authentication',
            !!top && !top.ok && top.failure.kind === 'authentication',
          ],
          ['200 whose only item is denied: no grant', !!item && !item.result.ok],
          ['second screen: HTTP 400 on a code → error, not success', ws?.name === 'enter' && !!ws.error],
        ],
        '200+item deny → per-title Decision; HTTP 403 → failed Result (authentication); 200 deny on authorize → no token; phone 400 → inline error',
      );
    },
  },
  {
    item: 36,
    strength: 'MUST',
    scope: 'C, S',
    title: 'After a 429 wait ≥ 1 s before the next request',
    run({ journal, facts }) {
      // A client: the simulated device's address (one throttling budget); else the device id / device info.
      const keyOf = (e: JournalEntry) => e.client ?? device(e) ?? `dcr:${header(e, 'x-device-info') ?? ''}`;
      // Throttling is on for the whole run: a 429 the clients provoke is a failure of its own; the stimuli
      // are Adobe's 429 injected on purpose (journeys/more.ts throttlingJourney).
      const provoked = provoked429(journal);
      const throttled = injected429(journal).concat(provoked);
      if (throttled.length === 0) return fail('no 429 observed: the throttling journey did not run');
      const waits: number[] = [];
      const early: string[] = [];
      for (const t of throttled) {
        const next = journal.find((e) => e.seq > t.seq && keyOf(e) === keyOf(t));
        if (!next) continue;
        const wait = Math.round(arrival(next) - t.time);
        waits.push(wait);
        if (wait < 985) early.push(`${line(t)} then ${line(next)} after ${wait} ms`);
      }
      const phone = facts.phone?.identifier;
      const phone429 = throttled.filter((e) => device(e) === phone).length;
      return verdict(
        [
          [`${provoked.length} × 429 provoked by the clients (throttling on all run)`, provoked.length === 0],
          [`${early.length} requests sooner than 1 s after a 429`, early.length === 0],
          [`the second screen met a 429 too (${phone429})`, phone429 > 0],
        ],
        `throttling on all run: ${provoked.length} × 429 provoked; ${throttled.length} × Adobe's 429 injected (TV ${throttled.length - phone429}, phone ${phone429}); next request from that client ${Math.min(...waits)}–${Math.max(...waits)} ms later`,
        early.concat(provoked.slice(0, 20).map((e) => `provoked: ${line(e)}${e.client ? ` from ${e.client}` : ''}`)),
      );
    },
  },
];
