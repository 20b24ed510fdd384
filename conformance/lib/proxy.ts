/**
 * A recording pass-through proxy in front of the emulator's Adobe side. The emulator journal has
 * headers but no bodies; checklist item 32 also covers body parameters, so every request body the
 * clients send is captured here. Requests and responses are forwarded unchanged (headers included),
 * so the journal still sees exactly what the client sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyRecord {
  time: number;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RecordingProxy {
  url: string;
  records: ProxyRecord[];
  close(): Promise<void>;
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const records: ProxyRecord[] = [];
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
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
      });
      const out = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: raw, headers: req.headers, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      // The emulator's "drop" fault destroys its socket: the client must see a transport failure too.
      out.on('error', () => req.socket.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    records,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
