/**
 * Programmer backend over real HTTP: catalog, posters and the token-gated media origin.
 * A fake clock drives token and grant expiry; the media token service is the real one.
 */
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { createClock } from '../../emulator/src/clock';
import { createMediaTokenService, normaliseResource, type MediaTokenService } from '../../emulator/src/media-token';
import { buildProgrammerApp } from '../../emulator/src/programmer/app';

interface Item {
  id: string;
  title: string;
  description: string;
  rating: string;
  year: number;
  durationSec: number;
  posterUrl: string;
  resource: string;
  channel: string;
  channelResource: string;
  streamUrl: string;
}
interface Catalog {
  channels: { id: string; title: string; resource: string }[];
  rows: { id: string; title: string; items: Item[] }[];
}

const TOKEN_TTL = 7 * 60_000;
const GRANT_TTL = 4 * 60 * 60_000;
const PUBLIC_URL = 'http://programmer.test:4020';
const CHANNELS = ['DEMOTV', 'DEMOTV-SPORTS', 'DEMOTV-MOVIES', 'DEMOTV-KIDS', 'DEMOTV-PPV'];

let now = 1_900_000_000_000;
const clock = createClock(() => now);
let tokens: MediaTokenService;
let app: FastifyInstance;
let base: string;
let catalog: Catalog;
let items: Item[];

const get = (path: string, init?: RequestInit) => fetch(base + path, init);
/** The catalog's URLs point at the public URL; tests reach the same paths on the listening port. */
const localPath = (url: string) => url.slice(PUBLIC_URL.length);
const sign = async (resource: string) =>
  (await tokens.sign({ resource, requestor: 'DemoTV', mvpd: 'AcmeCable', userId: 'u-1' })).serializedToken;
const tokenised = (item: Item, token: string) => `${localPath(item.streamUrl)}?mediaToken=${encodeURIComponent(token)}`;
const uriLines = (playlist: string) => playlist.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));

/** Opens a title: master playlist → media playlist → segment URIs (all relative to /media/{id}/). */
async function open(item: Item) {
  const master = await get(tokenised(item, await sign(item.resource)));
  expect(master.status).toBe(200);
  const masterText = await master.text();
  const [child] = uriLines(masterText);
  const mediaRes = await get(`/media/${item.id}/${child}`);
  expect(mediaRes.status).toBe(200);
  const mediaText = await mediaRes.text();
  return { masterText, child, mediaText, segments: uriLines(mediaText) };
}

beforeAll(async () => {
  tokens = await createMediaTokenService(clock, () => TOKEN_TTL);
  app = await buildProgrammerApp({ clock, mediaTokens: tokens, publicUrl: PUBLIC_URL, grantTtlMs: GRANT_TTL });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  catalog = (await (await get('/catalog')).json()) as Catalog;
  items = catalog.rows.flatMap((r) => r.items);
});
afterAll(async () => {
  await app.close();
});

