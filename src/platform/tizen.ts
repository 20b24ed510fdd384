/**
 * Samsung Tizen: device facts from `webapis.productinfo` (needs the productinfo privilege and the
 * webapis.js script, both added by `npm run package:tizen`), the screensaver switch of
 * `webapis.appcommon`, and deep links from app control (launch, and resume with reload="disable").
 */
import { fromTizenAppControl, type DeepLink } from './deepLink';
import type { PlatformEnv } from './env';
import { safeString, type PlatformFacts } from './facts';

/** Tizen platform version: the system info capability, else the user agent ("Tizen 6.5"). */
export function tizenOsVersion(env: PlatformEnv): string | undefined {
  const si = env.tizen && env.tizen.systeminfo;
  const cap =
    si && si.getCapability
      ? safeString(() => si.getCapability!('http://tizen.org/feature/platform.version'))
      : undefined;
  if (cap) return cap;
  const m = /Tizen ([\d.]+)/.exec(env.userAgent || '');
  return m ? m[1] : undefined;
}

export function tizenFacts(env: PlatformEnv): PlatformFacts {
  const pi = env.webapis && env.webapis.productinfo;
  const duid = pi && pi.getDuid ? safeString(() => pi.getDuid!()) : undefined;
  return {
    hardwareId: duid ? { source: 'tizen-duid', value: duid } : undefined,
    make: 'Samsung',
    model:
      (pi && pi.getRealModel ? safeString(() => pi.getRealModel!()) : undefined) ??
      (pi && pi.getModel ? safeString(() => pi.getModel!()) : undefined),
    firmware: pi && pi.getFirmware ? safeString(() => pi.getFirmware!()) : undefined,
    osVersion: tizenOsVersion(env),
  };
}

/** Screensaver off while a video plays, back on otherwise (Samsung certification rule). */
export function setTizenScreenSaver(env: PlatformEnv, on: boolean): boolean {
  const ac = env.webapis && env.webapis.appcommon;
  if (!ac || !ac.setScreenSaver) return false;
  const states = ac.AppCommonScreenSaverState;
  // Samsung's enum values (SCREEN_SAVER_OFF = 0, SCREEN_SAVER_ON = 1) when the constant object is absent.
  const state = on ? (states ? states.SCREEN_SAVER_ON : 1) : states ? states.SCREEN_SAVER_OFF : 0;
  try {
    ac.setScreenSaver(state, undefined, () => undefined);
    return true;
  } catch {
    return false;
  }
}

function requestedDeepLink(env: PlatformEnv): DeepLink | undefined {
  try {
    const app = env.tizen && env.tizen.application && env.tizen.application.getCurrentApplication();
    const control = app && app.getRequestedAppControl ? app.getRequestedAppControl() : undefined;
    return control ? fromTizenAppControl(control) : undefined;
  } catch {
    return undefined;
  }
}

/** The launch's deep link now, and each later one (the `appcontrol` event of a resumed app). */
export function watchTizenDeepLinks(env: PlatformEnv, listener: (link: DeepLink) => void): void {
  const first = requestedDeepLink(env);
  if (first) listener(first);
  if (env.on)
    env.on('window', 'appcontrol', () => {
      const link = requestedDeepLink(env);
      if (link) listener(link);
    });
}
