/**
 * npm run package:tizen — dist/packages/<name>-<version>.wgt from dist/es5, signed.
 *   config.xml  generated from metadata.json + the active settings preset's hosts (scripts/package/)
 *   index.html  dist/es5's, with Samsung's webapis.js loaded first (this package only)
 *   icons       static/icons/icon-512.png and icon-117.png
 *   signatures  author-signature.xml and signature1.xml (scripts/sign/), no Tizen Studio
 *
 * Certificates: a partner points these at the .p12 files Samsung issued (never commit them):
 *   TIZEN_AUTHOR_P12, TIZEN_AUTHOR_PASSWORD, TIZEN_DISTRIBUTOR_P12, TIZEN_DISTRIBUTOR_PASSWORD
 * Without them the package is signed with generated TEST certificates (.tmp/tizen-test-certs): fine for
 * CI and for checking signatures, not installable on a TV.
 * TIZEN_ACCESS_ORIGINS adds comma-separated origins (e.g. a media CDN) to config.xml.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './lib/paths';
import { packageBaseName, readAppIdentity } from './package/app-identity';
import {
  appSettingsOf,
  extraOrigins,
  nonEs5,
  PACKAGES_DIR,
  PackageError,
  presetOrigins,
  readBuild,
  readIcon,
  ES5_DIR,
} from './package/stage';
import { tizenConfigXml, withWebapis } from './package/tizen-config';
import { zip } from './package/zip';
import { readPkcs12File } from './sign/pkcs12';
import { ensureTestCertificates } from './sign/test-certs';
import { signWidget, type PackageFile, type SigningIdentity } from './sign/widget-signature';

export interface TizenPackageOptions {
  buildDir?: string;
  outDir?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

const SIGNING_VARS = [
  'TIZEN_AUTHOR_P12',
  'TIZEN_AUTHOR_PASSWORD',
  'TIZEN_DISTRIBUTOR_P12',
  'TIZEN_DISTRIBUTOR_PASSWORD',
];

/** The author and distributor identities: the partner's .p12 files, or generated test ones. */
export function signingIdentities(
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): { author: SigningIdentity; distributor: SigningIdentity; test: boolean } {
  const set = SIGNING_VARS.filter((v) => env[v] !== undefined && env[v] !== '');
  if (set.length > 0 && set.length < SIGNING_VARS.length) {
    const missing = SIGNING_VARS.filter((v) => set.indexOf(v) < 0);
    throw new PackageError(
      `set all of ${SIGNING_VARS.join(', ')} to sign with your certificates (missing: ${missing.join(', ')})`,
    );
  }
  if (set.length === SIGNING_VARS.length) {
    return {
      author: readPkcs12File(env.TIZEN_AUTHOR_P12 as string, env.TIZEN_AUTHOR_PASSWORD as string),
      distributor: readPkcs12File(env.TIZEN_DISTRIBUTOR_P12 as string, env.TIZEN_DISTRIBUTOR_PASSWORD as string),
      test: false,
    };
  }
  const certs = ensureTestCertificates();
  log(
    `[package:tizen] signing with TEST certificates (${relative(ROOT, certs.dir)}): a TV will not install this package`,
  );
  return {
    author: readPkcs12File(certs.author.p12, certs.author.password),
    distributor: readPkcs12File(certs.distributor.p12, certs.distributor.password),
    test: true,
  };
}

/** Build and sign the .wgt; returns its path. */
export function packageTizen(options: TizenPackageOptions = {}): string {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const identity = readAppIdentity();
  const build = readBuild(options.buildDir ?? ES5_DIR);
  const index = build.filter((f) => f.path === 'index.html')[0] as PackageFile;
  const origins = presetOrigins(appSettingsOf(index.data.toString('utf8')), extraOrigins(env.TIZEN_ACCESS_ORIGINS));

  const files: PackageFile[] = build
    .filter((f) => f.path !== 'index.html')
    .concat([
      { path: 'index.html', data: Buffer.from(withWebapis(index.data.toString('utf8')), 'utf8') },
      { path: 'config.xml', data: Buffer.from(tizenConfigXml(identity, { origins }), 'utf8') },
      { path: 'icon.png', data: readIcon(512) },
      { path: 'icon-117.png', data: readIcon(117) },
    ]);
  const bad = nonEs5(files);
  if (bad.length) throw new PackageError(`not ES5, refusing to package:\n  ${bad.join('\n  ')}`);

  const { author, distributor } = signingIdentities(env, log);
  const signed = signWidget(files, author, distributor);
  const outDir = options.outDir ?? PACKAGES_DIR;
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `${packageBaseName(identity)}-${identity.version}.wgt`);
  writeFileSync(out, zip(signed.map((f) => ({ name: f.path, data: f.data }))));
  log(
    `[package:tizen] ${relative(ROOT, out)}: ${signed.length} files, ${identity.tizen.applicationId} ${identity.version}, access ${origins.join(' ')}`,
  );
  return out;
}

if (require.main === module) {
  try {
    packageTizen();
  } catch (e) {
    console.error(`[package:tizen] ${(e as Error).message}`);
    process.exit(1);
  }
}
