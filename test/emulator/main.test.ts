/** `npm run emulator` entry point: starts from environment variables, prints URLs and usernames, stops on SIGTERM. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

it('starts on the configured ports, prints URLs and subscribers (no passwords), and exits on SIGTERM', async () => {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'emulator', 'src', 'main.ts')], {
    env: { ...process.env, EMULATOR_ADOBE_PORT: '0', EMULATOR_PROGRAMMER_PORT: '0', EMULATOR_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (/otto/.test(out)) {
          clearInterval(timer);
          resolve();
        }
      }, 100);
      void exited.then(() => {
        clearInterval(timer);
        reject(new Error(`emulator exited early:\n${out}`));
      });
    });
    const adobeUrl = /Adobe Pass emulator\s+(http:\/\/\S+)/.exec(out)?.[1];
    const programmerUrl = /Programmer backend\s+(http:\/\/\S+)/.exec(out)?.[1];
    expect(adobeUrl).toBeDefined();
    expect(programmerUrl).toBeDefined();
    expect((await fetch(`${adobeUrl}/api/v2/DEMOTV/configuration`)).status).toBe(401);
    expect((await fetch(`${programmerUrl}/catalog`)).status).toBe(200);
    expect(out).toMatch(/alice/);
    expect(out).not.toMatch(/alice123/);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
}, 60_000);
