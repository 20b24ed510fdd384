/** Preauthorization (16–19), authorization (20–25) and logout (26–27) phases. */
import { bobDenial } from './authentication';
import { count, line, only, summary } from './util';
import { notApplicable, verdict, type Check } from './types';

/** Retries are "at most 2–3" (§11): up to 4 attempts; at least 2 proves a retry happened when warranted. */
const boundedRetry = (n: number): boolean => n >= 2 && n <= 4;

export const preauthorizationChecks: Check[] = [
  {
    item: 16,
    strength: 'MUST',
    scope: 'C',
    title: 'Preauthorization never allows playback',
    run({ rec, facts }) {
      const pre = facts.firstPreauth;
      const permitted = pre && pre.ok ? pre.value.get('DEMOTV')?.authorized === true : false;
      const play = only(rec.step('first-launch', 'play-1'), 'authorize');
      const denied = rec.step('denials', 'play-preauthorized-but-denied');
      return verdict(
        [
          [
            'DEMOTV permitted by preauthorization, yet play asks authorize',
            permitted && play.length === 1 && play[0].status === 200,
          ],
          [
            'authorize deny after a preauthorization permit → no grant',
            facts.deniedAfterPermit?.ok === false && count(denied, 'authorize') === 1,
          ],
        ],
        'preauth permit DEMOTV → play still POSTs authorize; MVPD deny at authorize after a permit → no media token',
      );
    },
  },
  {
    item: 17,
    strength: 'MUST',
    scope: 'C',
    title: 'Preauthorization errors by action; bounded retry',
    run({ rec, facts }) {
      const retry = count(rec.step('retries', 'preauthorize-item-retry'), 'preauthorize');
      const none = count(rec.step('retries', 'preauthorize-top-none'), 'preauthorize');
      const deny = count(rec.step('denials', 'preauthorize'), 'preauthorize');
      const r = facts.retryResults['preauthorize-item-retry'];
      return verdict(
        [
          [`item-level action retry: 2–4 attempts (saw ${retry})`, boundedRetry(retry)],
          [`top-level 500 action none: 1 attempt (saw ${none})`, none === 1],
          [`MVPD denials (action none): 1 request (saw ${deny})`, deny === 1],
          ['result still delivered (not a hang or loop)', r !== undefined],
        ],
        `retry items resent: ${retry} requests; action none: ${none}; denials: ${deny}`,
      );
    },
  },
  {
    item: 18,
    strength: 'MUST',
    scope: 'C',
    title: 'Permit decisions cached in memory',
    run({ rec, facts }) {
      const again = count(rec.step('first-launch', 'preauthorize-2'), 'preauthorize');
      const first = count(rec.step('first-launch', 'preauthorize-1'), 'preauthorize');
      const r = facts.firstPreauthAgain;
      const allPermit =
        r && r.ok ? Array.from(r.value.values()).every((d) => d.authorized) && r.value.size === 7 : false;
      const persisted = facts.tvs.some((tv) => tv.backend.keys().some((k) => /permit|decision|preauth/i.test(k)));
      return verdict(
        [
          [
            `second preauthorize of the same 7 titles: 0 requests (saw ${again}; first ${first})`,
            again === 0 && first === Math.ceil(7 / (facts.shipped.preauthorizeBatchSize ?? 5)),
          ],
          ['answered from the cache', allPermit],
          ['not persisted to storage', !persisted],
        ],
        `7 titles: ${first} requests (batches of 5), then 0 (memory cache); nothing in storage`,
      );
    },
  },
  {
    item: 19,
    strength: 'SHOULD',
    scope: 'C',
    title: "Denied titles carry the MVPD's message",
    run({ facts }) {
      const want = bobDenial();
      const d =
        facts.denialPreauth && facts.denialPreauth.ok ? facts.denialPreauth.value.get('DEMOTV-SPORTS') : undefined;
      return verdict(
        [
          ['DEMOTV-SPORTS denied', d?.authorized === false],
          [
            'Failure carries the MVPD message and details',
            d?.failure?.message === want.message && d?.failure?.details === want.details,
          ],
        ],
        `Decision.failure = "${d?.failure?.message ?? ''}" / "${d?.failure?.details ?? ''}" (shown by src/pages/Catalog.ts as message — details)`,
      );
    },
  },
];

