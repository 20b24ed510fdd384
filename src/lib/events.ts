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
  if (shell) return shell.showError(options);
  return Promise.resolve(null);
}
