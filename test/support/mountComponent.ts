import { TextEncoder as NodeTextEncoder } from 'util';
// jsdom has no TextEncoder (the qrcode package needs it; TV engines have it).
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder: NodeTextEncoder });
/**
 * Mounts one component as the only child of a tiny Lightning Application (canvas2d, no autostart),
 * focused, and drives it with key events; frames advance by hand with `settle()`. Signals the
 * component sends to its parent are recorded (`signals`). Pages are mounted the same way (harness.ts).
 */
import { Lightning } from '@lightningjs/sdk';

// canvas2d has no RoundedRectangle shader (WebGL draws the corners); keep test output readable.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('Shader has no implementation')) return;
  warn(...args);
};

export const KEY = {
  Left: 37,
  Up: 38,
  Right: 39,
  Down: 40,
  Enter: 13,
  Back: 8,
  Menu: 27,
  PlayPause: 250,
  Stop: 178,
} as const;

/** The SDK's key names (core's defaults map 27 to Exit and know no media keys). */
const KEY_NAMES = {
  8: 'Back',
  13: 'Enter',
  27: 'Menu',
  37: 'Left',
  38: 'Up',
  39: 'Right',
  40: 'Down',
  250: 'PlayPause',
  178: 'Stop',
};

export interface SignalCall {
  name: string;
  args: unknown[];
}

export interface MountedComponent<T> {
  app: Lightning.Application;
  component: T;
  /** Signals received from the component, in order. */
  signals: SignalCall[];
  press(key: keyof typeof KEY, times?: number): void;
  settle(): Promise<void>;
  /** The deepest focused component. */
  focused(): Lightning.Component | undefined;
  destroy(): void;
}

/**
 * Mount `Type` with template `props`; `signals` names the signals to record (each is also a method
 * of the host, so the component's `this.signal(name, ...)` reaches it).
 */
export async function mountComponent<T extends Lightning.Component>(
  Type: new (...args: never[]) => T,
  props: Record<string, unknown> = {},
  signals: string[] = [],
): Promise<MountedComponent<T>> {
  const calls: SignalCall[] = [];
  class Host extends Lightning.Application {
    static override _template() {
      const map: Record<string, string> = {};
      for (const name of signals) map[name] = `_on_${name}`;
      return { Child: { type: Type, ...props, signals: map } } as never;
    }
    override _getFocused() {
      return this.tag('Child' as never) as never;
    }
  }
  for (const name of signals)
    (Host.prototype as unknown as Record<string, unknown>)[`_on_${name}`] = (...args: unknown[]) =>
      calls.push({ name, args });
  const app = new Host({
    stage: { w: 1920, h: 1080, canvas2d: true, autostart: false, useImageWorker: false },
    keys: KEY_NAMES,
  } as never);
  document.body.appendChild(app.stage.getCanvas());
  const component = app.tag('Child' as never) as unknown as T;
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
    component,
    signals: calls,
    press(key, times = 1) {
      for (let i = 0; i < times; i++)
        window.dispatchEvent(new KeyboardEvent('keydown', { keyCode: KEY[key] } as KeyboardEventInit));
    },
    settle,
    focused: () => app.focusPath?.[app.focusPath.length - 1] as Lightning.Component | undefined,
    destroy: () => app.destroy(),
  };
}