export const authorizationChecks: Check[] = [
  {
    item: 20,
    strength: 'MUST',
    scope: 'C',
    title: 'Authorization before every playback',
    run({ rec, facts }) {
      const plays = Array.from(rec.journeys.values()).flatMap((j) =>
        j.steps.filter((s) => s.name.startsWith('play')).map((s) => ({ j: j.name, s })),
      );
      const without = plays
        .filter(({ s }) => count(rec.entries(s), 'authorize') === 0)
        .map(({ j, s }) => `${j}/${s.name}`);
      const g = facts.firstGrants;
      const differ = g.length >= 2 && g[0].ok && g[1].ok && g[0].value.mediaToken !== g[1].value.mediaToken;
      return verdict(
        [
          [`every play step sent authorize (${without.join(', ')})`, without.length === 0],
          ['same title twice → two decisions, two different media tokens', differ],
        ],
        `${plays.length} plays, each with its own authorize request; repeated title gets a new token`,
      );
    },
  },
  {
    item: 21,
    strength: 'MUST',
    scope: 'C',
    title: 'Stream survives media token expiry; new decision next play',
    run({ rec, facts }) {
      // Only the watching TV counts: other simulated devices of the run (a TV still polling its code) may
      // send meanwhile. Its address is the one its play went out from.
      const watcher = only(rec.step('expiry', 'play-1'), 'authorize')[0]?.client;
      const idle = rec.step('expiry', 'watching-after-media-token-expiry').filter((e) => !watcher || e.client === watcher);
      const s = facts.stream;
      return verdict(
        [
          [`no request from the watching TV past the token's expiry (saw ${idle.length})`, idle.length === 0],
          ['segments still served after expiry (playback grant)', s?.childAfterExpiry === 200],
          ['old token expired per verifier', s?.verifyAfterExpiry === 'TOKEN_EXPIRED'],
          [
            'next play: new authorize, new token, stream opens',
            count(rec.step('expiry', 'play-2'), 'authorize') === 1 && s?.tokensDiffer === true && s.secondPlay === 200,
          ],
        ],
        'emulator clock +8 min during playback: 0 requests, segments 200, token TOKEN_EXPIRED; next play → fresh authorize + token → 200',
      );
    },
  },
  {
    item: 22,
    strength: 'SHOULD',
    scope: 'C',
    title: 'Fresh authorization after pauses/ad breaks (discretionary)',
    run() {
      return notApplicable(
        'discretionary per the checklist ("consider"); the flows offer authorize() per play but no pause/ad-break trigger, and the player (Lightning) is not driven in this Node run',
      );
    },
  },
  {
    item: 23,
    strength: 'MUST',
    scope: 'C',
    title: 'Authorization errors by action; bounded retry',
    run({ rec, facts }) {
      const n = (step: string) => count(rec.step('retries', step), 'authorize');
      const denied = count(rec.step('denials', 'play-denied'), 'authorize');
      const thenPermit = facts.retryResults['authorize-retry-then-permit'];
      return verdict(
        [
          [
            `item-level retry: 2–4 attempts (saw ${n('authorize-item-retry')})`,
            boundedRetry(n('authorize-item-retry')),
          ],
          [`top-level retry: 2–4 attempts (saw ${n('authorize-top-retry')})`, boundedRetry(n('authorize-top-retry'))],
          [
            `dropped connection: 2–4 attempts (saw ${n('authorize-transport-retry')})`,
            boundedRetry(n('authorize-transport-retry')),
          ],
          [`MVPD deny (action none): 1 request (saw ${denied})`, denied === 1],
          [
            'retry then permit → granted after 2 requests',
            thenPermit?.ok === true && n('authorize-retry-then-permit') === 2,
          ],
        ],
        `retry: ${n('authorize-item-retry')}/${n('authorize-top-retry')}/${n('authorize-transport-retry')} attempts (item/top/transport); deny: 1; retry→permit: 2`,
      );
    },
  },
  {
    item: 24,
    strength: 'SHOULD',
    scope: 'I',
    title: 'Media token verified by the backend before streaming',
    run({ facts }) {
      const s = facts.stream;
      return verdict(
        [
          ['valid token → playlist 200', s?.firstPlay === 200],
          ['same token again → 403 (single use)', s?.reuse === 403],
        ],
        `media origin verifies each token: first use ${s?.firstPlay ?? '?'}, reuse ${s?.reuse ?? '?'}, after expiry verifier says ${s?.verifyAfterExpiry ?? '?'}`,
      );
    },
  },
  {
    item: 25,
    strength: 'SHOULD',
    scope: 'C',
    title: "Denied playback carries the MVPD's message",
    run({ facts }) {
      const want = bobDenial();
      const a = facts.denialPlay;
      const b = facts.deniedAfterPermit;
      const fa = a && !a.ok ? a.failure : undefined;
      const fb = b && !b.ok ? b.failure : undefined;
      return verdict(
        [
          [
            'entitlement deny: message + details from the MVPD',
            fa?.message === want.message && fa?.details === want.details && fa?.kind === 'denied',
          ],
          [
            'injected deny: its message + details',
            fb?.message === 'Blackout in your area.' && fb?.details === 'Regional blackout',
          ],
        ],
        `Failure {kind: denied, message: "${fa?.message ?? ''}", details: "${fa?.details ?? ''}"} for the player's message panel`,
      );
    },
  },
];

