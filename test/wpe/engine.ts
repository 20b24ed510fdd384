/**
 * WPE WebKit (the RDK engine) under a headless Wayland compositor, driven over WebDriver:
 *
 *   weston (headless backend, pixman renderer, fullscreen shell, 1920x1080)
 *     └─ cog --platform=wl (WPE WebKit 2.38), started by WPEWebDriver for each session
 *
 * Why a compositor instead of cog's headless platform: WebDriver's own screenshot in WPE 2.38 paints
 * the WebGL canvas from a stale buffer (under either cog platform it kept showing the loading frame
 * while the app had moved on). With weston the frame cog presents lands in weston's output buffer, and
 * `weston-screenshooter` reads exactly that: what the engine drew and handed to the display.
 * (weston's kiosk shell never sends frame callbacks on the headless backend, so requestAnimationFrame
 * would never fire; the fullscreen shell does.)
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { newSession, waitForDriver, type Session } from './webdriver';

/**
 * The display size: 1280x720 by default (many RDK boxes draw their UI at 720p; the app's stage scales
 * with precision 2/3), since software GL at 1080p crawls on a 2-core CI machine. TVE_WPE_VIEW=1920x1080
 * runs it full size.
 */
const [viewW, viewH] = (process.env.TVE_WPE_VIEW ?? '1280x720').split('x').map(Number);
export const VIEW = { width: viewW ?? 1920, height: viewH ?? 1080 };

/** The Debian packages this lane needs (.ci/run installs them). */
export const WPE_APT_PACKAGES = [
  'cog',
  'wpewebkit-driver',
  'weston',
  'gstreamer1.0-plugins-base',
  'gstreamer1.0-plugins-good',
  'gstreamer1.0-libav',
  // WebKit's GL video sink. Without it WPE 2.38 falls back to a path that unrefs GStreamer samples
  // twice ("gst_mini_object_unref: assertion ... failed") and the web process crashes during playback.
  'gstreamer1.0-gl',
];

const APT_HINT = `Install the WPE lane tools with apt: \`apt-get install -y ${WPE_APT_PACKAGES.join(' ')}\`.`;

/** GStreamer's GL plugin (package gstreamer1.0-gl), looked up where Debian and Ubuntu put plugins. */
export function checkGstGl(): void {
  const dirs = [process.env.GST_PLUGIN_SYSTEM_PATH_1_0, process.env.GST_PLUGIN_SYSTEM_PATH]
    .filter((d): d is string => !!d)
    .flatMap((d) => d.split(delimiter));
  dirs.push(
    '/usr/lib/x86_64-linux-gnu/gstreamer-1.0',
    '/usr/lib/aarch64-linux-gnu/gstreamer-1.0',
    '/usr/lib/gstreamer-1.0',
  );
  if (!dirs.some((d) => existsSync(join(d, 'libgstopengl.so')))) {
    throw new Error(`GStreamer's GL plugin (libgstopengl.so) is missing: video playback would crash WPE. ${APT_HINT}`);
  }
}

/** `name` on PATH (or the env override), else a clear error naming the apt packages. */
export function findTool(name: string, envVar?: string): string {
  const fromEnv = envVar ? process.env[envVar] : undefined;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`${envVar}=${fromEnv} does not exist.`);
  }
  for (const dir of (process.env.PATH ?? '/usr/bin').split(delimiter)) {
    const p = join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  throw new Error(`${name} not found on PATH. ${APT_HINT}`);
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Signal the process group we started (the driver's group holds cog and WebKit's web and network
 * processes), falling back to the process alone.
 */
function signal(child: ChildProcess, sig: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, sig);
  } catch {
    try {
      child.kill(sig);
    } catch {
      // already gone
    }
  }
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    const timer = setTimeout(() => {
      signal(child, 'SIGKILL');
      ok();
    }, 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      signal(child, 'SIGKILL'); // stragglers of the group (cog, WebKit's helpers)
      ok();
    });
    signal(child, 'SIGTERM');
  });
}

