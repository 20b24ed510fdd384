/** Emulator settings from environment variables (`npm run emulator`, `npm start`); see emulator/README.md. */
import { applySettings, DEFAULT_SETTINGS, MAX_MVPDS, type EmulatorSettings } from './settings';

/** Fixture switches and throttling from the environment; a bad value stops the start with a clear message. */
export function settingsFromEnv(env: NodeJS.ProcessEnv): Partial<EmulatorSettings> {
  const out: Partial<EmulatorSettings> = {};
  const throttling = env.EMULATOR_THROTTLING?.trim().toLowerCase();
  if (throttling) {
    if (!['on', 'off', '1', '0', 'true', 'false'].includes(throttling)) throw new Error('EMULATOR_THROTTLING must be on or off');
    out.throttling = ['on', '1', 'true'].includes(throttling);
  }
  if (env.EMULATOR_MVPDS) out.mvpdCount = Number(env.EMULATOR_MVPDS);
  if (env.EMULATOR_CATALOG) out.catalog = env.EMULATOR_CATALOG.trim();
  const probe = { ...DEFAULT_SETTINGS };
  const rejected = applySettings(probe, out);
  if (rejected.includes('mvpdCount')) throw new Error(`EMULATOR_MVPDS must be a whole number from 0 to ${MAX_MVPDS}`);
  if (rejected.includes('catalog')) throw new Error('EMULATOR_CATALOG must be standard, large or <rows>x<titles> (e.g. 20x40)');
  return out;
}
