/**
 * Browser-journey harness on playwright-core + a system Chromium (no browser downloads).
 *
 *   const app = await launchApp({ dir: 'build' });          // or 'dist/es5', query: '?platform=webos'
 *   await app.waitForReady();                               // first page routed and focused
 *   await app.press('Right'); await app.press('Back');      // remote keys (names or keyCodes)
 *   const s = await app.state();                            // { route, focusPath, focusedLabel, dialog, toast, platform }
 *   await app.waitForState((s) => s.dialog === 'exit');     // poll the app's test hook
 *   await app.screenshot('home');                           // test-results/screenshots/home.png
 *   await app.close();
 */
import { chromium, BrowserContext, Page } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveStatic, StaticServer } from '../../scripts/serve-static';

export const ROOT = resolve(__dirname, '..', '..');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** CHROME_PATH, else the first common install path that exists; throws a clear message otherwise. */
export function findChrome(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH=${fromEnv} does not exist.`);
  }
  for (const c of CANDIDATES) if (existsSync(c)) return c;
  throw new Error(
    'No Chromium found for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
      `or set CHROME_PATH to a Chrome/Chromium binary. Looked in: ${CANDIDATES.join(', ')}.`,
  );
}

/** Flags that work headless as root without network chatter (see docs / lightning-notes). */
export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--autoplay-policy=no-user-gesture-required',
];

/** Remote keys by Lightning handler name → DOM keyCode (browser map: Back = Backspace). */
export const KEY_CODES = {
  Up: 38,
  Down: 40,
  Left: 37,
  Right: 39,
  Enter: 13,
  Back: 8,
  Escape: 27,
  Backspace: 8,
  PlayPause: 179,
  // TV codes, for runs with ?platform=tizen|webos
  TizenBack: 10009,
  WebOSBack: 461,
  Red: 403,
  Green: 404,
  Yellow: 405,
  Blue: 406,
} as const;

export type KeyName = keyof typeof KEY_CODES;

/** What the app's `window.__tve` hook reports. */
export interface AppState {
  route: string;
  focusPath: string[];
  focusedLabel: string | null;
  dialog: string | null;
  toast: string | null;
  platform: string;
  ready: boolean;
  /** "webgl" or "canvas2d" ('' before the app started). */
  renderer: string;
  /** Screen box of the focused component (stage px = page px at 1920x1080), or null. */
  focusedBounds: { x: number; y: number; w: number; h: number } | null;
  /** Drawn elements covering the whole screen, back to front (each is a full-screen fill per frame). */
  fullScreenLayers: string[];
}

export interface LaunchOptions {
  /** Folder to serve, relative to the repo root: 'build' (default), 'dist/es5', 'dist/es6'. */
  dir?: string;
  /** Query string appended to the URL, e.g. '?platform=webos' or '?canvas2d=1'. */
  query?: string;
  /** Hash route to open, e.g. '#home'. */
  hash?: string;
  viewport?: { width: number; height: number };
  /** Serve from an existing URL instead of a folder (e.g. the dev server). */
  url?: string;
  /**
   * String replacements the static server applies to .json/.html (settings.json in build/, index.html
   * with inlined settings in dist/), e.g. `emulatorUrls(emu)` for an emulator on random ports. Done in
   * the server, not by request interception: Chromium treats intercepted documents as public and then
   * blocks their requests to loopback (Local Network Access).
   */
  rewrite?: Record<string, string>;
}

/** Rewrites for `LaunchOptions.rewrite`: the emulator preset's fixed ports → a test emulator's. */
export function emulatorUrls(emu: { adobeUrl: string; programmerUrl: string }): Record<string, string> {
  return { 'http://localhost:4010': emu.adobeUrl, 'http://localhost:4020': emu.programmerUrl };
}

/**
 * Start the Adobe Pass emulator in-process on random ports (quiet), throttling on in Adobe's model. Close it
 * in afterAll: closing prints the journal's 429 count. One app (one device) per emulator; for a TV and a phone
 * side by side use test/e2e/journeys/support.ts (two addresses). Loaded lazily so the harness works while
 * the emulator is absent.
 */
export async function startTestEmulator(): Promise<{
  adobeUrl: string;
  programmerUrl: string;
  close(): Promise<void>;
}> {
  const mod = (await import('../../emulator/src/server')) as {
    startEmulator(o: {
      adobePort: number;
      programmerPort: number;
      quiet: boolean;
      settings?: { throttling?: boolean };
    }): Promise<{
      adobeUrl: string;
      programmerUrl: string;
      close(): Promise<void>;
    }>;
  };
  const emu = await mod.startEmulator({ adobePort: 0, programmerPort: 0, quiet: true, settings: { throttling: true } });
  return {
    adobeUrl: emu.adobeUrl,
    programmerUrl: emu.programmerUrl,
    close: async () => {
      await printThrottling(emu.adobeUrl).catch(() => undefined);
      await emu.close();
    },
  };
}

/** One line for the test output: the emulator journal's 429s, provoked (throttle) and injected (faults). */
export async function printThrottling(adobeUrl: string, label = 'Emulator journal'): Promise<void> {
  const get = async (path: string) => (await fetch(`${adobeUrl}/__emulator/${path}`)).json() as Promise<unknown>;
  const { entries } = (await get('journal')) as {
    entries: Array<{ status: number; throttled?: true; fault?: string }>;
  };
  const { throttling } = (await get('settings')) as { throttling?: boolean };
  const provoked = entries.filter((e) => e.throttled).length;
  const injected = entries.filter((e) => e.status === 429 && e.fault).length;
  process.stdout.write(
    `${label} (throttling ${throttling ? 'on' : 'off'}): ${entries.length} requests, ${provoked} × 429 provoked, ${injected} × 429 injected\n`,
  );
}

export interface AppSession {
  page: Page;
  context: BrowserContext;
  url: string;
  /** Console errors and page errors seen so far (journeys usually assert this is empty). */
  errors: string[];
  press(key: KeyName | number, times?: number): Promise<void>;
  /** Pointer (Magic Remote / mouse): move to page coordinates (= stage px at 1920x1080), optionally click. */
  pointer(x: number, y: number, click?: boolean): Promise<void>;
  state(): Promise<AppState>;
  waitForState(predicate: (s: AppState) => boolean, timeoutMs?: number): Promise<AppState>;
  waitForReady(timeoutMs?: number): Promise<AppState>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function launchApp(options: LaunchOptions = {}): Promise<AppSession> {
  const executablePath = findChrome();
  const dir = options.dir ?? 'build';
  let server: StaticServer | undefined;
  let base = options.url;
  if (!base) {
    const folder = resolve(ROOT, dir);
    if (!existsSync(join(folder, 'index.html'))) {
      throw new Error(
        `${dir}/index.html is missing: run \`npm run build\` (build/) or \`npm run dist\` (dist/) first.`,
      );
    }
    server = await serveStatic(folder, 0, '127.0.0.1', { rewrite: options.rewrite });
    base = server.url + '/';
  }
  const url = base + (options.query ?? '') + (options.hash ?? '');
  const userDataDir = mkdtempSync(join(tmpdir(), 'tve-chrome-'));
  const viewport = options.viewport ?? { width: 1920, height: 1080 };
  let context: BrowserContext;
  try {
    // A persistent context takes the viewport at launch (newPage({viewport}) would be ignored).
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROME_FLAGS,
      viewport,
      deviceScaleFactor: 1,
    });
  } catch (e) {
    if (server) await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`http ${r.status()}: ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(url, { waitUntil: 'load' });

  const state = async (): Promise<AppState> =>
    page.evaluate(() => {
      const w = window as unknown as { __tve?: Record<string, () => unknown> };
      const h = w.__tve;
      if (!h)
        return {
          route: '',
          focusPath: [],
          focusedLabel: null,
          dialog: null,
          toast: null,
          platform: '',
          ready: false,
          renderer: '',
          focusedBounds: null,
          fullScreenLayers: [],
        };
      return {
        route: h.route!() as string,
        focusPath: h.focusPath!() as string[],
        focusedLabel: h.focusedLabel!() as string | null,
        dialog: h.dialog!() as string | null,
        toast: h.toast!() as string | null,
        platform: h.platform!() as string,
        ready: h.ready!() as boolean,
        renderer: h.renderer ? (h.renderer() as string) : '',
        focusedBounds: h.focusedBounds ? (h.focusedBounds() as AppState['focusedBounds']) : null,
        fullScreenLayers: h.fullScreenLayers ? (h.fullScreenLayers() as string[]) : [],
      };
    });

  const waitForState = async (predicate: (s: AppState) => boolean, timeoutMs = 10000): Promise<AppState> => {
    const deadline = Date.now() + timeoutMs;
    let last: AppState | undefined;
    while (Date.now() < deadline) {
      last = await state();
      if (predicate(last)) return last;
      await sleep(50);
    }
    throw new Error(
      `App state did not match within ${timeoutMs} ms; last state: ${JSON.stringify(last)}; errors: ${errors.join(' | ')}`,
    );
  };

  const press = async (key: KeyName | number, times = 1): Promise<void> => {
    const keyCode = typeof key === 'number' ? key : KEY_CODES[key];
    for (let i = 0; i < times; i++) {
      // Lightning reads keyCode only; a synthetic event carries any TV code (461, 10009...).
      await page.evaluate((code) => {
        const init = { keyCode: code, which: code, bubbles: true } as KeyboardEventInit;
        window.dispatchEvent(new KeyboardEvent('keydown', init));
        window.dispatchEvent(new KeyboardEvent('keyup', init));
      }, keyCode);
      // Let Lightning run a frame so focus changes are applied before the next read.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
  };

  const nextFrames = (): Promise<unknown> =>
    page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  const pointer = async (x: number, y: number, click = false): Promise<void> => {
    await page.mouse.move(x, y, { steps: 2 });
    await nextFrames();
    if (click) {
      await page.mouse.click(x, y);
      await nextFrames();
    }
  };

  const screenshot = async (name: string): Promise<string> => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await page.screenshot({ path: file });
    return file;
  };

  return {
    page,
    context,
    url,
    errors,
    press,
    pointer,
    state,
    waitForState,
    waitForReady: (timeoutMs = 15000) => waitForState((s) => s.ready, timeoutMs),
    screenshot,
    close: async () => {
      await context.close().catch(() => undefined);
      if (server) await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
