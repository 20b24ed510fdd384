/**
 * The TV app (dist/es5) in WPE WebKit: serve a copy pointed at the test stack, open it in cog through
 * WebDriver, and read the app's test hooks (`window.__tve`, `window.__tveJourney`) like the Chromium
 * harness does. Remote keys are WebDriver key actions: real key events from the engine's input path,
 * not synthetic `dispatchEvent` calls.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveStatic, type StaticServer } from '../../scripts/serve-static';
import type { AppState } from '../e2e/harness';
import type { Journey, Stack } from '../e2e/journeys/support';
import { startEngine, type Engine } from './engine';
import { decodePng, type Image } from './pixels';
import { WD_KEYS, type WdKeyName } from './webdriver';

export const ROOT = resolve(__dirname, '..', '..');
export const SHOT_DIR = join(ROOT, 'test-results', 'screenshots');

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const STATE_SCRIPT = `
  var h = window.__tve;
  if (!h) return null;
  return { route: h.route(), focusPath: h.focusPath(), focusedLabel: h.focusedLabel(), dialog: h.dialog(),
    toast: h.toast(), platform: h.platform(), ready: h.ready(), renderer: h.renderer ? h.renderer() : '',
    focusedBounds: h.focusedBounds ? h.focusedBounds() : null,
    fullScreenLayers: h.fullScreenLayers ? h.fullScreenLayers() : [] };`;

const JOURNEY_SCRIPT = `
  var j = window.__tveJourney;
  if (!j) return null;
  return { activationCode: j.activationCode, activationUrl: j.activationUrl, message: j.message,
    playerPhase: j.playerPhase, player: j.player(), titles: j.titles() };`;

const EMPTY_STATE: AppState = {
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

export interface WpeApp {
  engine: Engine;
  url: string;
  /** Press each key (names from WD_KEYS), `gapMs` apart, in one WebDriver request. */
  press(key: WdKeyName, times?: number, gapMs?: number): Promise<void>;
  state(): Promise<AppState>;
  waitForState(predicate: (s: AppState) => boolean, timeoutMs?: number): Promise<AppState>;
  journey(): Promise<Journey>;
  waitForJourney(predicate: (j: Journey) => boolean, timeoutMs?: number): Promise<Journey>;
  /**
   * The compositor's frame once it is steady (two shots in a row identical) and `ready` accepts it,
   * or the last one after `timeoutMs`; saved as test-results/screenshots/wpe-<name>.png, decoded.
   * Frames reach the display a while after the app's state changed (≈ 1 s here for a dialog fade).
   */
  shot(name: string, ready?: (img: Image) => boolean, timeoutMs?: number): Promise<Image>;
  /** One compositor frame as it is now (for moving pictures such as video), saved and decoded. */
  rawShot(name: string): Promise<Image>;
  /** Page errors cog printed to its console so far. */
  errors(): string[];
  close(): Promise<void>;
}

export async function launchWpe(stack: Stack, query = '?platform=rdk'): Promise<WpeApp> {
  const source = resolve(ROOT, process.env.TVE_WPE_DIR ?? 'dist/es5');
  if (!existsSync(join(source, 'index.html'))) {
    throw new Error(`${source}/index.html is missing: run \`npm run dist\` first.`);
  }
  // A copy with the emulator preset's URLs rewritten (settings are inlined in dist's index.html).
  const copy = mkdtempSync(join(tmpdir(), 'tve-wpe-app-'));
  cpSync(source, copy, { recursive: true });
  for (const file of ['settings.json', 'index.html']) {
    const path = join(copy, file);
    if (!existsSync(path)) continue;
    let text = readFileSync(path, 'utf8');
    for (const [from, to] of Object.entries(stack.rewrite)) text = text.split(from).join(to);
    writeFileSync(path, text);
  }
  let server: StaticServer | undefined;
  let engine: Engine | undefined;
  try {
    server = await serveStatic(copy, 0, '127.0.0.1');
    engine = await startEngine();
  } catch (e) {
    await server?.close();
    rmSync(copy, { recursive: true, force: true });
    throw e;
  }
  const s = engine.session;
  const url = `${server.url}/${query}`;
  await s.navigate(url);

  const state = async (): Promise<AppState> => (await s.execute<AppState | null>(STATE_SCRIPT)) ?? EMPTY_STATE;
  const journey = async (): Promise<Journey> =>
    (await s.execute<Journey | null>(JOURNEY_SCRIPT)) ?? {
      activationCode: null,
      activationUrl: null,
      message: null,
      playerPhase: null,
      player: null,
      titles: [],
    };
  const errors = (): string[] => engine!.console.filter((l) => /CONSOLE (JS )?ERROR/.test(l));

  async function poll<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    while (Date.now() < deadline) {
      last = await read();
      if (ok(last)) return last;
      await sleep(100);
    }
    throw new Error(
      `${what} did not match within ${timeoutMs} ms; last: ${JSON.stringify(last)}; console errors: ${errors().join(' | ')}`,
    );
  }

  return {
    engine,
    url,
    press: async (key, times = 1, gapMs = 120) => {
      const values: string[] = [];
      for (let i = 0; i < times; i++) values.push(WD_KEYS[key]);
      await s.keys(values, gapMs);
      await sleep(gapMs);
    },
    state,
    waitForState: (p, timeoutMs = 10000) => poll(state, p, timeoutMs, 'App state'),
    journey,
    waitForJourney: (p, timeoutMs = 10000) => poll(journey, p, timeoutMs, 'Journey state'),
    shot: async (name, ready, timeoutMs = 15000) => {
      const deadline = Date.now() + timeoutMs;
      let previous: Buffer | undefined;
      let png = await engine!.displayShot();
      let img = decodePng(png);
      while (Date.now() < deadline) {
        if (previous && previous.equals(png) && (!ready || ready(img))) break;
        await sleep(200);
        previous = png;
        png = await engine!.displayShot();
        img = decodePng(png);
      }
      mkdirSync(SHOT_DIR, { recursive: true });
      writeFileSync(join(SHOT_DIR, `wpe-${name}.png`), png);
      return img;
    },
    rawShot: async (name) => {
      const png = await engine!.displayShot();
      mkdirSync(SHOT_DIR, { recursive: true });
      writeFileSync(join(SHOT_DIR, `wpe-${name}.png`), png);
      return decodePng(png);
    },
    errors,
    close: async () => {
      await engine!.close();
      await server!.close();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}
