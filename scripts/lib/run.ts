/** Spawn a command with inherited stdio; resolves on exit 0, rejects otherwise. */
import { spawn } from 'node:child_process';

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = process.cwd()): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', cwd, env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}
