/**
 * npm run package:webos — dist/packages/<id>_<version>_all.ipk from dist/es5 with LG's own packager,
 * `ares-package` (devDependency @webos-tools/cli; works offline). appinfo.json comes from metadata.json
 * (scripts/package/), the icons from static/icons (80 px icon, 130 px largeIcon).
 * ARES_PACKAGE=/path/to/ares-package uses another install of the CLI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT } from './lib/paths';
import { readAppIdentity, type AppIdentity } from './package/app-identity';
import { nonEs5, PACKAGES_DIR, PackageError, readBuild, readIcon, ES5_DIR } from './package/stage';

export interface WebosPackageOptions {
  buildDir?: string;
  outDir?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

/** appinfo.json (LG's required and recommended TV fields). */
export function appInfo(identity: AppIdentity): Record<string, unknown> {
  return {
    id: identity.identifier,
    version: identity.version,
    vendor: identity.vendor,
    type: 'web',
    main: 'index.html',
    title: identity.name,
    icon: 'icon.png',
    largeIcon: 'largeIcon.png',
    resolution: '1920x1080',
    // The app handles Back itself (exit dialog) and stays alive for deep links (webOSRelaunch).
    disableBackHistoryAPI: true,
    handlesRelaunch: true,
  };
}

/** The command that runs ares-package: ARES_PACKAGE, else the devDependency's script under this Node. */
export function aresPackageCommand(env: NodeJS.ProcessEnv): { file: string; args: string[] } {
  if (env.ARES_PACKAGE) return { file: env.ARES_PACKAGE, args: [] };
  let script: string;
  try {
    script = join(dirname(require.resolve('@webos-tools/cli/package.json')), 'bin', 'ares-package.js');
  } catch {
    throw new PackageError('@webos-tools/cli is not installed (npm install), or set ARES_PACKAGE');
  }
  return { file: process.execPath, args: [script] };
}

export function packageWebos(options: WebosPackageOptions = {}): string {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const identity = readAppIdentity();
  const files = readBuild(options.buildDir ?? ES5_DIR).concat([
    { path: 'appinfo.json', data: Buffer.from(`${JSON.stringify(appInfo(identity), null, 2)}\n`, 'utf8') },
    { path: 'icon.png', data: readIcon(80) },
    { path: 'largeIcon.png', data: readIcon(130) },
  ]);
  const bad = nonEs5(files);
  if (bad.length) throw new PackageError(`not ES5, refusing to package:\n  ${bad.join('\n  ')}`);

  const stage = join(ROOT, '.tmp', 'package-webos', identity.identifier);
  rmSync(stage, { recursive: true, force: true });
  for (const f of files) {
    const target = join(stage, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.data);
  }
  const outDir = options.outDir ?? PACKAGES_DIR;
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `${identity.identifier}_${identity.version}_all.ipk`);
  rmSync(out, { force: true });
  const cmd = aresPackageCommand(env);
  try {
    // --no-minify: dist/es5 is minified and ES5-checked already; the CLI's own terser would rewrite it.
    execFileSync(cmd.file, cmd.args.concat(['--no-minify', '--outdir', outDir, stage]), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer };
    const text = `${err.stdout ? err.stdout.toString() : ''}${err.stderr ? err.stderr.toString() : ''}`.trim();
    throw new PackageError(`ares-package failed: ${text || (e as Error).message}`);
  }
  if (!existsSync(out)) throw new PackageError(`ares-package did not write ${relative(ROOT, out)}`);
  log(`[package:webos] ${relative(ROOT, out)}: ${files.length} files, ${identity.identifier} ${identity.version}`);
  return out;
}

if (require.main === module) {
  try {
    packageWebos();
  } catch (e) {
    console.error(`[package:webos] ${(e as Error).message}`);
    process.exit(1);
  }
}
