/**
 * Shared setup for the TV journeys: an in-process emulator and second-screen site on random ports,
 * the TV build pointed at them (settings rewritten by the foundation harness), admin/journal helpers
 * and readers for the app's journey hook (`window.__tveJourney`, src/pages/hooks.ts).
 *
 * Throttling is on (the emulator's default, Adobe's model). The TV and the phone are two devices with two
 * addresses, as at home (the phone usually on its mobile network): each reaches the emulator through its own
 * port of the device network (test/support/device-network.ts), which adds its X-Forwarded-For. Every stack
 * is a fresh emulator, so each journey starts as a new TV with Adobe's one-time burst still to spend.
 */
import { INPUT_GUARD_MS } from '../../../src/controllers/input-guard';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/server';
import { startSecondScreen, type SecondScreenServer } from '../../../second-screen/server';
import { startDeviceNetwork, type Device } from '../../support/device-network';
import { launchApp, printThrottling, ROOT, type AppSession, type LaunchOptions } from '../harness';

export interface Stack {
  emu: RunningEmulator;
  site: SecondScreenServer;
  /** The TV's and the phone's way to the Adobe side (two addresses, two throttling budgets). */
  tv: Device;
  phone: Device;
  rewrite: Record<string, string>;
  close(): Promise<void>;
}

