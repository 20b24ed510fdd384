import { launchOptions } from '../../src/platform/launch';
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
