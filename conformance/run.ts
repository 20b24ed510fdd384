/**
 * `npm run conformance`: starts the emulator on random ports, drives scripted journeys through the
 * real client code (src/flows on src/pass with src/platform device headers; the second screen's api
 * and flow modules), then evaluates every item of the REST API V2 checklist (spec §19) against the
 * emulator's request journal and what the clients returned. Then the TV phase (conformance/tv) drives
 * the real TV build in Chromium for the items whose behaviour lives in the pages; those rows need
 * both parts to hold. Exit code 1 when any check fails.
 *
 * Flags: --write <file>, --journal <file>, --no-tv (Node phase only), --tv-only (TV phase and its
 * rows only), --no-build (use build/ and dist/es5 as they are).
 */
import { writeFileSync } from 'node:fs';
import { additionalChecks, testingChecks } from './checks/additional';
import { authenticationChecks } from './checks/authentication';
import { configurationChecks } from './checks/configuration';
import { authorizationChecks, logoutChecks, preauthorizationChecks } from './checks/decisions';
import { errorChecks } from './checks/errors';
import { headerChecks } from './checks/headers';
import { registrationChecks } from './checks/registration';
import type { Check } from './checks/types';
import { guard } from './checks/util';
import { denialJourney, expiryJourney, retryJourneys } from './journeys/entitlements';
import { firstLaunchJourneys, providerChoiceJourney } from './journeys/launch';
import {
  accessVariantsJourney,
  logoutJourney,
  secondScreenJourney,
  severalProfilesJourney,
  throttlingJourney,
} from './journeys/more';
import { pollingJourneys } from './journeys/polling';
import { injected429, launchEmulator, provoked429, type JournalEntry } from './lib/emulator';
import { Facts } from './lib/facts';
import { Recorder } from './lib/recorder';
import { appConfig } from './lib/tv';
import { failureDetails, table, totals, type Row } from './report';
import { combine, tvOnly, type TvRun } from './tv/merge';
import { runTvPhase, type TvPhase } from './tv/phase';

export const CHECKS: Check[] = [
  ...registrationChecks,
  ...configurationChecks,
  ...authenticationChecks,
  ...preauthorizationChecks,
  ...authorizationChecks,
  ...logoutChecks,
  ...headerChecks,
  ...errorChecks,
  ...testingChecks,
  ...additionalChecks,
].sort((a, b) => a.item - b.item);

function softwareIdOf(statement: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(statement.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      software_id?: string;
    };
    return payload.software_id;
  } catch {
    return undefined;
  }
}

const flag = (name: string): boolean => process.argv.indexOf(name) > 0;

const spans = (rec: Recorder): string =>
  Array.from(rec.journeys.values())
    .map((j) => `${j.name} ${(j.ms / 1000).toFixed(1)}s${j.error ? ` (CRASHED: ${j.error})` : ''}`)
    .join(', ');

