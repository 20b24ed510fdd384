import {
  ALLOWED,
  buildDeviceInfo,
  encodeDeviceInfo,
  REQUIRED_KEYS,
  validateDeviceInfo,
  webOsVersionFromChrome,
} from '../../src/platform/deviceInfo';
import { base64Utf8 } from '../../src/platform/base64';
import { tizenFacts } from '../../src/platform/tizen';
import type { PlatformEnv } from '../../src/platform/env';
import type { PlatformName } from '../../src/platform/detect';

const UA: Record<string, string> = {
  tizen: 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Version/5.0 TV Safari/537.36',
  webos:
    'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.79 Safari/537.36 WebAppManager',
  rdk: 'Mozilla/5.0 (Linux; x86_64 GNU/Linux) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/11.0 Safari/605.1.15 WPE',
  windows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
  linux:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
};

const env = (userAgent: string, over: Partial<PlatformEnv> = {}): PlatformEnv => ({
  userAgent,
  search: '',
  screen: { width: 1920, height: 1080 },
  ...over,
});

function decode(header: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as Record<string, unknown>;
}

describe('X-Device-Info (spec §6.3)', () => {
  const cases: Array<[PlatformName, string]> = [
    ['tizen', UA.tizen!],
    ['webos', UA.webos!],
    ['rdk', UA.rdk!],
    ['browser', UA.windows!],
    ['browser', UA.mac!],
    ['browser', UA.linux!],
    ['browser', UA.firefox!],
    ['browser', ''],
  ];

  it.each(cases)('%s payload has the required keys and only allowed restricted values (%s)', (platform, ua) => {
    const info = buildDeviceInfo(platform, env(ua), { applicationId: 'com.example.tve' });
    const decoded = decode(encodeDeviceInfo(info));
    expect(validateDeviceInfo(decoded)).toEqual([]);
    for (const key of REQUIRED_KEYS) expect(typeof decoded[key]).toBe('string');
    for (const key of Object.keys(ALLOWED) as Array<keyof typeof ALLOWED>) {
      if (decoded[key] !== undefined) expect(ALLOWED[key] as readonly string[]).toContain(decoded[key]);
    }
    expect(decoded.applicationId).toBe('com.example.tve');
    expect(decoded.displayWidth).toBe(1920);
  });

  it('Tizen reports Linux / Tizen / Samsung (Tizen is not an allowed osName)', () => {
    const info = buildDeviceInfo('tizen', env(UA.tizen!));
    expect(info).toMatchObject({
      osName: 'Linux',
      osFamily: 'Tizen',
      osVendor: 'Samsung',
      osVersion: '5.0',
      primaryHardwareType: 'TV',
    });
  });

  it('Tizen prefers the productinfo API for model and firmware', () => {
    const tv = env(UA.tizen!, {
      webapis: { productinfo: { getRealModel: () => 'QE55Q80T', getFirmware: () => 'T-KSU2EDEUC-1303.4' } },
    });
    const info = buildDeviceInfo('tizen', tv, { facts: tizenFacts(tv) });
    expect(info.model).toBe('QE55Q80T');
    expect(info.version).toBe('T-KSU2EDEUC-1303.4');
  });

  it('webOS reports webOS / LG and maps the engine to the webOS version', () => {
    const info = buildDeviceInfo('webos', env(UA.webos!));
    expect(info).toMatchObject({
      osName: 'webOS',
      osFamily: 'webOS',
      osVendor: 'LG',
      osVersion: '6',
      primaryHardwareType: 'TV',
    });
    expect(webOsVersionFromChrome(53)).toBe('4');
    expect(webOsVersionFromChrome(108)).toBe('24');
  });

  it('RDK reports a Linux set-top box', () => {
    expect(buildDeviceInfo('rdk', env(UA.rdk!))).toMatchObject({ osName: 'Linux', primaryHardwareType: 'SetTopBox' });
  });

  it('browser OS comes from the UA', () => {
    expect(buildDeviceInfo('browser', env(UA.windows!))).toMatchObject({
      osName: 'Windows',
      osVersion: '10.0',
      browserName: 'Chrome',
    });
    expect(buildDeviceInfo('browser', env(UA.mac!))).toMatchObject({
      osName: 'Mac OS',
      osFamily: 'macOS',
      osVersion: '10.15.7',
      browserName: 'Safari',
    });
    expect(buildDeviceInfo('browser', env(UA.linux!))).toMatchObject({
      osName: 'Linux',
      primaryHardwareType: 'Desktop',
    });
    expect(buildDeviceInfo('browser', env(UA.firefox!))).toMatchObject({
      browserName: 'Firefox',
      browserVendor: 'Mozilla',
    });
  });

  it('maps the Network Information type to connectionType', () => {
    expect(buildDeviceInfo('webos', env(UA.webos!, { connectionType: 'wifi' })).connectionType).toBe('WiFi');
    expect(buildDeviceInfo('webos', env(UA.webos!, { connectionType: 'ethernet' })).connectionType).toBe('LAN');
    expect(buildDeviceInfo('webos', env(UA.webos!)).connectionType).toBe('LAN');
  });

  it('drops operator overrides outside the enums and keeps valid ones', () => {
    const info = buildDeviceInfo('rdk', env(UA.rdk!), {
      overrides: {
        manufacturer: 'Acme',
        osVendor: 'Acme',
        primaryHardwareType: 'Fridge',
        osName: 'Tizen',
        model: 'XG1',
      },
    });
    expect(info.manufacturer).toBe('Acme');
    expect(info.model).toBe('XG1');
    expect(info.osVendor).toBeUndefined();
    expect(info.primaryHardwareType).toBeUndefined();
    expect(info.osName).toBe('Linux');
    expect(validateDeviceInfo(info as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('validateDeviceInfo reports what a strict server would reject', () => {
    expect(
      validateDeviceInfo({ model: 'x', version: '1', osName: 'Tizen', osVersion: '5', connectionType: 'LAN' }),
    ).toEqual(['invalid osName: Tizen']);
    expect(validateDeviceInfo({})).toHaveLength(REQUIRED_KEYS.length);
  });

  it('encodes UTF-8 as standard Base64', () => {
    expect(base64Utf8('ba23d141')).toBe(Buffer.from('ba23d141').toString('base64'));
    expect(base64Utf8('Fernseher – Küche 📺')).toBe(Buffer.from('Fernseher – Küche 📺').toString('base64'));
  });
});
