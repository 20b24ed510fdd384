import { base64, describeDevice, deviceId, deviceIdentifierHeader, deviceInfoHeader, newDeviceId } from '../../second-screen/src/device';
import { memoryStore } from '../../second-screen/src/storage';

const OS_NAMES = ['Android', 'Chrome OS', 'Linux', 'Mac OS', 'OS X', 'OpenBSD', 'Roku OS', 'Windows', 'iOS', 'tvOS', 'webOS'];
const OS_FAMILIES = ['Android', 'BSD', 'Linux', 'PlayStation OS', 'Roku OS', 'Symbian', 'Tizen', 'Windows', 'iOS', 'tvOS', 'macOS', 'webOS'];
const OS_VENDORS = ['Amazon', 'Apple', 'Google', 'LG', 'Microsoft', 'Mozilla', 'Nintendo', 'Nokia', 'Roku', 'Samsung', 'Sony', 'Tizen Project'];
const BROWSERS = ['Android Browser', 'Chrome', 'Edge', 'Firefox', 'Internet Explorer', 'Opera', 'Safari', 'SeaMonkey', 'Symbian Browser'];
const BROWSER_VENDORS = ['Amazon', 'Apple', 'Google', 'Microsoft', 'Motorola', 'Mozilla', 'Netscape', 'Nintendo', 'Nokia', 'Samsung', 'Sony Ericsson'];
const HARDWARE = ['Desktop', 'MobilePhone', 'Tablet', 'Unknown'];

const UAS = {
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  ipad: 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1',
  pixel: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  reduced: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36',
  samsungTab: 'Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  windowsEdge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51',
  macFirefox: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:125.0) Gecko/20100101 Firefox/125.0',
  headless: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
  chromebook: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  odd: 'SomethingElse/1.0',
};

describe('X-Device-Info for the phone (spec §6.3)', () => {
  it.each(Object.entries(UAS))('%s: required keys present and enumerated keys use allowed values', (_name, userAgent) => {
    const info = describeDevice({ userAgent }, 'DEMOTV');
    for (const key of ['model', 'version', 'osName', 'osVersion', 'connectionType'] as const) {
      expect(typeof info[key]).toBe('string');
      expect(info[key].length).toBeGreaterThan(0);
    }
    expect(OS_NAMES).toContain(info.osName);
    if (info.osFamily) expect(OS_FAMILIES).toContain(info.osFamily);
    if (info.osVendor) expect(OS_VENDORS).toContain(info.osVendor);
    if (info.browserName) expect(BROWSERS).toContain(info.browserName);
    if (info.browserVendor) expect(BROWSER_VENDORS).toContain(info.browserVendor);
    expect(HARDWARE).toContain(info.primaryHardwareType);
  });

  it('describes an iPhone as a phone running iOS, with the OS version', () => {
    const info = describeDevice({ userAgent: UAS.iphone });
    expect(info).toMatchObject({
      primaryHardwareType: 'MobilePhone',
      model: 'iPhone',
      osName: 'iOS',
      osVersion: '17.4.1',
      browserName: 'Safari',
      manufacturer: 'Apple',
    });
  });

  it('describes an Android phone with its model, and a tablet as a tablet', () => {
    expect(describeDevice({ userAgent: UAS.pixel })).toMatchObject({
      primaryHardwareType: 'MobilePhone',
      model: 'Pixel 8',
      osName: 'Android',
      osVersion: '14',
      browserName: 'Chrome',
    });
    expect(describeDevice({ userAgent: UAS.samsungTab })).toMatchObject({ primaryHardwareType: 'Tablet', model: 'SM-X700' });
    expect(describeDevice({ userAgent: UAS.reduced }).model).toBe('Android device');
  });

  it('recognises Edge before Chrome and Chrome on iOS', () => {
    expect(describeDevice({ userAgent: UAS.windowsEdge })).toMatchObject({ osName: 'Windows', browserName: 'Edge', primaryHardwareType: 'Desktop' });
    expect(describeDevice({ userAgent: UAS.ipad })).toMatchObject({ model: 'iPad', primaryHardwareType: 'Tablet', browserName: 'Chrome', osVersion: '16.6' });
  });

  it('tells an iPad asking for the desktop site from a Mac by its touch screen', () => {
    const ua = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
    expect(describeDevice({ userAgent: ua, maxTouchPoints: 5 })).toMatchObject({
      model: 'iPad',
      osName: 'iOS',
      osVersion: '17.4',
      primaryHardwareType: 'Tablet',
    });
    expect(describeDevice({ userAgent: ua, maxTouchPoints: 0 })).toMatchObject({
      model: 'Mac',
      osName: 'Mac OS',
      osVersion: '10.15.7',
      primaryHardwareType: 'Desktop',
    });
  });

  it('maps the Network Information API to connection types', () => {
    expect(describeDevice({ userAgent: UAS.pixel, connectionType: 'wifi' }).connectionType).toBe('WiFi');
    expect(describeDevice({ userAgent: UAS.pixel, connectionType: 'cellular', effectiveType: '4g' }).connectionType).toBe('4G');
    expect(describeDevice({ userAgent: UAS.windowsEdge, connectionType: 'ethernet' }).connectionType).toBe('LAN');
  });

  it('reports physical display pixels', () => {
    const info = describeDevice({ userAgent: UAS.iphone, screenWidth: 390, screenHeight: 844, devicePixelRatio: 3 });
    expect([info.displayWidth, info.displayHeight]).toEqual([1170, 2532]);
  });

  it('encodes the header as Base64 JSON', () => {
    const info = describeDevice({ userAgent: UAS.iphone });
    expect(JSON.parse(Buffer.from(deviceInfoHeader(info), 'base64').toString('utf8'))).toEqual(info);
  });
});

describe('device id and AP-Device-Identifier (spec §6.2)', () => {
  it('creates a UUID once and reuses it', () => {
    const store = memoryStore();
    const first = deviceId(store);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deviceId(store)).toBe(first);
    expect(newDeviceId()).not.toBe(first);
  });

  it('replaces a corrupt stored id', () => {
    const store = memoryStore();
    store.set('ss.v1.deviceId', '<garbage>');
    expect(deviceId(store)).not.toBe('<garbage>');
  });

  it('formats the header as the spec example', () => {
    expect(deviceIdentifierHeader('ba23d141-d715-561c-94f4-e9e4c966b1eb')).toBe('fingerprint YmEyM2QxNDEtZDcxNS01NjFjLTk0ZjQtZTllNGM5NjZiMWVi');
    expect(Buffer.from(base64('Zoë'), 'base64').toString('utf8')).toBe('Zoë');
  });
});
