/**
 * The programmer backend inside the whole emulator: media tokens minted by the Adobe side's
 * decisions/authorize play on the media origin, the catalog's resources fit the mock subscribers'
 * entitlements and parental controls, and the admin clock drives token expiry on the origin too.
 */
import type { RunningEmulator } from '../../emulator/src/server';
import { normaliseResource } from '../../emulator/src/media-token';
import { TestClient, admin, http, start } from './helpers';

interface Item {
  id: string;
  title: string;
  rating: string;
  resource: string;
  streamUrl: string;
}

const MVPD = 'AcmeCable';
let emu: RunningEmulator;
let items: Item[];

beforeAll(async () => {
  emu = await start();
  const cat = await http('GET', `${emu.programmerUrl}/catalog`);
  items = (cat.body as { rows: { items: Item[] }[] }).rows.flatMap((r) => r.items);
});
afterAll(() => emu.close());

const uriLines = (s: string) => s.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
const play = (item: Item, token: string) =>
  http('GET', `${item.streamUrl}?mediaToken=${encodeURIComponent(token)}`, {
    headers: { Origin: 'http://localhost:8080' },
  });

/** decisions/authorize for one resource → the media token, or the decision when it is a deny. */
async function authorize(
  client: TestClient,
  item: Item,
): Promise<{ token?: string; decision: Record<string, unknown> }> {
  const r = await client.authorize(MVPD, [item.resource]);
  expect(r.status).toBe(200);
  const decision = r.body.decisions[0] as Record<string, unknown> & { token?: { serializedToken: string } };
  expect(decision.resource).toBe(item.resource);
  return { token: decision.token?.serializedToken, decision };
}

describe('preauthorization by channel (catalog channels[] / item.channelResource)', () => {
  interface Channel {
    id: string;
    resource: string;
  }
  it("one request for the whole standard catalog: ≤ 5 channel resources, answers match each subscriber's package", async () => {
    const cat = (await http('GET', `${emu.programmerUrl}/catalog`)).body as { channels: Channel[]; rows: { items: (Item & { channel: string; channelResource: string })[] }[] };
    const resources = cat.channels.map((c) => c.resource);
    expect(resources.length).toBeLessThanOrEqual(5);
    expect(new Set(cat.rows.flatMap((r) => r.items.map((i) => i.channelResource)))).toEqual(new Set(resources));
    const expected: Record<string, string[]> = { alice: cat.channels.map((c) => c.id), bob: ['DEMOTV', 'DEMOTV-KIDS'], kim: cat.channels.map((c) => c.id) };
    for (const [user, permitted] of Object.entries(expected)) {
      const client = await TestClient.create(emu.adobeUrl);
      await client.login(MVPD, user);
      const r = await client.preauthorize(MVPD, resources);
      expect(r.status).toBe(200);
      const got = (r.body.decisions as { resource: string; authorized: boolean }[]).filter((d) => d.authorized).map((d) => normaliseResource(d.resource)?.channel);
      expect([user, got.sort()]).toEqual([user, [...permitted].sort()]);
    }
  });

  it('with decisionResourceEcho=rewrite the channel-level MRSS comes back re-serialised but for the same channel', async () => {
    const cat = (await http('GET', `${emu.programmerUrl}/catalog`)).body as { channels: Channel[] };
    const mrss = cat.channels.filter((c) => c.resource.startsWith('<rss'));
    expect(mrss.length).toBeGreaterThan(0);
    await admin(emu.adobeUrl, 'POST', '/settings', { decisionResourceEcho: 'rewrite' });
    try {
      const client = await TestClient.create(emu.adobeUrl);
      await client.login(MVPD, 'alice');
      const decisions = (await client.preauthorize(MVPD, mrss.map((c) => c.resource))).body.decisions as { resource: string; authorized: boolean }[];
      decisions.forEach((d, i) => {
        expect(d.authorized).toBe(true);
        expect(d.resource).not.toBe(mrss[i].resource);
        expect(normaliseResource(d.resource)?.channel).toBe(mrss[i].id);
      });
    } finally {
      await admin(emu.adobeUrl, 'POST', '/settings', { decisionResourceEcho: 'exact' });
    }
  });
});

