import { createEntryStore, localStorageBackend, memoryBackend, StorageError } from '../../src/platform/storage';

const make = (initial: Record<string, string> = {}) => {
  const backend = memoryBackend(initial);
  return { backend, store: createEntryStore(backend, 'tve') };
};

const throwing = {
  getItem: (): string | null => {
    throw new Error('SecurityError');
  },
  setItem: (): void => {
    throw new Error('QuotaExceededError');
  },
  removeItem: (): void => {
    throw new Error('nope');
  },
  keys: (): string[] => {
    throw new Error('nope');
  },
};

describe('platform storage: one envelope', () => {
  it('round-trips JSON values inside a single {v:2, data} envelope under the namespace', () => {
    const { backend, store } = make();
    store.set('adobePass.SP.provider', { id: 'Acme', displayName: 'Acme Cable' });
    expect(JSON.parse(backend.getItem('tve.adobePass.SP.provider') as string)).toEqual({
      v: 2,
      data: { id: 'Acme', displayName: 'Acme Cable' },
    });
    expect(store.get('adobePass.SP.provider')).toEqual({ id: 'Acme', displayName: 'Acme Cable' });
    expect(store.get('missing')).toBeUndefined();
  });

  it('get throws a StorageError for corrupt entries; peek treats them as absent', () => {
    const { store } = make({
      'tve.broken': '{not json',
      'tve.bare': '"just a string"',
      'tve.noVersion': '{"data": 1}',
      'tve.future': '{"v": 3, "data": "new"}',
      'tve.nullish': 'null',
    });
    for (const key of ['broken', 'bare', 'noVersion', 'future', 'nullish']) {
      expect(() => store.get(key)).toThrow(StorageError);
      expect(store.peek(key)).toBeUndefined();
    }
    expect(store.peek('missing')).toBeUndefined();
  });

  it('peek applies the caller guard', () => {
    const { store } = make();
    const isNumber = (x: unknown): x is number => typeof x === 'number';
    store.set('n', 'not a number');
    expect(store.peek('n', isNumber)).toBeUndefined();
    store.set('n', 5);
    expect(store.peek('n', isNumber)).toBe(5);
  });

  it('migrates the double-wrapped entries of earlier versions once, keeping their values', () => {
    const client = { clientId: 'c1', clientSecret: 's1', dcrBaseUrl: 'http://dcr' };
    const { backend, store } = make({
      // What app 0.1 left on a TV: the flows' own envelope, as a string, inside the platform's.
      'tve.adobePass.SP.client': JSON.stringify({ v: 1, data: JSON.stringify({ v: 1, data: client }) }),
      // The platform's own entries were wrapped once.
      'tve.deviceId': JSON.stringify({ v: 1, data: '0f8fad5b-d9cb-469f-a165-70867728950e' }),
    });
    expect(store.get('adobePass.SP.client')).toEqual(client);
    expect(store.get('deviceId')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    // Rewritten in the current envelope, so the next read takes the normal path.
    expect(JSON.parse(backend.getItem('tve.adobePass.SP.client') as string)).toEqual({ v: 2, data: client });
    expect(JSON.parse(backend.getItem('tve.deviceId') as string)).toEqual({
      v: 2,
      data: '0f8fad5b-d9cb-469f-a165-70867728950e',
    });
  });

  it('a legacy entry whose inner envelope is broken keeps the string (the caller then rejects its shape)', () => {
    const { store } = make({ 'tve.k': JSON.stringify({ v: 1, data: '{"v":1,"data":' }) });
    expect(store.get('k')).toBe('{"v":1,"data":');
  });

  it('a refused write throws a StorageError naming the key; reads and removes never throw through peek/remove', () => {
    const store = createEntryStore(throwing, 'tve');
    let error: unknown;
    try {
      store.set('x', 1);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('write');
    expect((error as StorageError).message).toContain('tve.x');
    expect(() => store.get('x')).toThrow(StorageError);
    expect(store.peek('x')).toBeUndefined();
    expect(() => store.remove('x')).not.toThrow();
    expect(() => store.clear()).not.toThrow();
  });

  it('a value JSON cannot encode is a refused write, not a crash', () => {
    const { store } = make();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => store.set('c', cyclic)).toThrow(StorageError);
  });

  it('clear() removes only its own namespace', () => {
    const { backend, store } = make({ 'other.app': 'keep', 'tvex.k': 'keep' });
    store.set('a', 1);
    store.set('b', 2);
    store.clear();
    expect(backend.keys().sort()).toEqual(['other.app', 'tvex.k']);
  });

  it('uses window.localStorage when it works and memory when it throws', () => {
    const ls = localStorageBackend();
    ls.setItem('tve.t', 'x');
    expect(window.localStorage.getItem('tve.t')).toBe('x');
    expect(ls.keys()).toContain('tve.t');
    window.localStorage.removeItem('tve.t');

    const broken = {
      setItem: () => {
        throw new Error('disabled');
      },
    } as unknown as Storage;
    const mem = localStorageBackend(broken);
    mem.setItem('a', 'b');
    expect(mem.getItem('a')).toBe('b');
  });
});
