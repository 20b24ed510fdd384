/**
 * Benchmark (not a test): N simulated TVs each start a login and poll GET profiles/code/{code} every few seconds,
 * as the TV app does while the activation code is on screen. Halfway through, half of the logins are completed
 * (admin API), so both the "pending" and the "profile" answers are measured.
 *
 *   npm run bench:emulator                         # starts its own emulator on random ports
 *   BENCH_URL=http://127.0.0.1:4010 npm run bench:emulator   # against a running emulator
 *   BENCH_TVS=200 BENCH_SECONDS=20 BENCH_INTERVAL_MS=4000      # defaults
 *
 * Each TV sends its own X-Forwarded-For (and X-Device-Info, required on DCR too), so the emulator's throttling —
 * on by default, Adobe's model — applies per TV: 1 poll per 4 s stays well inside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '../emulator/src/server';

const TVS = Number(process.env.BENCH_TVS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 4000);
const STATEMENT = (
  JSON.parse(readFileSync(join(__dirname, '..', 'emulator', 'fixtures', 'software-statements.json'), 'utf8')) as { statements: Record<string, string> }
).statements['demotv-lightning-tv'];
const DEVICE_INFO = Buffer.from(
  JSON.stringify({ primaryHardwareType: 'TV', model: 'BENCH', version: '1', osName: 'webOS', osVersion: '6.0', connectionType: 'LAN' }),
).toString('base64');

interface Tv {
  n: number;
  ip: string;
  headers: Record<string, string>;
  code: string;
}

const latencies: number[] = [];
const statusCounts = new Map<string, number>();
let profilesSeen = 0;

function count(key: string): void {
  statusCounts.set(key, (statusCounts.get(key) ?? 0) + 1);
}

async function json(url: string, init: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(url, init);
  const text = await r.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* non-JSON (e.g. 429 HTML) */
  }
  return { status: r.status, body };
}

async function setUpTv(base: string, n: number): Promise<Tv> {
  const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  const reg = await json(`${base}/o/client/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, 'x-device-info': DEVICE_INFO },
    body: JSON.stringify({ software_statement: STATEMENT }),
  });
  if (reg.status !== 201) throw new Error(`TV ${n}: register failed (${reg.status})`);
  const tok = await json(`${base}/o/client/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip, 'x-device-info': DEVICE_INFO },
    body: new URLSearchParams({ client_id: String(reg.body.client_id), client_secret: String(reg.body.client_secret), grant_type: 'client_credentials' }).toString(),
  });
  if (tok.status !== 201) throw new Error(`TV ${n}: token failed (${tok.status})`);
  const headers = {
    Authorization: `Bearer ${String(tok.body.access_token)}`,
    'AP-Device-Identifier': `fingerprint ${Buffer.from(`bench-tv-${n}`).toString('base64')}`,
    'X-Device-Info': DEVICE_INFO,
    'X-Forwarded-For': ip,
  };
  const session = await json(`${base}/api/v2/DEMOTV/sessions`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ mvpd: 'AcmeCable', domainName: 'demotv.example', redirectUrl: 'http://localhost:4030/done' }).toString(),
  });
  if (typeof session.body.code !== 'string') throw new Error(`TV ${n}: session failed (${session.status})`);
  return { n, ip, headers, code: session.body.code };
}

async function poll(base: string, tv: Tv, until: number): Promise<void> {
  await new Promise((r) => setTimeout(r, Math.random() * INTERVAL_MS)); // TVs do not start in lockstep
  while (Date.now() < until) {
    const t0 = performance.now();
    try {
      const r = await json(`${base}/api/v2/DEMOTV/profiles/code/${tv.code}`, { headers: tv.headers });
      latencies.push(performance.now() - t0);
      count(String(r.status));
      const profiles = r.body.profiles as Record<string, unknown> | undefined;
      if (profiles && Object.keys(profiles).length > 0) profilesSeen++;
    } catch {
      count('network-error');
    }
    await new Promise((r) => setTimeout(r, INTERVAL_MS));
  }
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const external = process.env.BENCH_URL?.replace(/\/+$/, '');
  const emu = external ? null : await startEmulator({ adobePort: 0, programmerPort: 0, quiet: true });
  const base = external ?? emu!.adobeUrl;
  console.log(`bench: ${TVS} TVs polling every ${INTERVAL_MS} ms for ${SECONDS} s against ${base}`);

  const setupStart = performance.now();
  const tvs: Tv[] = [];
  for (let i = 0; i < TVS; i += 20) {
    tvs.push(...(await Promise.all(Array.from({ length: Math.min(20, TVS - i) }, (_, k) => setUpTv(base, i + k + 1)))));
  }
  console.log(`setup (register + token + session per TV): ${(performance.now() - setupStart).toFixed(0)} ms`);

  const until = Date.now() + SECONDS * 1000;
  const completer = (async () => {
    await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 2));
    await Promise.all(
      tvs.filter((tv) => tv.n % 2 === 0).map((tv) =>
        fetch(`${base}/__emulator/sessions/${tv.code}/complete`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'alice', password: 'alice123' }),
        }),
      ),
    );
  })();
  await Promise.all([...tvs.map((tv) => poll(base, tv, until)), completer]);

  const sorted = [...latencies].sort((a, b) => a - b);
  const total = [...statusCounts.values()].reduce((a, b) => a + b, 0);
  const errors = [...statusCounts.entries()].filter(([k]) => k !== '200').reduce((a, [, v]) => a + v, 0);
  console.log(`requests: ${total} (${(total / SECONDS).toFixed(1)}/s), answers with a profile: ${profilesSeen}`);
  console.log(`status counts: ${JSON.stringify(Object.fromEntries(statusCounts))}`);
  console.log(`errors (non-200 or network): ${errors}`);
  console.log(`latency ms: p50 ${pct(sorted, 50).toFixed(2)}  p95 ${pct(sorted, 95).toFixed(2)}  p99 ${pct(sorted, 99).toFixed(2)}  max ${sorted[sorted.length - 1]?.toFixed(2)}`);
  await emu?.close();
}

main().catch((err: unknown) => {
  console.error('bench failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
