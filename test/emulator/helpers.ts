/** Shared helpers for the emulator contract tests: real HTTP against startEmulator() on random ports. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type EmulatorSettings, type RunningEmulator } from '../../emulator/src/server';

export const STATEMENTS = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'emulator', 'fixtures', 'software-statements.json'), 'utf8')) as {
    statements: Record<string, string>;
  }
).statements;

export const TV_INFO = {
  primaryHardwareType: 'TV', model: 'OLED55', version: '2023', manufacturer: 'LG', osName: 'webOS',
  osFamily: 'webOS', osVendor: 'LG', osVersion: '6.0', connectionType: 'LAN', applicationId: 'DEMOTV',
};

export const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
export const deviceInfoHeader = (info: object = TV_INFO): string => b64(JSON.stringify(info));

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON (undefined when the body is not JSON); asserted field by field in the tests. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function http(method: string, url: string, opts: { headers?: Record<string, string>; body?: string } = {}): Promise<Res> {
  const r = await fetch(url, { method, headers: opts.headers, body: opts.body, redirect: 'manual' });
  const text = await r.text();
  let body: unknown = undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: r.status, headers: r.headers, text, body };
}

/**
 * Contract tests run with throttling OFF unless they ask for it: each file drives dozens of calls per second
 * from 127.0.0.1 to check one endpoint at a time; Adobe's throttling itself is tested in throttle*.test.ts
 * with it on (the emulator's default).
 */
export async function start(settings: Partial<EmulatorSettings> = {}): Promise<RunningEmulator> {
  return startEmulator({ adobePort: 0, programmerPort: 0, quiet: true, settings: { throttling: false, ...settings } });
}

export function admin(base: string, method: string, path: string, body?: unknown): Promise<Res> {
  return http(method, `${base}/__emulator${path}`, body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

let deviceCounter = 0;

/** One app installation: DCR credentials, an access token and a device identity. */
export class TestClient {
  clientId = '';
  clientSecret = '';
  accessToken = '';
  readonly deviceId: string;

  constructor(public readonly base: string, deviceId?: string) {
    this.deviceId = deviceId ?? `device-${process.pid}-${++deviceCounter}`;
  }

  static async create(base: string, softwareId = 'demotv-lightning-tv', deviceId?: string): Promise<TestClient> {
    const c = new TestClient(base, deviceId);
    const reg = await http('POST', `${base}/o/client/register`, {
      headers: { 'content-type': 'application/json', 'x-device-info': deviceInfoHeader() },
      body: JSON.stringify({ software_statement: STATEMENTS[softwareId] }),
    });
    if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${reg.text}`);
    c.clientId = reg.body.client_id;
    c.clientSecret = reg.body.client_secret;
    await c.refreshToken();
    return c;
  }

  async refreshToken(): Promise<void> {
    const tok = await http('POST', `${this.base}/o/client/token`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-device-info': deviceInfoHeader() },
      body: new URLSearchParams({ client_id: this.clientId, client_secret: this.clientSecret, grant_type: 'client_credentials' }).toString(),
    });
    if (tok.status !== 201) throw new Error(`token failed: ${tok.status} ${tok.text}`);
    this.accessToken = tok.body.access_token;
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      Authorization: `Bearer ${this.accessToken}`,
      'AP-Device-Identifier': `fingerprint ${b64(this.deviceId)}`,
      'X-Device-Info': deviceInfoHeader(),
      ...extra,
    };
  }

  get(path: string, extra: Record<string, string> = {}): Promise<Res> {
    return http('GET', `${this.base}${path}`, { headers: this.headers(extra) });
  }

  postForm(path: string, form: Record<string, string>, extra: Record<string, string> = {}): Promise<Res> {
    return http('POST', `${this.base}${path}`, {
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded', ...extra }),
      body: new URLSearchParams(form).toString(),
    });
  }

  postJson(path: string, json: unknown, extra: Record<string, string> = {}): Promise<Res> {
    return http('POST', `${this.base}${path}`, {
      headers: this.headers({ 'content-type': 'application/json;charset=utf-8', ...extra }),
      body: JSON.stringify(json),
    });
  }

  /** POST sessions with all parameters; returns the response. */
  createSession(mvpd: string, sp = 'DEMOTV'): Promise<Res> {
    return this.postForm(`/api/v2/${sp}/sessions`, { mvpd, domainName: 'demotv.example', redirectUrl: 'http://localhost:4030/done' });
  }

  /** Full login without a browser: session + admin completion. */
  async login(mvpd: string, username: string, password = `${username}123`): Promise<string> {
    const s = await this.createSession(mvpd);
    if (s.body?.actionName !== 'authenticate') throw new Error(`unexpected session answer ${s.text}`);
    const done = await admin(this.base, 'POST', `/sessions/${s.body.code}/complete`, { username, password });
    if (done.status !== 200) throw new Error(`complete failed ${done.text}`);
    return s.body.code as string;
  }

  authorize(mvpd: string, resources: string[], extra: Record<string, string> = {}): Promise<Res> {
    return this.postJson(`/api/v2/DEMOTV/decisions/authorize/${mvpd}`, { resources }, extra);
  }

  preauthorize(mvpd: string, resources: string[], extra: Record<string, string> = {}): Promise<Res> {
    return this.postJson(`/api/v2/DEMOTV/decisions/preauthorize/${mvpd}`, { resources }, extra);
  }
}

/** Asserts the enhanced error shape (spec §9.1) and returns it. */
export function expectEnhanced(err: unknown, code: string, status: number, action?: string): void {
  expect(err).toEqual(
    expect.objectContaining({
      code,
      status,
      helpUrl: expect.stringMatching(/^https:\/\//),
      trace: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ...(action ? { action } : {}),
    }),
  );
}

export const MRSS = (channel: string, item: string, rating: string, scheme = 'urn:v-chip'): string =>
  `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>${channel}</title><item><title>${item}</title><media:rating scheme="${scheme}">${rating}</media:rating></item></channel></rss>`;
