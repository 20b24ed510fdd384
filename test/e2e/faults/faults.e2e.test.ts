/**
 * Issue #6 item 2, in the real TV app (Chromium, build/): one row per phase, in journey order on one
 * app session (the table is rows.ts). Each row injects a representative fault at that phase, asserts
 * what the screen shows (a titled message panel with a focused way forward, or for preauthorization a
 * toast with the catalog still usable), that the requests stayed bounded, then clears the fault,
 * presses the way forward and asserts the journey continues. The full phase × fault matrix runs in
 * Node (test/flows-faults); these rows prove the screens wire those failures to a way out.
 */
import { closeServers, printRows, startFaultHarness, type RowReport } from './kit';
import { FaultRun, ROWS, type FaultRow } from './rows';

let run: FaultRun | undefined;
const reports: RowReport[] = [];

beforeAll(async () => {
  run = new FaultRun(await startFaultHarness());
});

afterAll(async () => {
  if (run?.app) await run.app.close();
  if (run) await run.h.close();
  await closeServers();
  if (reports.length) printRows(reports);
});

/** The skeleton every row shares. */
async function runRow(row: FaultRow): Promise<void> {
  const r = run!;
  const seen = await row.fail(r);
  await r.app.screenshot(`fault-${row.shot}`);
  const requests = row.requests ? row.requests() : await r.requestsSince();
  if (row.check) await row.check(r, requests);
  const more = await row.recover(r);
  reports.push({ phase: row.phase, fault: row.fault, ...seen, requests, recovered: row.recovered }, ...(more ?? []));
}

for (const row of ROWS) test(row.title, () => runRow(row));

test('no page errors, every faulty phase stayed within a few requests, and no 429 was provoked (throttling on)', async () => {
  expect(run!.app.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  for (const r of reports) expect(r.requests).toBeLessThanOrEqual(20);
  const counted = await run!.h.count429();
  process.stdout.write(`Emulator journal (throttling on): ${counted.provoked} × 429 provoked, ${counted.injected} × 429 injected\n`);
  expect(counted.provoked).toBe(0);
});
