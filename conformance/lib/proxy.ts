/**
 * A recording pass-through proxy in front of the emulator's Adobe side. The emulator journal has
 * headers but no bodies; checklist item 32 also covers body parameters, so every request body the
 * clients send is captured here, exactly as sent.
 *
 * It is also the simulated network. Adobe throttles each device by its address, read from
 * X-Forwarded-For ("the throttling mechanism uses the identified devices individually, with the help
 * of X-Forwarded-For"), but every simulated TV and phone of a run lives in this one process, behind
 * 127.0.0.1. So each simulated device gets a port of its own (`device()`), and what arrives there goes
 * on with that device's address appended to X-Forwarded-For, as a proxy in front of Adobe would. The
 * shared `url` adds nothing (every client behind it is 127.0.0.1, one budget).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyRecord {
  time: number;
  method: string;
  path: string;
  query: string;
  /** What the client sent (before the simulated network added X-Forwarded-For). */
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The simulated device's address, when the request came in through a device port. */
  client?: string;
}

export interface RecordingProxy {
  /** Shared entrance: no address added, so the emulator sees the socket's 127.0.0.1. */
  url: string;
  records: ProxyRecord[];
  /** A new simulated device with an address of its own (TEST-NET-2, RFC 5737): the URL its client uses. */
  device(): Promise<{ url: string; address: string }>;
  /** Addresses handed out so far (to tell what the network added from what a client sent). */
  addresses: Set<string>;
  close(): Promise<void>;
}

/** One more hop: the connecting device's address appended, as proxies do. */
function forwardedFor(previous: string | string[] | undefined, address: string): string {
  const before = Array.isArray(previous) ? previous.join(', ') : previous;
  return before ? `${before}, ${address}` : address;
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const records: ProxyRecord[] = [];
  const agent = new http.Agent({ keepAlive: true });
  const servers: http.Server[] = [];
  const addresses = new Set<string>();

  const handler =
    (address: string | undefined) =>
    (req: http.IncomingMessage, res: http.ServerResponse): void => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const raw = req.url ?? '/';
        const q = raw.indexOf('?');
        records.push({
          time: Date.now(),
          method: req.method ?? 'GET',
          path: q < 0 ? raw : raw.slice(0, q),
          query: q < 0 ? '' : raw.slice(q + 1),
          headers: { ...req.headers },
          body: body.toString('utf8'),
          ...(address ? { client: address } : {}),
        });
        const headers = address
          ? { ...req.headers, 'x-forwarded-for': forwardedFor(req.headers['x-forwarded-for'], address) }
          : req.headers;
        const out = http.request(
          { host: upstream.hostname, port: upstream.port, method: req.method, path: raw, headers, agent },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        // The emulator's "drop" fault destroys its socket: the client must see a transport failure too.
        out.on('error', () => req.socket.destroy());
        out.end(body);
      });
    };

  async function listen(address: string | undefined): Promise<string> {
    const server = http.createServer(handler(address));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const url = await listen(undefined);
  let next = 0;
  return {
    url,
    records,
    addresses,
    async device() {
      next += 1;
      if (next > 250) throw new Error('more than 250 simulated devices in one run');
      const address = `198.51.100.${next}`;
      addresses.add(address);
      return { url: await listen(address), address };
    },
    close: async () => {
      agent.destroy();
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}
