import { createClock } from '../../emulator/src/clock';
import { createMediaTokenService, normaliseResource, sameResource } from '../../emulator/src/media-token';
import type { MediaTokenService } from '../../emulator/src/media-token';

const TTL = 7 * 60_000;
const mrss = (channel: string, item: string, rating = 'tv-pg') =>
  `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>${channel}</title>` +
  `<item><title>${item}</title><guid>g1</guid><media:rating scheme="urn:v-chip">${rating}</media:rating></item></channel></rss>`;
const who = { requestor: 'DemoTV', mvpd: 'AcmeCable', userId: 'u-123' };

describe('media token service', () => {
  let now: number;
  const clock = createClock(() => now);
  let svc: MediaTokenService;

  beforeAll(async () => {
    now = 1_800_000_000_000;
    svc = await createMediaTokenService(clock, () => TTL);
  });

  it('signs a standard-Base64 compact JWS carrying the claims, valid for the configured TTL', async () => {
    const t = await svc.sign({ resource: 'DEMOTV', ...who });
    expect(t.serializedToken).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const jws = Buffer.from(t.serializedToken, 'base64').toString('utf8');
    expect(jws.split('.')).toHaveLength(3);
    expect(JSON.parse(Buffer.from(jws.split('.')[0], 'base64url').toString()).alg).toBe('ES256');
    expect(t.notAfter - t.notBefore).toBe(TTL);
    expect(t.notBefore).toBe(clock.now());
    const v = await svc.verify(t.serializedToken, 'DEMOTV');
    expect(v.result).toBe('VALID_TOKEN');
    expect(v.claims).toMatchObject({
      resource: 'DEMOTV',
      ...who,
      iat: t.notBefore,
      exp: t.notAfter,
    });
    expect(typeof v.claims?.jti).toBe('string');
  });

  it('gives each token its own jti', async () => {
    const a = await svc.verify((await svc.sign({ resource: 'DEMOTV', ...who })).serializedToken);
    const b = await svc.verify((await svc.sign({ resource: 'DEMOTV', ...who })).serializedToken);
    expect(a.claims?.jti).not.toBe(b.claims?.jti);
  });

  it('without a resource checks only authenticity and validity period', async () => {
    const t = await svc.sign({ resource: 'DEMOTV-KIDS', ...who });
    expect((await svc.verify(t.serializedToken)).result).toBe('VALID_TOKEN');
  });

  it.each([
    ['empty', ''],
    ['not base64', 'not base64 at all!'],
    ['base64 of garbage', Buffer.from('hello world').toString('base64')],
    ['base64url alphabet instead of standard', '-_-_'],
    ['base64 of a JWS-shaped string with a non-JSON header', Buffer.from('abc.def.ghi').toString('base64')],
  ])('INVALID_TOKEN_FORMAT for %s', async (_name, token) => {
    expect((await svc.verify(token, 'DEMOTV')).result).toBe('INVALID_TOKEN_FORMAT');
  });

  it('INVALID_SIGNATURE when the payload is altered', async () => {
    const t = await svc.sign({ resource: 'DEMOTV', ...who });
    const [h, , s] = Buffer.from(t.serializedToken, 'base64').toString().split('.');
    const forged = Buffer.from(
      JSON.stringify({
        jti: 'x',
        resource: 'DEMOTV-PPV',
        ...who,
        iat: 0,
        exp: 9e15,
      }),
    ).toString('base64url');
    const token = Buffer.from(`${h}.${forged}.${s}`).toString('base64');
    expect((await svc.verify(token, 'DEMOTV-PPV')).result).toBe('INVALID_SIGNATURE');
  });

  it('INVALID_SIGNATURE for a token from another service instance (other key)', async () => {
    const other = await createMediaTokenService(clock, () => TTL);
    const t = await other.sign({ resource: 'DEMOTV', ...who });
    expect((await svc.verify(t.serializedToken, 'DEMOTV')).result).toBe('INVALID_SIGNATURE');
  });

  it('TOKEN_EXPIRED once the emulator clock reaches exp, not before', async () => {
    const c = createClock(() => 1_000);
    const s = await createMediaTokenService(c, () => TTL);
    const t = await s.sign({ resource: 'DEMOTV', ...who });
    c.advance(TTL - 1);
    expect((await s.verify(t.serializedToken, 'DEMOTV')).result).toBe('VALID_TOKEN');
    c.advance(1);
    const v = await s.verify(t.serializedToken, 'DEMOTV');
    expect(v.result).toBe('TOKEN_EXPIRED');
    expect(v.claims?.resource).toBe('DEMOTV');
  });

  it('reads the TTL at signing time', async () => {
    let ttl = 1000;
    const s = await createMediaTokenService(clock, () => ttl);
    expect((await s.sign({ resource: 'DEMOTV', ...who })).notAfter - clock.now()).toBe(1000);
    ttl = 5000;
    expect((await s.sign({ resource: 'DEMOTV', ...who })).notAfter - clock.now()).toBe(5000);
  });

  it('INVALID_RESOURCE_ID for another channel or another item', async () => {
    const t = await svc.sign({ resource: 'DEMOTV', ...who });
    expect((await svc.verify(t.serializedToken, 'DEMOTV-PPV')).result).toBe('INVALID_RESOURCE_ID');
    const m = await svc.sign({
      resource: mrss('DEMOTV-MOVIES', 'Night Harbor'),
      ...who,
    });
    expect((await svc.verify(m.serializedToken, mrss('DEMOTV-MOVIES', 'Other Film'))).result).toBe(
      'INVALID_RESOURCE_ID',
    );
    expect((await svc.verify(m.serializedToken, 'DEMOTV-MOVIES')).result).toBe('INVALID_RESOURCE_ID');
  });

  it('accepts an MRSS resource written differently but naming the same channel + item', async () => {
    const m = await svc.sign({
      resource: mrss('DEMOTV-MOVIES', 'Night &amp; Harbor'),
      ...who,
    });
    const other =
      '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">\n  <channel>\n    <title> DEMOTV-MOVIES </title>\n' +
      '    <item><title><![CDATA[Night & Harbor]]></title></item>\n  </channel>\n</rss>';
    expect((await svc.verify(m.serializedToken, other)).result).toBe('VALID_TOKEN');
  });

  it('treats a plain id as the channel-only MRSS', async () => {
    const t = await svc.sign({ resource: 'DEMOTV-KIDS', ...who });
    const channelOnly = '<rss version="2.0"><channel><title>DEMOTV-KIDS</title></channel></rss>';
    expect((await svc.verify(t.serializedToken, channelOnly)).result).toBe('VALID_TOKEN');
  });
});

describe('normaliseResource', () => {
  it('reads channel, item and rating from MRSS', () => {
    expect(normaliseResource(mrss('DEMOTV-MOVIES', 'Cold Ledger', 'tv-ma'))).toEqual({
      channel: 'DEMOTV-MOVIES',
      item: 'Cold Ledger',
      rating: { scheme: 'urn:v-chip', value: 'tv-ma' },
    });
  });
  it('takes the plain id as the channel', () => {
    expect(normaliseResource('  DEMOTV ')).toEqual({ channel: 'DEMOTV' });
  });
  it('returns null for XML without a channel title and for empty strings', () => {
    expect(normaliseResource('<rss><foo/></rss>')).toBeNull();
    expect(normaliseResource('   ')).toBeNull();
  });
  it('does not take the item title for the channel title', () => {
    const r = normaliseResource('<rss><channel><item><title>Episode</title></item><title>CH</title></channel></rss>');
    expect(r).toMatchObject({ channel: 'CH', item: 'Episode' });
  });
  it('sameResource is false when either side cannot be read', () => {
    expect(sameResource('<rss/>', '<rss></rss>')).toBe(false);
  });
});
