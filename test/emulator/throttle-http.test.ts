/**
 * Throttling over HTTP with the emulator's defaults (on, as Adobe always throttles): the documented 429 sample
 * (HTML, no Access-Control-Allow-Origin, no Retry-After), what is and is not throttled, and the one-second rule.
 */
import { startEmulator, type RunningEmulator } from '../../emulator/src/server';
import { THROTTLED_HTML } from '../../emulator/src/adobe/throttle';
import { TestClient, admin, http } from './helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ adobePort: 0, programmerPort: 0, quiet: true }); // default settings: throttling on
});
afterAll(() => emu.close());

let n = 0;
/** Each test uses its own client IP, as a separate TV would. */
const nextIp = (): Record<string, string> => ({ 'X-Forwarded-For': `203.0.113.${++n}` });
const ORIGIN = { Origin: 'http://localhost:8080' };

it('is on by default', async () => {
  expect((await admin(emu.adobeUrl, 'GET', '/settings')).body).toMatchObject({ throttling: true, throttleRatePerSec: 1, throttleBurst: 10 });
});

it("answers the 11th quick call with Adobe's sample 429: HTML, openresty, CORS headers but no allow-origin, no Retry-After", async () => {
  const ip = nextIp();
  const tv = await TestClient.create(emu.adobeUrl); // its DCR calls spend 127.0.0.1's allowance, not this IP's
  const ok: number[] = [];
  for (let i = 0; i < 11; i++) ok.push((await tv.get('/api/v2/DEMOTV/configuration', { ...ip, ...ORIGIN })).status);
  expect(ok).toEqual(Array(11).fill(200));
  const allowed = await tv.get('/api/v2/DEMOTV/profiles', { 'X-Forwarded-For': '198.51.100.1', ...ORIGIN });
  expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:8080'); // what a 200 carries

  const r = await tv.get('/api/v2/DEMOTV/configuration', { ...ip, ...ORIGIN });
  expect(r.status).toBe(429);
  expect(r.text).toBe(THROTTLED_HTML);
  expect(r.headers.get('content-length')).toBe('166');
  expect(r.headers.get('content-type')).toMatch(/^text\/html/);
  expect(r.headers.get('server')).toBe('openresty');
  expect(r.headers.get('access-control-allow-credentials')).toBe('true');
  expect(r.headers.get('access-control-allow-methods')).toBe('POST,GET,OPTIONS,DELETE');
  expect(r.headers.get('access-control-allow-origin')).toBeNull();
  expect(r.headers.get('retry-after')).toBeNull();
});

it('throttles DCR and REST API V2 per IP; not the admin API, the browser pages or CORS preflights', async () => {
  const ip = nextIp();
  const form = { 'content-type': 'application/x-www-form-urlencoded', ...ip };
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) statuses.push((await http('POST', `${emu.adobeUrl}/o/client/token`, { headers: form, body: 'grant_type=client_credentials' })).status);
  expect(statuses.slice(0, 11)).toEqual(Array(11).fill(400));
  expect(statuses[11]).toBe(429);
  expect((await http('GET', `${emu.adobeUrl}/api/v2/DEMOTV/configuration`, { headers: ip })).status).toBe(429);
  expect((await http('GET', `${emu.adobeUrl}/api/v2/DEMOTV/configuration`, { headers: nextIp() })).status).toBe(401); // another IP
  expect((await http('GET', `${emu.adobeUrl}/__emulator/settings`, { headers: ip })).status).toBe(200);
  expect((await http('GET', `${emu.adobeUrl}/__mock-mvpd/logos/AcmeCable.png`, { headers: ip })).status).toBe(200);
  const preflight = await http('OPTIONS', `${emu.adobeUrl}/api/v2/DEMOTV/configuration`, {
    headers: { ...ip, ...ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
  });
  expect(preflight.status).toBe(204);
});

