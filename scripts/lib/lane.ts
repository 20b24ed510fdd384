/** Run one jest lane and print how long it took (CI logs show each lane's time). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { NODE_MODULES } from './paths';

export function runLane(name: string, config: string, extra: string[]): never {
  const started = Date.now();
  const jest = join(NODE_MODULES, '.bin', 'jest');
  const res = spawnSync(jest, ['-c', config, ...extra], { stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const code = res.status ?? 1;
  console.log(`[${name}] lane ${code === 0 ? 'passed' : 'FAILED'} in ${secs} s`);
  process.exit(code);
}
