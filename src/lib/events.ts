/**
 * A small typed event bus between pages and the App shell, so pages can show toasts and error dialogs
 * without importing App. The App registers itself as the handler at start-up; until then requests
 * are queued (toasts) or resolved as dismissed (errors) so nothing throws in tests.
 */

export interface ErrorDialogOptions {
  title?: string;
  message: string;
  /** Support code shown small under the message (enhanced error code, trace id). */
  code?: string;
  /** Button labels, first one focused. Defaults to ["OK"]. */
  actions?: string[];
}

/** The label of the chosen action, or `null` when the dialog was dismissed with Back. */
export type ErrorDialogChoice = string | null;

export interface ShellHandler {
  toast(text: string, durationMs?: number): void;
  showError(options: ErrorDialogOptions): Promise<ErrorDialogChoice>;
}

type Listener<T> = (payload: T) => void;

/** Generic typed emitter (also usable by other modules for their own event maps). */
export class TypedEmitter<Events extends object> {
  private listeners: { [K in keyof Events]?: Array<Listener<Events[K]>> } = {};

  on<K extends keyof Events>(name: K, listener: Listener<Events[K]>): () => void {
    const list = this.listeners[name] ?? (this.listeners[name] = []);
    list.push(listener);
    return () => this.off(name, listener);
  }

  off<K extends keyof Events>(name: K, listener: Listener<Events[K]>): void {
    const list = this.listeners[name];
    if (list) this.listeners[name] = list.filter((l) => l !== listener);
  }

  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    for (const l of this.listeners[name] ?? []) l(payload);
  }
}

let shell: ShellHandler | null = null;
const pendingToasts: Array<{ text: string; durationMs?: number }> = [];

/** Called by App once its layers exist; pass null on teardown. */
export function registerShell(handler: ShellHandler | null): void {
  shell = handler;
  if (shell) {
    for (const t of pendingToasts.splice(0)) shell.toast(t.text, t.durationMs);
  }
}

/** Show a short, non-blocking message at the bottom of the screen. */
export function toast(text: string, durationMs?: number): void {
  if (shell) shell.toast(text, durationMs);
  else pendingToasts.push({ text, durationMs });
}

/** Show a modal error dialog above everything; resolves with the chosen action label (null = Back). */
export function showError(options: ErrorDialogOptions): Promise<ErrorDialogChoice> {
  reportUserError({ kind: 'unknown', message: options.message, code: options.code });
  if (shell) return shell.showError(options);
  return Promise.resolve(null);
}

/** A failure the user sees (error dialog or a page's failure panel), for the platform's error metrics. */
export interface UserErrorReport {
  /** The flows' failure kind (network, denied, authentication, …) or 'unknown'. */
  kind: string;
  message: string;
  code?: string;
}

let userErrorListener: ((report: UserErrorReport) => void) | null = null;

/** One listener (src/index.ts → platform.userError, e.g. Firebolt Metrics.error); null to remove. */
export function onUserError(listener: ((report: UserErrorReport) => void) | null): void {
  userErrorListener = listener;
}

/** Called wherever a failure is put on screen (showError above, MessagePanel's failureContent). */
export function reportUserError(report: UserErrorReport): void {
  if (!userErrorListener) return;
  try {
    userErrorListener(report);
  } catch {
    // Reporting must never break the screen that shows the error.
  }
}
