/** Fixture switch `catalog` (issue 13): the programmer backend at scale, 20 rows × 40 titles. */
import type { RunningEmulator } from '../../emulator/src/server';
import { normaliseResource } from '../../emulator/src/media-token';
import { TestClient, admin, http, start } from './helpers';

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

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start({ catalog: 'large' });
});
afterAll(() => emu.close());

const catalog = async (): Promise<Catalog> => (await http('GET', `${emu.programmerUrl}/catalog`)).body as Catalog;

it('serves 20 rows of 40 generated titles, unique ids and titles, the same channel contract as the standard catalog', async () => {
  const started = performance.now();
  const r = await http('GET', `${emu.programmerUrl}/catalog`);
  console.log(`large catalog: ${r.text.length} bytes, first answer in ${(performance.now() - started).toFixed(0)} ms`);
  const cat = r.body as Catalog;
  expect(cat.rows).toHaveLength(20);
  for (const row of cat.rows) expect(row.items).toHaveLength(40);
  const items = cat.rows.flatMap((row) => row.items);
  expect(new Set(items.map((i) => i.id)).size).toBe(800);
  expect(new Set(items.map((i) => i.title)).size).toBe(800);
  expect(new Set(cat.rows.map((row) => row.title)).size).toBe(20);
  expect(cat.channels.length).toBeLessThanOrEqual(5);
  const channelOf = new Map(cat.channels.map((c) => [c.id, c.resource]));
  for (const it of items) {
    expect(it.id).toMatch(/^[a-z0-9-]+$/);
    expect(it.channelResource).toBe(channelOf.get(it.channel));
    expect(normaliseResource(it.resource)?.channel).toBe(it.channel);
    expect(it.description.length).toBeGreaterThan(20);
    expect(it.durationSec).toBeGreaterThan(0);
    if (/^(G|PG|PG-13|R|NC-17|TV-MA)$/.test(it.rating)) expect(it.resource.startsWith('<rss')).toBe(true);
    else expect(it.resource).toBe(it.channel);
  }
  expect(items.filter((i) => /[áéíóúñü]/i.test(i.title)).length).toBeGreaterThan(10);
});

it('every poster URL answers with a PNG (art shared with the standard titles)', async () => {
  const items = (await catalog()).rows.flatMap((row) => row.items);
  const statuses: number[] = [];
  for (let i = 0; i < items.length; i += 20) {
    // 20 at a time, as a TV loading posters near view would (800 parallel sockets only stress the test machine).
    statuses.push(
      ...(await Promise.all(
        items.slice(i, i + 20).map(async (it) => {
          const r = await fetch(it.posterUrl);
          await r.arrayBuffer(); // read it all: an unread body keeps its socket busy
          return r.status;
        }),
      )),
    );
  }
  expect(statuses).toHaveLength(800);
  expect(statuses.every((s) => s === 200)).toBe(true);
  const one = await fetch(items[123].posterUrl);
  expect(one.headers.get('content-type')).toBe('image/png');
  await one.arrayBuffer();
}, 60_000);

it('a generated title plays through the token-gated origin after decisions/authorize', async () => {
  const items = (await catalog()).rows.flatMap((row) => row.items);
  const item = items.find((i) => i.resource.startsWith('<rss'))!;
  const tv = await TestClient.create(emu.adobeUrl);
  await tv.login('AcmeCable', 'alice');
  const token = (await tv.authorize('AcmeCable', [item.resource])).body.decisions[0].token.serializedToken as string;
  const master = await http('GET', `${item.streamUrl}?mediaToken=${encodeURIComponent(token)}`);
  expect(master.status).toBe(200);
  expect(master.text).toContain('#EXTM3U');
});

it('switches at run time: standard, a custom size, back to large (same titles again)', async () => {
  const first = await catalog();
  await admin(emu.adobeUrl, 'POST', '/settings', { catalog: 'standard' });
  expect((await catalog()).rows.flatMap((r) => r.items)).toHaveLength(27);
  await admin(emu.adobeUrl, 'POST', '/settings', { catalog: '3x4' });
  const small = await catalog();
  expect(small.rows.map((r) => r.items.length)).toEqual([4, 4, 4]);
  await admin(emu.adobeUrl, 'POST', '/settings', { catalog: 'large' });
  expect(await catalog()).toEqual(first);
});
