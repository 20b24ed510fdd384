import { createVersionedStorage, localStorageBackend, memoryBackend } from '../../src/lib/storage';

const make = (initial: Record<string, string> = {}, version = 1) => {
  const backend = memoryBackend(initial);
  return { backend, store: createVersionedStorage({ backend, namespace: 'tve', version }) };
};

describe('versioned storage facade', () => {
  it('round-trips values inside a {v, data} envelope under the namespace', () => {
    const { backend, store } = make();
    expect(store.set('provider', { id: 'Acme', displayName: 'Acme Cable' })).toBe(true);
    expect(JSON.parse(backend.getItem('tve.provider') as string)).toEqual({
      v: 1,
      data: { id: 'Acme', displayName: 'Acme Cable' },
    });
    expect(store.get('provider')).toEqual({ id: 'Acme', displayName: 'Acme Cable' });
  });

  it('treats corrupt JSON, wrong shapes and other versions as absent', () => {
    const { store } = make({
      'tve.broken': '{not json',
      'tve.bare': '"just a string"',
      'tve.noVersion': '{"data": 1}',
      'tve.old': '{"v": 0, "data": "old"}',
      'tve.nullish': 'null',
    });
    expect(store.get('broken')).toBeUndefined();
    expect(store.get('bare')).toBeUndefined();
    expect(store.get('noVersion')).toBeUndefined();
    expect(store.get('old')).toBeUndefined();
    expect(store.get('nullish')).toBeUndefined();
    expect(store.get('missing')).toBeUndefined();
  });

  it('a newer facade version ignores entries written by an older one', () => {
    const backend = memoryBackend();
    createVersionedStorage({ backend, namespace: 'tve', version: 1 }).set('k', 'v1');
    expect(createVersionedStorage({ backend, namespace: 'tve', version: 2 }).get('k')).toBeUndefined();
  });

  it('applies the caller guard', () => {
    const { store } = make();
    store.set('n', 'not a number');
    const isNumber = (x: unknown): x is number => typeof x === 'number';
    expect(store.get('n', isNumber)).toBeUndefined();
    store.set('n', 5);
    expect(store.get('n', isNumber)).toBe(5);
  });

  it('clear() removes only its own namespace', () => {
    const { backend, store } = make({ 'other.app': 'keep', 'tvex.k': 'keep' });
    store.set('a', 1);
    store.set('b', 2);
    store.clear();
    expect(backend.keys().sort()).toEqual(['other.app', 'tvex.k']);
  });

  it('never throws when the backend does', () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('nope');
      },
      keys: () => {
        throw new Error('nope');
      },
    };
    const store = createVersionedStorage({ backend: throwing, namespace: 'tve', version: 1 });
    expect(store.get('x')).toBeUndefined();
    expect(store.set('x', 1)).toBe(false);
    expect(() => store.remove('x')).not.toThrow();
    expect(() => store.clear()).not.toThrow();
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
