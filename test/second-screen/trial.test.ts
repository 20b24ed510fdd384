/** The phone half of promotional TempPass: /trial page served, its submit against the real programmer backend. */
import { createHash } from 'node:crypto';
import { startEmulator, type RunningEmulator } from '../../emulator/src/server';
import { startSecondScreen } from '../../second-screen/server';
import { normaliseTrialCode, submitTrialEmail } from '../../second-screen/src/trial';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ adobePort: 0, programmerPort: 0, quiet: true, settings: { throttling: false } });
});
afterAll(() => emu.close());

async function pairing(): Promise<string> {
  const r = await fetch(`${emu.programmerUrl}/trial/pairings`, { method: 'POST' });
  return ((await r.json()) as { code: string }).code;
}

describe('second screen /trial', () => {
  it('sends code + email to the programmer; the TV side then reads only the hash', async () => {
    const code = await pairing();
    const typed = `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`; // as a viewer might type it
    expect(normaliseTrialCode(typed)).toBe(code);
    expect(await submitTrialEmail(fetch, emu.programmerUrl, typed, 'Promo.Viewer@example.com')).toBe('sent');
    const got = (await (await fetch(`${emu.programmerUrl}/trial/pairings/${code}`)).json()) as { identityHash: string };
    expect(got.identityHash).toBe(createHash('sha256').update('promo.viewer@example.com').digest('hex'));
    expect(await submitTrialEmail(fetch, emu.programmerUrl, code, 'again@example.com')).toBe('unknown-code');
  });

  it('maps each failure to its own message key', async () => {
    const code = await pairing();
    expect(await submitTrialEmail(fetch, emu.programmerUrl, code, 'nope')).toBe('invalid-email');
    expect(await submitTrialEmail(fetch, emu.programmerUrl, 'ZZZZZZ', 'a@example.com')).toBe('unknown-code');
    expect(await submitTrialEmail(fetch, emu.programmerUrl, code, 'a@example.com')).toBe('sent');
    expect(await submitTrialEmail(fetch, emu.programmerUrl, code, 'b@example.com')).toBe('already-used');
    expect(await submitTrialEmail(fetch, 'http://127.0.0.1:9', code, 'a@example.com')).toBe('unreachable');
  });

  it('serves /trial with the programmer origin allowed by the CSP', async () => {
    const site = await startSecondScreen({
      port: 0,
      quiet: true,
      adobeUrl: emu.adobeUrl,
      programmerUrl: emu.programmerUrl,
    });
    try {
      const res = await fetch(`${site.url}/trial?code=ABCDEF`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy') ?? '').toContain(new URL(emu.programmerUrl).origin);
      expect(await res.text()).toContain(`"programmerUrl":"${emu.programmerUrl}"`);
    } finally {
      await site.close();
    }
  });
});
