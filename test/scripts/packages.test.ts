/**
 * The TV packages: a small fixture build is packaged every run (and the real dist/es5 when a complete
 * `npm run dist` is there, as in CI). Checked from the archives themselves: config.xml and appinfo.json
 * fields taken from metadata.json, both .wgt signatures through `xmlsec1 --verify` (apt package xmlsec1)
 * against the signing CA, the .ipk an `ar` archive with control and data members, every .js ES5.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { appIdentity, readAppIdentity } from '../../scripts/package/app-identity';
import { nonEs5, presetOrigins } from '../../scripts/package/stage';
import { packageTizen } from '../../scripts/package-tizen';
import { packageWebos } from '../../scripts/package-webos';
import { ensureTestCertificates } from '../../scripts/sign/test-certs';
import { pngSize } from '../../scripts/make-icon';

const ROOT = join(__dirname, '..', '..');
const identity = readAppIdentity();
const quiet = (): void => undefined;

/** Entries of a ZIP (central directory + inflate), independent of scripts/package/zip.ts's writer. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip');
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + size);
    out.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Members of an `ar` archive (the .ipk container), in order. */
function arMembers(buf: Buffer): Array<{ name: string; data: Buffer }> {
  if (buf.toString('latin1', 0, 8) !== '!<arch>\n') throw new Error('not an ar archive');
  const members: Array<{ name: string; data: Buffer }> = [];
  let p = 8;
  while (p + 60 <= buf.length) {
    const name = buf
      .toString('latin1', p, p + 16)
      .trim()
      .replace(/\/$/, '');
    const size = parseInt(buf.toString('latin1', p + 48, p + 58).trim(), 10);
    members.push({ name, data: buf.subarray(p + 60, p + 60 + size) });
    p += 60 + size + (size % 2);
  }
  return members;
}

