/**
 * A tiny static file server on Node's http module (no dependency): serves build/ or dist/es5 for the
 * browser tests and `npm start`. Usage: tsx scripts/serve-static.ts [dir] [port] [host]
 */
import { createServer, Server } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.mp4': 'video/mp4',
  '.m4s': 'video/iso.segment',
};

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * String replacements applied to .html and .json responses (settings.json in build/, index.html with
   * inlined settings in dist/), e.g. to point the app at an emulator on random ports.
   */
  rewrite?: Record<string, string>;
}

/** Serve `dir` on `port` (0 = random free port) at `host`. */
export async function serveStatic(
  dir: string,
  port = 0,
  host = '127.0.0.1',
  options: ServeOptions = {},
): Promise<StaticServer> {
  const rewrite = options.rewrite && Object.keys(options.rewrite).length ? options.rewrite : undefined;
  const root = resolve(dir);
  const server: Server = createServer(async (req, res) => {
    try {
      const urlPath = decodeURIComponent((req.url || '/').split('?')[0]!.split('#')[0]!);
      let file = normalize(join(root, urlPath));
      if (file !== root && file.indexOf(root + sep) !== 0) {
        res.writeHead(403).end('forbidden');
        return;
      }
      let stat = await fs.stat(file).catch(() => undefined);
      if (stat && stat.isDirectory()) {
        file = join(file, 'index.html');
        stat = await fs.stat(file).catch(() => undefined);
      }
      if (!stat || !stat.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const ext = extname(file).toLowerCase();
      if (rewrite && (ext === '.html' || ext === '.json')) {
        let body = await fs.readFile(file, 'utf8');
        for (const [from, to] of Object.entries(rewrite)) body = body.split(from).join(to);
        const buf = Buffer.from(body, 'utf8');
        res.writeHead(200, {
          'content-type': TYPES[ext] ?? 'text/plain',
          'content-length': buf.length,
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : buf);
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'content-length': stat.size,
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(500).end('error');
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  const actual = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

if (require.main === module) {
  const [dir = 'build', port = '8080', host = '0.0.0.0'] = process.argv.slice(2);
  serveStatic(dir, Number(port), host).then((s) => {
    console.log(`Serving ${dir} at ${s.url}`);
    const stop = (): void => {
      void s.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
