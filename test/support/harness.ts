import { TextEncoder as NodeTextEncoder } from 'util';
// jsdom has no TextEncoder (the qrcode package needs it; TV engines have it).
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder: NodeTextEncoder });
/**
 * Mounts one page in a tiny Lightning Application (canvas2d, no autostart) with fake services, and
 * drives it with key events and manual timers. Frames are advanced by hand with `settle()`.
 */
import { Lightning } from '@lightningjs/sdk';
import { setServices, type RouteName, type Services } from '../../src/services';
import { SAMPLE_CATALOG } from './catalog';
import { testDeps, type TestDepsOptions } from './deps';
import type { FakeFlows } from './fakeFlows';
import { ManualTimers } from './manualTimers';

// canvas2d has no RoundedRectangle shader (WebGL draws the corners); keep test output readable.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('Shader has no implementation')) return;
  warn(...args);
};

export const KEY = { Left: 37, Up: 38, Right: 39, Down: 40, Enter: 13, Back: 8, Menu: 27, PlayPause: 250 } as const;

export { ManualTimers, SAMPLE_CATALOG };

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

  class TestApp extends Lightning.Application {
    static override _template() {
      return { Page: { type: Page } } as never;
    }
    override _getFocused() {
      return this.tag('Page' as never) as never;
    }
  }
  const app = new TestApp({
    stage: { w: 1920, h: 1080, canvas2d: true, autostart: false, useImageWorker: false },
    // The SDK's key names (core's defaults map 27 to Exit and know no media keys).
    keys: {
      8: 'Back',
      13: 'Enter',
      27: 'Menu',
      37: 'Left',
      38: 'Up',
      39: 'Right',
      40: 'Down',
      250: 'PlayPause',
      178: 'Stop',
    },
  } as never);
  document.body.appendChild(app.stage.getCanvas());
  const page = app.tag('Page' as never) as unknown as T;
  const settle = async () => {
    for (let i = 0; i < 5; i++) {
      await Promise.resolve();
      await new Promise((r) => setTimeout(r, 0));
    }
    app.stage.drawFrame();
  };
  await settle();
  return {
    app,
    page,
    flows,
    timers,
    routes,
    services: svc,
    press(key, times = 1) {
      for (let i = 0; i < times; i++)
        window.dispatchEvent(new KeyboardEvent('keydown', { keyCode: KEY[key] } as KeyboardEventInit));
    },
    settle,
    focused: () => app.focusPath?.[app.focusPath.length - 1] as Lightning.Component | undefined,
    destroy() {
      app.destroy();
      setServices(undefined);
    },
  };
}
