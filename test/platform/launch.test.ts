import { launchOptions, routerPlatformSettings } from '../../src/platform/launch';
import { createPlatform } from '../../src/platform';
import { memoryBackend } from '../../src/platform/storage';

const platformFor = (search: string) => createPlatform({ env: { userAgent: '', search }, backend: memoryBackend() });

describe('launch options', () => {
  const appSettings = { stage: { clearColor: '0x00000000', useImageWorker: true }, adobePass: { preset: 'emulator' } };

  it('merges the platform key map, pointer support and the font face over appSettings', () => {
    const o = launchOptions(appSettings, platformFor('?platform=webos'), '', 'sans-serif');
    expect(o.keys['461']).toBe('Back');
    expect(o.enablePointer).toBe(true);
    expect(o.defaultFontFace).toBe('sans-serif');
    expect(o.adobePass).toEqual({ preset: 'emulator' });
    expect(o.stage).toEqual({ clearColor: '0x00000000', useImageWorker: true });
  });

  it('?canvas2d=1 switches the renderer without touching the input settings', () => {
    const o = launchOptions(appSettings, platformFor(''), '?canvas2d=1', 'sans-serif');
    expect(o.stage.canvas2d).toBe(true);
    expect(appSettings.stage).not.toHaveProperty('canvas2d');
    expect(launchOptions(appSettings, platformFor(''), '?canvas2d=0', 'x').stage.canvas2d).toBeUndefined();
  });

  it('browser Escape is Back, overriding the SDK default Menu', () => {
    expect(launchOptions({}, platformFor(''), '', 'x').keys['27']).toBe('Back');
  });
});

describe('router platform settings', () => {
  // What the SDK's Router reads its switches with, from the settings Launch stores (no typings here).
  const { initSettings } = jest.requireActual('@lightningjs/sdk/src/Settings') as {
    initSettings(app: object, platform: object): void;
  };
  const { getConfigMap } = jest.requireActual('@lightningjs/sdk/src/Router/utils/helpers') as {
    getConfigMap(): Map<string, unknown>;
  };
  const routerSees = (platform: Record<string, unknown>) => {
    initSettings({}, routerPlatformSettings(platform));
    return getConfigMap();
  };

  it('the Router creates each page when first shown, with the switches at the top level', () => {
    const config = routerSees({ path: './static', log: false, backtrack: true });
    expect(config.get('lazyCreate')).toBe(true);
    expect(config.get('backtrack')).toBe(true);
  });

  it('and inside a router object the platform gives, keeping its other switches', () => {
    const config = routerSees({ router: { lazyDestroy: true } });
    expect(config.get('lazyCreate')).toBe(true);
    expect(config.get('lazyDestroy')).toBe(true);
  });
});
