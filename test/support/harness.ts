/**
 * Mounts one page (mountComponent) with fake services (testDeps) and drives it with key events and
 * manual timers. Frames are advanced by hand with `settle()`.
 */
import type { Lightning } from '@lightningjs/sdk';
import { setServices, type RouteName, type Services } from '../../src/services';
import { SAMPLE_CATALOG } from './catalog';
import { testDeps, type TestDepsOptions } from './deps';
import type { FakeFlows } from './fakeFlows';
import { ManualTimers } from './manualTimers';
import { KEY, mountComponent } from './mountComponent';

export { KEY, ManualTimers, SAMPLE_CATALOG };

export interface Mounted<T> {
  app: Lightning.Application;
  page: T;
  flows: FakeFlows;
  timers: ManualTimers;
  routes: RouteName[];
  services: Services;
  press(key: keyof typeof KEY, times?: number): void;
  settle(): Promise<void>;
  focused(): Lightning.Component | undefined;
  destroy(): void;
}

/** Mount `Page` as the app's only child and make it active + focused. */
export async function mountPage<T extends Lightning.Component>(
  Page: new (...args: never[]) => T,
  options: TestDepsOptions = {},
): Promise<Mounted<T>> {
  const { routes, ...svc } = testDeps(options);
  const { flows, timers } = svc;
  setServices(svc);

  const mounted = await mountComponent(Page);
  return {
    app: mounted.app,
    page: mounted.component,
    flows,
    timers,
    routes,
    services: svc,
    press: mounted.press,
    settle: mounted.settle,
    focused: mounted.focused,
    destroy() {
      mounted.destroy();
      setServices(undefined);
    },
  };
}
