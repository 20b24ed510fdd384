import { createPlatform } from '../../src/platform';
import { memoryBackend, StorageError } from '../../src/platform/storage';
import { validateDeviceInfo } from '../../src/platform/deviceInfo';
import { isUuidV4 } from '../../src/platform/deviceId';

const TIZEN_UA =
  'Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 76.0.3809.146/6.0 TV Safari/537.36';

describe('platform object (the flows PlatformPort)', () => {
  it('exposes name, stable device id, both headers and storage', () => {
    const backend = memoryBackend();
    const p = createPlatform({ env: { userAgent: TIZEN_UA, search: '' }, backend, applicationId: 'app1' });
    expect(p.name).toBe('tizen');
    const id = p.deviceId();
    expect(isUuidV4(id)).toBe(true);
    expect(p.deviceIdentifierHeader()).toBe(`fingerprint ${Buffer.from(id).toString('base64')}`);
    const info = JSON.parse(Buffer.from(p.deviceInfoHeader(), 'base64').toString('utf8')) as Record<string, unknown>;
    expect(validateDeviceInfo(info)).toEqual([]);
    expect(info.applicationId).toBe('app1');

    // A second start on the same device keeps the id.
    const again = createPlatform({ env: { userAgent: TIZEN_UA, search: '' }, backend });
    expect(again.deviceId()).toBe(id);
  });

  it('storage is the flows port: JSON values in, corrupt entries reported, refused writes thrown', () => {
    const backend = memoryBackend({ 'tve.token': '%%%garbage' });
    const p = createPlatform({ env: { userAgent: '', search: '' }, backend });
    expect(() => p.storage.get('token')).toThrow(StorageError);
    p.storage.set('token', { accessToken: 'x', expiresAt: 1, refreshAt: 1 });
    expect(p.storage.get('token')).toEqual({ accessToken: 'x', expiresAt: 1, refreshAt: 1 });
    expect(JSON.parse(backend.getItem('tve.token') as string).v).toBe(2);
    p.storage.remove('token');
    expect(p.storage.get('token')).toBeUndefined();

    const refusing = {
      ...memoryBackend(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const warnings: string[] = [];
    const q = createPlatform({ env: { userAgent: '', search: '' }, backend: refusing, warn: (m) => warnings.push(m) });
    expect(() => q.storage.set('token', 1)).toThrow(StorageError);
    q.deviceId();
    expect(warnings).toEqual(['Could not persist the device id']);
  });

  it('key map follows the platform override and settings keys', () => {
    const p = createPlatform({
      env: { userAgent: '', search: '?platform=webos' },
      backend: memoryBackend(),
      appSettings: { keys: { 1001: 'Back' } },
    });
    expect(p.name).toBe('webos');
    expect(p.keys()).toMatchObject({ 461: 'Back', 1001: 'Back' });
  });

  it('exit uses the closeApp hooked in later for the browser', () => {
    const p = createPlatform({ env: { userAgent: '', search: '' }, backend: memoryBackend() });
    const closeApp = jest.fn();
    p.setCloseApp(closeApp);
    expect(p.exit()).toBe('closeApp');
    expect(closeApp).toHaveBeenCalled();
  });
});
