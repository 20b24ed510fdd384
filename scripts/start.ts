/**
 * npm start (after npm run build): the local stack in one terminal —
 *   Adobe Pass emulator   http://localhost:4010 (+ programmer backend :4020)   emulator/src/main.ts
 *   second-screen app     http://localhost:4030                                  second-screen/server.ts
 *   TV app (build/)       http://localhost:8080                                  this process
 * Ctrl-C stops everything. A missing part is reported and skipped, not fatal.
 * Environment: APP_PORT (8080), APP_HOST (0.0.0.0: a TV on the LAN can load the app; then also set
 * EMULATOR_HOST=0.0.0.0 and point settings.json at this machine's address).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIR, NODE_MODULES, ROOT } from './lib/paths';
import { serveStatic, StaticServer } from './serve-static';

const TSX = join(NODE_MODULES, '.bin', 'tsx');

interface Part {
  name: string;
  entry: string;
}

const PARTS: Part[] = [
  { name: 'emulator', entry: join('emulator', 'src', 'main.ts') },
  { name: 'second-screen', entry: join('second-screen', 'server.ts') },
];

const children: ChildProcess[] = [];
let server: StaticServer | undefined;
let stopping = false;

function startPart(part: Part): void {
  if (!existsSync(join(ROOT, part.entry))) {
    console.warn(
      `[start] ${part.name}: ${part.entry} not found — skipped (the app will show a connection error without it)`,
    );
    return;
  }
  // Throttling in Adobe's model is on for the local stack unless EMULATOR_THROTTLING=off says otherwise.
  const env = part.name === 'emulator' ? { EMULATOR_THROTTLING: 'on', ...process.env } : process.env;
  const child = spawn(TSX, [part.entry], { cwd: ROOT, stdio: 'inherit', env });
  child.on('exit', (code, signal) => {
    if (!stopping) console.warn(`[start] ${part.name} exited (${signal ?? `code ${code}`})`);
  });
  children.push(child);
}

async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null && c.pid) c.kill('SIGTERM');
  if (server) await server.close();
  process.exit(0);
}

async function main(): Promise<void> {
  if (!existsSync(join(BUILD_DIR, 'index.html'))) {
    console.error('[start] build/ is missing: run `npm run build` (npm start does it for you).');
    process.exit(1);
  }
  for (const p of PARTS) startPart(p);
  const port = Number(process.env.APP_PORT || 8080);
  server = await serveStatic(BUILD_DIR, port, process.env.APP_HOST || '0.0.0.0');
  console.log(
    `[start] TV app           http://localhost:${server.port}   (keys: arrows, Enter, Backspace/Escape = Back)`,
  );
  console.log('[start] Ctrl-C stops everything.');
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: Error) => {
  console.error(`[start] ${e.message}`);
  void stop();
});
