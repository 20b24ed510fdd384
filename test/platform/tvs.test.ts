/**
 * One device identity and real device facts per TV: the user agents are the ones the vendors publish
 * (Samsung's "Retrieving Platform Information" table, LG's web-engine table); the API answers follow the
 * documented shapes (webapis.productinfo getters, PalmSystem.deviceInfo JSON, the Luna device-id reply).
 */
import { createPlatform } from '../../src/platform';
import { memoryBackend } from '../../src/platform/storage';
import { hashHardwareId, isUuidV4 } from '../../src/platform/deviceId';
import { validateDeviceInfo } from '../../src/platform/deviceInfo';
import { exitApp } from '../../src/platform/exit';
import type { PalmServiceBridgeInstance, PlatformEnv } from '../../src/platform/env';
import { LGUDID_SERVICE } from '../../src/platform/webos';

const APP = 'com.example.tve.reference';

const TIZEN: Array<{ os: string; ua: string; model: string; firmware: string }> = [
  {
    os: '3.0',
    ua: 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 3.0) AppleWebKit/538.1 (KHTML, like Gecko) Version/3.0 TV Safari/538.1',
    model: 'UE55MU7000',
    firmware: 'T-KTMDEUC-1250.4',
  },
  {
    os: '4.0',
    ua: 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 4.0) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 TV Safari/537.36',
    model: 'UE55NU7400',
    firmware: 'T-KTSDEUC-1310.2',
  },
  {
    os: '5.0',
    ua: 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Version/5.0 TV Safari/537.36',
    model: 'QE55Q60R',
    firmware: 'T-MSLDEUC-1330.1',
  },
  {
    os: '5.5',
    ua: 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 5.5) AppleWebKit/537.36 (KHTML, like Gecko) 69.0.3497.106.1/5.5 TV Safari/537.36',
    model: 'QE55Q80T',
    firmware: 'T-KSU2EDEUC-1303.4',
  },
  {
    os: '6.0',
    ua: 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 76.0.3809.146/6.0 TV Safari/537.36',
    model: 'QE55QN90A',
    firmware: 'T-KSU2DEUC-1401.2',
  },
  {
    os: '6.5',
    ua: 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.5) AppleWebKit/537.36 (KHTML, like Gecko) 85.0.4183.93/6.5 TV Safari/537.36',
    model: 'QE55QN95B',
    firmware: 'T-PTMDEUC-1320.3',
  },
  {
    os: '7.0',
    ua: 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 7.0) AppleWebKit/537.36 (KHTML, like Gecko) 94.0.4606.31/7.0 TV Safari/537.36',
    model: 'QE55S95C',
    firmware: 'T-PTM2DEUC-1120.5',
  },
  {
    os: '8.0',
    ua: 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 8.0) AppleWebKit/537.36 (KHTML, like Gecko) 108.0.5359.1/8.0 TV Safari/537.36',
    model: 'QE65S95D',
    firmware: 'T-PTM3DEUC-1030.2',
  },
];

const WEBOS: Array<{ os: string; chrome: string; model: string; platformVersion: string }> = [
  { os: '4', chrome: '53.0.2785.34', model: 'OLED55C8PLA', platformVersion: '4.1.0' },
  { os: '5', chrome: '68.0.3440.106', model: 'OLED55CX6LA', platformVersion: '5.2.0' },
  { os: '6', chrome: '79.0.3945.79', model: 'OLED55C14LB', platformVersion: '6.3.0' },
  { os: '22', chrome: '87.0.4280.88', model: 'OLED55C24LA', platformVersion: '7.3.0' },
  { os: '23', chrome: '94.0.4606.128', model: 'OLED55C34LA', platformVersion: '8.2.0' },
  { os: '24', chrome: '108.0.5359.211', model: 'OLED55C44LA', platformVersion: '9.1.0' },
];
const webosUa = (chrome: string): string =>
  `Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${chrome} Safari/537.36 WebAppManager`;

