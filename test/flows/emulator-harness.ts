/**
 * Starts the real emulator (port 0) for integration tests and wraps its admin API and journal.
 * Fixture facts (statement, subscribers) are read from the emulator, not guessed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '../../emulator/src/server';

export interface JournalEntry {
  seq: number;
  time: number;
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  status: number;
  durationMs: number;
}

export interface Harness {
  adobeUrl: string;
  /** The emulator's programmer backend (catalog, media, TempPass pairing). */
  programmerUrl: string;
  statement: string;
  admin<T = unknown>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
  reset(): Promise<void>;
  journal(): Promise<JournalEntry[]>;
  /** Sign the pending session in as a fixture subscriber (what the mock MVPD page does). */
  complete(code: string, username: string): Promise<void>;
  close(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');

/** The TV app's statement: settings.json once it holds a real JWT, else the emulator fixture. */
export function tvSoftwareStatement(): string {
  const settings = JSON.parse(readFileSync(join(ROOT, 'settings.json'), 'utf8')) as {
    appSettings: { adobePass: { presets: { emulator: { softwareStatement: string } } } };
  };
  const fromSettings = settings.appSettings.adobePass.presets.emulator.softwareStatement;
  if (fromSettings.split('.').length === 3) return fromSettings;
  const fixtures = JSON.parse(readFileSync(join(ROOT, 'emulator', 'fixtures', 'software-statements.json'), 'utf8')) as {
    statements: Record<string, string>;
  };
  return fixtures.statements['demotv-lightning-tv'];
}

export function statementFixture(softwareId: string): string {
  const fixtures = JSON.parse(readFileSync(join(ROOT, 'emulator', 'fixtures', 'software-statements.json'), 'utf8')) as {
    statements: Record<string, string>;
  };
  return fixtures.statements[softwareId];
}

export async function startHarness(): Promise<Harness> {
  const emu = await startEmulator({ adobePort: 0, programmerPort: 0, quiet: true });
  let passwords: Map<string, string> | undefined;

  async function admin<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${emu.adobeUrl}/__emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`admin ${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    adobeUrl: emu.adobeUrl,
    programmerUrl: emu.programmerUrl,
    statement: tvSoftwareStatement(),
    admin,
    async reset() {
      await admin('POST', 'reset');
    },
    async journal() {
      return (await admin<{ entries: JournalEntry[] }>('GET', 'journal')).entries;
    },
    async complete(code, username) {
      if (!passwords) {
        const fixtures = await admin<{ subscribers: Array<{ username: string; password: string }> }>('GET', 'fixtures');
        passwords = new Map(fixtures.subscribers.map((s) => [s.username, s.password]));
      }
      await admin('POST', `sessions/${code}/complete`, { username, password: passwords.get(username) });
    },
    close: () => emu.close(),
  };
}

/** Headers a client may legitimately send: the spec's (§3.6) plus what HTTP stacks add themselves. */
const ALLOWED = new Set([
  'authorization',
  'ap-device-identifier',
  'x-device-info',
  'content-type',
  'accept',
  'ap-temppass-identity',
  'user-agent',
  'host',
  'connection',
  'content-length',
  'accept-encoding',
]);

/** Every REST V2 entry carries the three headers; no entry carries anything the spec does not define. */
export function headerViolations(entries: JournalEntry[]): string[] {
  const problems: string[] = [];
  for (const e of entries) {
    for (const name of Object.keys(e.headers))
      if (!ALLOWED.has(name.toLowerCase())) problems.push(`${e.method} ${e.path}: extra header ${name}`);
    const isRest = e.path.startsWith('/api/v2/') && !e.path.startsWith('/api/v2/authenticate/');
    if (isRest) {
      if (!/^Bearer \S+$/.test(String(e.headers.authorization ?? ''))) problems.push(`${e.method} ${e.path}: no Authorization`);
      if (!e.headers['ap-device-identifier']) problems.push(`${e.method} ${e.path}: no AP-Device-Identifier`);
      if (!e.headers['x-device-info']) problems.push(`${e.method} ${e.path}: no X-Device-Info`);
    } else if (e.path.startsWith('/o/client/')) {
      if (e.headers.authorization || e.headers['ap-device-identifier']) problems.push(`${e.method} ${e.path}: REST-only header on DCR`);
      if (!e.headers['x-device-info']) problems.push(`${e.method} ${e.path}: no X-Device-Info`);
    }
    const query = Object.keys(e.query ?? {});
    const allowedQuery = /\/logout\//.test(e.path) ? ['redirectUrl'] : [];
    for (const q of query) if (allowedQuery.indexOf(q) < 0) problems.push(`${e.method} ${e.path}: extra query parameter ${q}`);
    const accept = e.headers.accept;
    if (accept !== undefined && !/^application\/json(;\s*charset=utf-8)?$/i.test(String(accept)))
      problems.push(`${e.method} ${e.path}: Accept ${String(accept)}`);
  }
  return problems;
}

/** `METHOD /path` of each entry, the shape most assertions use. */
export const calls = (entries: JournalEntry[]) => entries.map((e) => `${e.method} ${e.path}`);
export const countOf = (entries: JournalEntry[], call: string) => calls(entries).filter((c) => c === call).length;
