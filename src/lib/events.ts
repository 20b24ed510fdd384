/**
 * A small typed event bus between pages and the App shell, so pages can show toasts and ask questions
 * in a modal dialog without importing App. The App registers itself as the handler at start-up; until
 * then requests are queued (toasts) or resolved as dismissed (questions) so nothing throws in tests.
 */

export interface AskOptions {
  title?: string;
  message: string;
  /** Support code shown small under the message (enhanced error code, trace id). */
  code?: string;
  /** Button labels, first one focused. Defaults to ["OK"]. */
  actions?: string[];
}

/** The label of the chosen action, or `null` when the dialog was dismissed with Back. */
export type AskChoice = string | null;

export interface ShellHandler {
  toast(text: string, durationMs?: number): void;
  ask(options: AskOptions): Promise<AskChoice>;
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

/** Ask in a modal dialog above everything; resolves with the chosen action label (null = Back). */
export function ask(options: AskOptions): Promise<AskChoice> {
  if (shell) return shell.ask(options);
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
