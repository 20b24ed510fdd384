/**
 * LG webOS without webOSTV.js: model and versions from `PalmSystem.deviceInfo` (webOSSystem on newer
 * TVs), the LGUDID from the Luna device-id service where it answers, deep links from the launch
 * parameters and the `webOSRelaunch` event, and exit through `PalmSystem.platformBack()`.
 */
import { fromWebOSParams, type DeepLink } from './deepLink';
import type { PalmServiceBridgeInstance, PlatformEnv } from './env';
import type { PlatformFacts } from './facts';

export const LGUDID_SERVICE = 'luna://com.webos.service.sm/deviceid/getIDs';

interface PalmDeviceInfo {
  modelName?: unknown;
  modelNameAscii?: unknown;
  platformVersion?: unknown;
  platformVersionMajor?: unknown;
  platformVersionMinor?: unknown;
  platformVersionDot?: unknown;
  sdkVersion?: unknown;
  firmwareVersion?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function parseDeviceInfo(env: PlatformEnv): PalmDeviceInfo {
  const raw = env.PalmSystem && env.PalmSystem.deviceInfo;
  if (typeof raw !== 'string' || !raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? (parsed as PalmDeviceInfo) : {};
  } catch {
    return {};
  }
}

/** Facts from PalmSystem.deviceInfo (synchronous; the LGUDID comes separately). */
export function webosFacts(env: PlatformEnv): PlatformFacts {
  const info = parseDeviceInfo(env);
  const major = info.platformVersionMajor;
  const fromParts =
    typeof major === 'number'
      ? [major, info.platformVersionMinor, info.platformVersionDot].filter((n) => typeof n === 'number').join('.')
      : undefined;
  const osVersion = str(info.platformVersion) ?? fromParts ?? str(info.sdkVersion);
  return {
    make: 'LG',
    model: str(info.modelName) ?? str(info.modelNameAscii),
    osVersion,
    firmware: str(info.firmwareVersion) ?? osVersion,
  };
}

/**
 * LGUDID from `luna://com.webos.service.sm/deviceid/getIDs` (webOS 3+). Undefined when the service is
 * missing (emulator, browser), refuses (no user consent on some models) or does not answer in time.
 */
export function requestLgUdid(env: PlatformEnv, timeoutMs = 2000): Promise<string | undefined> {
  return new Promise<string | undefined>((resolve) => {
    let done = false;
    let bridge: PalmServiceBridgeInstance | undefined;
    const finish = (id: string | undefined): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(id);
    };
    const timer = setTimeout(() => {
      try {
        if (bridge && bridge.cancel) bridge.cancel();
      } catch {
        // ignore
      }
      finish(undefined);
    }, timeoutMs);
    const answer = (response: unknown): void => {
      const r = response as { returnValue?: unknown; idList?: Array<{ idType?: unknown; idValue?: unknown }> };
      const entry =
        r && r.returnValue !== false && Array.isArray(r.idList)
          ? r.idList.filter((e) => e && e.idType === 'LGUDID')[0]
          : undefined;
      finish(entry ? str(entry.idValue) : undefined);
    };
    const params = { idType: ['LGUDID'] };
    try {
      if (env.webOS && env.webOS.service) {
        env.webOS.service.request('luna://com.webos.service.sm', {
          method: 'deviceid/getIDs',
          parameters: params,
          onSuccess: answer,
          onFailure: () => finish(undefined),
        });
      } else if (env.PalmServiceBridge) {
        bridge = new env.PalmServiceBridge();
        bridge.onservicecallback = (message: string) => {
          try {
            answer(JSON.parse(message));
          } catch {
            finish(undefined);
          }
        };
        bridge.call(LGUDID_SERVICE, JSON.stringify(params));
      } else finish(undefined);
    } catch {
      finish(undefined);
    }
  });
}

/** The launch's deep link now, and each relaunch's (the app stays alive: handlesRelaunch). */
export function watchWebOSDeepLinks(env: PlatformEnv, listener: (link: DeepLink) => void): void {
  const first = env.PalmSystem ? fromWebOSParams(env.PalmSystem.launchParams) : undefined;
  if (first) listener(first);
  if (env.on)
    env.on('document', 'webOSRelaunch', (event: Event) => {
      const link = fromWebOSParams((event as CustomEvent).detail);
      if (link) listener(link);
    });
}
