/**
 * A scriptable HTTP server for src/pass unit tests (node http, port 0, 127.0.0.1). Each route answers
 * from a queue of scripted replies (the last one repeats); every request is recorded with its headers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status?: number;
  json?: unknown;
  body?: string;
  contentType?: string;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** Answer after this many ms. */
  delayMs?: number;
}

export interface Recorded {
  method: string;
  path: string;
  query: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface FakeServer {
  url: string;
  requests: Recorded[];
  /** Script replies for `METHOD /path` (path without query). */
  on(route: string, ...replies: Reply[]): void;
  count(route: string): number;
  close(): Promise<void>;
}

export async function startFakeServer(): Promise<FakeServer> {
  const routes = new Map<string, Reply[]>();
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const [path, query = ''] = (req.url ?? '/').split('?');
      requests.push({ method: req.method ?? 'GET', path, query, headers: req.headers, body, at: Date.now() });
      const queue = routes.get(`${req.method} ${path}`);
      const reply: Reply = queue && queue.length > 0 ? (queue.length > 1 ? (queue.shift() as Reply) : queue[0]) : { status: 404, body: '' };
      const send = () => {
        if (reply.drop) return req.socket.destroy();
        const text = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.body ?? '');
        res.writeHead(reply.status ?? 200, {
          'Content-Type': reply.contentType ?? (reply.json !== undefined ? 'application/json' : 'text/plain'),
        });
        res.end(text);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    on(route, ...replies) {
      routes.set(route, replies);
    },
    count(route) {
      return requests.filter((r) => `${r.method} ${r.path}` === route).length;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export const SP = 'DEMOTV';
export const DEVICE = {
  identifierHeader: () => 'fingerprint ZGV2aWNlLTE=',
  infoHeader: () => 'eyJtb2RlbCI6IlRWIn0=',
};

/** Default DCR answers for a happy client. */
export function scriptDcr(server: FakeServer): void {
  server.on('POST /o/client/register', {
    status: 201,
    json: {
      client_id: 'cid-1',
      client_secret: 'sec-1',
      client_id_issued_at: 1,
      redirect_uris: [],
      grant_types: ['client_credentials'],
      scopes: ['api:client:v2'],
    },
  });
  server.on('POST /o/client/token', {
    status: 201,
    json: { id: 'x', access_token: 'tok-1', created_at: 1, expires_in: 3600, token_type: 'bearer' },
  });
}
