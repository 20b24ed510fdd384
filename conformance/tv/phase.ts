/**
 * The TV phase of `npm run conformance`: makes sure build/ and dist/es5 are current, starts an emulator
 * of its own (default settings, so Adobe-like throttling when that is the default; a short media token
 * lifetime), and runs the TV journeys in Chromium one after another.
 */
import { spawnSync } from 'node:child_process';
import { findChrome, ROOT } from '../../test/e2e/harness';
import { launchEmulator } from '../lib/emulator';
import { Recorder } from '../lib/recorder';
import { TvFacts, type TvEvidence } from './facts';
import { firstLaunchTvJourney, MEDIA_TOKEN_TTL_MS, phoneChoiceTvJourney, profileChooserTvJourney } from './journeys';

export interface TvPhaseOptions {
  /** Rebuild build/ and dist/es5 when older than the sources (scripts/ensure-builds.ts). */
  ensureBuilds: boolean;
}

export interface TvPhase extends TvEvidence {
  /** Emulator throttling during the phase (its default). */
  throttling: boolean;
  buildSeconds: number;
}

export async function runTvPhase(options: TvPhaseOptions): Promise<TvPhase> {
  const started = Date.now();
  const facts = new TvFacts();
  if (options.ensureBuilds) {
    // Build output goes to stderr: stdout is the report.
    const r = spawnSync('npx', ['tsx', 'scripts/ensure-builds.ts'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    if (r.status !== 0) throw new Error('scripts/ensure-builds.ts failed: the TV builds are missing');
  }
  const buildSeconds = (Date.now() - started) / 1000;
  findChrome(); // a clear message when there is no Chromium
  const emu = await launchEmulator();
  const rec = new Recorder(emu);
  let throttling = false;
  try {
    await emu.settings({ mediaTokenTtlMs: MEDIA_TOKEN_TTL_MS });
    throttling = (await emu.admin<{ throttling?: boolean }>('GET', 'settings')).throttling === true;
    // Each TV has an address of its own (BrowserTv.open → emu.device()): Adobe throttles per device address.
    await firstLaunchTvJourney(emu, rec, facts);
    await profileChooserTvJourney(emu, rec, facts);
    await phoneChoiceTvJourney(emu, rec, facts);
    await emu.sync();
  } finally {
    await emu.close();
  }
  return {
    rec,
    journal: emu.journal,
    facts,
    seconds: (Date.now() - started) / 1000 - buildSeconds,
    throttling,
    buildSeconds,
  };
}
