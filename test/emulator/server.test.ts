/** startEmulator end to end: both servers, one clock, one media token service (catalog → authorize → stream). */
import type { RunningEmulator } from '../../emulator/src/server';
import { TestClient, admin, http, start } from './helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

interface Item { resource: string; streamUrl: string; rating: string }

it('starts both servers on random ports', () => {
  expect(emu.adobeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(emu.programmerUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(emu.adobeUrl).not.toBe(emu.programmerUrl);
});

it('a media token from an authorize permit opens the catalog stream for that resource', async () => {
  const catalog = (await http('GET', `${emu.programmerUrl}/catalog`)).body as { rows: { items: Item[] }[] };
  const items = catalog.rows.flatMap((r) => r.items);
  const item = items.find((i) => i.resource.startsWith('<')) ?? items[0];
  const tv = await TestClient.create(emu.adobeUrl);
  await tv.login('AcmeCable', 'alice');
  const decision = (await tv.authorize('AcmeCable', [item.resource])).body.decisions[0];
  expect(decision.authorized).toBe(true);
  const token = decision.token.serializedToken as string;
  expect((await admin(emu.adobeUrl, 'GET', `/verify-media-token?token=${encodeURIComponent(token)}&resource=${encodeURIComponent(item.resource)}`)).body.result).toBe('VALID_TOKEN');
  const stream = await http('GET', `${item.streamUrl}?mediaToken=${encodeURIComponent(token)}`);
  expect(stream.status).toBe(200);
  expect(stream.text.startsWith('#EXTM3U')).toBe(true);
  expect((await http('GET', item.streamUrl)).status).toBe(401);
});

it('every catalog resource is understood by the entitlement rules (alice permitted, dan denied)', async () => {
  const catalog = (await http('GET', `${emu.programmerUrl}/catalog`)).body as { rows: { items: Item[] }[] };
  const resources = [...new Set(catalog.rows.flatMap((r) => r.items.map((i) => i.resource)))];
  const alice = await TestClient.create(emu.adobeUrl);
  await alice.login('AcmeCable', 'alice');
  const dan = await TestClient.create(emu.adobeUrl);
  await dan.login('AcmeCable', 'dan');
  for (let i = 0; i < resources.length; i += 5) {
    const batch = resources.slice(i, i + 5);
    const a = (await alice.preauthorize('AcmeCable', batch)).body.decisions;
    expect(a.every((d: { authorized: boolean }) => d.authorized)).toBe(true);
    const d = (await dan.preauthorize('AcmeCable', batch)).body.decisions;
    expect(d.every((x: { authorized: boolean; error?: { code: string } }) => !x.authorized && x.error?.code === 'preauthorization_denied_by_mvpd')).toBe(true);
  }
});
