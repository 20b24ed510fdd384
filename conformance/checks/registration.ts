/** Registration phase, checklist items 1–5. */
import { count, ep, line, only, summary } from './util';
import { verdict, type Check } from './types';

export const registrationChecks: Check[] = [
  {
    item: 1,
    strength: 'MUST',
    scope: 'C',
    title: 'Registered application / software statement with REST V2 scope',
    run({ rec, facts }) {
      const first = rec.entries(rec.get('first-launch'));
      const relaunch = rec.entries(rec.get('relaunch'));
      const registers = only(first, 'register');
      const unauthorized = first.concat(relaunch).filter((e) => e.status === 401);
      return verdict(
        [
          ['register answered 201', registers.length === 1 && registers[0].status === 201],
          ['no 401 on REST V2 calls', unauthorized.length === 0],
          ['boot succeeded', facts.firstBoot?.ok === true],
        ],
        `statement ${facts.statementSoftwareId ?? '?'} → register 201; ${first.length + relaunch.length - 1} REST/DCR calls, 0 × 401`,
        unauthorized.map(line),
      );
    },
  },
  {
    item: 2,
    strength: 'MUST',
    scope: 'C',
    title: 'DCR credentials persisted; same pair on every token call',
    run({ rec, facts, proxy }) {
      const relaunch = rec.entries(rec.get('relaunch'));
      const revoked = rec.step('token-lifecycle', 'play-after-revocation');
      // Token request bodies (recorded by the proxy) of the first TV's stored client: always the same pair.
      const pairs = proxy
        .filter((r) => r.path === '/o/client/token')
        .map((r) => new URLSearchParams(r.body))
        .filter((p) => p.get('client_id') === facts.storedClientBefore);
      const secrets = new Set(pairs.map((p) => p.get('client_secret')));
      const dcr = only(revoked, 'token', 'register');
      const seq = dcr.map((e) => `${ep(e)} ${e.status}`).join(' → ');
      return verdict(
        [
          ['client stored after first launch', !!facts.storedClientBefore],
          [
            `every token call of that client presented the same secret (${pairs.length} calls, ${secrets.size} secrets)`,
            pairs.length >= 4 && secrets.size === 1,
          ],
          ['relaunch registers/fetches nothing', count(relaunch, 'register', 'token') === 0],
          // Revoking the STORED client_id makes the next token call fail: proof the stored pair is the one presented.
          [
            'token call after revoking the stored client answered 400, then one register, then token 201',
            seq === 'token 400 → register 201 → token 201',
          ],
          [
            'new pair persisted after re-registration',
            !!facts.storedClientAfter && facts.storedClientAfter !== facts.storedClientBefore,
          ],
        ],
        `${pairs.length} token calls with the one stored pair; relaunch 0 DCR calls; revoking the stored client_id → ${seq}`,
        revoked.map(line),
      );
    },
  },
  {
    item: 3,
    strength: 'MUST',
    scope: 'C',
    title: 'Access token persisted and reused; never one per call',
    run({ rec }) {
      const first = rec.entries(rec.get('first-launch'));
      const relaunch = rec.entries(rec.get('relaunch'));
      const restCalls = first.filter((e) => e.path.startsWith('/api/v2/')).length;
      const tokens = count(first, 'token');
      return verdict(
        [
          [`first launch: 1 token call for ${restCalls} REST calls (saw ${tokens})`, tokens === 1 && restCalls >= 10],
          ['relaunch with persisted storage: 0 token, 0 register', count(relaunch, 'token', 'register') === 0],
        ],
        `first launch 1 token / ${restCalls} REST calls; relaunch 0 token, 0 register (${relaunch.length} calls)`,
      );
    },
  },
  {
    item: 4,
    strength: 'SHOULD',
    scope: 'C',
    title: 'Proactive refresh before expiry; 401 → refresh, then repeat',
    run({ rec, facts }) {
      const near = rec.step('token-lifecycle', 'play-near-expiry');
      const after = rec.step('token-lifecycle', 'play-after-server-expiry');
      return verdict(
        [
          [
            `near expiry: token before authorize, no 401 (saw ${summary(near)})`,
            summary(near) === 'POST token 201, POST authorize 200',
          ],
          [
            `server-side expiry: 401 → token → repeat (saw ${summary(after)})`,
            summary(after) === 'POST authorize 401, POST token 201, POST authorize 200',
          ],
          ['both plays granted', facts.proactiveGrant?.ok === true && facts.reactiveGrant?.ok === true],
        ],
        `device clock at token expiry − 2 min: ${summary(near)}; token expired on the server: ${summary(after)}`,
      );
    },
  },
  {
    item: 5,
    strength: 'MUST',
    scope: 'C',
    title: 'Never re-register merely to refresh a token',
    run({ rec, journal, facts }) {
      const refreshSteps = [
        rec.step('token-lifecycle', 'play-near-expiry'),
        rec.step('token-lifecycle', 'play-after-server-expiry'),
      ];
      const codeSteps = [
        'top:invalid_access_token_service_provider',
        'top:invalid_access_token_client_application',
      ].map((s) => rec.step('error-table', s));
      const badRegisters = refreshSteps.concat(codeSteps).reduce((n, s) => n + count(s, 'register'), 0);
      // Fresh installs: every simulated TV and the phone start with empty storage, so each registers once.
      const installs = facts.tvs.length + (facts.phone ? 1 : 0);
      const invalidClient = journal.filter((e) => ep(e) === 'token' && e.status === 400).length;
      // Registrations that Adobe granted (a register answered 429 and sent again is one registration).
      const registers = only(journal, 'register').filter((e) => e.status === 201).length;
      return verdict(
        [
          ['no register on expiry / 401 refresh paths', badRegisters === 0],
          [
            `registrations (${registers}) = installs (${installs}) + invalid_client answers (${invalidClient})`,
            registers === installs + invalidClient,
          ],
        ],
        `${registers} registrations in the run = ${installs} fresh installs + ${invalidClient} after invalid_client; 0 on token expiry/401`,
      );
    },
  },
];
