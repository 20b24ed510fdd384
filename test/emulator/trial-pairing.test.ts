/** Programmer backend: promotional TempPass pairing (the phone's email → its SHA-256 hash for the TV). */
import { createHash } from 'node:crypto';
import type { RunningEmulator } from '../../emulator/src/server';
import { admin, http, start } from './helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('/trial/pairings', () => {
  it('TV code → phone email → TV gets the hash once, never the email', async () => {
    const created = await http('POST', `${emu.programmerUrl}/trial/pairings`);
    expect(created.status).toBe(201);
    const { code } = created.body as { code: string; notAfter: number };
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect((await http('GET', `${emu.programmerUrl}/trial/pairings/${code}`)).body).toMatchObject({
      status: 'pending',
    });

    const sent = await http(
      'POST',
      `${emu.programmerUrl}/trial/pairings/${code.toLowerCase()}`,
      json({ email: '  Viewer@Example.com ' }),
    );
    expect(sent.status).toBe(204);
    const again = await http(
      'POST',
      `${emu.programmerUrl}/trial/pairings/${code}`,
      json({ email: 'other@example.com' }),
    );
    expect(again.status).toBe(409);

    const ready = await http('GET', `${emu.programmerUrl}/trial/pairings/${code}`);
    expect(ready.body).toEqual({ status: 'ready', identityHash: sha('viewer@example.com') });
    expect(ready.text).not.toMatch(/example\.com/i);
    // Handed over once: the pairing is gone.
    expect((await http('GET', `${emu.programmerUrl}/trial/pairings/${code}`)).status).toBe(404);
  });

  it('rejects a malformed email (400) and unknown or expired codes (404)', async () => {
    const { code } = (await http('POST', `${emu.programmerUrl}/trial/pairings`)).body as { code: string };
    for (const email of ['', 'not-an-email', 'a@b', 42, 'two words@example.com']) {
      expect((await http('POST', `${emu.programmerUrl}/trial/pairings/${code}`, json({ email }))).status).toBe(400);
    }
    expect(
      (await http('POST', `${emu.programmerUrl}/trial/pairings/ZZZZZZ`, json({ email: 'a@example.com' }))).status,
    ).toBe(404);
    await admin(emu.adobeUrl, 'POST', '/clock/advance', { ms: 10 * 60_000 });
    expect((await http('GET', `${emu.programmerUrl}/trial/pairings/${code}`)).status).toBe(404);
    expect(
      (await http('POST', `${emu.programmerUrl}/trial/pairings/${code}`, json({ email: 'a@example.com' }))).status,
    ).toBe(404);
  });
});