async function main(): Promise<number> {
  const started = Date.now();
  const tvOnlyRun = flag('--tv-only');
  const emu = await launchEmulator();
  const rec = new Recorder(emu);
  const facts = new Facts();
  facts.statementSoftwareId = softwareIdOf(appConfig('').softwareStatement);
  try {
    if (!tvOnlyRun) {
      await firstLaunchJourneys(emu, rec, facts);
      await providerChoiceJourney(emu, rec, facts);
      const northStarTv = await pollingJourneys(emu, rec, facts);
      const samsungTv = await denialJourney(emu, rec, facts);
      await retryJourneys(emu, rec, facts, samsungTv);
      const acmeTv = await secondScreenJourney(emu, rec, facts);
      await throttlingJourney(emu, rec, facts, samsungTv);
      await expiryJourney(emu, rec, facts);
      await accessVariantsJourney(emu, rec, facts);
      await severalProfilesJourney(emu, rec, facts, acmeTv);
      await logoutJourney(emu, rec, facts, samsungTv, northStarTv);
    }
    await emu.sync();
  } finally {
    await emu.close();
  }

  let tv: TvRun = 'off';
  if (!flag('--no-tv')) {
    try {
      tv = await runTvPhase({ ensureBuilds: !flag('--no-build') });
    } catch (error) {
      tv = { error: error instanceof Error ? error.message : String(error) };
    }
  }

  const ctx = { rec, facts, journal: emu.journal, proxy: emu.proxy.records };
  const rows: Row[] = tvOnlyRun
    ? CHECKS.flatMap((check) => {
        const outcome = tvOnly(check, tv);
        return outcome ? [{ check, outcome }] : [];
      })
    : CHECKS.map((check) => ({
        check,
        outcome: combine(
          check,
          guard(() => check.run(ctx)),
          tv,
        ),
      }));
  const t = totals(rows);
  const nodeLine = tvOnlyRun
    ? 'Node phase skipped (--tv-only).'
    : `Adobe Pass REST API V2 checklist (spec §19) — ${emu.journal.length} journaled requests, ${rec.journeys.size} journeys: ${spans(rec)}`;
  const tvLine =
    tv === 'off'
      ? 'TV phase skipped (--no-tv): the items whose behaviour lives in the pages are not graded.'
      : 'error' in tv
        ? `TV phase could not run: ${tv.error}`
        : tvSummary(tv);

  const out = [
    nodeLine,
    tvLine,
    '',
    table(rows),
    '',
    failureDetails(rows),
    `Run time ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    throttleLine(emu.journal),
    `${t.na} not applicable`,
    `${t.passed} passed, ${t.failed} failed`,
  ]
    .filter((l, i, a) => !(l === '' && a[i - 1] === ''))
    .join('\n');
  console.log(out);
  const target = process.argv.indexOf('--write');
  if (target > 0 && process.argv[target + 1]) writeFileSync(process.argv[target + 1], out + '\n');
  // `--journal <file>`: the raw evidence (journal with Authorization values masked, journey spans).
  const dump = process.argv.indexOf('--journal');
  if (dump > 0 && process.argv[dump + 1]) {
    const mask = (journal: typeof emu.journal) =>
      journal.map((e) => ({
        ...e,
        headers: { ...e.headers, authorization: e.headers.authorization ? 'Bearer [masked]' : undefined },
      }));
    const tvPart =
      tv !== 'off' && !('error' in tv)
        ? { tvJourneys: Array.from(tv.rec.journeys.values()), tvJournal: mask(tv.journal) }
        : {};
    writeFileSync(
      process.argv[dump + 1],
      JSON.stringify({ journeys: Array.from(rec.journeys.values()), journal: mask(emu.journal), ...tvPart }, null, 1),
    );
  }
  return t.failed > 0 ? 1 : 0;
}

function tvSummary(tv: TvPhase): string {
  const n429 = `${provoked429(tv.journal).length} × 429 provoked, ${injected429(tv.journal).length} injected`;
  return (
    `TV phase (Chromium; build/, updated to dist/es5 on one TV) — ${tv.journal.length} journaled requests, ` +
    `${n429} (emulator throttling ${tv.throttling ? 'on' : 'off'}), ${tv.rec.journeys.size} journeys: ${spans(tv.rec)}; ` +
    `${tv.seconds.toFixed(1)} s (+ ${tv.buildSeconds.toFixed(1)} s checking the builds)` +
    (tv.facts.notes.length ? `; ${tv.facts.notes.join('; ')}` : '')
  );
}

/** Throttling is on all run (Adobe's model, one address per simulated device): the 429s in the journal. */
function throttleLine(journal: JournalEntry[]): string {
  return (
    `Emulator journal: ${provoked429(journal).length} × 429 provoked by the clients (throttling on), ` +
    `${injected429(journal).length} × Adobe's 429 injected on purpose (item 36's stimulus)`
  );
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('conformance run aborted:', error);
    process.exit(2);
  },
);
