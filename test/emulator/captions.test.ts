/**
 * Closed captions (issue 13 item 4, emulator side): every stream carries WebVTT subtitle renditions (English CC,
 * Spanish) in its master playlist, segmented like the media, timed against the video's MPEG-TS clock, and served
 * through the token-gated origin like every other file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../../emulator/src/server';
import { TestClient, http, start } from './helpers';

const MEDIA = join(__dirname, '..', '..', 'emulator', 'media');

interface Item {
  id: string;
  resource: string;
  streamUrl: string;
}

/** PTS (90 kHz) of the first video PES in an MPEG-TS buffer. */
function firstVideoPts(ts: Buffer): number {
  for (let off = 0; off + 188 <= ts.length; off += 188) {
    if (ts[off] !== 0x47 || !(ts[off + 1] & 0x40)) continue;
    let p = off + 4;
    if ((ts[off + 3] >> 4) & 2) p += 1 + ts[off + 4];
    if (ts[p] !== 0 || ts[p + 1] !== 0 || ts[p + 2] !== 1 || (ts[p + 3] & 0xf0) !== 0xe0 || !(ts[p + 7] & 0x80)) continue;
    const b = ts.subarray(p + 9, p + 14);
    return ((b[0] >> 1) & 7) * 2 ** 30 + (b[1] << 22) + ((b[2] >> 1) << 15) + (b[3] << 7) + (b[4] >> 1);
  }
  throw new Error('no video PES');
}

const seconds = (t: string): number => {
  const [h, m, s] = t.split(':');
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
};
const uris = (playlist: string): string[] => playlist.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));

describe('the stream files (emulator/scripts/make-streams.sh)', () => {
  const streams = readdirSync(MEDIA);
  it.each(streams)('%s: master lists English and Spanish WebVTT renditions; cues sit inside their segments, mapped to the first video frame', (id) => {
    const dir = join(MEDIA, id);
    const master = readFileSync(join(dir, 'index.m3u8'), 'utf8');
    const media = [...master.matchAll(/^#EXT-X-MEDIA:(.*)$/gm)].map((m) => m[1]);
    expect(media).toHaveLength(2);
    for (const [lang, attrs] of [['en', media[0]], ['es', media[1]]]) {
      expect(attrs).toContain('TYPE=SUBTITLES');
      expect(attrs).toContain('GROUP-ID="subs"');
      expect(attrs).toContain(`LANGUAGE="${lang}"`);
      expect(attrs).toContain(`URI="subs_${lang}.m3u8"`);
    }
    expect(master).toMatch(/^#EXT-X-STREAM-INF:.*SUBTITLES="subs"$/m);

    const pts = firstVideoPts(readFileSync(join(dir, 'seg_000.ts')));
    const videoSegments = uris(readFileSync(join(dir, '360p.m3u8'), 'utf8'));
    for (const lang of ['en', 'es']) {
      const vtts = uris(readFileSync(join(dir, `subs_${lang}.m3u8`), 'utf8'));
      expect(vtts).toHaveLength(videoSegments.length);
      vtts.forEach((file, k) => {
        const vtt = readFileSync(join(dir, file), 'utf8');
        expect(vtt.startsWith('WEBVTT\n')).toBe(true);
        expect(vtt).toContain(`X-TIMESTAMP-MAP=MPEGTS:${pts},LOCAL:00:00:00.000\n`);
        const cues = [...vtt.matchAll(/^(\d\d:\d\d:\d\d\.\d\d\d) --> (\d\d:\d\d:\d\d\.\d\d\d)/gm)];
        expect(cues.length).toBeGreaterThan(0);
        for (const [, from, to] of cues) {
          expect(seconds(from)).toBeGreaterThanOrEqual(4 * k);
          expect(seconds(to)).toBeLessThanOrEqual(4 * (k + 1));
          expect(seconds(to)).toBeGreaterThan(seconds(from));
        }
      });
    }
  });
});

describe('served through the token-gated origin', () => {
  let emu: RunningEmulator;
  let items: Item[];
  let tv: TestClient;
  beforeAll(async () => {
    emu = await start();
    items = ((await http('GET', `${emu.programmerUrl}/catalog`)).body as { rows: { items: Item[] }[] }).rows.flatMap((r) => r.items);
    tv = await TestClient.create(emu.adobeUrl);
    await tv.login('AcmeCable', 'alice');
  });
  afterAll(() => emu.close());

  const openMaster = async (item: Item): Promise<string> => {
    const token = (await tv.authorize('AcmeCable', [item.resource])).body.decisions[0].token.serializedToken as string;
    const r = await http('GET', `${item.streamUrl}?mediaToken=${encodeURIComponent(token)}`, { headers: { Origin: 'http://localhost:8080' } });
    expect(r.status).toBe(200);
    return r.text;
  };

  it('the subtitle playlist and every .vtt carry the grant, answer text/vtt and allow the app origin', async () => {
    const item = items[0];
    const master = await openMaster(item);
    const uri = /URI="(subs_en\.m3u8\?grant=[^"]+)"/.exec(master)?.[1];
    expect(uri).toBeDefined();
    const base = item.streamUrl.replace(/index\.m3u8$/, '');
    const playlist = await http('GET', base + uri!, { headers: { Origin: 'http://localhost:8080' } });
    expect(playlist.status).toBe(200);
    const vtts = uris(playlist.text);
    expect(vtts).toHaveLength(3);
    for (const v of vtts) {
      expect(v).toMatch(/^subs_en_\d{3}\.vtt\?grant=/);
      const r = await http('GET', base + v, { headers: { Origin: 'http://localhost:8080' } });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
      expect(r.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
      expect(r.text).toMatch(/caption \d of 3/);
    }
  });

  it('no grant → 401; another title\'s grant → 403', async () => {
    const [a, b] = items;
    const base = a.streamUrl.replace(/index\.m3u8$/, '');
    expect((await http('GET', `${base}subs_en_000.vtt`)).status).toBe(401);
    const otherGrant = /grant=([^"&\s]+)/.exec(await openMaster(b))![1];
    expect((await http('GET', `${base}subs_en_000.vtt?grant=${otherGrant}`)).status).toBe(403);
  });
});
