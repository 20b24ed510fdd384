import { exitApp } from '../../src/platform/exit';
import type { PlatformEnv } from '../../src/platform/env';

const base: PlatformEnv = { userAgent: '', search: '' };

describe('exit per platform', () => {
  it('Tizen exits through tizen.application', () => {
    const exit = jest.fn();
    const closeApp = jest.fn();
    const env = { ...base, tizen: { application: { getCurrentApplication: () => ({ exit }) } } };
    expect(exitApp('tizen', env, closeApp)).toBe('tizen-exit');
    expect(exit).toHaveBeenCalled();
    expect(closeApp).not.toHaveBeenCalled();
  });

  it('webOS uses platformBack, else window.close', () => {
    const platformBack = jest.fn();
    expect(exitApp('webos', { ...base, webOS: { platformBack } }, jest.fn())).toBe('webos-platformBack');
    expect(platformBack).toHaveBeenCalled();
    const close = jest.fn();
    expect(exitApp('webos', { ...base, close }, jest.fn())).toBe('window-close');
    expect(close).toHaveBeenCalled();
  });

  it('RDK and the browser use the SDK closeApp', () => {
    const closeApp = jest.fn();
    expect(exitApp('rdk', base, closeApp)).toBe('closeApp');
    expect(exitApp('browser', base, closeApp)).toBe('closeApp');
    expect(closeApp).toHaveBeenCalledTimes(2);
  });

  it('falls back to closeApp when the vendor API throws', () => {
    const closeApp = jest.fn();
    const env = {
      ...base,
      tizen: {
        application: {
          getCurrentApplication: () => {
            throw new Error('not packaged');
          },
        },
      },
    };
    expect(exitApp('tizen', env, closeApp)).toBe('closeApp');
    expect(closeApp).toHaveBeenCalled();
  });
});
