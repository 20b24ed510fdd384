/**
 * A restartable emulator for the fault matrix: same ports after a restart (all state lost, as when
 * the real service forgets a client), admin calls, journal reads since a sequence number, and a
 * tiny fault proxy in front of the programmer's media origin (the emulator injects faults on the
 * Adobe side only).
 *
 * Time: the emulator's clock is real time plus `advanceTime()`. The Node matrix runs the client on virtual
 * time (a fake clock, hand-fired timers, an instant `sleep`) and moves this clock along by the same amounts,
 * so throttling (on, as at Adobe) counts the seconds the client believes went by. The browser rows never
 * advance it: for them it is real time.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '../../emulator/src/server';
import { startDeviceNetwork, type DeviceNetwork } from '../support/device-network';
import { tvSoftwareStatement } from '../flows/emulator-harness';

export interface JournalEntry {
  seq: number;
  method: string;
  path: string;
  status: number;
  /** The emulator's throttle refused it: a 429 the client provoked. */
  throttled?: true;
  /** An injected fault answered it (its type). */
  fault?: string;
}

export type OriginFault =
  { type: 'status'; status: number } | { type: 'drop' } | { type: 'latency'; ms: number } | { type: 'malformed' };

export interface FaultHarness {
  adobeUrl: string;
  programmerUrl: string;
  /** Media origin behind the fault proxy (same paths as programmerUrl). */
  originUrl: string;
  statement: string;
  admin<T = unknown>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** Entries after `since` (a sequence number from lastSeq()). */
  journalSince(since: number): Promise<JournalEntry[]>;
  lastSeq(): Promise<number>;
  complete(code: string, username: string): Promise<void>;
  /** Close and start again on the same ports: every client, token, session and profile is gone. */
  restart(): Promise<void>;
  /** Moves the emulator's clock forward with the client's virtual time (synchronous: no request can overtake it). */
  advanceTime(ms: number): void;
  /**
   * The Adobe URL for a new device (an address of its own, test/support/device-network.ts): a browser app
   * started with fresh storage is a new install with its own throttling budget. Survives restarts.
   */
  deviceUrl(): Promise<string>;
  /** 429s in the journal since the harness started, restarts included: provoked (throttle) and injected (faults). */
  count429(): Promise<{ provoked: number; injected: number }>;
  originFault: OriginFault | undefined;
  close(): Promise<void>;
}

type Running = Awaited<ReturnType<typeof startEmulator>>;
const portOf = (url: string) => Number(new URL(url).port);

export async function startFaultHarness(): Promise<FaultHarness> {
  let virtualMs = 0;
  const now = () => Date.now() + virtualMs;
  let emu: Running = await startEmulator({ adobePort: 0, programmerPort: 0, quiet: true, now });
  const adobePort = portOf(emu.adobeUrl);
  const network: DeviceNetwork = await startDeviceNetwork(emu.adobeUrl);
  const before = { provoked: 0, injected: 0 };
  const count429 = async () => {
    const all = await journalSince(-1);
    return {
      provoked: before.provoked + all.filter((e) => e.throttled).length,
      injected: before.injected + all.filter((e) => e.status === 429 && e.fault).length,
    };
  };
  const programmerPort = portOf(emu.programmerUrl);
  const passwords = new Map<string, string>();

  async function admin<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${emu.adobeUrl}/__emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`admin ${method} ${path} → ${res.status} ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const journalSince = async (since: number) =>
    (await admin<{ entries: JournalEntry[] }>('GET', `journal?since=${since}`)).entries.filter((e) => e.seq > since);

  const harness: FaultHarness = {
    adobeUrl: emu.adobeUrl,
    programmerUrl: emu.programmerUrl,
    originUrl: '',
    statement: tvSoftwareStatement(),
    admin,
    journalSince,
    async lastSeq() {
      const all = await journalSince(-1);
      return all.length ? all[all.length - 1]!.seq : 0;
    },
    async complete(code, username) {
      if (!passwords.size) {
        const fixtures = await admin<{ subscribers: Array<{ username: string; password: string }> }>('GET', 'fixtures');
        for (const s of fixtures.subscribers) passwords.set(s.username, s.password);
      }
      await admin('POST', `sessions/${code}/complete`, { username, password: passwords.get(username) });
    },
    async restart() {
      const counted = await count429();
      before.provoked = counted.provoked;
      before.injected = counted.injected;
      await emu.close();
      emu = await startEmulator({ adobePort, programmerPort, quiet: true, now });
    },
    advanceTime(ms) {
      virtualMs += Math.max(0, ms);
    },
    deviceUrl: async () => (await network.device()).url,
    count429,
    originFault: undefined,
    async close() {
      await network.close();
      await emu.close();
      await closeServer(proxy);
    },
  };

  const proxy = createServer((req, res) => void forward(harness, programmerPort, req, res));
  await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', () => ok()));
  harness.originUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  return harness;
}

async function forward(h: FaultHarness, port: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const fault = h.originFault;
  if (fault?.type === 'drop') return void req.socket.destroy();
  if (fault?.type === 'status') return void res.writeHead(fault.status, { 'content-type': 'text/plain' }).end('fault');
  if (fault?.type === 'malformed')
    return void res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl' }).end('#EXTM3\n#EXT-X-STR');
  if (fault?.type === 'latency') await new Promise((r) => setTimeout(r, fault.ms));
  const upstream = request(
    { host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', () => res.writeHead(502).end());
  req.pipe(upstream);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((ok) => {
    server.closeAllConnections?.();
    server.close(() => ok());
  });
}
