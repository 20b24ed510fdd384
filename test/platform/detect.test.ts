import { autoDetect, detectPlatform } from '../../src/platform/detect';
import type { PlatformEnv } from '../../src/platform/env';

const UA = {
  tizen: 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Version/5.0 TV Safari/537.36',
  webos:
    'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.79 Safari/537.36 WebAppManager',
  wpe: 'Mozilla/5.0 (Linux; x86_64 GNU/Linux) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/11.0 Safari/605.1.15 WPE',
  chrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
};

const env = (over: Partial<PlatformEnv>): PlatformEnv => ({ userAgent: UA.chrome, search: '', ...over });

describe('platform detection', () => {
  it('recognises each platform from its user agent', () => {
    expect(autoDetect(env({ userAgent: UA.tizen }))).toBe('tizen');
    expect(autoDetect(env({ userAgent: UA.webos }))).toBe('webos');
    expect(autoDetect(env({ userAgent: UA.wpe }))).toBe('rdk');
    expect(autoDetect(env({ userAgent: UA.chrome }))).toBe('browser');
  });

  it('recognises the vendor globals even with a desktop user agent', () => {
    expect(autoDetect(env({ tizen: {} }))).toBe('tizen');
    expect(autoDetect(env({ webOS: {} }))).toBe('webos');
    expect(autoDetect(env({ PalmSystem: {} }))).toBe('webos');
  });

  it('lets ?platform= win over settings and detection', () => {
    expect(detectPlatform(env({ userAgent: UA.tizen, search: '?platform=webos' }), 'rdk')).toBe('webos');
    expect(detectPlatform(env({ search: '?x=1&platform=TIZEN' }))).toBe('tizen');
  });

  it('uses appSettings.platform when the URL says nothing', () => {
    expect(detectPlatform(env({ userAgent: UA.tizen }), 'rdk')).toBe('rdk');
    expect(detectPlatform(env({}), 'wpe')).toBe('rdk');
  });

  it('ignores unknown override values', () => {
    expect(detectPlatform(env({ userAgent: UA.webos, search: '?platform=toaster' }), 'fridge')).toBe('webos');
  });
});
