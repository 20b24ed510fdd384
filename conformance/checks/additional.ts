/** Testing (37–39) and the additional AI Rules / FAQ items (40–44). */
import { createHash } from 'node:crypto';
import { Tv, appConfig, capturedLogs } from '../lib/tv';
import { arrival } from '../lib/emulator';
import { count, line, only, pollsOf } from './util';
import { notApplicable, verdict, type Check } from './types';

export const testingChecks: Check[] = [
  {
    item: 37,
    strength: 'MUST',
    scope: 'I',
    title: 'Test in Prequal-Production and Release-Staging',
    run() {
      return notApplicable(
        "needs Adobe's environments (an Adobe licence, a registered application and MVPD test accounts); this run uses the local emulator",
      );
    },
  },
  {
    item: 38,
    strength: 'SHOULD',
    scope: 'I',
    title: 'Primary/secondary authN, permit/deny, logout, degraded/temporary tested',
    run({ facts }) {
      const pre = facts.denialPreauth;
      const values = pre && pre.ok ? Array.from(pre.value.values()).map((d) => d.authorized) : [];
      const devices = new Set(facts.tvs.map((t) => t.platform.name));
      return verdict(
        [
          ['primary (TV code) authentication', !!facts.firstActivation?.signedIn],
          ['secondary (phone) authentication', facts.tvSignedInViaPhone === true],
          ['preauthorization permit and deny', values.indexOf(true) >= 0 && values.indexOf(false) >= 0],
          ['authorization permit and deny', facts.permittedAfterDenials?.ok === true && facts.denialPlay?.ok === false],
          ['logout', facts.logoutInteractive?.ok === true],
          ['degraded and temporary access', facts.degradedPlay?.ok === true && facts.tempPassPlay?.ok === true],
          [`two TV platforms (${Array.from(devices).join(', ')})`, devices.size >= 2],
        ],
        `all scenarios ran against the emulator on ${Array.from(devices).join(' + ')} device profiles with 4 MVPDs + TempPass (SSO: none for these TVs)`,
      );
    },
  },
  {
    item: 39,
    strength: 'SHOULD',
    scope: 'I',
    title: "Use Adobe's interactive API explorers",
    run() {
      return notApplicable(
        'Adobe Developer website explorers need Adobe credentials and network access; not automatable in a local run',
      );
    },
  },
];