describe('catalog resources against the mock subscribers', () => {
  it('alice (everything) is permitted every title', async () => {
    const alice = await TestClient.create(emu.adobeUrl);
    await alice.login(MVPD, 'alice');
    for (const item of items) {
      const { token, decision } = await authorize(alice, item);
      expect({ id: item.id, authorized: decision.authorized }).toEqual({ id: item.id, authorized: true });
      expect(typeof token).toBe('string');
    }
  });

  it('bob (basic package) is permitted only DEMOTV and DEMOTV-KIDS titles', async () => {
    const bob = await TestClient.create(emu.adobeUrl);
    await bob.login(MVPD, 'bob');
    for (const item of items) {
      const channel = normaliseResource(item.resource)?.channel;
      const { decision } = await authorize(bob, item);
      expect({ id: item.id, authorized: decision.authorized }).toEqual({
        id: item.id,
        authorized: channel === 'DEMOTV' || channel === 'DEMOTV-KIDS',
      });
    }
  });

  it('kim (parental controls TV-PG / PG) is refused the TV-MA titles', async () => {
    const kim = await TestClient.create(emu.adobeUrl);
    await kim.login(MVPD, 'kim');
    const tvma = items.filter((i) => i.rating === 'TV-MA');
    expect(tvma.length).toBeGreaterThanOrEqual(2);
    for (const item of tvma) {
      const { token, decision } = await authorize(kim, item);
      expect(decision.authorized).toBe(false);
      expect(token).toBeUndefined();
      expect(JSON.stringify(decision.error)).toContain('authorization_denied_by_parental_controls');
    }
  });
});

describe('Adobe-issued media tokens on the media origin', () => {
  let client: TestClient;
  // A reset per test (clients, tokens, clock) keeps the clock move in the last test from leaking.
  beforeEach(async () => {
    await admin(emu.adobeUrl, 'POST', '/reset');
    client = await TestClient.create(emu.adobeUrl);
    await client.login(MVPD, 'alice');
  });

  it('an MRSS title plays: playlist, child playlist and segments', async () => {
    const item = items.find((i) => i.resource.startsWith('<rss')) as Item;
    const { token } = await authorize(client, item);
    const master = await play(item, token as string);
    expect(master.status).toBe(200);
    expect(master.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    const base = item.streamUrl.replace(/index\.m3u8$/, '');
    const media = await http('GET', base + uriLines(master.text)[0]);
    expect(media.status).toBe(200);
    for (const seg of uriLines(media.text)) {
      const r = await fetch(base + seg);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('video/mp2t');
    }
  });

  it('the admin verifier and the origin agree, and the verifier does not consume', async () => {
    const item = items.find((i) => !i.resource.startsWith('<rss')) as Item;
    const { token } = await authorize(client, item);
    const q = (resource: string) =>
      `/verify-media-token?token=${encodeURIComponent(token as string)}&resource=${encodeURIComponent(resource)}`;
    expect((await admin(emu.adobeUrl, 'GET', q(item.resource))).body).toEqual(
      expect.objectContaining({ result: 'VALID_TOKEN' }),
    );
    expect((await play(item, token as string)).status).toBe(200);
    expect((await play(item, token as string)).body).toEqual({ error: 'token_reused' });
  });

  it('a token for one title does not open another', async () => {
    const [a, b] = [items.find((i) => i.resource === 'DEMOTV-KIDS'), items.find((i) => i.resource === 'DEMOTV-PPV')];
    const { token } = await authorize(client, a as Item);
    const r = await play(b as Item, token as string);
    expect(r).toMatchObject({ status: 403, body: { error: 'INVALID_RESOURCE_ID' } });
  });

  it('moving the admin clock past the token lifetime expires it on the origin', async () => {
    const item = items[0];
    const { token } = await authorize(client, item);
    const settings = await admin(emu.adobeUrl, 'GET', '/settings');
    const ttl = settings.body.mediaTokenTtlMs as number;
    expect(ttl).toBeGreaterThan(0);
    await admin(emu.adobeUrl, 'POST', '/clock/advance', { ms: ttl });
    expect(await play(item, token as string)).toMatchObject({ status: 403, body: { error: 'TOKEN_EXPIRED' } });
  });
});
