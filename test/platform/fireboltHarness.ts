/**
 * The Firebolt SDK's own mock transport, driven as documented: `window.__firebolt = {automation: true,
 * testHarness}` must exist before the SDK's modules load, so test files import this module first.
 * Every message the app sends is recorded; `emit` plays the box's side (lifecycle changes, navigateTo).
 */
export interface SentCall {
  call: string;
  params: Record<string, unknown>;
}

export const sent: SentCall[] = [];
let emitter: ((module: string, event: string, value: unknown) => void) | undefined;

(window as unknown as { __firebolt: unknown }).__firebolt = {
  automation: true,
  testHarness: {
    onSend(module: string, method: string, params: Record<string, unknown>) {
      sent.push({ call: `${module.toLowerCase()}.${method}`, params: params ?? {} });
    },
    initialize(api: { emit(module: string, event: string, value: unknown): void }) {
      emitter = api.emit;
    },
  },
};

/** Send an event as the box would (e.g. emit('Lifecycle', 'background', {...})). */
export function emit(module: string, event: string, value: unknown): void {
  if (!emitter) throw new Error('the Firebolt mock transport has not started');
  emitter(module, event, value);
}

/** The calls sent so far with this name (e.g. 'lifecycle.ready'). */
export function calls(name: string): SentCall[] {
  return sent.filter((c) => c.call === name);
}

/** Wait until `predicate` holds (the mock answers and emits on timers). */
export async function until(predicate: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; sent: ${sent.map((c) => c.call).join(', ')}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
