/**
 * RDK through Firebolt, asserted on the messages the SDK's own mock transport receives (the SDK is the
 * real @firebolt-js/sdk; only its transport is the built-in mock).
 */
import { calls, emit, sent, until } from './fireboltHarness';
import { createPlatform } from '../../src/platform';
import { memoryBackend } from '../../src/platform/storage';
import { hashHardwareId, isUuidV4 } from '../../src/platform/deviceId';
import { sha256Hex } from '../../src/platform/sha256';
import type { PlatformEnv } from '../../src/platform/env';
import { copyFireboltEndpoint } from '../../src/platform/fireboltBoot';
import { detectPlatform, usesFirebolt } from '../../src/platform/detect';
import type { FireboltSdk } from '../../src/platform/firebolt';

/** The uid, make, model… the SDK's mock answers (its examples). */
const MOCK_UID = 'ee6723b8-7ab3-462c-8d93-dbf61227998e';
const WPE_UA =
  'Mozilla/5.0 (Linux; x86_64 GNU/Linux) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/11.0 Safari/605.1.15 WPE';
const rdk: PlatformEnv = { userAgent: WPE_UA, search: '?platform=rdk', screen: { width: 1920, height: 1080 } };

/**
 * A fresh SDK and platform per test (the SDK keeps module-level state: listeners, lifecycle state), all on
 * the same mock transport harness.
 */
function boot(backend = memoryBackend()): ReturnType<typeof createPlatform> {
  let fresh: typeof createPlatform | undefined;
  let sdk: FireboltSdk | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module registry per test
    fresh = (require('../../src/platform') as { createPlatform: typeof createPlatform }).createPlatform;
    // The app imports the SDK lazily, after this registry is gone: hand it this test's fresh copy.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sdk = require('@firebolt-js/sdk') as FireboltSdk;
  });
  const loadFireboltSdk = () => Promise.resolve(sdk!);
  const p = fresh!({ env: rdk, backend, applicationId: 'com.example.tve', document, loadFireboltSdk });
  p.start();
  return p;
}

