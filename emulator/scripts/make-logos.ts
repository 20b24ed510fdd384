/**
 * Draws the mock MVPD logos (300x120 PNG, brand colour + name) into emulator/public/logos/ with ImageMagick's
 * `convert`. The PNGs are committed; run this only after adding MVPDs to emulator/fixtures/mvpds.json.
 *
 *   npx tsx emulator/scripts/make-logos.ts
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const out = join(root, 'public', 'logos');
mkdirSync(out, { recursive: true });
const { mvpds } = JSON.parse(readFileSync(join(root, 'fixtures', 'mvpds.json'), 'utf8')) as {
  mvpds: { id: string; displayName: string; color: string }[];
};
for (const m of mvpds) {
  execFileSync('convert', [
    '-size', '300x120', `xc:${m.color}`,
    '-fill', 'white', '-font', 'DejaVu-Sans-Bold', '-gravity', 'center',
    '-size', '270x90', '-background', 'none', `caption:${m.displayName}`,
    '-composite', '-strip', '-define', 'png:compression-level=9', join(out, `${m.id}.png`),
  ]);
}
console.log(`drew ${mvpds.length} logos into ${out}`);
