/** Configuration phase, checklist items 6–8. */
import { count, device, line, only } from './util';
import { verdict, type Check } from './types';

export const configurationChecks: Check[] = [
  {
    item: 6,
    strength: 'MUST',
    scope: 'C',
    title: 'Configuration only when the user must choose an MVPD',
    run({ rec, journal, facts }) {
      // Every configuration request from a TV must fall inside a step where the user opened the picker.
      // (The second screen is out of this item's C scope: it reads the configuration to show the provider.)
      const phone = facts.phone?.identifier;
      const pickerSpans = Array.from(rec.journeys.values()).flatMap((j) =>
        j.steps.filter((s) => s.name.startsWith('providers')),
      );
      const configs = journal
        .map((e, i) => ({ e, i }))
        .filter(({ e }) => count([e], 'configuration') === 1 && device(e) !== phone);
      const stray = configs.filter(({ i }) => !pickerSpans.some((s) => i >= s.from && i < s.to)).map(({ e }) => e);
      const relaunch = count(rec.entries(rec.get('relaunch')), 'configuration');
      const expiry = count(rec.entries(rec.get('expiry')), 'configuration');
      const confirm = count(rec.step('provider-choice', 'confirm-last-provider'), 'configuration');
      return verdict(
        [
          [`no configuration call outside the picker (${stray.length} stray)`, stray.length === 0],
          ['none on relaunch while signed in', relaunch === 0],
          ['none when re-authenticating with the previous MVPD after profile expiry', expiry === 0 && confirm === 0],
        ],
        `${configs.length} TV configuration calls, all from picker steps; relaunch 0, expiry + re-auth 0, "sign in again with <last MVPD>" 0`,
        stray.map(line),
      );
    },
  },
  {
    item: 7,
    strength: 'MUST',
    scope: 'C',
    title: "Persist chosen MVPD's id, displayName, logoUrl",
    run({ facts }) {
      const chosen = facts.chosenProvider;
      const stored = facts.storedChosen;
      const last = facts.relaunchLastProvider;
      const acme = facts.firstProviders?.find((p) => p.id === 'AcmeCable');
      const first = facts.firstStoredProvider;
      return verdict(
        [
          [
            'stored entry has id/displayName/logoUrl of the choice',
            !!chosen &&
              !!stored &&
              stored.id === chosen.id &&
              stored.displayName === chosen.displayName &&
              stored.logoUrl === chosen.logoUrl &&
              !!chosen.logoUrl,
          ],
          [
            'first launch: the picked Acme Cable entry stored with its logoUrl',
            !!acme &&
              !!first &&
              first.id === acme.id &&
              first.displayName === acme.displayName &&
              first.logoUrl === acme.logoUrl &&
              !!acme.logoUrl,
          ],
          [
            'relaunch offers the same provider',
            !!last &&
              !!chosen &&
              last.id === chosen.id &&
              last.displayName === chosen.displayName &&
              last.logoUrl === chosen.logoUrl,
          ],
        ],
        `stored {id: ${String(stored?.id)}, displayName, logoUrl}; after a restart lastUsedProvider() returns it`,
      );
    },
  },
  {
    item: 8,
    strength: 'SHOULD',
    scope: 'C',
    title: 'Configuration cached briefly (2–5 min)',
    run({ rec, facts }) {
      const n = ['providers-1', 'providers-2', 'providers-3'].map(
        (s) => only(rec.step('provider-choice', s), 'configuration').length,
      );
      const ttl = facts.shipped.configCacheTtlMs ?? 180_000;
      return verdict(
        [
          [
            `picker opened 3× → configuration calls ${n.join('/')} (want 1/0/1)`,
            n[0] === 1 && n[1] === 0 && n[2] === 1,
          ],
          [`shipped TTL ${ttl} ms within 2–5 min`, ttl >= 120_000 && ttl <= 300_000],
        ],
        `calls per picker opening 1/0/1 (third after TTL ${ttl / 1000} s on the device clock)`,
      );
    },
  },
];
