/**
 * Real-browser journeys of the activation app (playwright-core + Debian Chromium), phone-sized:
 * arrive with ?code= → Continue → mock MVPD login → /done; wrong code; provider chosen on the phone.
 * Screenshots go to test-results/screenshots/second-screen/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../emulator/src/server';
import { startSecondScreen, type SecondScreenServer } from '../../second-screen/server';
import { fakeTv, tvSession, type Subscriber } from './helpers';

const SHOTS = join(__dirname, '..', '..', 'test-results', 'screenshots', 'second-screen');
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PHONE_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

jest.setTimeout(60_000);

let emu: RunningEmulator;
let site: SecondScreenServer;
let browser: Browser;
let alice: Subscriber;

interface JournalEntry {
  seq: number;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  status: number;
}

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${emu.adobeUrl}/__emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status}`);
  return (await res.json()) as T;
}

const decode = (h: string | string[] | undefined) => Buffer.from(String(h ?? ''), 'base64').toString('utf8');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  emu = await startEmulator({ adobePort: 0, programmerPort: 0, quiet: true, settings: { throttling: false } });
  site = await startSecondScreen({ port: 0, adobeUrl: emu.adobeUrl, quiet: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  const fixtures = await admin<{ subscribers: Subscriber[] }>('GET', 'fixtures');
  const found = fixtures.subscribers.find((x) => x.username === 'alice');
  if (!found) throw new Error('fixture subscriber alice missing');
  alice = found;
});

afterEach(async () => {
  await admin('DELETE', 'faults');
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await emu?.close();
});

async function phone(colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, userAgent: PHONE_UA, colorScheme });
  const page = await context.newPage();
  return { context, page };
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });

async function signInAtMockMvpd(page: Page, shotName?: string): Promise<void> {
  await page.waitForURL(/\/__mock-mvpd\/[^/]+\/login/);
  if (shotName) await shot(page, shotName);
  await page.fill('input[name="username"]', alice.username);
  await page.fill('input[name="password"]', alice.password);
  await Promise.all([page.waitForURL(/\/done$/), page.click('button[type="submit"]')]);
}

describe('second-screen activation in a phone-sized browser', () => {
  it('arrives with ?code=, continues with the provider chosen on the TV, signs in, and confirms on /done', async () => {
    const tv = fakeTv(emu.adobeUrl);
    const session = await tvSession(tv, { mvpd: 'AcmeCable', redirectUrl: `${site.url}/done` });
    const { context, page } = await phone();
    const { entries: before } = await admin<{ entries: JournalEntry[] }>('GET', 'journal');
    const since = before.length ? before[before.length - 1].seq : 0;

    await page.goto(`${site.url}/?code=${session.code}`);
    const button = page.getByRole('button', { name: 'Continue with Acme Cable' });
    await button.waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Continue with Acme Cable');
    await shot(page, '02-confirm-provider');

    await button.click();
    await signInAtMockMvpd(page, '03-mock-mvpd-login');

    await page.getByRole('heading', { name: "You're signed in" }).waitFor();
    await expect(page.locator('#app').textContent()).resolves.toContain('Acme Cable');
    await expect(page.locator('#app').textContent()).resolves.toContain('Your TV will continue in a few seconds');
    await shot(page, '04-done-signed-in');

    // The TV, polling with its own client, now finds the profile.
    expect((await tv.profileForCode(session.code)).map((p) => p.mvpd)).toEqual(['AcmeCable']);
    await context.close();

    // What the phone sent: its own device (not the TV's), Authorization on REST calls, none on the UA URL.
    const { entries } = await admin<{ entries: JournalEntry[] }>('GET', `journal?since=${since}`);
    const retrieve = entries.find((e) => e.method === 'GET' && e.path.endsWith(`/sessions/${session.code}`));
    if (!retrieve) throw new Error('the phone never retrieved the session');
    expect(JSON.parse(decode(retrieve.headers['x-device-info']))).toMatchObject({ primaryHardwareType: 'MobilePhone', model: 'Pixel 8', osName: 'Android' });
    expect(String(retrieve.headers.authorization)).toMatch(/^Bearer \S+/);
    const tvCreate = before.filter((e) => e.method === 'POST' && /\/sessions$/.test(e.path)).pop();
    if (!tvCreate) throw new Error('the TV session creation is not in the journal');
    const idOf = (e: JournalEntry) => decode(String(e.headers['ap-device-identifier'] ?? '').replace(/^fingerprint /, ''));
    expect(idOf(retrieve)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(idOf(tvCreate)).toMatch(/^tv-/);
    const authenticate = entries.find((e) => e.path.startsWith('/api/v2/authenticate/'));
    expect(authenticate?.headers.authorization).toBeUndefined();
  });

  it('offers Retry when the network fails, and recovers', async () => {
    const tv = fakeTv(emu.adobeUrl);
    const session = await tvSession(tv, { mvpd: 'AcmeCable', redirectUrl: `${site.url}/done` });
    // More drops than the client's bounded retries (Chromium itself may also repeat a dropped GET once).
    await admin('POST', 'faults', { match: { method: 'GET', path: `/sessions/${session.code}$` }, count: 100, fault: { type: 'drop' } });
    const { context, page } = await phone();
    await page.goto(`${site.url}/?code=${session.code}`);
    await page.getByRole('heading', { name: "Can't connect" }).waitFor();
    await shot(page, '08-network-problem');
    await admin('DELETE', 'faults'); // the network is back
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('button', { name: 'Continue with Acme Cable' }).waitFor();
    await context.close();
  });

  it('after repeated 429s asks the user to wait, then Retry works', async () => {
    const tv = fakeTv(emu.adobeUrl);
    const session = await tvSession(tv, { mvpd: 'AcmeCable', redirectUrl: `${site.url}/done` });
    await admin('POST', 'faults', {
      match: { method: 'GET', path: `/sessions/${session.code}$` },
      count: 3,
      fault: { type: 'status', status: 429, body: '<html><body>429 Too Many Requests</body></html>', contentType: 'text/html' },
    });
    const { context, page } = await phone();
    await page.goto(`${site.url}/?code=${session.code}`);
    await page.getByRole('heading', { name: 'Too many attempts' }).waitFor();
    await shot(page, '09-throttled');
    const retry = page.getByRole('button', { name: 'Try again' });
    await retry.click(); // Playwright waits until the button is enabled again (≥ 1 s after the 429)
    await page.getByRole('button', { name: 'Continue with Acme Cable' }).waitFor();
    await context.close();
  });

  it('tells the user when the code is wrong, next to the field', async () => {
    const { context, page } = await phone();
    await page.goto(`${site.url}/`);
    const field = page.getByLabel('Activation code');
    await field.waitFor();
    await expect(field.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await shot(page, '01-enter-code');

    await field.fill('ab');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/at least 6/);

    await field.fill('zz zz zzz');
    await page.getByRole('button', { name: 'Continue' }).click();
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'wrong' }).waitFor();
    await expect(alert.textContent()).resolves.toMatch(/wrong, has expired, or was replaced/);
    await expect(field.inputValue()).resolves.toBe('ZZZZZZZ');
    await shot(page, '05-wrong-code');
    await context.close();
  });

  it('lets the phone choose the provider when the TV did not (resume), then signs in', async () => {
    const tv = fakeTv(emu.adobeUrl);
    const session = await tvSession(tv, { redirectUrl: `${site.url}/done` });
    const { context, page } = await phone();

    await page.goto(`${site.url}/?code=${session.code}`);
    await page.getByRole('heading', { name: 'Choose your TV provider' }).waitFor();
    const names = await page.locator('.providers .provider-name').allTextContents();
    expect(names).toContain('NorthStar Fiber');
    expect(names.some((n) => /preview|pass|QA/i.test(n))).toBe(false); // TempPass and test MVPDs hidden
    await shot(page, '06-choose-provider');

    await page.getByRole('button', { name: 'NorthStar Fiber' }).click();
    await signInAtMockMvpd(page);
    await page.getByRole('heading', { name: "You're signed in" }).waitFor();
    await expect(page.locator('#app').textContent()).resolves.toContain('NorthStar Fiber');
    expect((await tv.profileForCode(session.code)).map((p) => p.mvpd)).toEqual(['NorthStarFiber']);
    await context.close();
  });

  it('/done says clearly when the login has not finished, and can check again', async () => {
    const tv = fakeTv(emu.adobeUrl);
    const session = await tvSession(tv, { mvpd: 'AcmeCable', redirectUrl: `${site.url}/done` });
    const { context, page } = await phone();
    await page.goto(`${site.url}/done?code=${session.code}`);
    await page.getByRole('heading', { name: "We couldn't confirm your sign-in" }).waitFor();
    await shot(page, '10-done-unconfirmed');
    await admin('POST', `sessions/${session.code}/complete`, { username: alice.username, password: alice.password });
    await page.getByRole('button', { name: 'Check again' }).click();
    await page.getByRole('heading', { name: "You're signed in" }).waitFor();
    await context.close();
  });

  it('says "already signed in" when the resume answers authorize (no MVPD page)', async () => {
    const tv = fakeTv(emu.adobeUrl);
    const first = await tvSession(tv, { mvpd: 'BlueRiverTV', redirectUrl: `${site.url}/done` });
    await admin('POST', `sessions/${first.code}/complete`, { username: alice.username, password: alice.password });
    const session = await tvSession(tv, { redirectUrl: `${site.url}/done` });
    const { context, page } = await phone();
    await page.goto(`${site.url}/?code=${session.code}`);
    await page.getByRole('button', { name: 'Blue River TV' }).click();
    await page.getByRole('heading', { name: "You're already signed in" }).waitFor();
    expect(page.url()).toContain(site.url);
    await shot(page, '12-already-signed-in');
    await context.close();
  });

  it("completes the journey with throttling on (the emulator's 1 req/s + burst of 10 per IP)", async () => {
    await admin('POST', 'settings', { throttling: true });
    try {
      const tv = fakeTv(emu.adobeUrl);
      const session = await tvSession(tv, { mvpd: 'AcmeCable', redirectUrl: `${site.url}/done` });
      const { context, page } = await phone();
      await page.goto(`${site.url}/?code=${session.code}`);
      await page.getByRole('button', { name: 'Continue with Acme Cable' }).click();
      await signInAtMockMvpd(page);
      await page.getByRole('heading', { name: "You're signed in" }).waitFor();
      await context.close();
    } finally {
      await admin('POST', 'settings', { throttling: false });
    }
  });

  it('Back from the MVPD page returns to the same code, even when it was typed', async () => {
    const tv = fakeTv(emu.adobeUrl);
    const session = await tvSession(tv, { mvpd: 'AcmeCable', redirectUrl: `${site.url}/done` });
    const { context, page } = await phone();
    await page.goto(`${site.url}/`);
    await page.getByLabel('Activation code').fill(session.code.toLowerCase());
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Continue with Acme Cable' }).click();
    await page.waitForURL(/\/__mock-mvpd\//);
    await page.goBack();
    await page.getByRole('button', { name: 'Continue with Acme Cable' }).waitFor();
    expect(new URL(page.url()).searchParams.get('code')).toBe(session.code);
    await context.close();
  });

  it('fits a laptop screen: a centred, readable column', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await page.getByLabel('Activation code').waitFor();
    const box = await page.locator('#app').boundingBox();
    if (!box) throw new Error('no card');
    expect(box.width).toBeLessThanOrEqual(520);
    expect(Math.abs(box.x - (1280 - box.x - box.width))).toBeLessThanOrEqual(2);
    await page.screenshot({ path: join(SHOTS, '11-laptop-enter.png') });
    await context.close();
  });

  it('looks right in dark mode too', async () => {
    const tv = fakeTv(emu.adobeUrl);
    const session = await tvSession(tv, { redirectUrl: `${site.url}/done` });
    const { context, page } = await phone('dark');
    await page.goto(`${site.url}/?code=${session.code}`);
    await page.getByRole('heading', { name: 'Choose your TV provider' }).waitFor();
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(244, 245, 248)');
    await shot(page, '07-choose-provider-dark');
    await context.close();
  });
});
