import { deviceIdentifierHeader, isUuidV4, loadOrCreateDeviceId, uuidV4 } from '../../src/platform/deviceId';
import { createVersionedStorage, memoryBackend } from '../../src/lib/storage';
import { randomFillSync } from 'node:crypto';

const cryptoRandom = (b: Uint8Array): Uint8Array => randomFillSync(b);

describe('device id', () => {
  it('generates RFC 4122 v4 UUIDs, with and without crypto', () => {
    const a = uuidV4(cryptoRandom);
    const b = uuidV4(cryptoRandom);
    expect(isUuidV4(a)).toBe(true);
    expect(a).not.toBe(b);
    expect(isUuidV4(uuidV4(undefined))).toBe(true);
    expect(
      isUuidV4(
        uuidV4(() => {
          throw new Error('no entropy');
        }),
      ),
    ).toBe(true);
  });

  it('is generated once and then read back from storage', () => {
    const backend = memoryBackend();
    const store = createVersionedStorage({ backend, namespace: 'tve', version: 1 });
    const first = loadOrCreateDeviceId(store, cryptoRandom);
    const again = loadOrCreateDeviceId(createVersionedStorage({ backend, namespace: 'tve', version: 1 }), cryptoRandom);
    expect(again).toBe(first);
  });

  it('replaces a corrupt stored id with a fresh valid one, persisted', () => {
    const backend = memoryBackend({ 'tve.deviceId': '{"v":1,"data":"not-a-uuid"}' });
    const store = createVersionedStorage({ backend, namespace: 'tve', version: 1 });
    const id = loadOrCreateDeviceId(store, cryptoRandom);
    expect(isUuidV4(id)).toBe(true);
    expect(store.get('deviceId')).toBe(id);
  });

  it('formats AP-Device-Identifier as in the spec example (§6.2)', () => {
    expect(deviceIdentifierHeader('ba23d141-d715-561c-94f4-e9e4c966b1eb')).toBe(
      'fingerprint YmEyM2QxNDEtZDcxNS01NjFjLTk0ZjQtZTllNGM5NjZiMWVi',
    );
  });
});
