/**
 * One TV in Chromium for the conformance run: the real TV build (build/ or dist/es5) copied into a
 * folder of its own and served on a fixed origin, so a relaunch (fresh page, same localStorage) and
 * an app update (another build in the same folder, same origin, same storage) are both possible.
 * Driven with remote keys through the e2e harness (test/e2e/harness.ts). Every request the page makes
 * to the programmer's media origin is recorded (media tokens kept in memory only, never printed).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveStatic, type StaticServer } from '../../scripts/serve-static';
import { launchApp, ROOT, type AppSession, type AppState, type KeyName } from '../../test/e2e/harness';
import { journey, waitForJourney, type Journey } from '../../test/e2e/journeys/support';
import type { Emulator } from '../lib/emulator';

export type BuildDir = 'build' | 'dist/es5';

export interface MediaRequest {
  /** Date.now() when the page sent it. */
  at: number;
  path: string;
  /** The media token in the query (playlist requests), else undefined. */
  token?: string;
  grant: boolean;
  status?: number;
  failed?: boolean;
}

/** What the TV keeps at rest in the browser: every store a web page can write. */
export interface AtRest {
  local: Record<string, string>;
  session: Record<string, string>;
  cookies: number;
  indexedDb: string[];
}

export interface TvOptions {
  /** Extra replacements in settings.json / index.html (e.g. a shorter configuration cache for one TV). */
  rewrite?: Record<string, string>;
  build?: BuildDir;
}

export class BrowserTv {
  readonly media: MediaRequest[] = [];
  build: BuildDir;

  private constructor(
    readonly app: AppSession,
    private readonly server: StaticServer,
    private readonly folder: string,
    private readonly programmerUrl: string,
    build: BuildDir,
  ) {
    this.build = build;
  }

  static async open(emu: Emulator, options: TvOptions = {}): Promise<BrowserTv> {
    const build = options.build ?? 'build';
    const folder = mkdtempSync(join(tmpdir(), 'tve-conformance-tv-'));
    copyBuild(build, folder);
    // A device of its own on the simulated network: Adobe throttles each device by its address.
    const adobeUrl = await emu.device();
    const rewrite = {
      'http://localhost:4010': adobeUrl,
      'http://localhost:4020': emu.programmerUrl,
      ...(options.rewrite ?? {}),
    };
    const server = await serveStatic(folder, 0, '127.0.0.1', { rewrite });
    // The page starts blank so the request listeners are in place before the app's first request.
    const app = await launchApp({ url: 'about:blank' });
    const tv = new BrowserTv(app, server, folder, emu.programmerUrl, build);
    tv.listen();
    await app.page.goto(tv.url, { waitUntil: 'load' });
    return tv;
  }

  get url(): string {
    return this.server.url + '/';
  }

  private listen(): void {
    const mediaPrefix = `${this.programmerUrl}/media/`;
    const byRequest = new Map<unknown, MediaRequest>();
    this.app.page.on('request', (r) => {
      if (!r.url().startsWith(mediaPrefix)) return;
      const u = new URL(r.url());
      const m: MediaRequest = {
        at: Date.now(),
        path: u.pathname,
        token: u.searchParams.get('mediaToken') ?? undefined,
        grant: u.searchParams.has('grant'),
      };
      byRequest.set(r, m);
      this.media.push(m);
    });
    this.app.page.on('response', (res) => {
      const m = byRequest.get(res.request());
      if (m) m.status = res.status();
    });
    this.app.page.on('requestfailed', (r) => {
      const m = byRequest.get(r);
      if (m) m.failed = true;
    });
  }

  /** The app restarted: a fresh page on the same origin (same storage). */
  async relaunch(): Promise<void> {
    await this.app.page.goto(this.url, { waitUntil: 'load' });
  }

  /** An app update: another build in the served folder (same origin, same storage), then a launch. */
  async update(build: BuildDir): Promise<void> {
    await this.app.page.goto('about:blank');
    for (const f of readdirSync(this.folder)) rmSync(join(this.folder, f), { recursive: true, force: true });
    copyBuild(build, this.folder);
    this.build = build;
    await this.relaunch();
  }

  press(key: KeyName | number, times = 1): Promise<void> {
    return this.app.press(key, times);
  }

  state(): Promise<AppState> {
    return this.app.state();
  }

  waitFor(predicate: (s: AppState) => boolean, what: string, timeoutMs = 20_000): Promise<AppState> {
    return this.app.waitForState(predicate, timeoutMs).catch((e: Error) => {
      throw new Error(`waiting for ${what}: ${e.message.slice(0, 400)}`);
    });
  }

  journey(): Promise<Journey> {
    return journey(this.app);
  }

  waitForJourney(predicate: (j: Journey) => boolean, what: string, timeoutMs = 20_000): Promise<Journey> {
    return waitForJourney(this.app, predicate, timeoutMs).catch((e: Error) => {
      throw new Error(`waiting for ${what}: ${e.message.slice(0, 400)}`);
    });
  }

  /** localStorage, sessionStorage, cookies and IndexedDB databases of the app's origin. */
  async atRest(): Promise<AtRest> {
    // A string, not a function: tsx's helpers (__name) do not exist in the page.
    const stores = (await this.app.page.evaluate(`(async () => {
      const dump = (s) => {
        const out = {};
        for (let i = 0; i < s.length; i++) {
          const k = s.key(i);
          if (k !== null) out[k] = s.getItem(k) || '';
        }
        return out;
      };
      const dbs = indexedDB.databases ? await indexedDB.databases() : [];
      return { local: dump(localStorage), session: dump(sessionStorage), indexedDb: dbs.map((d) => d.name || '') };
    })()`)) as Omit<AtRest, 'cookies'>;
    const cookies = (await this.app.context.cookies()).length;
    return { ...stores, cookies };
  }

  async localStorage(key: string): Promise<string | null> {
    return this.app.page.evaluate((k) => localStorage.getItem(k), key);
  }

  async removeLocal(keys: string[]): Promise<void> {
    await this.app.page.evaluate((ks) => ks.forEach((k) => localStorage.removeItem(k)), keys);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.server.close();
    rmSync(this.folder, { recursive: true, force: true });
  }
}

function copyBuild(build: BuildDir, folder: string): void {
  const source = resolve(ROOT, build);
  if (!existsSync(join(source, 'index.html')))
    throw new Error(`${build}/index.html is missing: run \`npm run build\` and \`npm run dist\` first`);
  cpSync(source, folder, { recursive: true });
}
