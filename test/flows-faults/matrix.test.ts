/**
 * Issue #6 item 2, Node level: every phase × fault cell against the real flows and emulator. Prints
 * the matrix (and writes it to test-results/fault-matrix.md); each cell is its own test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Failure } from '../../src/flows';
import { FAULTS, PHASES, newContext, signIn, type CellContext, type FaultDef, type Outcome, type Phase } from './cells';
import { startFaultHarness, type FaultHarness, type JournalEntry } from './harness';
import { renderDetails, renderMatrix, type CellResult } from './table';

let h: FaultHarness;
const results: CellResult[] = [];
/** 429s the client provoked (the emulator's throttle refused them; injected 429s do not count), over all cells. */
let provoked = 0;
const unhandled: string[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason instanceof Error ? reason.message : String(reason));

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  h = await startFaultHarness();
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  if (h) await h.close();
  const table = renderMatrix(PHASES, FAULTS, results);
  const dir = join(__dirname, '..', '..', 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'fault-matrix.md'), `${table}\n\n${renderDetails(results)}\n`);
  process.stdout.write(`\nFault matrix (Node level, real flows + emulator)\n\n${table}\n`);
  process.stdout.write(`\nEmulator journal (throttling on, Adobe's model): ${provoked} × 429 provoked by the client in ${results.length} cells\n`);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const describeOutcome = (o: Outcome) =>
  o.ok ? 'ok' : `${o.failure.kind}${o.failure.code ? ` (${o.failure.code})` : ''}`;

function failureProblems(f: Failure, fault: FaultDef): string[] {
  const problems: string[] = [];
  if (typeof f.message !== 'string' || f.message.trim() === '') problems.push(`failure "${f.kind}" without a message`);
  if (f.kind === 'unknown') problems.push('untyped failure (kind unknown) or polling that never settled');
  if (fault.kinds && !fault.kinds.includes(f.kind) && f.kind !== 'authentication')
    problems.push(`kind ${f.kind}, expected ${fault.kinds.join('/')}`);
  return problems;
}

async function runCell(phase: Phase, fault: FaultDef): Promise<CellResult> {
  const base = { phase: phase.id, fault: fault.id };
  if (!fault.applies(phase)) return { ...base, status: 'n/a', summary: 'n/a', problems: [] };
  await h.admin('POST', 'reset');
  h.originFault = undefined;
  const c: CellContext = newContext(h);
  const problems: string[] = [];
  const unhandledBefore = unhandled.length;
  await phase.prepare(c);
  c.since = await h.lastSeq();
  c.sent = 0;
  const throttledIn = (entries: JournalEntry[]) => entries.filter((e) => e.throttled).length;
  // Counted now too: a restart (one of the faults) takes the journal with it.
  let cellProvoked = throttledIn(await h.journalSince(0));

  let first: Outcome;
  try {
    first = await phase.run(c, () => fault.inject(c, phase), fault.id);
  } catch (e) {
    problems.push(`threw: ${(e as Error).message}`);
    first = { ok: false, failure: { kind: 'unknown', message: '', retryable: false } };
  }
  if (fault.settleMs) await sleep(fault.settleMs);
  // The larger of what the service saw and what the client sent (timed-out attempts never reach the journal).
  const requests = Math.max((await h.journalSince(c.since)).length, c.sent);
  if (requests > phase.cap) problems.push(`${requests} requests (cap ${phase.cap})`);
  if (!first.ok) problems.push(...failureProblems(first.failure, fault));

  await fault.clear(c);
  let recovery: Outcome;
  let how = '';
  try {
    recovery = await phase.run(c, async () => undefined, fault.id);
    if (!recovery.ok && recovery.failure.kind === 'authentication' && phase.needsProfile) {
      // The profile is gone (revoked client, restart, invalidated): the screens lead to the provider picker.
      await signIn(c);
      how = ' after signing in again';
      recovery = await phase.run(c, async () => undefined, fault.id);
    }
  } catch (e) {
    recovery = { ok: false, failure: { kind: 'unknown', message: (e as Error).message, retryable: false } };
  }
  if (!recovery.ok)
    problems.push(`no recovery after clearing: ${describeOutcome(recovery)} ${recovery.failure.message}`);
  cellProvoked += throttledIn(await h.journalSince(c.since));
  provoked += cellProvoked;
  if (cellProvoked > 0) problems.push(`${cellProvoked} × 429 provoked (throttling on: the client must keep within the budget)`);
  if (unhandled.length > unhandledBefore)
    problems.push(`unhandled rejection: ${unhandled.slice(unhandledBefore).join(' | ')}`);

  const summary = `${describeOutcome(first)}, ${requests} req → ${recovery.ok ? `recovered${how}` : 'stuck'}`;
  return { ...base, status: problems.length ? 'fail' : 'pass', summary, problems };
}

describe.each(PHASES.map((p) => [p.id, p] as const))('%s', (_id, phase) => {
  test.each(FAULTS.map((f) => [f.id, f] as const))('under %s', async (_fid, fault) => {
    const result = await runCell(phase, fault);
    results.push(result);
    expect(result.problems).toEqual([]);
  });
});
