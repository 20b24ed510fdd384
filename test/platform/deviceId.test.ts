import { deviceIdentifierHeader, isUuidV4, loadOrCreateDeviceId, uuidV4 } from '../../src/platform/deviceId';
import { createEntryStore, memoryBackend } from '../../src/platform/storage';
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
    const store = createEntryStore(backend, 'tve');
    const first = loadOrCreateDeviceId(store, cryptoRandom);
    const again = loadOrCreateDeviceId(createEntryStore(backend, 'tve'), cryptoRandom);
    expect(again).toBe(first);
  });

  it('a TV that stored its id with an earlier app version keeps it', () => {
    const backend = memoryBackend({ 'tve.deviceId': '{"v":1,"data":"0f8fad5b-d9cb-469f-a165-70867728950e"}' });
    expect(loadOrCreateDeviceId(createEntryStore(backend, 'tve'), cryptoRandom)).toBe(
      '0f8fad5b-d9cb-469f-a165-70867728950e',
    );
  });

  it('reports an id it could not store (and still answers one for this run)', () => {
    const refusing = {
      ...memoryBackend(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const errors: unknown[] = [];
    const id = loadOrCreateDeviceId(createEntryStore(refusing, 'tve'), cryptoRandom, (e) => errors.push(e));
    expect(isUuidV4(id)).toBe(true);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('QuotaExceededError');
  });

  it('replaces a corrupt stored id with a fresh valid one, persisted', () => {
    const backend = memoryBackend({ 'tve.deviceId': '{"v":1,"data":"not-a-uuid"}' });
    const store = createEntryStore(backend, 'tve');
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
