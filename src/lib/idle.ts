/**
 * Work the first screen does not need (the other pages' chunks) waits until the engine has idle time,
 * so it does not compete with the first screen's own data and drawing. requestIdleCallback exists from
 * Chromium 47 (Tizen 2017, webOS 4); an engine without it (some WPE builds) runs the task after a fixed
 * pause instead. `timeoutMs` bounds the wait on a screen that never goes idle (an animation running).
 */
export const IDLE_FALLBACK_MS = 1000;

interface IdleWindow {
  requestIdleCallback?: (task: () => void, options?: { timeout: number }) => number;
  setTimeout(task: () => void, ms: number): unknown;
}

export function whenIdle(task: () => void, timeoutMs = 2000, win: IdleWindow = window): void {
  if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(() => task(), { timeout: timeoutMs });
  else win.setTimeout(task, IDLE_FALLBACK_MS);
}
