/**
 * Test signing certificates for CI and development, made with the openssl command line: a test root CA
 * and, under it, an author and a distributor certificate, each exported with its key and the CA as a
 * password-protected .p12 (the form Samsung issues real ones in). A TV only installs packages signed
 * with Samsung-issued certificates: these are for the pipeline and for checking signatures here.
 *   tsx scripts/sign/test-certs.ts [dir]      (default .tmp/tizen-test-certs)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../lib/paths';

export interface TestCertificates {
  dir: string;
  /** The test root CA (trust anchor for `xmlsec1 --trusted-pem`). */
  caPem: string;
  author: { p12: string; password: string };
  distributor: { p12: string; password: string };
}

export const DEFAULT_TEST_CERT_DIR = join(ROOT, '.tmp', 'tizen-test-certs');

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer };
    if (err.code === 'ENOENT') throw new Error('openssl is not installed (Debian/Ubuntu: apt-get install openssl)');
    throw new Error(`openssl ${args[0]} failed: ${err.stderr ? err.stderr.toString().trim() : String(e)}`);
  }
}

function leaf(dir: string, name: string, subject: string, password: string): void {
  writeFileSync(join(dir, `${name}.ext`), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n');
  openssl(
    ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject],
    dir,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '825',
      '-sha256',
      '-extfile',
      `${name}.ext`,
    ],
    dir,
  );
  openssl(
    [
      'pkcs12',
      '-export',
      '-inkey',
      `${name}.key`,
      '-in',
      `${name}.pem`,
      '-certfile',
      'ca.pem',
      '-name',
      name,
      '-out',
      `${name}.p12`,
      '-passout',
      `pass:${password}`,
    ],
    dir,
  );
}

/** Create (or reuse, when complete) the test CA and the two .p12 files in `dir`. */
export function ensureTestCertificates(dir = DEFAULT_TEST_CERT_DIR): TestCertificates {
  const out: TestCertificates = {
    dir,
    caPem: join(dir, 'ca.pem'),
    author: { p12: join(dir, 'author.p12'), password: 'test-author' },
    distributor: { p12: join(dir, 'distributor.p12'), password: 'test-distributor' },
  };
  if ([out.caPem, out.author.p12, out.distributor.p12].every((f) => existsSync(f))) return out;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'ca.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  openssl(
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.csr',
      '-subj',
      '/O=TVE reference (TEST)/CN=TVE Test CA',
    ],
    dir,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'ca.csr',
      '-signkey',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '3650',
      '-sha256',
      '-extfile',
      'ca.ext',
    ],
    dir,
  );
  leaf(dir, 'author', '/O=TVE reference (TEST)/CN=TVE Test Author', out.author.password);
  leaf(dir, 'distributor', '/O=TVE reference (TEST)/CN=TVE Test Distributor', out.distributor.password);
  return out;
}

if (require.main === module) {
  const dir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_TEST_CERT_DIR;
  const certs = ensureTestCertificates(dir);
  console.log(`test certificates in ${certs.dir} (CA: ca.pem; author.p12 / distributor.p12)`);
}
