/** Fixture switch `mvpdCount` (issue 13): a realistic configuration of hundreds of MVPDs. */
import type { RunningEmulator } from '../../emulator/src/server';
import { generateMvpds } from '../../emulator/src/adobe/generated-mvpds';
import { initials } from '../../emulator/src/adobe/logo-png';
import { TestClient, admin, http, start } from './helpers';

interface Mvpd {
  id: string;
  displayName: string;
  logoUrl?: string;
}

let emu: RunningEmulator;
let tv: TestClient;
beforeAll(async () => {
  emu = await start({ mvpdCount: 1000 });
  tv = await TestClient.create(emu.adobeUrl);
});
afterAll(() => emu.close());

const config = async (): Promise<Mvpd[]> => (await tv.get('/api/v2/DEMOTV/configuration')).body.requestor.mvpds as Mvpd[];

it('lists 1,000 MVPDs: the standard ones plus generated ones, unique, not in A–Z order', async () => {
  const started = performance.now();
  const r = await tv.get('/api/v2/DEMOTV/configuration');
  const ms = performance.now() - started;
  const mvpds = r.body.requestor.mvpds as Mvpd[];
  console.log(`configuration with ${mvpds.length} MVPDs: ${r.text.length} bytes in ${ms.toFixed(0)} ms`);
  expect(mvpds).toHaveLength(1000);
  expect(new Set(mvpds.map((m) => m.id)).size).toBe(1000);
  expect(new Set(mvpds.map((m) => m.displayName.toLowerCase())).size).toBe(1000);
  expect(mvpds.map((m) => m.id)).toEqual(expect.arrayContaining(['AcmeCable', 'NorthStarFiber', 'TempPass_DEMO15', 'TestMVPD_QA']));
  expect(mvpds.map((m) => m.id)).not.toContain('OldTownCable'); // still disabled
  const names = mvpds.map((m) => m.displayName);
  expect(names).not.toEqual([...names].sort((a, b) => a.localeCompare(b)));
  for (const m of mvpds) expect(m.id).toMatch(/^[A-Za-z0-9_]+$/);
});

it('has realistic names: accented letters, multi-word names, "&" names; some MVPDs come without a logo', async () => {
  const mvpds = await config();
  const names = mvpds.map((m) => m.displayName);
  const accented = names.filter((n) => /[^ -~]/.test(n));
  expect(accented.length).toBeGreaterThan(20);
  expect(names.filter((n) => n.split(' ').length >= 3).length).toBeGreaterThan(300);
  expect(names.some((n) => n.includes('&'))).toBe(true);
  const withoutLogo = mvpds.filter((m) => m.logoUrl === undefined);
  expect(withoutLogo.length).toBeGreaterThan(50);
  expect(withoutLogo.length).toBeLessThan(200);
});

it('serves a generated PNG logo for generated MVPDs that have one, 404 for those without', async () => {
  const mvpds = await config();
  const generatedWithLogo = mvpds.filter((m) => m.logoUrl && !['AcmeCable'].includes(m.id)).slice(20, 25);
  for (const m of generatedWithLogo) {
    const r = await fetch(m.logoUrl!);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await r.arrayBuffer());
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(300); // IHDR width
  }
  const none = mvpds.find((m) => m.logoUrl === undefined)!;
  expect((await http('GET', `${emu.adobeUrl}/__mock-mvpd/logos/${none.id}.png`)).status).toBe(404);
  expect(initials('São Jorge Fiber Cooperative')).toBe('SJF');
  expect(initials('Coeur d’Alene Light & Power')).toBe('CDA');
});

it('a subscriber signs in and plays through a generated MVPD', async () => {
  const mvpds = await config();
  const gen = mvpds.find((m) => /[^ -~]/.test(m.displayName))!;
  await tv.login(gen.id, 'alice');
  const d = (await tv.authorize(gen.id, ['DEMOTV'])).body.decisions[0];
  expect(d).toMatchObject({ mvpd: gen.id, authorized: true });
  const page = await http('GET', `${emu.adobeUrl}/__mock-mvpd/${gen.id}/login?code=XXXXXXX`);
  expect(page.text).toContain(`alt="${gen.displayName.replace(/&/g, '&#38;')}"`); // the MVPD's own page, branded
});

it('switches at run time (admin settings) and back; reset restores the start-up value', async () => {
  await admin(emu.adobeUrl, 'POST', '/settings', { mvpdCount: 0 });
  expect(await config()).toHaveLength(13);
  await admin(emu.adobeUrl, 'POST', '/settings', { mvpdCount: 250 });
  const mid = await config();
  expect(mid).toHaveLength(250);
  await admin(emu.adobeUrl, 'POST', '/reset');
  tv = await TestClient.create(emu.adobeUrl);
  expect(await config()).toHaveLength(1000);
});

it('is deterministic and never collides with the standard fixtures', () => {
  const a = generateMvpds(500, ['AcmeCable', 'Acme Cable']);
  const b = generateMvpds(500, ['AcmeCable', 'Acme Cable']);
  expect(a).toEqual(b);
  expect(generateMvpds(3000).length).toBe(3000);
});