export const logoutChecks: Check[] = [
  {
    item: 26,
    strength: 'MUST',
    scope: 'C',
    title: 'User-initiated logout follows each actionName',
    run({ rec, facts }) {
      const a = rec.step('logout', 'logout-acme');
      const q = only(a, 'logout')[0]?.query ?? {};
      const i = facts.logoutInteractive;
      const c = facts.logoutComplete;
      const after = facts.bootAfterLogout;
      // A plain sentence for the screen: no URL, nothing to visit.
      const plain = (m: string) => m.trim().length > 0 && !/https?:|www\.|\.com\b|\/\//i.test(m);
      return verdict(
        [
          [
            'GET logout/{mvpd}?redirectUrl=… answered 200',
            summary(a) === 'GET logout 200' && typeof q.redirectUrl === 'string',
          ],
          [
            'logout/interactive on a TV without a browser → done, a plain sentence, no URL for the UI',
            !!i && i.ok && i.value.followUpUrls.length === 0 && !i.value.partnerSignOut && i.value.notice === 'signed-out' && plain(i.value.message),
          ],
          [
            'complete/none → done, nothing to open',
            !!c && c.ok && c.value.followUpUrls.length === 0 && c.value.notice === 'signed-out' && plain(c.value.message),
          ],
          ['signed out afterwards (profile gone on both sides)', !!after && after.ok && !after.value.signedIn],
        ],
        `Acme (logout/interactive) → done on the TV: "${i && i.ok ? i.value.message : ''}" (no URL); NorthStar → complete; boot afterwards signed out; partner_logout unreachable (no appleSSO on TVs; the rule is unit-tested in test/flows/logout.test.ts)`,
      );
    },
  },
  {
    item: 27,
    strength: 'SHOULD',
    scope: 'C',
    title: 'Never log out automatically',
    run({ rec, journal }) {
      const explicit = Array.from(rec.journeys.values()).flatMap((j) =>
        j.steps.filter((s) => s.name.startsWith('logout-')),
      );
      const stray = journal
        .map((e, i) => ({ e, i }))
        .filter(({ e, i }) => count([e], 'logout') === 1 && !explicit.some((s) => i >= s.from && i < s.to));
      return verdict(
        [[`no logout outside the explicit steps (${stray.length})`, stray.length === 0]],
        `${count(journal, 'logout')} logout calls, all from explicit user steps; none after denials, expiry, revocation or errors`,
        stray.map(({ e }) => line(e)),
      );
    },
  },
];
