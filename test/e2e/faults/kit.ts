/**
 * Helpers for the browser fault rows: the restartable emulator of the Node matrix, the app on it
 * (3 s polling so the rows stay short), and a reader for the message panel on screen (title,
 * message) through the Lightning stage, captured by an init script before the app starts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFaultHarness, type FaultHarness } from '../../flows-faults/harness';
import { serveStatic, type StaticServer } from '../../../scripts/serve-static';
import { launchApp, ROOT, type AppSession } from '../harness';

export { startFaultHarness, type FaultHarness };

/** Captures the stage (Stage.prototype.updateFrame wrapper) so tests can read on-screen text. */
const STAGE_PROBE = `(() => {
  let current;
  const patch = (lng) => {
    const S = lng && lng.Stage;
    if (!S || S.prototype.__faultProbe) return;
    S.prototype.__faultProbe = true;
    const orig = S.prototype.updateFrame;
    S.prototype.updateFrame = function () { window.__stage = this; return orig.apply(this, arguments); };
  };
  Object.defineProperty(window, 'lng', { configurable: true, get: () => current, set: (v) => { current = v; Promise.resolve().then(() => patch(current)); } });
})();`;

const servers: StaticServer[] = [];

export async function closeServers(): Promise<void> {
  await Promise.all(servers.splice(0).map((s) => s.close()));
}

/**
 * Opens the app (build/) against the fault harness. The page starts blank so the stage probe (and
 * any stored garbage) is in place before the app's first request: request counts then cover this
 * launch only. Settings are rewritten by the static server (harness ports, 3 s polling). Each launch
 * starts with fresh browser storage, i.e. as a new install: it reaches the emulator as a new device (an
 * address of its own, so Adobe's one-time burst is its own to spend; a reload keeps the device).
 */
export async function launchOn(h: FaultHarness, storage?: Record<string, string>): Promise<AppSession> {
  const rewrite = {
    'http://localhost:4010': await h.deviceUrl(),
    'http://localhost:4020': h.programmerUrl,
    '"pollIntervalMs": 5000': '"pollIntervalMs": 3000',
  };
  const server = await serveStatic(join(ROOT, 'build'), 0, '127.0.0.1', { rewrite });
  servers.push(server);
  const app = await launchApp({ url: 'about:blank' });
  await app.context.addInitScript(STAGE_PROBE);
  if (storage) {
    const entries = JSON.stringify(storage);
    await app.context.addInitScript(
      `(() => { const e = ${entries}; if (location.protocol === 'http:') for (const k of Object.keys(e)) localStorage.setItem(k, e[k]); })();`,
    );
  }
  await app.page.goto(server.url + '/');
  return app;
}

export interface Panel {
  title: string;
  message: string;
}

/** Title and message of the panel that holds the focus (null when the focus is not in one). */
export async function focusedPanel(app: AppSession): Promise<Panel | null> {
  return app.page.evaluate(`(() => {
    const stage = window.__stage;
    const path = stage && stage.application && stage.application.focusPath;
    if (!path) return null;
    for (let i = path.length - 1; i >= 0; i--) {
      const c = path[i];
      const t = c.tag && c.tag('Title');
      const m = c.tag && c.tag('Message');
      if (t && m && t.text && m.text) return { title: String(t.text.text || ''), message: String(m.text.text || '') };
    }
    return null;
  })()`) as Promise<Panel | null>;
}

export async function waitForPanel(app: AppSession, timeoutMs = 30000): Promise<Panel> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const p = await focusedPanel(app);
    if (p && p.title) return p;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no focused message panel within ${timeoutMs} ms; state ${JSON.stringify(await app.state())}`);
}

export const journey = (app: AppSession) =>
  app.page.evaluate(() => {
    const j = (
      window as unknown as {
        __tveJourney?: {
          activationCode: string | null;
          playerPhase: string | null;
          message?: string | null;
          titles(): Array<{ access: string }>;
        };
      }
    ).__tveJourney;
    return j
      ? { code: j.activationCode, playerPhase: j.playerPhase, message: j.message ?? null, titles: j.titles() }
      : null;
  });

export interface RowReport {
  phase: string;
  fault: string;
  shown: string;
  wayForward: string;
  requests: number;
  recovered: string;
}

/** Writes the rows as a Markdown table next to the Node matrix and prints it. */
export function printRows(rows: RowReport[]): void {
  const lines = [
    '| phase | fault injected | what the TV shows | focused way forward | requests while faulty | after the fault clears |',
    '|---|---|---|---|---:|---|',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.phase} | ${r.fault} | ${r.shown.replace(/\|/g, '/')} | ${r.wayForward} | ${r.requests} | ${r.recovered} |`,
    );
  const dir = join(ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'fault-browser.md'), lines.join('\n') + '\n');
  process.stdout.write(`\nFault rows in the TV app (Chromium)\n\n${lines.join('\n')}\n`);
}
