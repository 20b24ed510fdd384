/**
 * `npm run conformance`: starts the emulator on random ports, drives scripted journeys through the
 * real client code (src/flows on src/pass with src/platform device headers; the second screen's api
 * and flow modules), then evaluates every item of the REST API V2 checklist (spec §19) against the
 * emulator's request journal and what the clients returned. Exit code 1 when any check fails.
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

async function main(): Promise<number> {
  const started = Date.now();
  const emu = await launchEmulator();
  const rec = new Recorder(emu);
  const facts = new Facts();
  facts.statementSoftwareId = softwareIdOf(appConfig('').softwareStatement);
  try {
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
    await emu.sync();
  } finally {
    await emu.close();
  }

  const ctx = { rec, facts, journal: emu.journal, proxy: emu.proxy.records };
  const rows: Row[] = CHECKS.map((check) => ({ check, outcome: guard(() => check.run(ctx)) }));
  const t = totals(rows);
  const journeyLine = Array.from(rec.journeys.values())
    .map((j) => `${j.name} ${(j.ms / 1000).toFixed(1)}s${j.error ? ` (CRASHED: ${j.error})` : ''}`)
    .join(', ');

  const out = [
    `Adobe Pass REST API V2 checklist (spec §19) — ${emu.journal.length} journaled requests, ${rec.journeys.size} journeys: ${journeyLine}`,
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
    const masked = emu.journal.map((e) => ({
      ...e,
      headers: { ...e.headers, authorization: e.headers.authorization ? 'Bearer [masked]' : undefined },
    }));
    writeFileSync(
      process.argv[dump + 1],
      JSON.stringify({ journeys: Array.from(rec.journeys.values()), journal: masked }, null, 1),
    );
  }
  return t.failed > 0 ? 1 : 0;
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
