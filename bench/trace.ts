/**
 * npm run bench:trace — where a cold launch of dist/es6 spends its time: a waterfall of the page's
 * resource timing (scripts, settings, every Adobe Pass / programmer request) and the app's own
 * milestones (first Lightning frame, each route as it becomes active, provider picker interactive),
 * all in ms since navigation start. Fresh browser profile (first launch), then a reload (the stored
 * registration: what a second launch before sign-in does).
 *
 *   TRACE_RATE=4  CPU throttle (default 1)
 */
import { cpus, loadavg } from 'node:os';
import { startEmulator } from '../emulator/src/server';
import { openBrowser, type BenchBrowser } from './lib/browser';
import { OUR_DIST, READY, ensureBuilds } from './lib/apps';

const RATE = Math.max(1, Number(process.env.TRACE_RATE ?? 1));

interface Milestone {
  at: number;
  what: string;
}
interface Resource {
  name: string;
  start: number;
  end: number;
  initiator: string;
}

/** Page-side recorder installed before the app: first frame and route changes, each animation frame. */
const RECORDER = `(() => {
  const marks = (window.__traceMarks = []);
  let route = null, frame = false, focus = '';
  const tick = () => {
    const p = window.__probe;
    if (!frame && p && p.stage) { frame = true; marks.push({ at: performance.now(), what: 'first Lightning frame' }); }
    const h = window.__tve;
    if (h) {
      const r = h.route();
      if (r !== route) { route = r; marks.push({ at: performance.now(), what: 'route ' + (r || '(none)') }); }
      const f = h.focusPath().slice(-1)[0] || '';
      if (f !== focus) { focus = f; marks.push({ at: performance.now(), what: 'focus ' + f }); }
    }
    if (marks.length < 200) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

async function waterfall(b: BenchBrowser, label: string): Promise<void> {
  const ready = await b.readyAt();
  const data = (await b.page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource').map((r) => ({
      name: r.name, start: r.startTime, end: r.responseEnd, initiator: r.initiatorType,
    }));
    return { marks: window.__traceMarks || [], res, dcl: nav ? nav.domContentLoadedEventEnd : null, load: nav ? nav.loadEventEnd : null };
  })()`)) as { marks: Milestone[]; res: Resource[]; dcl: number | null; load: number | null };
  const rows: Array<{ start: number; end: number; what: string }> = [];
  for (const r of data.res) {
    const u = new URL(r.name);
    const path = u.pathname.replace(/\/api\/v2\/[^/]+\//, '/api/v2/…/');
    rows.push({ start: r.start, end: r.end, what: `${r.initiator.padEnd(14)} ${u.port ? ':' + u.port : ''}${path}` });
  }
  if (data.dcl !== null) rows.push({ start: data.dcl, end: data.dcl, what: 'DOMContentLoaded' });
  if (data.load !== null) rows.push({ start: data.load, end: data.load, what: 'load event' });
  for (const m of data.marks) rows.push({ start: m.at, end: m.at, what: m.what });
  rows.push({ start: ready, end: ready, what: '** provider picker interactive (bench figure) **' });
  rows.sort((a, b) => a.start - b.start);
  console.log(`\n${label} — ${RATE}× CPU; ms since navigation start\n`);
  console.log('| start | end | duration | what |');
  console.log('|---:|---:|---:|---|');
  for (const r of rows) {
    const d = r.end - r.start;
    console.log(`| ${r.start.toFixed(0)} | ${r.end.toFixed(0)} | ${d ? d.toFixed(0) : ''} | ${r.what} |`);
  }
}

async function main(): Promise<void> {
  await ensureBuilds();
  console.log(
    `[trace] ${new Date().toISOString()} · ${cpus().length} CPU · load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')}`,
  );
  const emu = await startEmulator({ adobePort: 0, programmerPort: 0, quiet: true });
  const b = await openBrowser({
    dir: OUR_DIST,
    readyExpr: READY.providers,
    rewrite: { 'http://localhost:4010': emu.adobeUrl, 'http://localhost:4020': emu.programmerUrl },
  });
  try {
    await b.context.addInitScript(RECORDER);
    await b.throttle(RATE);
    await b.page.goto(b.url);
    await waterfall(b, 'Cold launch (fresh profile: registration, token, profiles, configuration)');
    await b.page.reload();
    await waterfall(b, 'Second launch before sign-in (stored client and token)');
  } finally {
    await b.close();
    await emu.close();
  }
}

main().catch((e: Error) => {
  console.error(`[trace] ${e.stack ?? e.message}`);
  process.exit(1);
});