const decode = (header: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as Record<string, unknown>;

/** A Luna bridge that answers getIDs like a TV (or refuses, or never answers). */
function lunaBridge(answer: 'udid' | 'refuse' | 'silent', calls: string[]): new () => PalmServiceBridgeInstance {
  return class {
    onservicecallback?: (message: string) => void;
    call(uri: string, params: string): void {
      calls.push(`${uri} ${params}`);
      if (answer === 'silent') return;
      const reply =
        answer === 'udid'
          ? { returnValue: true, idList: [{ idValue: '6d6a8a14-5f0b-4a3e-9d11-3c6f1e2b7a90', idType: 'LGUDID' }] }
          : { returnValue: false, errorCode: -1, errorText: 'No consent' };
      setTimeout(() => this.onservicecallback?.(JSON.stringify(reply)), 1);
    }
  };
}

describe('Tizen 3–8: productinfo model/firmware, hashed DUID', () => {
  it.each(TIZEN)('Tizen $os', async ({ os, ua, model, firmware }) => {
    const tv: PlatformEnv = {
      userAgent: ua,
      search: '',
      webapis: {
        productinfo: { getRealModel: () => model, getFirmware: () => firmware, getDuid: () => 'AXCDQWEFLKJ8Q' },
      },
    };
    const p = createPlatform({ env: tv, backend: memoryBackend(), applicationId: APP });
    await p.ready();
    const info = decode(p.deviceInfoHeader());
    expect(p.name).toBe('tizen');
    expect(info).toMatchObject({
      model,
      version: firmware,
      manufacturer: 'Samsung',
      osName: 'Linux',
      osFamily: 'Tizen',
      osVersion: os,
    });
    expect(validateDeviceInfo(info)).toEqual([]);
    expect(p.deviceId()).toBe(hashHardwareId({ source: 'tizen-duid', value: 'AXCDQWEFLKJ8Q' }, APP));
    expect(p.deviceIdentifierHeader()).not.toContain(Buffer.from('AXCDQWEFLKJ8Q').toString('base64'));
  });

  it('without webapis (no privilege, emulator) the user agent still gives the OS version; the id is a stored UUID', async () => {
    const backend = memoryBackend();
    const p = createPlatform({ env: { userAgent: TIZEN[5]!.ua, search: '' }, backend, applicationId: APP });
    await p.ready();
    expect(decode(p.deviceInfoHeader())).toMatchObject({ osVersion: '6.5', browserVersion: '85.0.4183.93' });
    expect(isUuidV4(p.deviceId())).toBe(true);
    expect(createPlatform({ env: { userAgent: TIZEN[5]!.ua, search: '' }, backend }).deviceId()).toBe(p.deviceId());
  });

  it('a TV that already holds a UUID keeps it even once the DUID is readable', async () => {
    const old = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const tv: PlatformEnv = {
      userAgent: TIZEN[3]!.ua,
      search: '',
      webapis: { productinfo: { getDuid: () => 'AXCDQWEFLKJ8Q' } },
    };
    const p = createPlatform({
      env: tv,
      backend: memoryBackend({ 'tve.deviceId': JSON.stringify({ v: 1, data: old }) }),
    });
    await p.ready();
    expect(p.deviceId()).toBe(old);
  });

  it('a reinstall (cleared storage) gives the same hashed DUID again', async () => {
    const tv: PlatformEnv = {
      userAgent: TIZEN[6]!.ua,
      search: '',
      webapis: { productinfo: { getDuid: () => 'AXCDQWEFLKJ8Q' } },
    };
    const first = createPlatform({ env: tv, backend: memoryBackend(), applicationId: APP });
    const again = createPlatform({ env: tv, backend: memoryBackend(), applicationId: APP });
    expect(again.deviceId()).toBe(first.deviceId());
  });

  it('appSettings.deviceIdSource "random": a stored random UUID even where the DUID is readable', async () => {
    const tv: PlatformEnv = {
      userAgent: TIZEN[6]!.ua,
      search: '',
      webapis: { productinfo: { getDuid: () => 'AXCDQWEFLKJ8Q' } },
    };
    const p = createPlatform({
      env: tv,
      backend: memoryBackend(),
      applicationId: APP,
      appSettings: { deviceIdSource: 'random' },
    });
    await p.ready();
    expect(isUuidV4(p.deviceId())).toBe(true);
  });

  it('screensaver: off while playing, on when paused, ended or stopped', () => {
    const states: number[] = [];
    const tv: PlatformEnv = {
      userAgent: TIZEN[4]!.ua,
      search: '',
      webapis: {
        appcommon: {
          setScreenSaver: (state: number) => void states.push(state),
          AppCommonScreenSaverState: { SCREEN_SAVER_OFF: 0, SCREEN_SAVER_ON: 1 },
        },
      },
    };
    const p = createPlatform({ env: tv, backend: memoryBackend() });
    p.media({ type: 'start' });
    p.media({ type: 'playing' });
    p.media({ type: 'pause' });
    p.media({ type: 'playing' });
    p.media({ type: 'stop' });
    expect(states).toEqual([0, 1, 0, 1]);
  });

  it('deep links: the launch app control and a later appcontrol event (resume with reload="disable")', () => {
    let payload = '{"titleId":"movie-42"}';
    const handlers: Record<string, () => void> = {};
    const tv: PlatformEnv = {
      userAgent: TIZEN[7]!.ua,
      search: '',
      tizen: {
        application: {
          getCurrentApplication: () => ({
            exit: () => undefined,
            getRequestedAppControl: () => ({
              appControl: {
                operation: 'http://tizen.org/appcontrol/operation/view',
                data: [{ key: 'PAYLOAD', value: [payload] }],
              },
            }),
          }),
        },
      },
      on: (_target, type, listener) => {
        handlers[type] = () => listener(new Event(type));
      },
    };
    const titles: string[] = [];
    createPlatform({ env: tv, backend: memoryBackend() }).onDeepLink((l) => titles.push(l.titleId));
    payload = 'series-7';
    handlers.appcontrol!();
    payload = '{"values": "not a title"}';
    handlers.appcontrol!();
    expect(titles).toEqual(['movie-42', 'series-7']);
  });
});

describe('webOS 4–24: PalmSystem.deviceInfo model/version, hashed LGUDID', () => {
  it.each(WEBOS)('webOS $os', async ({ chrome, model, platformVersion }) => {
    const luna: string[] = [];
    const tv: PlatformEnv = {
      userAgent: webosUa(chrome),
      search: '',
      PalmSystem: {
        deviceInfo: JSON.stringify({
          modelName: model,
          modelNameAscii: model,
          platformVersion,
          screenWidth: 1920,
          screenHeight: 1080,
        }),
      },
      PalmServiceBridge: lunaBridge('udid', luna),
    };
    const p = createPlatform({ env: tv, backend: memoryBackend(), applicationId: APP });
    p.start();
    await p.ready();
    const info = decode(p.deviceInfoHeader());
    expect(p.name).toBe('webos');
    expect(info).toMatchObject({
      model,
      osName: 'webOS',
      osVersion: platformVersion,
      manufacturer: 'LG',
      browserVersion: chrome,
    });
    expect(validateDeviceInfo(info)).toEqual([]);
    expect(luna).toEqual([`${LGUDID_SERVICE} {"idType":["LGUDID"]}`]);
    expect(p.deviceId()).toBe(
      hashHardwareId({ source: 'webos-lgudid', value: '6d6a8a14-5f0b-4a3e-9d11-3c6f1e2b7a90' }, APP),
    );
  });

  it('the engine table still names the version when deviceInfo is missing; the model is no longer matched in the UA', () => {
    for (const { os, chrome } of WEBOS) {
      const p = createPlatform({ env: { userAgent: webosUa(chrome), search: '' }, backend: memoryBackend() });
      expect(decode(p.deviceInfoHeader())).toMatchObject({ osVersion: os, model: 'LG Smart TV' });
    }
    // Old NetCast / HbbTV agents do name the model after "LGE;".
    const hbbtv = 'HbbTV/1.2.1 (+DRM; LGE; 43UK6300PLB; WEBOS4.0 04.30.20; W4_LM18A;)';
    expect(
      decode(
        createPlatform({
          env: { userAgent: hbbtv, search: '?platform=webos' },
          backend: memoryBackend(),
        }).deviceInfoHeader(),
      ).model,
    ).toBe('43UK6300PLB');
  });

  it('LGUDID refused (no consent) or silent: a stored UUID, and the wait is bounded', async () => {
    for (const answer of ['refuse', 'silent'] as const) {
      const tv: PlatformEnv = {
        userAgent: webosUa(WEBOS[2]!.chrome),
        search: '',
        PalmSystem: {},
        PalmServiceBridge: lunaBridge(answer, []),
      };
      const p = createPlatform({ env: tv, backend: memoryBackend(), probeTimeoutMs: 50 });
      const started = Date.now();
      await p.ready();
      expect(Date.now() - started).toBeLessThan(1000);
      expect(isUuidV4(p.deviceId())).toBe(true);
    }
  });

  it('the flows wait for the identity before any storage answer (so the first request has the final headers)', async () => {
    const tv: PlatformEnv = {
      userAgent: webosUa(WEBOS[4]!.chrome),
      search: '',
      PalmSystem: {},
      PalmServiceBridge: lunaBridge('udid', []),
    };
    const p = createPlatform({ env: tv, backend: memoryBackend(), applicationId: APP });
    p.start();
    const seen = await p.flowsStorage.get('adobePass.SP.client', { secret: true }).then(() => p.deviceId());
    expect(seen).toBe(hashHardwareId({ source: 'webos-lgudid', value: '6d6a8a14-5f0b-4a3e-9d11-3c6f1e2b7a90' }, APP));
  });

  it('exit: PalmSystem.platformBack() when webOSTV.js is absent', () => {
    const platformBack = jest.fn();
    expect(exitApp('webos', { userAgent: '', search: '', PalmSystem: { platformBack } }, jest.fn())).toBe(
      'palm-platformBack',
    );
    expect(platformBack).toHaveBeenCalled();
  });

  it('deep links: launch parameters and webOSRelaunch', () => {
    const handlers: Record<string, (e: Event) => void> = {};
    const tv: PlatformEnv = {
      userAgent: webosUa(WEBOS[3]!.chrome),
      search: '',
      PalmSystem: { launchParams: '{"contentTarget":"movie-42"}' },
      on: (target, type, listener) => {
        if (target === 'document') handlers[type] = listener;
      },
    };
    const titles: string[] = [];
    createPlatform({ env: tv, backend: memoryBackend() }).onDeepLink((l) => titles.push(l.titleId));
    handlers.webOSRelaunch!(new CustomEvent('webOSRelaunch', { detail: { contentTarget: 'play/series-7' } }));
    handlers.webOSRelaunch!(new CustomEvent('webOSRelaunch', { detail: {} }));
    expect(titles).toEqual(['movie-42', 'series-7']);
  });
});
