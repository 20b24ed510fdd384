/**
 * A real old JavaScript engine for the legacy lane: Node 5.12.0 (V8 4.6, the engine of Chromium 46/47,
 * i.e. Tizen 2017) from the npm package `node-<platform>-<arch>` (the binary ships inside the package).
 * Fetched with `npm pack` from the registry npm is configured for (integrity checked by npm) and unpacked
 * into node_modules/.cache, never installed into the project's dependencies.
 *
 *   tsx scripts/legacy-node.ts     → prints the path of the binary (downloads once)
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_MODULES } from './lib/paths';

export const LEGACY_NODE_VERSION = '5.12.0';

export function legacyNodePackage(): string {
  return `node-${process.platform}-${process.arch}@${LEGACY_NODE_VERSION}`;
}

const CACHE = join(
  NODE_MODULES,
  '.cache',
  'tve-legacy-node',
  `${process.platform}-${process.arch}-${LEGACY_NODE_VERSION}`,
);

function works(bin: string): boolean {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim() === `v${LEGACY_NODE_VERSION}`;
  } catch {
    return false;
  }
}

/** Path to the Node 5.12 binary, fetching it with `npm pack` on first use. */
export function ensureLegacyNode(log: (line: string) => void = () => undefined): string {
  const bin = join(CACHE, 'bin', 'node');
  if (existsSync(bin) && works(bin)) return bin;
  const started = Date.now();
  const spec = legacyNodePackage();
  mkdirSync(join(NODE_MODULES, '.cache'), { recursive: true });
  const tmp = mkdtempSync(join(NODE_MODULES, '.cache', 'tve-legacy-node-'));
  try {
    execFileSync('npm', ['pack', spec, '--pack-destination', tmp, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NPM_CONFIG_UPDATE_NOTIFIER: 'false', NPM_CONFIG_FUND: 'false', NPM_CONFIG_AUDIT: 'false' },
    });
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error(`npm pack ${spec} produced no tarball`);
    execFileSync('tar', ['xzf', join(tmp, tgz), '-C', tmp, 'package/bin/node']);
    rmSync(CACHE, { recursive: true, force: true });
    mkdirSync(join(CACHE, 'bin'), { recursive: true });
    renameSync(join(tmp, 'package', 'bin', 'node'), bin);
    chmodSync(bin, 0o755);
  } catch (e) {
    throw new Error(
      `Could not get Node ${LEGACY_NODE_VERSION} (${spec}) from the npm registry: ${(e as Error).message}. ` +
        'The legacy lane needs it once; it is cached in node_modules/.cache/tve-legacy-node.',
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (!works(bin)) throw new Error(`${bin} does not run or is not v${LEGACY_NODE_VERSION}`);
  log(`[legacy] fetched ${spec} in ${((Date.now() - started) / 1000).toFixed(1)} s → ${bin}`);
  return bin;
}

if (require.main === module) {
  console.log(ensureLegacyNode((l) => console.error(l)));
}