it('serves the client again one emulator second after its first 429 (the burst does not come back), and journals every 429', async () => {
  const ip = nextIp();
  await admin(emu.adobeUrl, 'DELETE', '/journal');
  const get = async () => (await http('GET', `${emu.adobeUrl}/api/v2/DEMOTV/configuration`, { headers: ip })).status;
  for (let i = 0; i < 11; i++) await get();
  expect(await get()).toBe(429);
  expect(await get()).toBe(429);
  await admin(emu.adobeUrl, 'POST', '/clock/advance', { ms: 1000 });
  expect(await get()).toBe(401); // served (no token): the throttle let it through
  expect(await get()).toBe(429);
  await admin(emu.adobeUrl, 'POST', '/clock/advance', { ms: 60_000 });
  expect([await get(), await get()]).toEqual([401, 429]);
  const journal = (await admin(emu.adobeUrl, 'GET', '/journal')).body.entries as { status: number; headers: Record<string, string> }[];
  expect(journal.filter((e) => e.status === 429 && e.headers['x-forwarded-for'] === ip['X-Forwarded-For'])).toHaveLength(4);
});

it('switching throttling off serves everything; back on, every client starts with a fresh burst', async () => {
  const ip = nextIp();
  const get = async () => (await http('GET', `${emu.adobeUrl}/api/v2/DEMOTV/configuration`, { headers: ip })).status;
  for (let i = 0; i < 11; i++) await get();
  expect(await get()).toBe(429);
  await admin(emu.adobeUrl, 'POST', '/settings', { throttling: false });
  for (let i = 0; i < 15; i++) expect(await get()).toBe(401);
  await admin(emu.adobeUrl, 'POST', '/settings', { throttling: true });
  for (let i = 0; i < 11; i++) expect(await get()).toBe(401);
  expect(await get()).toBe(429);
});

type Entry = { seq: number; status: number; headers: Record<string, string>; throttled?: true; fault?: string };
const entriesOf = async (ip: Record<string, string>): Promise<Entry[]> =>
  ((await admin(emu.adobeUrl, 'GET', '/journal')).body.entries as Entry[]).filter(
    (e) => e.headers['x-forwarded-for'] === ip['X-Forwarded-For'],
  );

it('journals a refused call as throttled, and an injected fault by its type: a provoked 429 can be told from a stimulus', async () => {
  const ip = nextIp();
  const get = async () => http('GET', `${emu.adobeUrl}/api/v2/DEMOTV/configuration`, { headers: { ...ip, ...ORIGIN } });
  await admin(emu.adobeUrl, 'POST', '/faults', { match: { path: '/configuration$' }, count: 1, fault: { type: 'throttled' } });
  const injected = await get();
  // The injected answer is Adobe's 429 exactly: same page, no allow-origin.
  expect(injected.status).toBe(429);
  expect(injected.text).toBe(THROTTLED_HTML);
  expect(injected.headers.get('server')).toBe('openresty');
  expect(injected.headers.get('access-control-allow-origin')).toBeNull();
  for (let i = 0; i < 11; i++) expect((await get()).status).toBe(401); // the stimulus took nothing from the bucket
  expect((await get()).status).toBe(429);
  const mine = await entriesOf(ip);
  expect(mine.map((e) => [e.status, e.throttled ?? false, e.fault ?? ''])).toEqual([
    [429, false, 'throttled'],
    ...Array(11).fill([401, false, '']),
    [429, true, ''],
  ]);
});

it('takes its time from `now` when given (a test on virtual time moves the throttle with it)', async () => {
  let virtual = 0;
  const own = await startEmulator({ adobePort: 0, programmerPort: 0, quiet: true, now: () => Date.now() + virtual });
  try {
    const ip = nextIp();
    const get = async () => (await http('GET', `${own.adobeUrl}/api/v2/DEMOTV/configuration`, { headers: ip })).status;
    for (let i = 0; i < 11; i++) await get();
    expect(await get()).toBe(429);
    virtual += 1000; // a second of virtual time, no real waiting
    expect(await get()).toBe(401);
    expect(await get()).toBe(429);
  } finally {
    await own.close();
  }
});
