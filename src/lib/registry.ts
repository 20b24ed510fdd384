/**
 * Typed wrapper of the SDK Registry plugin: timers and DOM listeners registered here are cleared when
 * the app closes (Registry.clear()), so polling loops cannot outlive the app.
 */
import { Registry as SdkRegistry } from '@lightningjs/sdk';

export type TimerId = ReturnType<typeof setTimeout>;

interface RegistryApi {
  setTimeout(cb: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId): void;
  setInterval(cb: () => void, ms: number): TimerId;
  clearInterval(id: TimerId): void;
  addEventListener(target: EventTarget, event: string, handler: EventListener): void;
  removeEventListener(target: EventTarget, event: string, handler: EventListener): void;
  clear(): void;
}

const sdk = SdkRegistry as RegistryApi;

export const Registry = {
  setTimeout: (cb: () => void, ms: number): TimerId => sdk.setTimeout(cb, ms),
  clearTimeout: (id: TimerId | undefined): void => {
    if (id !== undefined) sdk.clearTimeout(id);
  },
  setInterval: (cb: () => void, ms: number): TimerId => sdk.setInterval(cb, ms),
  clearInterval: (id: TimerId | undefined): void => {
    if (id !== undefined) sdk.clearInterval(id);
  },
  addEventListener: (target: EventTarget, event: string, handler: EventListener): void =>
    sdk.addEventListener(target, event, handler),
  removeEventListener: (target: EventTarget, event: string, handler: EventListener): void =>
    sdk.removeEventListener(target, event, handler),
  /** Clears every timer and listener registered through the Registry. */
  clear: (): void => sdk.clear(),
};

/** The port the flows layer takes for its timers (plain functions, no Lightning import there). */
export interface Timers {
  setTimeout(cb: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId): void;
}

export const registryTimers: Timers = {
  setTimeout: Registry.setTimeout,
  clearTimeout: Registry.clearTimeout,
};

export default Registry;