describe('GET /health', () => {
  it('answers ok', async () => {
    const res = await get('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('GET /catalog', () => {
  it('has at least 24 titles in at least 3 rows, with unique ids', () => {
    expect(catalog.rows.length).toBeGreaterThanOrEqual(3);
    expect(items.length).toBeGreaterThanOrEqual(24);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const row of catalog.rows) {
      expect(row.id).toMatch(/^[a-z0-9-]+$/);
      expect(row.title).not.toBe('');
      expect(row.items.length).toBeGreaterThan(0);
    }
  });

  it('gives every item the documented fields, with absolute URLs on the public URL', () => {
    for (const it of items) {
      expect(typeof it.title).toBe('string');
      expect(it.description.length).toBeGreaterThan(20);
      expect(it.rating).toMatch(/^(TV-(Y|Y7|G|PG|14|MA)|G|PG|PG-13|R|NC-17)$/);
      expect(it.year).toBeGreaterThanOrEqual(1950);
      expect(it.durationSec).toBeGreaterThan(0);
      expect(it.posterUrl).toBe(`${PUBLIC_URL}/posters/${it.id}.png`);
      expect(it.streamUrl).toBe(`${PUBLIC_URL}/media/${it.id}/index.m3u8`);
    }
  });

  it('uses only the five channel ids, both plain and MRSS resources, and TV-MA titles as MRSS', () => {
    const parsed = items.map((it) => ({ it, r: normaliseResource(it.resource) }));
    for (const { r } of parsed) expect(CHANNELS).toContain(r?.channel);
    expect(new Set(parsed.map(({ r }) => r?.channel))).toEqual(new Set(CHANNELS));
    const mrss = parsed.filter(({ it }) => it.resource.startsWith('<rss'));
    expect(mrss.length).toBeGreaterThan(0);
    expect(parsed.length - mrss.length).toBeGreaterThan(0);
    for (const { it, r } of mrss) {
      expect(it.resource).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
      expect(r?.item).toBe(it.title);
      expect(r?.rating?.value).toBe(it.rating.toLowerCase());
    }
    const tvma = mrss.filter(({ r }) => r?.rating?.scheme === 'urn:v-chip' && r.rating.value === 'tv-ma');
    expect(tvma.length).toBeGreaterThanOrEqual(2);
  });

  it('lists at most five channels, each with a channel-level resource (plain id or MRSS without an item)', () => {
    expect(catalog.channels.map((c) => c.id)).toEqual(CHANNELS);
    for (const c of catalog.channels) {
      expect(c.title).not.toBe('');
      expect(normaliseResource(c.resource)).toEqual({ channel: c.id });
      expect(c.resource).not.toContain('CDATA');
    }
    expect(catalog.channels.filter((c) => c.resource.startsWith('<rss')).length).toBeGreaterThan(0);
    expect(catalog.channels.filter((c) => c.resource === c.id).length).toBeGreaterThan(0);
  });

  it("gives every item its channel and that channel's resource; the asset resource names the same channel", () => {
    const byId = new Map(catalog.channels.map((c) => [c.id, c.resource]));
    for (const it of items) {
      expect(byId.get(it.channel)).toBe(it.channelResource);
      expect(normaliseResource(it.resource)?.channel).toBe(it.channel);
    }
  });

  it('allows a localhost app origin (CORS) and not a foreign one', async () => {
    const ok = await get('/catalog', { headers: { Origin: 'http://localhost:8080' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    const foreign = await get('/catalog', { headers: { Origin: 'http://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GET /posters/{id}.png', () => {
  it('serves a PNG for every catalog item', async () => {
    for (const it of items) {
      const res = await get(localPath(it.posterUrl));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(Array.from(bytes.slice(1, 4))).toEqual([0x50, 0x4e, 0x47]); // "PNG"
    }
  });
  it('404s for an unknown poster', async () => {
    expect((await get('/posters/nope.png')).status).toBe(404);
  });
});

describe('media origin: the media token', () => {
  it('401 without a token', async () => {
    const res = await get(localPath(items[0].streamUrl));
    expect(res.status).toBe(401);
  });

  it('200 with a valid token: the master playlist, with grant-bearing child URIs', async () => {
    const item = items[0];
    const res = await get(tokenised(item, await sign(item.resource)));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text.startsWith('#EXTM3U')).toBe(true);
    const uris = uriLines(text);
    expect(uris.length).toBeGreaterThan(0);
    for (const u of uris) expect(u).toMatch(/^[\w.-]+\.m3u8\?grant=[\w.-]+$/);
  });

  it('403 INVALID_SIGNATURE for a forged token', async () => {
    const item = items[0];
    const [h, , s] = Buffer.from(await sign(item.resource), 'base64')
      .toString()
      .split('.');
    const payload = Buffer.from(
      JSON.stringify({
        jti: 'x',
        resource: item.resource,
        requestor: 'r',
        mvpd: 'm',
        userId: 'u',
        iat: now,
        exp: now + 1e9,
      }),
    ).toString('base64url');
    const forged = Buffer.from(`${h}.${payload}.${s}`).toString('base64');
    const res = await get(tokenised(item, forged));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'INVALID_SIGNATURE' });
  });

  it('403 INVALID_TOKEN_FORMAT for garbage', async () => {
    const res = await get(tokenised(items[0], 'not-a-token'));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'INVALID_TOKEN_FORMAT' });
  });

  it('403 TOKEN_EXPIRED once the clock passes the token TTL', async () => {
    const item = items[1];
    const token = await sign(item.resource);
    now += TOKEN_TTL;
    const res = await get(tokenised(item, token));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'TOKEN_EXPIRED' });
  });

  it('403 INVALID_RESOURCE_ID for a token issued for another title', async () => {
    const [a, b] = [items.find((i) => i.resource === 'DEMOTV-PPV'), items.find((i) => i.resource === 'DEMOTV-KIDS')];
    const res = await get(tokenised(a as Item, await sign((b as Item).resource)));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'INVALID_RESOURCE_ID' });
  });

  it('403 INVALID_RESOURCE_ID for an MRSS title when the token names only its channel', async () => {
    const item = items.find((i) => i.resource.startsWith('<rss')) as Item;
    const channel = normaliseResource(item.resource)?.channel as string;
    const res = await get(tokenised(item, await sign(channel)));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'INVALID_RESOURCE_ID' });
  });

  it('403 token_reused the second time a token is presented', async () => {
    const item = items[2];
    const token = await sign(item.resource);
    expect((await get(tokenised(item, token))).status).toBe(200);
    const again = await get(tokenised(item, token));
    expect(again.status).toBe(403);
    expect(await again.json()).toEqual({ error: 'token_reused' });
  });

  it('a HEAD probe does not consume the token', async () => {
    const item = items[3];
    const token = await sign(item.resource);
    expect((await get(tokenised(item, token), { method: 'HEAD' })).status).toBe(200);
    expect((await get(tokenised(item, token))).status).toBe(200);
  });

  it('404 for an unknown title or file', async () => {
    expect((await get(`/media/nope/index.m3u8?mediaToken=x`)).status).toBe(404);
    expect((await get(`/media/${items[0].id}/secret.txt`)).status).toBe(404);
    expect((await get(`/media/${items[0].id}/..%2F..%2Fpackage.json`)).status).toBe(404);
  });
});

