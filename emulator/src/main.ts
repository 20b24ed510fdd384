/** `npm run emulator`: starts the emulator with ports and URLs from the environment (docs/architecture.md). */
import { loadFixtures } from './adobe/fixtures';
import { startEmulator } from './server';
import { settingsFromEnv } from './env';
import { DEFAULT_SETTINGS } from './settings';

function envNumber(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number`);
  return n;
}

async function main(): Promise<void> {
  const cors = process.env.EMULATOR_CORS_ORIGINS;
  const settings = settingsFromEnv(process.env);
  const emu = await startEmulator({
    settings,
    adobePort: envNumber('EMULATOR_ADOBE_PORT', 4010),
    programmerPort: envNumber('EMULATOR_PROGRAMMER_PORT', 4020),
    host: process.env.EMULATOR_HOST || '127.0.0.1',
    publicAdobeUrl: process.env.EMULATOR_PUBLIC_ADOBE_URL || undefined,
    publicProgrammerUrl: process.env.EMULATOR_PUBLIC_PROGRAMMER_URL || undefined,
    corsOrigins: cors ? cors.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
  });
  const fixtures = loadFixtures();
  console.log(`Adobe Pass emulator     ${emu.adobeUrl}   (admin API: ${emu.adobeUrl}/__emulator/)`);
  console.log(`Programmer backend      ${emu.programmerUrl || '(not available)'}`);
  const on = settings.throttling ?? DEFAULT_SETTINGS.throttling;
  console.log(`Throttling              ${on ? "on (Adobe's model: burst of 10 per client IP, then 1 request/s)" : 'off (EMULATOR_THROTTLING=off)'}`);
  if (settings.mvpdCount) console.log(`Configuration           ${settings.mvpdCount} MVPDs (EMULATOR_MVPDS)`);
  if (settings.catalog && settings.catalog !== 'standard') console.log(`Catalog                 ${settings.catalog} (EMULATOR_CATALOG)`);
  console.log('Test subscribers (passwords: see emulator/README.md or GET /__emulator/fixtures):');
  for (const s of fixtures.subscribers) console.log(`  ${s.username.padEnd(8)} ${s.displayName}`);
  const stop = (): void => {
    void emu.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('[emulator] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
