/**
 * npm run bench:trace — where a cold launch of dist/es6 spends its time: a waterfall of the page's
 * resource timing (scripts, settings, every Adobe Pass / programmer request) and the app's own
 * milestones (first Lightning frame, each route as it becomes active, provider picker interactive),
 * all in ms since navigation start. Fresh browser profile (first launch), then a reload (the stored
 * registration: what a second launch before sign-in does).
 *
 * Then the same after signing in (a warm launch: the catalog first), and a CPU profile of the main
 * thread over a second cold launch: self time per script and the
 * heaviest functions (what fills the gaps between the requests).
 *
 *   TRACE_RATE=4  CPU throttle (default 1)
 */
import { cpus, loadavg } from 'node:os';
import { startEmulator } from '../emulator/src/server';
import { openBrowser, type BenchBrowser } from './lib/browser';
import { OUR_DIST, READY, ensureBuilds } from './lib/apps';
import { signIn } from './lib/drive';

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

async function waterfall(b: BenchBrowser, label: string, readyName = 'provider picker interactive'): Promise<void> {
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
  rows.push({ start: ready, end: ready, what: `** ${readyName} (bench figure) **` });
  rows.sort((a, b) => a.start - b.start);
  console.log(`\n${label} — ${RATE}× CPU; ms since navigation start\n`);
  console.log('| start | end | duration | what |');
  console.log('|---:|---:|---:|---|');
  for (const r of rows) {
    const d = r.end - r.start;
    console.log(`| ${r.start.toFixed(0)} | ${r.end.toFixed(0)} | ${d ? d.toFixed(0) : ''} | ${r.what} |`);
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) per script and per function from a CDP CPU profile. */
function selfTimes(profile: CpuProfile): { byScript: Map<string, number>; byFunction: Map<string, number> } {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const f = nodes.get(id)?.callFrame;
    if (!f) return;
    const script = f.url ? f.url.replace(/^https?:\/\/[^/]+/, '') : f.functionName || '(native)';
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
    const fn = `${f.functionName || '(anonymous)'} ${f.url ? `${script}:${f.lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  });
  return { byScript, byFunction };
}

async function profileLaunch(dir: string, rewrite: Record<string, string>): Promise<void> {
  const b = await openBrowser({ dir, readyExpr: READY.providers, rewrite });
  try {
    await b.throttle(RATE);
    await b.cdp.send('Profiler.enable');
    await b.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await b.cdp.send('Profiler.start');
    await b.page.goto(b.url);
    const ready = await b.readyAt();
    const { profile } = (await b.cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const { byScript, byFunction } = selfTimes(profile);
    const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, c) => c[1] - a[1]).slice(0, n);
    console.log(
      `\nMain-thread CPU profile of a cold launch (${RATE}× CPU, ready at ${ready.toFixed(0)} ms): self time\n`,
    );
    console.log('| script (or VM state) | ms |');
    console.log('|---|---:|');
    for (const [k, v] of top(byScript, 12)) console.log(`| ${k} | ${v.toFixed(0)} |`);
    console.log('\n| function | ms |');
    console.log('|---|---:|');
    for (const [k, v] of top(byFunction, 25)) console.log(`| ${k} | ${v.toFixed(0)} |`);
  } finally {
    await b.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/**
 * Chromium trace of a cold launch: on the renderer's main thread, the time covered by top-level tasks
 * split by the kind of work inside them (script, style/layout/paint, GPU/WebGL, idle gaps).
 */
async function traceLaunch(dir: string, rewrite: Record<string, string>): Promise<void> {
  const b = await openBrowser({ dir, readyExpr: READY.providers, rewrite });
  try {
    await b.throttle(RATE);
    const events: TraceEvent[] = [];
    b.cdp.on('Tracing.dataCollected', (d) => {
      events.push(...(d.value as unknown as TraceEvent[]));
    });
    const done = new Promise<void>((resolve) => b.cdp.once('Tracing.tracingComplete', () => resolve()));
    await b.cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: {
        includedCategories: ['devtools.timeline', 'v8.execute', 'toplevel', 'blink', 'gpu', '__metadata'],
      },
    } as never);
    await b.page.goto(b.url);
    const ready = await b.readyAt();
    await b.cdp.send('Tracing.end');
    await done;
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    if (!main) return console.log('\n(no renderer main thread in the trace)');
    const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
    const nav = own.reduce((t, e) => Math.min(t, e.ts), Infinity);
    const end = nav + ready * 1000;
    const byName = new Map<string, { ms: number; n: number }>();
    for (const e of own) {
      if (e.ts > end) continue;
      const row = byName.get(e.name) ?? { ms: 0, n: 0 };
      row.ms += (e.dur ?? 0) / 1000;
      row.n++;
      byName.set(e.name, row);
    }
    console.log(
      `\nRenderer main thread, trace of a cold launch (${RATE}× CPU, ready at ${ready.toFixed(0)} ms): inclusive time by event (events nest, so rows overlap)\n`,
    );
    console.log('| event | count | ms |');
    console.log('|---|---:|---:|');
    for (const [k, v] of [...byName.entries()].sort((a, c) => c[1].ms - a[1].ms).slice(0, 24))
      console.log(`| ${k} | ${v.n} | ${v.ms.toFixed(0)} |`);
  } finally {
    await b.close();
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
  const rewrite = { 'http://localhost:4010': emu.adobeUrl, 'http://localhost:4020': emu.programmerUrl };
  const b = await openBrowser({ dir: OUR_DIST, readyExpr: READY.providers, rewrite });
  try {
    await b.context.addInitScript(RECORDER);
    await b.throttle(RATE);
    await b.page.goto(b.url);
    await waterfall(b, 'Cold launch (fresh profile: registration, token, profiles, configuration)');
    await b.page.reload();
    await waterfall(b, 'Second launch before sign-in (stored client and token)');
    // Signed in, then relaunched: the catalog is the first screen.
    await signIn(b, emu);
    await b.setReady(READY.catalog);
    await b.page.reload();
    await waterfall(b, 'Warm launch (signed in: profile check, catalog, preauthorization)', 'catalog interactive');
    await b.close();
    await profileLaunch(OUR_DIST, rewrite);
    await traceLaunch(OUR_DIST, rewrite);
  } finally {
    await b.close();
    await emu.close();
  }
}

main().catch((e: Error) => {
  console.error(`[trace] ${e.stack ?? e.message}`);
  process.exit(1);
});