describe('media origin: the playback grant', () => {
  it('child playlist URIs carry the grant, and every segment plays as MPEG-TS', async () => {
    const item = items[4];
    const { mediaText, segments } = await open(item);
    expect(mediaText).toContain('#EXT-X-ENDLIST');
    expect(segments.length).toBeGreaterThan(1);
    for (const seg of segments) {
      expect(seg).toMatch(/^seg_\d+\.ts\?grant=/);
      const res = await get(`/media/${item.id}/${seg}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('video/mp2t');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(bytes[0]).toBe(0x47); // MPEG-TS sync byte
      expect(bytes.length % 188).toBe(0);
    }
  });

  it('keeps working after the media token has expired, until the grant expires', async () => {
    const item = items[5];
    const { segments } = await open(item);
    now += TOKEN_TTL * 3;
    expect((await get(`/media/${item.id}/${segments[0]}`)).status).toBe(200);
    now += GRANT_TTL;
    const late = await get(`/media/${item.id}/${segments[0]}`);
    expect(late.status).toBe(403);
    expect(await late.json()).toEqual({ error: 'grant_expired' });
  });

  it('401 for a segment or child playlist without a grant', async () => {
    const item = items[6];
    const { child, segments } = await open(item);
    const bare = (u: string) => u.split('?')[0];
    const seg = await get(`/media/${item.id}/${bare(segments[0])}`);
    expect(seg.status).toBe(401);
    expect(await seg.json()).toEqual({ error: 'missing_grant' });
    expect((await get(`/media/${item.id}/${bare(child)}`)).status).toBe(401);
  });

  it('403 for a tampered grant', async () => {
    const item = items[7];
    const { segments } = await open(item);
    const [file, query] = segments[0].split('?grant=');
    const [h, p, s] = decodeURIComponent(query).split('.');
    const flipped = s.slice(0, -2) + (s.slice(-2) === 'AA' ? 'AB' : 'AA');
    for (const bad of [
      `${h}.${p}.${flipped}`,
      `${h}.${Buffer.from('{"t":"x","exp":1e99}').toString('base64url')}.${s}`,
      'junk',
    ]) {
      const res = await get(`/media/${item.id}/${file}?grant=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: 'invalid_grant' });
    }
  });

  it("403 for another title's grant", async () => {
    const [a, b] = [items[8], items[9]];
    const { segments } = await open(a);
    const res = await get(`/media/${b.id}/${segments[0]}`);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'grant_title_mismatch' });
  });

  it('lets the app origin read playlists and segments (CORS for hls.js XHR)', async () => {
    const item = items[10];
    const res = await get(tokenised(item, await sign(item.resource)), { headers: { Origin: 'http://127.0.0.1:8080' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8080');
    const pre = await get(localPath(item.streamUrl), {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:8080', 'Access-Control-Request-Method': 'GET' },
    });
    expect(pre.status).toBeLessThan(300);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
  });
});