/** Files of a tar archive (ustar: name + prefix), for the ipk's gzip members. */
function untar(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let p = 0;
  while (p + 512 <= buf.length && buf[p] !== 0) {
    const name = buf.toString('utf8', p, p + 100).replace(/\0.*$/s, '');
    const prefix = buf.toString('utf8', p + 345, p + 500).replace(/\0.*$/s, '');
    const size = parseInt(
      buf
        .toString('latin1', p + 124, p + 136)
        .replace(/\0.*$/s, '')
        .trim() || '0',
      8,
    );
    const type = String.fromCharCode(buf[p + 156] as number);
    const full = (prefix ? `${prefix}/${name}` : name).replace(/^\.\//, '');
    if (type === '0' || type === '\0') out.set(full, buf.subarray(p + 512, p + 512 + size));
    p += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

function writeTree(dir: string, files: Map<string, Buffer>): void {
  for (const [name, data] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
}

function xmlsecVerify(dir: string, file: string, ca: string): { ok: boolean; output: string } {
  const r = spawnSync('xmlsec1', ['--verify', '--trusted-pem', ca, file], { cwd: dir, encoding: 'utf8' });
  if (r.error) throw new Error(`xmlsec1 is needed for this test (apt-get install xmlsec1): ${r.error.message}`);
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** A build folder shaped like `lng dist --es5` output (index.html with settings inlined). */
function fixtureBuild(extraJs: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tve-fixture-build-'));
  const settings = JSON.parse(readFileSync(join(ROOT, 'settings.json'), 'utf8')) as { appSettings: unknown };
  const html = `<!DOCTYPE html>\n<html><body>\n        <script src="./js/polyfills.js"></script>\n        <script src="./js/appBundle.es5.js"></script>\n        <script>\n            var appSettings = ${JSON.stringify(settings.appSettings, null, 2)}\n\n            var platformSettings = {}\n        </script>\n</body></html>\n`;
  const files = new Map<string, Buffer>([
    ['index.html', Buffer.from(html)],
    ['js/polyfills.js', Buffer.from('var polyfilled = true;\n')],
    ['js/appBundle.es5.js', Buffer.from('var APP = function () { return "tv"; };\n')],
    ['static/vendor/name with space.js', Buffer.from('var v = 1;\n')],
  ]);
  for (const [name, code] of Object.entries(extraJs)) files.set(name, Buffer.from(code));
  writeTree(dir, files);
  return dir;
}

const temps: string[] = [];
const temp = (prefix: string): string => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
};
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('app identity (metadata.json is the one source)', () => {
  it('derives the Tizen ids and validates what the stores require', () => {
    expect(
      appIdentity({
        name: 'Demo TV!',
        identifier: 'com.example.app',
        version: '1.2.3',
        tizen: { packageId: 'AbCdE12345' },
      }),
    ).toMatchObject({
      tizen: { applicationId: 'AbCdE12345.DemoTV', packageId: 'AbCdE12345', widgetId: 'http://app.example.com/DemoTV' },
      vendor: 'Demo TV!',
    });
    expect(() =>
      appIdentity({ name: 'A', identifier: 'Com.Example', version: '1.2', tizen: { packageId: 'short' } }),
    ).toThrow(/identifier.*reverse-domain.*version.*x\.y\.z.*packageId.*10 letters/);
    expect(() => appIdentity('nope')).toThrow(/not a JSON object/);
  });
});

describe('Tizen .wgt (fixture build)', () => {
  let wgt: Map<string, Buffer>;
  let dir: string;
  let ca: string;
  beforeAll(() => {
    const build = fixtureBuild();
    temps.push(build);
    const out = packageTizen({ buildDir: build, outDir: temp('tve-wgt-'), env: {}, log: quiet });
    expect(out.endsWith(`${identity.name}-${identity.version}.wgt`)).toBe(true);
    wgt = unzip(readFileSync(out));
    dir = temp('tve-wgt-x-');
    writeTree(dir, wgt);
    ca = ensureTestCertificates().caPem;
  });

  it('config.xml carries metadata.json name/id/version, tv-samsung, privileges, hosts and app control', () => {
    const xml = wgt.get('config.xml')!.toString('utf8');
    expect(xml).toContain(`id="${identity.tizen.widgetId}" version="${identity.version}"`);
    expect(xml).toContain(
      `<tizen:application id="${identity.tizen.applicationId}" package="${identity.tizen.packageId}" required_version="3.0"/>`,
    );
    expect(xml).toContain(`<name>${identity.name}</name>`);
    expect(xml).toContain('<tizen:profile name="tv-samsung"/>');
    for (const p of [
      'http://tizen.org/privilege/internet',
      'http://tizen.org/privilege/tv.inputdevice',
      'http://developer.samsung.com/privilege/productinfo',
    ])
      expect(xml).toContain(`<tizen:privilege name="${p}"/>`);
    const settings = JSON.parse(readFileSync(join(ROOT, 'settings.json'), 'utf8')) as {
      appSettings: Record<string, unknown>;
    };
    const origins = presetOrigins(settings.appSettings);
    expect(origins.length).toBeGreaterThan(0);
    for (const o of origins) expect(xml).toContain(`<access origin="${o}" subdomains="false"/>`);
    expect(xml).toMatch(/<tizen:app-control>\s*<tizen:src name="index.html" reload="disable"\/>/);
    expect(xml).toContain('<content src="index.html"/>');
  });

  it('icons of 512 and 117 px; webapis.js loaded first in the Tizen page', () => {
    expect(pngSize(wgt.get('icon.png')!)).toEqual({ width: 512, height: 512 });
    expect(pngSize(wgt.get('icon-117.png')!)).toEqual({ width: 117, height: 117 });
    const html = wgt.get('index.html')!.toString('utf8');
    expect(html.indexOf('$WEBAPIS/webapis/webapis.js')).toBeGreaterThan(0);
    expect(html.indexOf('$WEBAPIS/webapis/webapis.js')).toBeLessThan(html.indexOf('js/polyfills.js'));
  });

  it('author and distributor signatures verify with xmlsec1; every file is covered', () => {
    for (const file of ['author-signature.xml', 'signature1.xml']) {
      const r = xmlsecVerify(dir, file, ca);
      expect(r.output).toContain('OK');
      expect(r.ok).toBe(true);
    }
    const author = wgt.get('author-signature.xml')!.toString('utf8');
    const distributor = wgt.get('signature1.xml')!.toString('utf8');
    expect(author).toContain('widgets-digsig#role-author');
    expect(distributor).toContain('widgets-digsig#role-distributor');
    const content = Array.from(wgt.keys()).filter((n) => !/^(author-signature|signature\d+)\.xml$/.test(n));
    for (const name of content) {
      const uri = name.split('/').map(encodeURIComponent).join('/');
      expect(author).toContain(`URI="${uri}"`);
      expect(distributor).toContain(`URI="${uri}"`);
    }
    expect(distributor).toContain('URI="author-signature.xml"');
  });

  it('a changed file or another CA fails verification', () => {
    const tampered = temp('tve-wgt-t-');
    writeTree(tampered, wgt);
    writeFileSync(join(tampered, 'js', 'appBundle.es5.js'), 'var APP = "changed";\n');
    expect(xmlsecVerify(tampered, 'author-signature.xml', ca).ok).toBe(false);
    expect(xmlsecVerify(tampered, 'signature1.xml', ca).ok).toBe(false);
    const other = ensureTestCertificates(temp('tve-other-ca-'));
    expect(xmlsecVerify(dir, 'author-signature.xml', other.caPem).ok).toBe(false);
  });

  it('every .js inside parses as ES5; a build that is not ES5 is refused', () => {
    expect(nonEs5(Array.from(wgt, ([path, data]) => ({ path, data })))).toEqual([]);
    const bad = fixtureBuild({ 'js/modern.js': 'const f = (a) => a ?? 1;\n' });
    temps.push(bad);
    expect(() => packageTizen({ buildDir: bad, outDir: temp('tve-wgt-'), env: {}, log: quiet })).toThrow(
      /not ES5.*js\/modern\.js/s,
    );
  });
});

describe("Tizen signing with the partner's certificates (environment variables)", () => {
  it('uses the .p12 files and passwords given; incomplete or wrong settings fail clearly', () => {
    const partner = ensureTestCertificates(temp('tve-partner-'));
    const build = fixtureBuild();
    temps.push(build);
    const env = {
      TIZEN_AUTHOR_P12: partner.author.p12,
      TIZEN_AUTHOR_PASSWORD: partner.author.password,
      TIZEN_DISTRIBUTOR_P12: partner.distributor.p12,
      TIZEN_DISTRIBUTOR_PASSWORD: partner.distributor.password,
    };
    const lines: string[] = [];
    const out = packageTizen({ buildDir: build, outDir: temp('tve-wgt-'), env, log: (l) => lines.push(l) });
    expect(lines.join('\n')).not.toContain('TEST certificates');
    const dir = temp('tve-wgt-p-');
    writeTree(dir, unzip(readFileSync(out)));
    expect(xmlsecVerify(dir, 'signature1.xml', partner.caPem).ok).toBe(true);
    expect(xmlsecVerify(dir, 'author-signature.xml', partner.caPem).ok).toBe(true);

    expect(() =>
      packageTizen({
        buildDir: build,
        outDir: temp('tve-wgt-'),
        env: { TIZEN_AUTHOR_P12: partner.author.p12 },
        log: quiet,
      }),
    ).toThrow(/missing: TIZEN_AUTHOR_PASSWORD, TIZEN_DISTRIBUTOR_P12, TIZEN_DISTRIBUTOR_PASSWORD/);
    let message = '';
    try {
      packageTizen({
        buildDir: build,
        outDir: temp('tve-wgt-'),
        env: { ...env, TIZEN_AUTHOR_PASSWORD: 'guess-1234' },
        log: quiet,
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/author\.p12: cannot open it \(wrong password\?\)/);
    expect(message).not.toContain('guess-1234');
  });
});

describe('webOS .ipk (fixture build, ares-package)', () => {
  let members: Array<{ name: string; data: Buffer }>;
  let data: Map<string, Buffer>;
  let out: string;
  const appDir = `usr/palm/applications/${identity.identifier}/`;
  beforeAll(() => {
    const build = fixtureBuild();
    temps.push(build);
    out = packageWebos({ buildDir: build, outDir: temp('tve-ipk-'), log: quiet });
    expect(out.endsWith(`${identity.identifier}_${identity.version}_all.ipk`)).toBe(true);
    members = arMembers(readFileSync(out));
    data = untar(gunzipSync(members.filter((m) => m.name === 'data.tar.gz')[0]!.data));
  }, 120000);

  it('is an ar archive with debian-binary, control and data members', () => {
    expect(members.map((m) => m.name)).toEqual(['debian-binary', 'control.tar.gz', 'data.tar.gz']);
    expect(members[0]!.data.toString()).toBe('2.0\n');
    // binutils' ar agrees, where it is installed.
    if (spawnSync('ar', ['--version']).status === 0)
      expect(execFileSync('ar', ['t', out], { encoding: 'utf8' }).trim().split('\n')).toEqual([
        'debian-binary',
        'control.tar.gz',
        'data.tar.gz',
      ]);
    const control = untar(gunzipSync(members[1]!.data));
    const text = (control.get('control') ?? Buffer.from('')).toString('utf8');
    expect(text).toContain(`Package: ${identity.identifier}`);
    expect(text).toContain(`Version: ${identity.version}`);
  });

  it('appinfo.json takes id/title/version from metadata.json, with the TV fields', () => {
    const info = JSON.parse(data.get(`${appDir}appinfo.json`)!.toString('utf8')) as Record<string, unknown>;
    expect(info).toEqual({
      id: identity.identifier,
      version: identity.version,
      vendor: identity.vendor,
      type: 'web',
      main: 'index.html',
      title: identity.name,
      icon: 'icon.png',
      largeIcon: 'largeIcon.png',
      resolution: '1920x1080',
      disableBackHistoryAPI: true,
      handlesRelaunch: true,
    });
    expect(pngSize(data.get(`${appDir}icon.png`)!)).toEqual({ width: 80, height: 80 });
    expect(pngSize(data.get(`${appDir}largeIcon.png`)!)).toEqual({ width: 130, height: 130 });
  });

  it('ships the build unchanged (no re-minification), every .js ES5, no webapis.js tag', () => {
    const js = Array.from(data).filter(([n]) => n.startsWith(appDir) && n.endsWith('.js'));
    expect(js.map(([n]) => n.slice(appDir.length)).sort()).toEqual([
      'js/appBundle.es5.js',
      'js/polyfills.js',
      'static/vendor/name with space.js',
    ]);
    expect(data.get(`${appDir}js/appBundle.es5.js`)!.toString()).toBe('var APP = function () { return "tv"; };\n');
    expect(nonEs5(Array.from(data, ([path, d]) => ({ path, data: d })))).toEqual([]);
    expect(data.get(`${appDir}index.html`)!.toString()).not.toContain('webapis');
  });
});

// The real device build, when a complete `npm run dist` is there (CI builds it before the tests).
const haveDist = existsSync(join(ROOT, 'dist', 'dist-complete.json'));
(haveDist ? describe : describe.skip)('packages of the real dist/es5', () => {
  it('what the first screen does not need is a chunk, not part of the launch bundle (es5 and es6)', () => {
    // A string each module spells and nothing in the launch path does.
    const markers = {
      'the Firebolt SDK (only RDK loads it)': 'mockTransportLayer',
      'the catalog page (a warm launch loads it while booting)': 'catalog.preauthFailed',
      'captions (the player, or a platform that manages them)': 'cuechange',
      'decisions (loaded once signed in)': 'Preauthorization was cancelled.',
    };
    for (const [flavour, bundle] of [
      ['es5', 'appBundle.es5.js'],
      ['es6', 'appBundle.js'],
    ] as const) {
      const js = join(ROOT, 'dist', flavour, 'js');
      const launch = readFileSync(join(js, bundle), 'utf8');
      const chunks = readdirSync(join(js, 'lazy')).map((f) => readFileSync(join(js, 'lazy', f), 'utf8'));
      for (const [what, marker] of Object.entries(markers)) {
        expect({ what, flavour, inLaunchBundle: launch.includes(marker) }).toEqual({
          what,
          flavour,
          inLaunchBundle: false,
        });
        expect({ what, flavour, chunks: chunks.filter((c) => c.includes(marker)).length }).toEqual({
          what,
          flavour,
          chunks: 1,
        });
      }
    }
  });

  it('the .wgt verifies and its .js parse as ES5; the .ipk carries the same files', () => {
    const wgtPath = packageTizen({ outDir: temp('tve-real-'), env: {}, log: quiet });
    const wgt = unzip(readFileSync(wgtPath));
    expect(Array.from(wgt.keys())).toEqual(
      expect.arrayContaining(['config.xml', 'index.html', 'author-signature.xml', 'signature1.xml']),
    );
    expect(Array.from(wgt.keys()).some((n) => /^js\/appBundle.*\.js$/.test(n))).toBe(true);
    // The pages loaded after launch (scripts/lib/split.ts) ship too.
    const lazy = readdirSync(join(ROOT, 'dist', 'es5', 'js', 'lazy'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `js/lazy/${f}`);
    expect(lazy.length).toBeGreaterThan(0);
    expect(Array.from(wgt.keys())).toEqual(expect.arrayContaining(lazy));
    expect(nonEs5(Array.from(wgt, ([path, data]) => ({ path, data })))).toEqual([]);
    const dir = temp('tve-real-x-');
    writeTree(dir, wgt);
    const ca = ensureTestCertificates().caPem;
    expect(xmlsecVerify(dir, 'author-signature.xml', ca).ok).toBe(true);
    expect(xmlsecVerify(dir, 'signature1.xml', ca).ok).toBe(true);

    const ipk = arMembers(readFileSync(packageWebos({ outDir: temp('tve-real-'), log: quiet })));
    const files = untar(gunzipSync(ipk[2]!.data));
    const appDir = `usr/palm/applications/${identity.identifier}/`;
    const ipkJs = Array.from(files.keys()).filter((n) => n.startsWith(appDir) && n.endsWith('.js'));
    expect(ipkJs.length).toBe(Array.from(wgt.keys()).filter((n) => n.endsWith('.js')).length);
    expect(nonEs5(Array.from(files, ([path, data]) => ({ path, data })))).toEqual([]);
  }, 180000);
});
