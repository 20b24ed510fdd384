/**
 * The dependency rules of docs/architecture.md are enforced by eslint (eslint.config.js,
 * eslint-rules/boundaries.js). Each rule is shown failing on a deliberate breach in a file that
 * does not exist (lintText with a path), and the allowed imports next to it stay clean.
 */
import { join } from 'node:path';
import { Linter } from 'eslint';

const ROOT = join(__dirname, '..', '..');
// The project's own flat config, as `npx eslint` reads it (Linter: ESLint's config loader needs ESM in jest).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(join(ROOT, 'eslint.config.js')) as Linter.Config[];
const linter = new Linter({ configType: 'flat', cwd: ROOT });

async function problems(file: string, code: string): Promise<string[]> {
  const messages = linter.verify(code, config, { filename: join(ROOT, file) });
  return messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const breaches: Array<[string, string, string, RegExp]> = [
  ['src/pass imports the app', 'src/pass/x.ts', "import { services } from '../services';", /\[pass\]/],
  ['src/pass imports Lightning', 'src/pass/x.ts', "import { Lightning } from '@lightningjs/sdk';", /\[pass\]/],
  ['src/flows imports Lightning', 'src/flows/x.ts', "import { Lightning } from '@lightningjs/sdk';", /\[flows\]/],
  ['src/flows imports the platform', 'src/flows/x.ts', "import { platform } from '../platform';", /\[flows\]/],
  ['a page imports src/pass', 'src/pages/x.ts', "import { PassClient } from '../pass';", /\[views\]/],
  ['a page imports axios', 'src/pages/x.ts', "import axios from 'axios';", /\[views\]/],
  ['a nested component imports src/pass', 'src/components/qr/x.ts', "import type { PassError } from '../../pass/errors';", /\[views\]/],
  ['a controller imports src/pass', 'src/controllers/x.ts', "export { isPassError } from '../pass';", /\[views\]/],
  ['a controller imports Lightning', 'src/controllers/x.ts', "import { Lightning } from '@lightningjs/sdk';", /\[controllers\]/],
  ['Firebolt outside src/platform', 'src/catalog/x.ts', "export const f = () => import('@firebolt-js/sdk');", /\[platform-apis\]/],
  ['tizen global outside src/platform', 'src/pages/x.ts', 'declare const tizen: unknown;\nexport const t = tizen;', /src\/platform only/],
  ['webOS property outside src/platform', 'src/lib/x.ts', 'export const w = (window as unknown as { webOS: 1 }).webOS;', /src\/platform only/],
  ['src/lib imports src/platform', 'src/lib/x.ts', "import { detectPlatform } from '../platform/detect';", /\[lib\]/],
  ['src imports the emulator', 'src/player/x.ts', "import { startEmulator } from '../../emulator/src/server';", /\[app-vs-emulator\]/],
  ['the emulator imports src', 'emulator/src/adobe/x.ts', "import { PassClient } from '../../../src/pass';", /\[emulator\]/],
  ['the second screen imports a page', 'second-screen/src/x.ts', "import { services } from '../../src/services';", /\[second-screen\]/],
];

describe('dependency rules (eslint)', () => {
  test.each(breaches)('fails when %s', async (_what, file, code, rule) => {
    const found = await problems(file, `${code}\nexport {};\n`);
    expect(found.some((p) => rule.test(p))).toBe(true);
  });

  test.each([
    ['src/pass uses axios and itself', 'src/pass/x.ts', "import axios from 'axios';\nimport { PassError } from './errors';\nexport const a = [axios, PassError];"],
    ['src/flows uses src/pass', 'src/flows/x.ts', "import { PassClient } from '../pass';\nexport const a = PassClient;"],
    ['a page uses flows, Lightning and the platform', 'src/pages/x.ts', "import { Lightning } from '@lightningjs/sdk';\nimport type { PassFlows } from '../flows';\nimport { platform } from '../platform';\nexport type P = PassFlows;\nexport const a = [Lightning, platform];"],
    ['the emulator uses its own files', 'emulator/scripts/x.ts', "import { startEmulator } from '../src/server';\nexport const a = startEmulator;"],
    ['the second screen uses src/pass and src/flows', 'second-screen/src/x.ts', "import { PassClient } from '../../src/pass';\nimport { visibleFilter } from '../../src/flows/provider-filter';\nexport const a = [PassClient, visibleFilter];"],
  ])('allows: %s', async (_what, file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
