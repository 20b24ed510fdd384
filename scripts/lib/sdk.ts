/**
 * The SDK's postinstall copies Lightning core into node_modules/@lightningjs/sdk/support/lib. When npm
 * skipped it (install scripts not allowed), `lng build` still exits 0 and the app is blank. Repair it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_MODULES } from './paths';
import { run } from './run';

export const SDK_CORE_COPY = join(NODE_MODULES, '@lightningjs', 'sdk', 'support', 'lib', 'lightning.js');

export async function ensureSdkSupport(): Promise<void> {
  if (existsSync(SDK_CORE_COPY)) return;
  console.log('[build] @lightningjs/sdk postinstall did not run; running `npm rebuild @lightningjs/sdk`');
  await run('npm', ['rebuild', '@lightningjs/sdk', '--foreground-scripts']);
  if (!existsSync(SDK_CORE_COPY)) {
    throw new Error(`${SDK_CORE_COPY} is still missing after npm rebuild: allow the @lightningjs/sdk install script.`);
  }
}