export async function startStack(settings: Record<string, unknown> = {}): Promise<Stack> {
  const emu = await startEmulator({ adobePort: 0, programmerPort: 0, quiet: true, settings });
  const network = await startDeviceNetwork(emu.adobeUrl);
  const tv = await network.device();
  const phone = await network.device();
  const site = await startSecondScreen({ port: 0, adobeUrl: phone.url, programmerUrl: emu.programmerUrl, quiet: true });
  const siteHost = site.url.replace(/^https?:\/\//, '');
  const stack: Stack = {
    emu,
    site,
    tv,
    phone,
    // Order matters: full URLs first, then the short URL printed under the code.
    rewrite: {
      'http://localhost:4010': tv.url,
      'http://localhost:4020': emu.programmerUrl,
      'http://localhost:4030': site.url,
      'localhost:4030': siteHost,
    },
    close: async () => {
      await printThrottling(emu.adobeUrl).catch(() => undefined);
      await site.close();
      await network.close();
      await emu.close();
    },
  };
  return stack;
}

/** 429s the clients provoked (the emulator's throttle refused them), injected 429s apart. */
export async function provoked429(stack: Stack): Promise<JournalEntry[]> {
  return (await journal(stack)).filter((e) => e.throttled);
}

/**
 * Serve a copy of the build with the emulator preset's URLs rewritten in settings.json / index.html.
 * (Rewriting through request interception makes Chromium treat the page as public, and its Local
 * Network Access checks then block the app's calls to the loopback emulator.)
 */
export async function launchTv(stack: Stack, options: LaunchOptions = {}): Promise<AppSession> {
  const source = resolve(ROOT, process.env.TVE_E2E_DIR ?? 'build');
  const copy = mkdtempSync(join(tmpdir(), 'tve-build-'));
  cpSync(source, copy, { recursive: true });
  for (const file of ['settings.json', 'index.html']) {
    const path = join(copy, file);
    if (!existsSync(path)) continue;
    let text = readFileSync(path, 'utf8');
    for (const [from, to] of Object.entries(stack.rewrite)) text = text.split(from).join(to);
    writeFileSync(path, text);
  }
  const app = await launchApp({ dir: copy, ...options });
  const close = app.close;
  app.close = async () => {
    await close();
    rmSync(copy, { recursive: true, force: true });
  };
  return app;
}

export async function admin<T = unknown>(stack: Stack, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${stack.emu.adobeUrl}/__emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface JournalEntry {
  seq: number;
  /** Emulator clock, ms. */
  time: number;
  method: string;
  path: string;
  status: number;
  /** The emulator's throttle refused it: a 429 the client provoked. */
  throttled?: true;
  /** An injected fault answered it (its type). */
  fault?: string;
  headers?: Record<string, string | undefined>;
}

export async function journal(stack: Stack, since = 0): Promise<JournalEntry[]> {
  const { entries } = await admin<{ entries: JournalEntry[] }>(stack, 'GET', `journal?since=${since}`);
  return entries;
}

export async function lastSeq(stack: Stack): Promise<number> {
  const entries = await journal(stack);
  return entries.length ? entries[entries.length - 1]!.seq : 0;
}

export interface Subscriber {
  username: string;
  password: string;
}

export async function subscriber(stack: Stack, username: string): Promise<Subscriber> {
  const fixtures = await admin<{ subscribers: Subscriber[] }>(stack, 'GET', 'fixtures');
  const found = fixtures.subscribers.find((s) => s.username === username);
  if (!found) throw new Error(`fixture subscriber ${username} missing`);
  return found;
}

export interface Journey {
  activationCode: string | null;
  activationUrl: string | null;
  message: string | null;
  /** The degraded-access line shown (catalog or player), else null. */
  notice?: string | null;
  playerPhase: string | null;
  player: { currentTime: number; duration: number; paused: boolean; readyState: number; hasSource: boolean } | null;
  titles: Array<{ id: string; title: string; access: string }>;
}

export function journey(app: AppSession): Promise<Journey> {
  return app.page.evaluate(() => {
    const j = (window as unknown as { __tveJourney?: Record<string, unknown> }).__tveJourney;
    if (!j)
      return {
        activationCode: null,
        activationUrl: null,
        message: null,
        notice: null,
        playerPhase: null,
        player: null,
        titles: [],
      };
    return {
      activationCode: j.activationCode as string | null,
      activationUrl: j.activationUrl as string | null,
      message: j.message as string | null,
      notice: (j.notice as string | null | undefined) ?? null,
      playerPhase: j.playerPhase as string | null,
      player: (j.player as () => Journey['player'])(),
      titles: (j.titles as () => Journey['titles'])(),
    };
  });
}

export async function waitForJourney(
  app: AppSession,
  predicate: (j: Journey) => boolean,
  timeoutMs = 10000,
): Promise<Journey> {
  const deadline = Date.now() + timeoutMs;
  let last: Journey | undefined;
  while (Date.now() < deadline) {
    last = await journey(app);
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`journey state did not match within ${timeoutMs} ms: ${JSON.stringify(last)}`);
}

/** The channel an item's resource names (plain id, or the MRSS channel title). */
export function channelOf(resource: string): string {
  const m = /<channel>\s*<title>([^<]+)<\/title>/.exec(resource);
  return (m ? m[1]! : resource).trim();
}

/** The provider picker as its journey hook reports it (src/pages/hooks.ts PickerInfo). */
export interface PickerView {
  order: string[];
  featured: number;
  query: string;
}

export async function pickerView(app: AppSession): Promise<PickerView | null> {
  // A string, not a function: tsx's helpers (__name) do not exist in the page.
  return (await app.page.evaluate(`(() => {
    const j = window.__tveJourney;
    return j && j.picker ? j.picker() : null;
  })()`)) as PickerView | null;
}

/** Row and column of display index `i`: the featured row on top, then the A–Z rows (src/controllers/providers.ts). */
function cellOf(view: PickerView, i: number, cols: number): { row: number; col: number } {
  if (i < view.featured) return { row: 0, col: i };
  const k = i - view.featured;
  return { row: (view.featured > 0 ? 1 : 0) + Math.floor(k / cols), col: k % cols };
}

/**
 * Moves the picker's focus to the tile labelled `label` with arrow keys, as a viewer would: the hook gives
 * the tiles in display order, so each leg (rows, then columns) is planned from where focus is and checked
 * after it (a shorter row clamps the column). `cols`: PICKER_COLS.
 */
export async function focusPickerTile(app: AppSession, label: string, cols = 5): Promise<void> {
  await app.waitForState(
    (s) => s.route === 'providers' && /Tile/.test(s.focusPath.join('/')) && !!s.focusedLabel,
    30_000,
  );
  for (let leg = 0; leg < 4; leg++) {
    const focused = (await app.state()).focusedLabel ?? '';
    if (focused === label) return;
    const view = await pickerView(app);
    if (!view) throw new Error('the provider picker hook is missing');
    const target = view.order.indexOf(label);
    const here = view.order.indexOf(focused);
    if (target < 0 || here < 0) {
      throw new Error(
        `no "${label}" tile in the provider picker (focus on "${focused}", ${view.order.length} tiles: ` +
          `${view.order.slice(0, 8).join(', ')}…, featured ${view.featured}, query "${view.query}")`,
      );
    }
    const from = cellOf(view, here, cols);
    const to = cellOf(view, target, cols);
    if (to.row !== from.row) await app.press(to.row > from.row ? 'Down' : 'Up', Math.abs(to.row - from.row));
    else await app.press(to.col > from.col ? 'Right' : 'Left', Math.abs(to.col - from.col));
  }
  throw new Error(`could not move the picker's focus to "${label}" (focus on "${(await app.state()).focusedLabel}")`);
}

/**
 * The catalog is on screen and has been long enough to take OK: it ignores OK for INPUT_GUARD_MS after it
 * opens (an OK meant for the previous screen must not start playback), and a fast catalog can be drawn,
 * focused and decided within that window.
 */
export async function catalogTakesOk(app: AppSession): Promise<void> {
  await app.waitForState((s) => s.route === 'catalog', 20_000);
  await new Promise((r) => setTimeout(r, INPUT_GUARD_MS + 100));
}
