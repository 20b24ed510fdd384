/**
 * What both TV packages start from: the files of dist/es5 (every .js already ES5), the settings frozen
 * into its index.html, the icons of static/icons (size-checked) and a last ES5 check of what goes in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DIST_DIR, ROOT } from '../lib/paths';
import { es5Error, listFiles } from '../lib/es5';
import { iconPath, pngSize } from '../make-icon';
import { originOf } from './tizen-config';

export interface StagedFile {
  path: string;
  data: Buffer;
}

export const ES5_DIR = join(DIST_DIR, 'es5');
export const PACKAGES_DIR = join(DIST_DIR, 'packages');

export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

/** Every file of a built folder, `/`-separated paths, sorted. */
export function readBuild(dir = ES5_DIR): StagedFile[] {
  if (!existsSync(join(dir, 'index.html')))
    throw new PackageError(`${relative(ROOT, dir) || dir}/index.html is missing: run \`npm run dist\` first`);
  return listFiles(dir, () => true).map((file) => ({
    path: relative(dir, file).split(sep).join('/'),
    data: readFileSync(file),
  }));
}

/** The appSettings object `lng dist` froze into index.html (`var appSettings = {...}`). */
export function appSettingsOf(indexHtml: string): Record<string, unknown> {
  const m = /var appSettings\s*=\s*(\{[\s\S]*?\})\s*\n\s*var platformSettings/.exec(indexHtml);
  if (!m) throw new PackageError('index.html carries no appSettings (not a `lng dist` page?)');
  try {
    return JSON.parse(m[1] as string) as Record<string, unknown>;
  } catch (e) {
    throw new PackageError(`index.html appSettings are not JSON: ${(e as Error).message}`);
  }
}

/**
 * The origins the app calls with the preset it will run (adobePass.preset): Adobe Pass REST and DCR,
 * and the programmer's backend (catalog, streams). `extra` adds more (a media CDN).
 */
export function presetOrigins(appSettings: Record<string, unknown>, extra: string[] = []): string[] {
  const pass = appSettings.adobePass as
    { preset?: unknown; presets?: Record<string, Record<string, unknown>> } | undefined;
  const name = pass && typeof pass.preset === 'string' ? pass.preset : 'emulator';
  const preset = pass && pass.presets ? pass.presets[name] : undefined;
  if (!preset) throw new PackageError(`adobePass preset "${name}" is not in the settings`);
  const urls = ['restBaseUrl', 'dcrBaseUrl', 'programmerBaseUrl'].map((k) => preset[k]);
  const origins: string[] = [];
  for (const url of urls.concat(extra)) {
    const origin = typeof url === 'string' ? originOf(url) : undefined;
    if (!origin) throw new PackageError(`not an http(s) URL in preset "${name}": ${String(url)}`);
    origins.push(origin);
  }
  return Array.from(new Set(origins)).sort();
}

/** An icon of static/icons at its exact size (a partner's replacement artwork is checked too). */
export function readIcon(size: number, root = ROOT): Buffer {
  const file = iconPath(size, root);
  if (!existsSync(file))
    throw new PackageError(`${relative(root, file)} is missing (npx tsx scripts/make-icon.ts renders placeholders)`);
  const png = readFileSync(file);
  const dims = pngSize(png);
  if (!dims || dims.width !== size || dims.height !== size)
    throw new PackageError(
      `${relative(root, file)} must be a ${size}×${size} PNG${dims ? ` (it is ${dims.width}×${dims.height})` : ''}`,
    );
  return png;
}

/** Paths of .js files (and HTML inline scripts) that are not ES5; empty when all parse. */
export function nonEs5(files: StagedFile[]): string[] {
  const bad: string[] = [];
  for (const f of files) {
    if (f.path.endsWith('.js')) {
      const err = es5Error(f.data.toString('utf8'));
      if (err) bad.push(`${f.path}: ${err}`);
    } else if (f.path.endsWith('.html')) {
      const re = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
      let m: RegExpExecArray | null;
      while ((m = re.exec(f.data.toString('utf8')))) {
        const err = es5Error(m[1] ?? '');
        if (err) bad.push(`${f.path} (inline script): ${err}`);
      }
    }
  }
  return bad;
}

/** Comma-separated extra origins from an environment variable. */
export function extraOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