export const additionalChecks: Check[] = [
  {
    item: 40,
    strength: 'SHOULD',
    scope: 'C',
    title: 'Exponential backoff, circuit breaker, no secrets in logs',
    run({ rec, facts, journal, proxy }) {
      // Wait between an answer and the next attempt (arrival − previous answer): the backoff itself, without request time.
      const attempts = only(rec.step('retries', 'authorize-top-retry'), 'authorize');
      const g = attempts.slice(1).map((e, i) => Math.round(arrival(e) - attempts[i].time));
      const pf = facts.pollFailures;
      const polls = pf ? pollsOf(journal, pf.code) : [];
      const secrets = new Set(facts.secrets);
      for (const e of journal) {
        const auth = e.headers.authorization;
        if (typeof auth === 'string') secrets.add(auth.replace(/^Bearer /, ''));
      }
      for (const r of proxy) {
        const s = new URLSearchParams(r.body).get('client_secret');
        if (s) secrets.add(s);
      }
      for (const u of ['alice', 'bob']) secrets.add(`${u}123`);
      secrets.add(appConfig('').softwareStatement);
      if (facts.phone) secrets.add(facts.phone.config.softwareStatement);
      const leaks = capturedLogs.filter((l) => Array.from(secrets).some((s) => s.length > 6 && l.indexOf(s) >= 0));
      return verdict(
        [
          [`backoff grows (waits ${g.join(', ')} ms)`, g.length === 2 && g[0] >= 450 && g[1] >= 1.6 * g[0]],
          [
            `polling gives up after repeated failures (${polls.length} polls, then stop)`,
            !!pf && pf.failures.length === 1 && polls.length >= 2 && polls.length <= 4,
          ],
          [
            `${leaks.length} of ${capturedLogs.length} log lines contain a secret`,
            leaks.length === 0 && capturedLogs.length > 0,
          ],
        ],
        `retry gaps ${g.join(' → ')} ms; failing poll stops after ${polls.length} polls; ${capturedLogs.length} log lines, 0 with tokens/secrets/passwords (${secrets.size} checked)`,
        leaks.slice(0, 5),
      );
    },
  },
  {
    item: 41,
    strength: 'SHOULD',
    scope: 'C',
    title: 'Credentials and tokens stored carefully (minimal storage)',
    run({ facts }) {
      // `budget`: the request scheduler's throttling budget (burst left, last send time), no secret.
      // `tempPass`: the TempPass last started and, promotional, the email's SHA-256 (never the email).
      const designed = ['client', 'token', 'provider', 'profile', 'budget', 'tempPass'];
      const allowed = ['tve.deviceId'].concat(designed.map((n) => Tv.key(n)));
      const extra = facts.tvs.flatMap((t) => t.backend.keys().filter((k) => allowed.indexOf(k) < 0));
      const values = facts.tvs.flatMap((t) => t.backend.keys().map((k) => t.backend.getItem(k) ?? ''));
      const mediaInStore = values.filter((v) => Array.from(facts.secrets).some((s) => v.indexOf(s) >= 0));
      return verdict(
        [
          [`only the designed entries are stored (extra: ${extra.join(', ')})`, extra.length === 0],
          ['no media token stored', mediaInStore.length === 0],
        ],
        'storage holds device id, DCR pair, access token, provider, profile parts, the throttling budget and the TempPass started (MVPD, identity hash) only; no media tokens or permits (encryption at rest is platform-specific: not assessed)',
      );
    },
  },
  {
    item: 42,
    strength: 'MUST',
    scope: 'C',
    title: 'Empty profiles → new authentication session',
    run({ rec, facts }) {
      const b = facts.firstBoot;
      const firstSession = only(rec.step('first-launch', 'show-code'), 'sessions-create');
      const r = facts.relaunchAfterExpiry;
      const bootCalls = rec.step('expiry', 'relaunch-boot');
      const reauth = only(rec.step('expiry', 'reauthenticate'), 'sessions-create');
      return verdict(
        [
          [
            'first boot: empty profiles → signed out, then a session',
            !!b && b.ok && !b.value.signedIn && b.value.profiles.length === 0 && firstSession.length === 1,
          ],
          [
            'after profile expiry: profiles/{mvpd} empty → signed out with the last provider',
            !!r && r.ok && !r.value.signedIn && !!facts.lastProviderAfterExpiry && count(bootCalls, 'profiles-mvpd') === 1,
          ],
          [
            'then a new session, not a stale decision',
            reauth.length === 1 && reauth[0].status === 200 && count(bootCalls, 'authorize', 'preauthorize') === 0,
          ],
        ],
        'empty profiles → signedIn false → POST sessions (first launch, and after the profile expired)',
      );
    },
  },
  {
    item: 43,
    strength: 'MUST',
    scope: 'C',
    title: 'authenticated_profile_missing/expired/invalidated → must authenticate',
    run({ rec, facts }) {
      const e = facts.expiredPlay;
      const step = rec.step('expiry', 'play-after-profile-expiry');
      const rows = facts.errorTable.filter((r) => /^authenticated_profile_/.test(r.code));
      const rowsOk = rows.every((r) => !r.result.ok && r.result.failure.kind === 'authentication' && !r.signedInAfter);
      const ip = facts.itemLevelPreauth;
      const ipAuth =
        !!ip &&
        (ip.ok
          ? Array.from(ip.value.values()).every((d) => d.failure?.kind === 'authentication')
          : ip.failure.kind === 'authentication');
      return verdict(
        [
          [
            'real expiry (HTTP 403) on play → authentication, profile forgotten, no retry/logout',
            !!e &&
              !e.ok &&
              e.failure.kind === 'authentication' &&
              facts.signedInAfterExpiredPlay === false &&
              facts.storedProfileAfterExpiredPlay === false &&
              count(step, 'authorize') === 1 &&
              count(step, 'logout') === 0,
          ],
          [
            `injected missing/expired/invalidated (top and item level) → authentication, signed out (${rows.length} cases)`,
            rows.length >= 4 && rowsOk,
          ],
          ['item-level expiry inside a 200 preauthorization → authentication failure', ipAuth],
          [
            `item-level authenticated_profile_expired in a 200 preauthorize response leaves PassFlows signed in (current() ${facts.signedInAfterItemLevelPreauth ? 'still returns the AcmeCable profile' : 'empty'}, stored profile ${facts.storedProfileAfterItemLevelPreauth ? 'kept' : 'removed'}), unlike the top-level 403 and the item-level authorize cases, which sign out (§9.5.2: same handling for both placements)`,
            facts.signedInAfterItemLevelPreauth === false && facts.storedProfileAfterItemLevelPreauth === false,
          ],
        ],
        'HTTP 403 and item-level authenticated_profile_* → Failure kind authentication, local profile dropped, no logout',
        only(rec.step('expiry', 'preauthorize-after-expiry-item-level'), 'preauthorize').map(line),
      );
    },
  },
  {
    item: 44,
    strength: 'MUST',
    scope: 'C',
    title: 'AP-TempPass-Identity for promotional TempPass',
    run({ facts, journal }) {
      if (facts.configHasPromoTempPass !== true) return notApplicable('the configuration has no promotional TempPass');
      const promoId = (facts.tempPassOffers.filter((o) => o.endsWith(':promotional'))[0] ?? '').split(':')[0];
      const email = facts.promoEmail ?? '';
      const expectedHash = email ? createHash('sha256').update(email.trim().toLowerCase(), 'utf8').digest('hex') : '';
      // What the client sent for the promotional pass, as the emulator's journal saw it.
      const calls = promoId ? journal.filter((e) => e.path.endsWith(`/${promoId}`) && /\/(profiles|decisions\/authorize)\//.test(e.path)) : [];
      const decoded = calls.map((e) => decodeIdentity(e.headers['ap-temppass-identity']));
      const everyCallHashed = calls.length > 0 && decoded.every((d) => d !== null && d.email === expectedHash);
      const authorizeSent = calls.some((e) => e.path.includes('/decisions/authorize/'));
      const emailLeaked = email !== '' && JSON.stringify(journal).toLowerCase().includes(email.toLowerCase());
      const play = facts.promoPlay;
      return verdict(
        [
          ['the shipped picker offers the promotional TempPass', promoId !== ''],
          [`paired through the phone (${facts.promoPairing?.failure ?? 'ok'})`, facts.promoPairing?.signedInType === 'temporary'],
          ['profiles/{mvpd} and decisions/authorize/{mvpd} sent for it', authorizeSent],
          ['every one carries AP-TempPass-Identity = Base64 {"email": SHA-256 of the phone’s email}', everyCallHashed],
          ['the email itself is in no request', !emailLeaked],
          ['play permitted; remaining_resources read', play?.ok === true && typeof facts.promoRemaining === 'number'],
        ],
        `${calls.length} ${promoId || 'promotional'} calls, each with AP-TempPass-Identity {"email": <sha256>}; play ${play?.ok ? 'permitted' : 'refused'}, ${facts.promoRemaining ?? '?'} titles left`,
        calls.map((e) => `${e.method} ${e.path} AP-TempPass-Identity: ${String(e.headers['ap-temppass-identity'] ?? '(none)')}`),
      );
    },
  },
];

/** The JSON inside an AP-TempPass-Identity value (§6.5), or null when absent or unreadable. */
function decodeIdentity(raw: string | string[] | undefined): Record<string, unknown> | null {
  if (typeof raw !== 'string') return null;
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