const decode = (header: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as Record<string, unknown>;

beforeAll(() => {
  // The mock transport logs every message on console.debug.
  jest.spyOn(console, 'debug').mockImplementation(() => undefined);
});

const cleanups: Array<() => void> = [];
const afterTest = (fn: () => void): number => cleanups.push(fn);

beforeEach(() => {
  sent.length = 0;
});

afterEach(() => {
  for (const fn of cleanups.splice(0)) fn();
});

describe('detection', () => {
  it('the launch endpoint parameter lands in window.__firebolt.endpoint (only ws/wss), an existing one is kept', () => {
    const win: { location: { search: string }; __firebolt?: { endpoint?: string } } = {
      location: { search: '?__firebolt_endpoint=ws%3A%2F%2F127.0.0.1%3A3473%3FappId%3Dtve' },
    };
    expect(copyFireboltEndpoint(win)).toBe('ws://127.0.0.1:3473?appId=tve');
    expect(win.__firebolt?.endpoint).toBe('ws://127.0.0.1:3473?appId=tve');
    expect(copyFireboltEndpoint({ location: { search: '?__firebolt_endpoint=javascript:alert(1)' } })).toBeUndefined();
    const already = { location: { search: '?__firebolt_endpoint=ws://other' }, __firebolt: { endpoint: 'ws://kept' } };
    expect(copyFireboltEndpoint(already)).toBe('ws://kept');
  });

  it('RDK comes from a Firebolt transport, not from the user agent', () => {
    const plainWpe: PlatformEnv = { userAgent: WPE_UA, search: '' };
    const withEndpoint = {
      ...plainWpe,
      userAgent: 'Mozilla/5.0 AppleWebKit/605.1.15 Safari/605.1.15',
      fireboltEndpoint: 'ws://127.0.0.1:3473',
    };
    const withBridge = { ...plainWpe, userAgent: 'Mozilla/5.0 Safari', ServiceManager: { version: '2.0' } };
    expect(detectPlatform(withEndpoint)).toBe('rdk');
    expect(usesFirebolt('rdk', withEndpoint)).toBe(true);
    expect(detectPlatform(withBridge)).toBe('rdk');
    expect(usesFirebolt('rdk', withBridge)).toBe(true);
    // A WPE user agent alone keeps the RDK key map but does not talk Firebolt.
    expect(detectPlatform(plainWpe)).toBe('rdk');
    expect(usesFirebolt('rdk', plainWpe)).toBe(false);
    // ?platform=rdk asks for it (the SDK's mock answers).
    expect(usesFirebolt('rdk', rdk)).toBe(true);
    expect(createPlatform({ env: plainWpe, backend: memoryBackend() }).firebolt).toBe(false);
  });
});

describe('lifecycle', () => {
  it('Lifecycle.ready() is sent once, when the first screen has focus', async () => {
    const p = boot();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls('lifecycle.ready')).toHaveLength(0);
    p.firstScreenReady();
    p.firstScreenReady();
    await until(() => calls('lifecycle.ready').length > 0, 'ready');
    await new Promise((r) => setTimeout(r, 20));
    expect(calls('lifecycle.ready')).toHaveLength(1);
  });

  it('exit → Lifecycle.close(userExit); unloading → cleanup, then Lifecycle.finished()', async () => {
    // The mock answers finished() by navigating to about:blank, which jsdom reports as not implemented.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    afterTest(() => quiet.mockRestore());
    const p = boot();
    p.firstScreenReady(); // the SDK tracks the lifecycle state from ready() on
    const order: string[] = [];
    p.onUnload(() => order.push(`cleanup after ${sent.length} calls`));
    await until(() => calls('lifecycle.ready').length === 1, 'ready');
    expect(p.exit()).toBe('firebolt-close');
    await until(() => calls('lifecycle.close').length === 1, 'close');
    expect(calls('lifecycle.close')[0]!.params).toEqual({ reason: 'userExit' });
    // The mock answers close(userExit) with inactive, then unloading.
    await until(() => calls('lifecycle.finished').length === 1, 'finished');
    expect(order).toHaveLength(1);
    expect(sent.findIndex((c) => c.call === 'lifecycle.finished')).toBeGreaterThanOrEqual(
      Number(/after (\d+)/.exec(order[0]!)![1]),
    );
  });

  it('inactive and background hide the page (visibilitychange), foreground shows it again', async () => {
    const p = boot();
    p.firstScreenReady();
    await until(() => calls('lifecycle.ready').length === 1, 'ready');
    const seen: boolean[] = [];
    const listener = () => seen.push(document.hidden);
    document.addEventListener('visibilitychange', listener);
    try {
      // The mock answers ready() with lifecycle events of its own, on timers: on a loaded machine its
      // "foreground" can land after ours and show the page again. So the box's event is sent again until
      // the page is hidden (an app that ignores it still never gets there).
      await until(() => {
        if (!document.hidden) emit('Lifecycle', 'background', { state: 'background', previous: 'foreground' });
        return seen.includes(true) && document.hidden;
      }, 'hidden');
      expect(document.visibilityState).toBe('hidden');
      emit('Lifecycle', 'foreground', { state: 'foreground', previous: 'background' });
      await until(() => seen[seen.length - 1] === false, 'shown');
      expect(document.hidden).toBe(false);
      expect(document.visibilityState).toBe('visible');
    } finally {
      document.removeEventListener('visibilitychange', listener);
    }
  });
});

describe('identity and device facts', () => {
  it('Device.uid (hashed with the app id) is the device id; make/model/firmware/distributor fill X-Device-Info', async () => {
    const backend = memoryBackend();
    const p = boot(backend);
    await p.ready();
    const expected = sha256Hex(`firebolt-uid|com.example.tve|${MOCK_UID}`);
    expect(p.deviceId()).toBe(expected);
    expect(p.deviceId()).not.toContain(MOCK_UID);
    expect(p.deviceIdentifierHeader()).toBe(`fingerprint ${Buffer.from(expected).toString('base64')}`);
    expect(JSON.parse(backend.getItem('tve.deviceId') as string).data).toBe(expected);
    expect(decode(p.deviceInfoHeader())).toMatchObject({
      primaryHardwareType: 'SetTopBox',
      model: 'xi6',
      manufacturer: 'Arris',
      vendor: 'Company',
      version: '1.2.3',
      osName: 'Linux',
      osVersion: '1.2.3',
    });
    for (const c of ['device.uid', 'device.make', 'device.model', 'device.distributor', 'device.version'])
      expect(calls(c).length).toBeGreaterThan(0);
  });

  it('a box that already holds a UUID keeps it', async () => {
    const old = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const p = boot(memoryBackend({ 'tve.deviceId': JSON.stringify({ v: 1, data: old }) }));
    await p.ready();
    expect(p.deviceId()).toBe(old);
    expect(isUuidV4(p.deviceId())).toBe(true);
    expect(hashHardwareId({ source: 'firebolt-uid', value: MOCK_UID }, 'com.example.tve')).not.toBe(old);
  });
});

