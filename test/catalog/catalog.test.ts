import axios, { AxiosError, type AxiosAdapter } from 'axios';
import { createCatalogClient, tokenisedStreamUrl } from '../../src/catalog/client';
import { channelResources, parseCatalog } from '../../src/catalog/validate';

const item = (id: string, resource: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Title ${id}`,
  description: 'd',
  rating: 'TV-PG',
  year: 2025,
  posterUrl: `http://p/${id}.png`,
  resource,
  streamUrl: `http://media/${id}/index.m3u8`,
  ...extra,
});

describe('parseCatalog', () => {
  it('keeps valid rows and items, drops malformed items and empty rows', () => {
    const parsed = parseCatalog({
      rows: [
        {
          id: 'a',
          title: 'A',
          items: [item('t1', 'DEMOTV'), { id: 'bad' }, item('t2', 'X', { streamUrl: 'javascript:alert(1)' })],
        },
        { id: 'b', title: 'B', items: [{ nope: true }] },
        'junk',
      ],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.catalog.rows.map((r) => r.id)).toEqual(['a']);
    expect(parsed.catalog.rows[0]!.items.map((i) => i.id)).toEqual(['t1']);
    expect(parsed.dropped).toBe(4);
  });

  it('rejects a body without rows or with nothing usable', () => {
    expect(parseCatalog({}).ok).toBe(false);
    expect(parseCatalog(null).ok).toBe(false);
    expect(parseCatalog({ rows: [] }).ok).toBe(false);
  });

  it('without channels: each title is preauthorized by its own resource; distinct, in order', () => {
    const parsed = parseCatalog({
      rows: [{ id: 'a', title: 'A', items: [item('1', 'R1'), item('2', 'R2'), item('3', 'R1')] }],
    });
    if (!parsed.ok) throw new Error('parse');
    expect(parsed.catalog.channels).toEqual([]);
    expect(channelResources(parsed.catalog.rows)).toEqual(['R1', 'R2']);
  });

  it('channel resources: the item’s own, else its channel’s from `channels`, else its resource', () => {
    const mrss = (t: string) => `<rss version="2.0"><channel><title>${t}</title></channel></rss>`;
    const asset = '<rss version="2.0"><channel><title>MOVIES</title><item><title>Film</title></item></channel></rss>';
    const parsed = parseCatalog({
      channels: [
        { id: 'MOVIES', title: 'Movies', resource: mrss('MOVIES') },
        { id: 'KIDS', resource: 'KIDS' },
        { id: '', resource: 'nameless' },
        { id: 'BLANK', resource: '  ' },
      ],
      rows: [
        {
          id: 'a',
          title: 'A',
          items: [
            item('1', asset, { channel: 'MOVIES' }),
            item('2', 'KIDS-ASSET', { channel: 'KIDS', channelResource: 'KIDS-OWN' }),
            item('3', 'LONE', { channel: 'UNLISTED' }),
            item('4', asset, { channel: 'MOVIES', channelResource: '   ' }),
          ],
        },
      ],
    });
    if (!parsed.ok) throw new Error('parse');
    expect(parsed.catalog.channels).toEqual([
      { id: 'MOVIES', title: 'Movies', resource: mrss('MOVIES') },
      { id: 'KIDS', title: 'KIDS', resource: 'KIDS' },
    ]);
    const items = parsed.catalog.rows[0]!.items;
    expect(items.map((i) => i.channelResource)).toEqual([mrss('MOVIES'), 'KIDS-OWN', 'LONE', mrss('MOVIES')]);
    expect(items.map((i) => i.resource)).toEqual([asset, 'KIDS-ASSET', 'LONE', asset]);
    expect(channelResources(parsed.catalog.rows)).toEqual([mrss('MOVIES'), 'KIDS-OWN', 'LONE']);
  });
});

describe('tokenisedStreamUrl', () => {
  it('appends the URL-encoded media token', () => {
    expect(tokenisedStreamUrl('http://m/t1/index.m3u8', 'a+b/c=')).toBe(
      'http://m/t1/index.m3u8?mediaToken=a%2Bb%2Fc%3D',
    );
    expect(tokenisedStreamUrl('http://m/x.m3u8?q=1', 'T')).toBe('http://m/x.m3u8?q=1&mediaToken=T');
  });
});

describe('createCatalogClient', () => {
  const withAdapter = (adapter: AxiosAdapter) =>
    createCatalogClient({ baseUrl: 'http://backend/', http: axios.create({ adapter }) });

  it('GETs /catalog and validates it', async () => {
    const urls: string[] = [];
    const client = withAdapter(async (config) => {
      urls.push(String(config.url));
      return {
        data: { rows: [{ id: 'a', title: 'A', items: [item('t1', 'DEMOTV')] }] },
        status: 200,
        statusText: 'OK',
        headers: {},
        config,
      };
    });
    const result = await client.load();
    expect(urls).toEqual(['http://backend/catalog']);
    expect(result.ok && result.value.rows[0]!.items[0]!.id).toBe('t1');
  });

  it('turns a broken body into a malformed failure with a message', async () => {
    const client = withAdapter(async (config) => ({
      data: '<html>',
      status: 200,
      statusText: 'OK',
      headers: {},
      config,
    }));
    const result = await client.load();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.kind).toBe('malformed');
      expect(result.failure.retryable).toBe(true);
    }
  });

  it('reports network and server errors as retryable failures', async () => {
    const net = withAdapter(async (config) => {
      throw new AxiosError('down', 'ECONNREFUSED', config);
    });
    const r1 = await net.load();
    expect(!r1.ok && r1.failure.kind).toBe('network');
    const srv = withAdapter(async (config) => {
      throw new AxiosError('500', 'ERR_BAD_RESPONSE', config, undefined, {
        data: '',
        status: 503,
        statusText: '',
        headers: {},
        config,
      });
    });
    const r2 = await srv.load();
    expect(!r2.ok && r2.failure).toMatchObject({ kind: 'server', code: 'http_503', retryable: true });
  });
});