/** Processes started here, killed if the test process exits without closing the engine. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) signal(child, 'SIGKILL');
});

export interface Engine {
  session: Session;
  /** Console lines cog printed (`CONSOLE LOG/ERROR ...`), newest last. */
  console: string[];
  /** The compositor's current frame as PNG bytes. */
  displayShot(): Promise<Buffer>;
  close(): Promise<void>;
}

export async function startEngine(): Promise<Engine> {
  const cog = findTool('cog', 'COG_PATH');
  const driverBin = findTool('WPEWebDriver', 'WPE_WEBDRIVER_PATH');
  const weston = findTool('weston');
  const shooter = findTool('weston-screenshooter');
  checkGstGl();

  const runtimeDir = mkdtempSync(join(tmpdir(), 'tve-wpe-xdg-'));
  chmodSync(runtimeDir, 0o700); // Wayland refuses runtime dirs others can read
  const socket = `tve-wpe-${process.pid}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_RUNTIME_DIR: runtimeDir,
    WAYLAND_DISPLAY: socket,
    COG_PLATFORM_WL_VIEW_WIDTH: String(VIEW.width),
    COG_PLATFORM_WL_VIEW_HEIGHT: String(VIEW.height),
  };
  delete env.DISPLAY;

  const logs: string[] = [];
  const consoleLines: string[] = [];
  let compositor: ChildProcess | undefined;
  let driver: ChildProcess | undefined;
  let session: Session | undefined;
  const cleanup = async (): Promise<void> => {
    if (session) await session.close().catch(() => undefined);
    await stop(driver);
    await stop(compositor);
    if (driver) running.delete(driver);
    if (compositor) running.delete(compositor);
    rmSync(runtimeDir, { recursive: true, force: true });
  };

  try {
    compositor = spawn(
      weston,
      [
        '--backend=headless-backend.so',
        '--use-pixman', // CPU renderer: the output buffer holds real pixels for the screenshooter
        `--width=${VIEW.width}`,
        `--height=${VIEW.height}`,
        `--socket=${socket}`,
        '--idle-time=0',
        '--no-config',
        '--debug', // allows weston-screenshooter
        '--shell=fullscreen-shell.so',
      ],
      { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true },
    );
    running.add(compositor);
    compositor.stderr?.on('data', (d: Buffer) => logs.push(d.toString()));
    await waitFor(() => existsSync(join(runtimeDir, socket)) || compositor!.exitCode !== null, 10000, 'weston start');
    if (compositor.exitCode !== null)
      throw new Error(`weston exited ${compositor.exitCode}: ${logs.join('').slice(-800)}`);

    const port = await freePort();
    driver = spawn(driverBin, [`--port=${port}`], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(driver);
    let partial = '';
    // cog (a child of the driver) writes the page's console here (--enable-write-console-messages-to-stdout).
    driver.stdout?.on('data', (d: Buffer) => {
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) if (/ CONSOLE /.test(l)) consoleLines.push(l);
    });
    driver.stderr?.on('data', (d: Buffer) => logs.push(d.toString()));
    const base = `http://127.0.0.1:${port}`;
    await waitForDriver(base, 15000);
    session = await newSession(base, {
      'wpe:browserOptions': {
        binary: cog,
        args: [
          '--automation',
          '--platform=wl',
          '--enable-write-console-messages-to-stdout=1',
          '--media-playback-requires-user-gesture=0',
        ],
      },
    });
  } catch (e) {
    await cleanup();
    throw new Error(`${(e as Error).message}\n${logs.join('').slice(-1500)}`);
  }

  const displayShot = (): Promise<Buffer> =>
    new Promise((ok, fail) => {
      // weston-screenshooter writes wayland-screenshot-<date>.png into its working directory.
      const dir = mkdtempSync(join(tmpdir(), 'tve-wpe-shot-'));
      execFile(shooter, [], { env, cwd: dir, timeout: 15000 }, (err) => {
        try {
          const file = readdirSync(dir).find((f) => f.endsWith('.png'));
          if (err || !file) throw err ?? new Error('weston-screenshooter wrote no file');
          ok(readFileSync(join(dir, file)));
        } catch (e) {
          fail(e);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    });

  return {
    session: session!,
    console: consoleLines,
    displayShot,
    close: cleanup,
  };
}
