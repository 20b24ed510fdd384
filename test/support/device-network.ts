/**
 * The network between simulated devices and the emulator's Adobe side. Adobe throttles each device by its
 * address, read from X-Forwarded-For (Throttling mechanism page: "the throttling mechanism uses the
 * identified devices individually, with the help of X-Forwarded-For"); the emulator does the same. In a
 * test every browser and every Node client is 127.0.0.1, so a TV and a phone would share one budget that
 * in real life is two (a phone is usually on another network). Each device therefore reaches the emulator
 * through a port of its own, which forwards everything unchanged but for its own address appended to
 * X-Forwarded-For, as a proxy in front of Adobe would. Addresses come from TEST-NET-3 (RFC 5737).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Device {
  /** Where this device's client finds the Adobe side (use it instead of the emulator's own URL). */
  url: string;
  /** The address the emulator sees for it. */
  address: string;
}

export interface DeviceNetwork {
  /** A new device: an address of its own and a port that carries it. */
  device(): Promise<Device>;
  close(): Promise<void>;
}

export async function startDeviceNetwork(adobeUrl: string, firstOctet = 1): Promise<DeviceNetwork> {
  const upstream = new URL(adobeUrl);
  const agent = new http.Agent({ keepAlive: true });
  const servers: http.Server[] = [];
  let next = firstOctet;

  const forward = (address: string) => (req: http.IncomingMessage, res: http.ServerResponse) => {
    const before = req.headers['x-forwarded-for'];
    const hops = Array.isArray(before) ? before.join(', ') : before;
    const out = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': hops ? `${hops}, ${address}` : address },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    // The emulator's "drop" fault destroys its socket: the device must see a transport failure too.
    out.on('error', () => req.socket.destroy());
    req.pipe(out);
  };

  return {
    async device() {
      if (next > 254) throw new Error('no more device addresses');
      const address = `203.0.113.${next++}`;
      const server = http.createServer(forward(address));
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, address };
    },
    async close() {
      agent.destroy();
      await Promise.all(
        servers.splice(0).map(
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