describe('deep links, sign-in, metrics', () => {
  it('the launch intent (Parameters.initialization) and later Discovery.navigateTo open titles', async () => {
    const p = boot();
    const titles: string[] = [];
    p.onDeepLink((link) => titles.push(link.titleId));
    // The SDK's example initialization carries an entity intent for "abc".
    await until(() => titles.length === 1, 'initial intent');
    expect(titles).toEqual(['abc']);
    await until(() => calls('discovery.onNavigateTo').length === 1, 'listening');
    emit('Discovery', 'navigateTo', {
      action: 'playback',
      data: { entityId: 'movie-42', entityType: 'program', programType: 'movie' },
      context: { source: 'voice' },
    });
    emit('Discovery', 'navigateTo', { action: 'search', data: { query: 'news' }, context: { source: 'voice' } });
    await until(() => titles.length === 2, 'navigateTo');
    await new Promise((r) => setTimeout(r, 20));
    expect(titles).toEqual(['abc', 'movie-42']);
  });

  it('Discovery.signIn / signOut follow the Adobe Pass sign-in (once per change)', async () => {
    const p = boot();
    p.signInChanged(true);
    p.signInChanged(true);
    p.signInChanged(false);
    await until(() => calls('discovery.signOut').length === 1, 'signOut');
    expect(calls('discovery.signIn')).toHaveLength(1);
    expect(sent.map((c) => c.call).filter((c) => c.startsWith('discovery.sign'))).toEqual([
      'discovery.signIn',
      'discovery.signOut',
    ]);
  });

  it('Metrics.error for a failure the user sees, Metrics.page on routes, content and media events', async () => {
    const p = boot();
    p.userError({ kind: 'network', code: 'network_connection_timeout', message: 'Check your connection.' });
    p.userError({ kind: 'denied', message: 'Not in your package.' });
    p.pageChanged('play/movie-42');
    p.media({ type: 'start' });
    p.media({ type: 'playing' });
    p.media({ type: 'progress', position: 3 });
    p.media({ type: 'progress', position: 5 }); // within 10 s of the last report: not sent
    p.media({ type: 'progress', position: 14 });
    p.media({ type: 'stop' });
    await until(() => calls('metrics.stopContent').length === 1, 'stopContent');
    expect(calls('metrics.error').map((c) => c.params)).toEqual([
      expect.objectContaining({
        type: 'network',
        code: 'network_connection_timeout',
        description: 'Check your connection.',
        visible: true,
      }),
      expect.objectContaining({ type: 'entitlement', code: 'denied', visible: true }),
    ]);
    expect(calls('metrics.page')[0]!.params).toMatchObject({ pageId: 'play/movie-42' });
    expect(calls('metrics.startContent')[0]!.params).toMatchObject({ entityId: 'movie-42' });
    expect(calls('metrics.mediaPlaying')[0]!.params).toMatchObject({ entityId: 'movie-42' });
    expect(calls('metrics.mediaProgress').map((c) => c.params.progress)).toEqual([3, 14]);
    expect(calls('metrics.stopContent')[0]!.params).toMatchObject({ entityId: 'movie-42' });
  });
});

describe('SecureStorage for credentials and tokens', () => {
  it('secret entries go to SecureStorage (device scope), not to local storage; others stay local', async () => {
    const backend = memoryBackend();
    const p = boot(backend);
    await p.flowsStorage.set(
      'adobePass.SP.token',
      { accessToken: 'tok', expiresAt: 1, refreshAt: 1 },
      { secret: true },
    );
    await p.flowsStorage.set('adobePass.SP.provider', { id: 'Acme', displayName: 'Acme' });
    await until(() => calls('securestorage.set').length === 1, 'secure set');
    expect(calls('securestorage.set')[0]!.params).toMatchObject({ scope: 'device', key: 'adobePass.SP.token' });
    expect(JSON.parse(String(calls('securestorage.set')[0]!.params.value))).toEqual({
      v: 2,
      data: { accessToken: 'tok', expiresAt: 1, refreshAt: 1 },
    });
    expect(backend.getItem('tve.adobePass.SP.token')).toBeNull();
    expect(backend.getItem('tve.adobePass.SP.provider')).not.toBeNull();
  });

  it('what SecureStorage returns is read through the envelope (the mock returns a non-envelope: unreadable)', async () => {
    const p = boot();
    await expect(p.flowsStorage.get('adobePass.SP.client', { secret: true })).rejects.toMatchObject({
      name: 'StorageError',
      kind: 'unreadable',
    });
    expect(calls('securestorage.get')[0]!.params).toMatchObject({ scope: 'device', key: 'adobePass.SP.client' });
  });
});
