/**
 * npm run build: the development build in build/ (Lightning CLI, es6, fetches settings.json at run
 * time) plus the vendor files the app loads lazily. Fails when the CLI output is incomplete.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIR, LNG } from './lib/paths';
import { run } from './lib/run';
import { ensureSdkSupport } from './lib/sdk';
import { copyVendorFiles } from './lib/postprocess';

async function main(): Promise<void> {
  await ensureSdkSupport();
  await run(LNG, ['build'], { LNG_AUTO_UPDATE: 'false', LNG_BUILD_EXIT_ON_FAIL: 'true' });
  copyVendorFiles(BUILD_DIR);
  const required = ['index.html', 'startApp.js', 'appBundle.js', 'settings.json', join('lib', 'lightning.js')];
  const missing = required.filter((f) => !existsSync(join(BUILD_DIR, f)));
  if (missing.length) throw new Error(`build/ is incomplete, missing: ${missing.join(', ')}`);
  console.log('[build] build/ ready (serve it with `npx tsx scripts/serve-static.ts build 8080`)');
}

main().catch((e: Error) => {
  console.error(`[build] ${e.message}`);
  process.exit(1);
});
