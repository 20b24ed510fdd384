/** Chromium for the bench: fresh profile, a folder served on a random port, settings rewrites, CDP. */
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_FLAGS, findChrome } from '../../test/e2e/harness';
import { serveStatic, type StaticServer } from '../../scripts/serve-static';
import { probeScript } from './probe';

export interface BenchBrowser {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  url: string;
  throttle(rate: number): Promise<void>;
  /** Change the ready expression for the next (re)loads of this tab. */
  setReady(expr: string): Promise<void>;
  /** ms since navigation start at which the ready expression first held (throws after timeoutMs). */
  readyAt(timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

export interface OpenOptions {
  dir: string;
  readyExpr: string;
  rewrite?: Record<string, string>;
  viewport?: { width: number; height: number };
  /** localStorage entries to put in place before the app starts (warm state in a fresh profile). */
  storage?: Record<string, string>;
  /** Scripts run in the page before any app script (after the probe). */
  initScripts?: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens a context and page but does not navigate (so throttling applies to the launch itself). */
export async function openBrowser(o: OpenOptions): Promise<BenchBrowser> {
  // Rewrites go into a copy of the folder: request interception would add latency to the launch
  // being measured (and Chromium's local-network checks treat intercepted documents as non-local).
  const served = mkdtempSync(join(tmpdir(), 'tve-bench-app-'));
  cpSync(o.dir, served, { recursive: true });
  for (const f of ['index.html', 'settings.json']) {
    const file = join(served, f);
    if (!existsSync(file)) continue;
    let text = readFileSync(file, 'utf8');
    for (const [from, to] of Object.entries(o.rewrite ?? {})) text = text.split(from).join(to);
    writeFileSync(file, text);
  }
  const server: StaticServer = await serveStatic(served, 0, '127.0.0.1');
  const userDataDir = mkdtempSync(join(tmpdir(), 'tve-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChrome(),
    headless: true,
    args: CHROME_FLAGS,
    viewport: o.viewport ?? { width: 1920, height: 1080 },
    deviceScaleFactor: 1,
  });
  if (o.storage) {
    const entries = JSON.stringify(o.storage);
    await context.addInitScript(
      `(() => { const e = ${entries}; for (const k of Object.keys(e)) if (localStorage.getItem(k) === null) localStorage.setItem(k, e[k]); })();`,
    );
  }
  await context.addInitScript(probeScript(o.readyExpr));
  for (const script of o.initScripts ?? []) await context.addInitScript(script);
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return {
    context,
    page,
    cdp,
    url: server.url + '/',
    setReady: (expr) => page.evaluate((e) => sessionStorage.setItem('__probeReady', e), expr),
    throttle: (rate) => cdp.send('Emulation.setCPUThrottlingRate', { rate }).then(() => undefined),
    async readyAt(timeoutMs = 60000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const t = await page
          .evaluate(() => (window as unknown as { __probe?: { readyAt: number | null } }).__probe?.readyAt ?? null)
          .catch(() => null);
        if (typeof t === 'number') return t;
        await sleep(25);
      }
      const state = await page
        .evaluate(
          `(() => { const h = window.__tve; return h ? JSON.stringify({ route: h.route(), focus: h.focusPath().join('/'), label: h.focusedLabel() }) : 'no __tve'; })()`,
        )
        .catch(() => 'page closed');
      throw new Error(`not interactive within ${timeoutMs} ms (${o.readyExpr}); app state ${String(state)}`);
    },
    async close() {
      await context.close().catch(() => undefined);
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
      rmSync(served, { recursive: true, force: true });
    },
  };
}
