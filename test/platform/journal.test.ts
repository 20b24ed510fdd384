/**
 * @jest-environment node
 *
 * No placeholder model reaches Adobe: with each platform's APIs answering (mocked as the vendors
 * document them), the real flows send their requests to the emulator, and its journal shows the
 * device's own model, maker and version in every X-Device-Info, and the hashed hardware id as the
 * device identifier.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { startHarness, tvSoftwareStatement, type Harness } from '../flows/emulator-harness';
import { createPassFlows, type PassFlowsConfig } from '../../src/flows';
import { createPlatform, type PlatformOptions } from '../../src/platform';
import { memoryBackend } from '../../src/platform/storage';
import { hashHardwareId } from '../../src/platform/deviceId';
import type { FireboltBridge } from '../../src/platform/firebolt';
import type { PalmServiceBridgeInstance } from '../../src/platform/env';

const APP = 'com.example.tve.reference';
const random = (b: Uint8Array): Uint8Array => webcrypto.getRandomValues(b);

function config(adobeUrl: string): PassFlowsConfig {
  const s = JSON.parse(readFileSync(join(__dirname, '..', '..', 'settings.json'), 'utf8')) as {
    appSettings: { adobePass: { presets: { emulator: Record<string, string> } } };
  };
  const p = s.appSettings.adobePass.presets.emulator;
  return {
    restBaseUrl: adobeUrl,
    dcrBaseUrl: adobeUrl,
    serviceProvider: p.serviceProvider!,
    softwareStatement: tvSoftwareStatement(),
    domainName: p.domainName!,
    redirectUrl: p.redirectUrl!,
    secondScreenUrl: p.secondScreenUrl!,
    secondScreenShortUrl: p.secondScreenShortUrl!,
  };
}

/** A Firebolt bridge answering Device.* like a box (the SDK itself is covered by firebolt.test.ts). */
function fakeFirebolt(): FireboltBridge {
  const nothing = (): void => undefined;
  return {
    device: async () => ({
      uid: 'box-uid-1',
      make: 'Sercomm',
      model: 'XG1v4',
      distributor: 'Comcast',
      platform: 'WPE',
      firmware: '6.2.0',
    }),
    ready: nothing,
    close: nothing,
    onLifecycle: nothing,
    finished: nothing,
    initialIntent: async () => undefined,
    onNavigateTo: nothing,
    signIn: nothing,
    signOut: nothing,
    error: nothing,
    page: nothing,
    startContent: nothing,
    stopContent: nothing,
    media: nothing,
    secure: { get: async () => null, set: async () => undefined, remove: async () => undefined },
  };
}

class Luna implements PalmServiceBridgeInstance {
  onservicecallback?: (message: string) => void;
  call(): void {
    setTimeout(
      () =>
        this.onservicecallback?.(
          JSON.stringify({ returnValue: true, idList: [{ idType: 'LGUDID', idValue: 'lg-udid-1' }] }),
        ),
      1,
    );
  }
}

const TVS: Array<{
  name: string;
  options: PlatformOptions;
  expected: Record<string, unknown>;
  hardware: { source: 'tizen-duid' | 'webos-lgudid' | 'firebolt-uid'; value: string };
}> = [
  {
    name: 'Tizen 6.5',
    options: {
      env: {
        userAgent:
          'Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.5) AppleWebKit/537.36 (KHTML, like Gecko) 85.0.4183.93/6.5 TV Safari/537.36',
        search: '',
        webapis: {
          productinfo: {
            getRealModel: () => 'QE55QN95B',
            getFirmware: () => 'T-PTMDEUC-1320.3',
            getDuid: () => 'AXCDQWEFLKJ8Q',
          },
        },
      },
    },
    expected: { model: 'QE55QN95B', version: 'T-PTMDEUC-1320.3', manufacturer: 'Samsung', osVersion: '6.5' },
    hardware: { source: 'tizen-duid', value: 'AXCDQWEFLKJ8Q' },
  },
  {
    name: 'webOS 23',
    options: {
      env: {
        userAgent:
          'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/94.0.4606.128 Safari/537.36 WebAppManager',
        search: '',
        PalmSystem: { deviceInfo: JSON.stringify({ modelName: 'OLED55C34LA', platformVersion: '8.2.0' }) },
        PalmServiceBridge: Luna,
      },
    },
    expected: { model: 'OLED55C34LA', osName: 'webOS', osVersion: '8.2.0', manufacturer: 'LG' },
    hardware: { source: 'webos-lgudid', value: 'lg-udid-1' },
  },
  {
    name: 'RDK (Firebolt)',
    options: {
      env: {
        userAgent:
          'Mozilla/5.0 (Linux; x86_64 GNU/Linux) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/11.0 Safari/605.1.15 WPE',
        search: '?platform=rdk',
      },
      firebolt: fakeFirebolt(),
    },
    expected: {
      model: 'XG1v4',
      manufacturer: 'Sercomm',
      vendor: 'Comcast',
      version: '6.2.0',
      primaryHardwareType: 'SetTopBox',
    },
    hardware: { source: 'firebolt-uid', value: 'box-uid-1' },
  },
];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('X-Device-Info in the emulator journal', () => {
  it.each(TVS)(
    '$name: the device model and maker reach Adobe, with the hashed hardware id',
    async ({ options, expected, hardware }) => {
      await h.reset();
      const platform = createPlatform({
        ...options,
        env: { ...options.env!, getRandomValues: random },
        backend: memoryBackend(),
        applicationId: APP,
      });
      platform.start();
      const flows = createPassFlows(config(h.adobeUrl), {
        platform: {
          deviceIdentifierHeader: () => platform.deviceIdentifierHeader(),
          deviceInfoHeader: () => platform.deviceInfoHeader(),
          storage: platform.flowsStorage,
        },
      });
      expect((await flows.boot()).ok).toBe(true);
      const entries = (await h.journal()).filter((e) => !e.path.startsWith('/__emulator'));
      expect(entries.length).toBeGreaterThan(0);
      const id = hashHardwareId(hardware, APP);
      for (const e of entries) {
        const info = JSON.parse(Buffer.from(String(e.headers['x-device-info']), 'base64').toString('utf8')) as Record<
          string,
          unknown
        >;
        expect(info).toMatchObject(expected);
        expect(String(info.model)).not.toMatch(/Smart TV|set-top box/);
        // DCR calls carry no device identifier; every REST API V2 call does (spec §6.2).
        if (e.path.startsWith('/api/v2/'))
          expect(e.headers['ap-device-identifier']).toBe(`fingerprint ${Buffer.from(id).toString('base64')}`);
      }
      expect(entries.some((e) => e.path.startsWith('/api/v2/'))).toBe(true);
    },
  );
});
