/** Environment switches of `npm run emulator` / `npm start` (emulator/src/env.ts). */
import { settingsFromEnv } from '../../emulator/src/env';

it('nothing set: no overrides (the defaults apply, throttling on)', () => {
  expect(settingsFromEnv({})).toEqual({});
});

it('reads EMULATOR_THROTTLING, EMULATOR_MVPDS and EMULATOR_CATALOG', () => {
  expect(settingsFromEnv({ EMULATOR_THROTTLING: 'off', EMULATOR_MVPDS: '1000', EMULATOR_CATALOG: 'large' })).toEqual({
    throttling: false, mvpdCount: 1000, catalog: 'large',
  });
  expect(settingsFromEnv({ EMULATOR_THROTTLING: 'ON', EMULATOR_CATALOG: '3x4' })).toEqual({ throttling: true, catalog: '3x4' });
});

it.each([
  [{ EMULATOR_THROTTLING: 'maybe' }, /EMULATOR_THROTTLING/],
  [{ EMULATOR_MVPDS: 'lots' }, /EMULATOR_MVPDS/],
  [{ EMULATOR_MVPDS: '-5' }, /EMULATOR_MVPDS/],
  [{ EMULATOR_MVPDS: '999999' }, /EMULATOR_MVPDS/],
  [{ EMULATOR_CATALOG: 'huge' }, /EMULATOR_CATALOG/],
])('a bad value is a clear error: %p', (env, message) => {
  expect(() => settingsFromEnv(env)).toThrow(message);
});
