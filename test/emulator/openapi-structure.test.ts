/**
 * The emulator against Adobe's own OpenAPI descriptions (structure-only extract in fixtures/, regenerated with
 * emulator/scripts/extract-openapi.ts): every documented operation exists, every status the emulator answers
 * is one Adobe lists for that operation, and every body has the documented field names, types and required
 * fields. Where Adobe's pages and samples say otherwise than its OpenAPI, the exception is listed below with
 * its reason (and in emulator/README.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../../emulator/src/server';
import { MRSS, STATEMENTS, TestClient, admin, deviceInfoHeader, http, start, type Res } from './helpers';

interface Field {
  type: string;
  required?: true;
  ref?: string;
  items?: string;
  values?: string;
  enum?: string[];
}
interface Operation {
  method: string;
  path: string;
  responses: Record<string, string | null>;
}
interface Api {
  operations: Operation[];
  schemas: Record<string, Record<string, Field>>;
}
const spec = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'adobe-openapi-structure.json'), 'utf8')) as { restApiV2: Api; dcr: Api };

/** Fields the emulator sends that the OpenAPI does not list, each documented elsewhere by Adobe. */
const EXTRA_FIELDS: Record<string, string[]> = {
  // The configuration page's table lists device and clientType (the OpenAPI lists platform* / sdkType instead).
  ConfigurationResponse: ['device', 'clientType'],
};
/** Fields whose documented samples contradict the OpenAPI's type (samples win: that is what clients get). */
const SAMPLE_TYPES: Record<string, Record<string, string>> = {
  Connection: { ipAddress: 'string' }, // OpenAPI: a Java InetAddress object; every sample: a string
  ErrorInformation: { message: 'string' }, // OpenAPI: "Message" object; every sample: a string
  UserMetadataResponse: { value: 'any' }, // OpenAPI: "object" (a Java Object); samples: strings, lists, maps
};
/** The user-agent endpoint's errors are HTML pages (its reference page: Content-Type text/html), not JSON. */
const HTML_ERRORS = ['GET /authenticate/{serviceProvider}/{code}'];

function typeOk(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

/** Problems of `value` against schema `name` (empty = conforms). Nulls are allowed for optional fields (samples show them). */
function check(api: Api, value: unknown, name: string, where: string, out: string[]): void {
  const schema = api.schemas[name];
  if (!schema) return out.push(`${where}: unknown schema ${name}`) as unknown as void;
  if (Object.keys(schema).length === 0) return; // a bare "object" schema (e.g. Message): anything
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out.push(`${where}: expected ${name} object`) as unknown as void;
  const rec = value as Record<string, unknown>;
  for (const [k, f] of Object.entries(schema)) if (f.required && rec[k] === undefined) out.push(`${where}.${k}: required by ${name}, missing`);
  for (const [k, v] of Object.entries(rec)) {
    const f = schema[k];
    if (!f) {
      if (!(EXTRA_FIELDS[name] ?? []).includes(k)) out.push(`${where}.${k}: not a field of ${name}`);
      continue;
    }
    if (v === null && !f.required) continue;
    const sampleType = SAMPLE_TYPES[name]?.[k];
    if (sampleType) {
      if (!typeOk(v, sampleType)) out.push(`${where}.${k}: expected ${sampleType} (as in Adobe's samples)`);
      continue;
    }
    if (f.ref) {
      check(api, v, f.ref, `${where}.${k}`, out);
      continue;
    }
    if (!typeOk(v, f.type)) {
      out.push(`${where}.${k}: expected ${f.type}, got ${JSON.stringify(v)}`);
      continue;
    }
    if (f.enum && !f.enum.includes(String(v))) out.push(`${where}.${k}: ${String(v)} not in ${f.enum.join('|')}`);
    if (f.type === 'array' && f.items) {
      (v as unknown[]).forEach((x, i) => (api.schemas[f.items!] ? check(api, x, f.items!, `${where}.${k}[${i}]`, out) : typeOk(x, f.items!) || out.push(`${where}.${k}[${i}]: expected ${f.items}`)));
    }
    if (f.values) {
      for (const [mk, mv] of Object.entries(v as Record<string, unknown>)) {
        if (api.schemas[f.values]) check(api, mv, f.values, `${where}.${k}.${mk}`, out);
        else if (!typeOk(mv, f.values)) out.push(`${where}.${k}.${mk}: expected ${f.values}`);
      }
    }
  }
}

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

const seen = new Map<string, Set<string>>();
const problems: string[] = [];

/** Records the answer of one call to the operation `key` ("METHOD /path" as in the OpenAPI) and checks it. */
function answer(apiName: 'restApiV2' | 'dcr', key: string, r: Res): Res {
  const api = spec[apiName];
  const op = api.operations.find((o) => `${o.method} ${o.path}` === key);
  if (!op) throw new Error(`no OpenAPI operation ${key}`);
  const statuses = seen.get(key) ?? new Set<string>();
  statuses.add(String(r.status));
  seen.set(key, statuses);
  if (!(String(r.status) in op.responses)) problems.push(`${key}: status ${r.status} is not listed (${Object.keys(op.responses).join(', ')})`);
  const schema = op.responses[String(r.status)];
  if (HTML_ERRORS.includes(key) && r.status >= 400) {
    if (!/^text\/html/.test(r.headers.get('content-type') ?? '')) problems.push(`${key} ${r.status}: expected an HTML page`);
  } else if (schema && r.status !== 302) {
    if (r.body === undefined) problems.push(`${key} ${r.status}: body is not JSON`);
    else check(api, r.body, schema, `${key} ${r.status}`, problems);
  }
  return r;
}

it('answers every documented operation with a documented status and documented fields', async () => {
  const A = emu.adobeUrl;
  const info = { 'x-device-info': deviceInfoHeader() };
  // DCR (dcrApi.json; paths are relative to /o)
  const reg = answer('dcr', 'POST /client/register', await http('POST', `${A}/o/client/register`, { headers: { 'content-type': 'application/json', ...info }, body: JSON.stringify({ software_statement: STATEMENTS['demotv-lightning-tv'] }) }));
  expect(reg.status).toBe(201);
  check(spec.dcr, reg.body, 'ClientApplication', 'register 201', problems);
  const tok = answer('dcr', 'POST /client/token', await http('POST', `${A}/o/client/token`, {
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...info },
    body: new URLSearchParams({ client_id: reg.body.client_id, client_secret: reg.body.client_secret, grant_type: 'client_credentials' }).toString(),
  }));
  expect(tok.status).toBe(201);
  check(spec.dcr, tok.body, 'ClientRegistrationAccessTokenResponse', 'token 201', problems);
  answer('dcr', 'POST /client/token', await http('POST', `${A}/o/client/token`, { headers: { 'content-type': 'application/x-www-form-urlencoded', ...info }, body: 'grant_type=client_credentials' }));

  const tv = await TestClient.create(A);
  const web = await TestClient.create(A, 'demotv-activation-web');
  const R = 'restApiV2';
  answer(R, 'GET /{serviceProvider}/configuration', await tv.get('/api/v2/DEMOTV/configuration'));
  answer(R, 'GET /{serviceProvider}/configuration', await http('GET', `${A}/api/v2/DEMOTV/configuration`));
  answer(R, 'GET /{serviceProvider}/configuration', await tv.get('/api/v2/NOSUCHSP/configuration'));
  answer(R, 'GET /{serviceProvider}/profiles', await tv.get('/api/v2/DEMOTV/profiles'));

  // Sessions: authenticate, resume/retry, retrieve, the user-agent redirect.
  const created = answer(R, 'POST /{serviceProvider}/sessions', await tv.createSession('AcmeCable'));
  const other = await TestClient.create(A); // another TV: a new session on the same TV would replace the first
  const partial = answer(R, 'POST /{serviceProvider}/sessions', await other.postForm('/api/v2/DEMOTV/sessions', { domainName: 'demotv.example' }));
  answer(R, 'POST /{serviceProvider}/sessions/{code}', await web.postForm(`/api/v2/DEMOTV/sessions/${partial.body.code}`, { mvpd: 'BlueRiverTV' }));
  answer(R, 'GET /{serviceProvider}/sessions/{code}', await web.get(`/api/v2/DEMOTV/sessions/${partial.body.code}`));
  answer(R, 'GET /{serviceProvider}/sessions/{code}', await web.get('/api/v2/DEMOTV/sessions/ZZZZZZZ'));
  answer(R, 'POST /{serviceProvider}/sessions/{code}', await web.postForm('/api/v2/DEMOTV/sessions/ZZZZZZZ', { mvpd: 'AcmeCable' }));
  const code = created.body.code as string;
  answer(R, 'GET /authenticate/{serviceProvider}/{code}', await http('GET', `${A}/api/v2/authenticate/DEMOTV/${code}`));
  answer(R, 'GET /authenticate/{serviceProvider}/{code}', await http('GET', `${A}/api/v2/authenticate/DEMOTV/ZZZZZZZ`));
  answer(R, 'GET /{serviceProvider}/profiles/code/{code}', await tv.get(`/api/v2/DEMOTV/profiles/code/${code}`));
  answer(R, 'GET /{serviceProvider}/profiles/code/{code}', await tv.get('/api/v2/DEMOTV/profiles/code/%24%24'));

  // No profile yet: decisions answer in a 200 (item-level), never a 403.
  answer(R, 'POST /{serviceProvider}/decisions/authorize/{mvpd}', await tv.authorize('AcmeCable', ['DEMOTV']));
  answer(R, 'POST /{serviceProvider}/decisions/preauthorize/{mvpd}', await tv.preauthorize('AcmeCable', ['DEMOTV']));
  expect((await admin(A, 'POST', `/sessions/${code}/complete`, { username: 'bob', password: 'bob123' })).status).toBe(200);
  answer(R, 'GET /{serviceProvider}/profiles/code/{code}', await tv.get(`/api/v2/DEMOTV/profiles/code/${code}`));
  answer(R, 'GET /{serviceProvider}/profiles', await tv.get('/api/v2/DEMOTV/profiles'));
  answer(R, 'GET /{serviceProvider}/profiles/{mvpd}', await tv.get('/api/v2/DEMOTV/profiles/AcmeCable'));
  answer(R, 'GET /{serviceProvider}/profiles/{mvpd}', await tv.get('/api/v2/DEMOTV/profiles/NoSuchMvpd'));
  answer(R, 'POST /{serviceProvider}/sessions', await tv.createSession('AcmeCable')); // authorize/authenticated

  // Decisions: permit, deny, MRSS, too many resources, bad body.
  const pre = answer(R, 'POST /{serviceProvider}/decisions/preauthorize/{mvpd}', await tv.preauthorize('AcmeCable', ['DEMOTV', 'DEMOTV-SPORTS', MRSS('DEMOTV-KIDS', 'Cartoon', 'tv-y7')]));
  expect(pre.body.decisions.map((d: { authorized: boolean }) => d.authorized)).toEqual([true, false, true]);
  answer(R, 'POST /{serviceProvider}/decisions/preauthorize/{mvpd}', await tv.preauthorize('AcmeCable', ['1', '2', '3', '4', '5', '6']));
  answer(R, 'POST /{serviceProvider}/decisions/preauthorize/{mvpd}', await tv.postJson('/api/v2/DEMOTV/decisions/preauthorize/AcmeCable', {}));
  const auth = answer(R, 'POST /{serviceProvider}/decisions/authorize/{mvpd}', await tv.authorize('AcmeCable', ['DEMOTV']));
  expect(auth.body.decisions[0].token.serializedToken).toEqual(expect.any(String));
  answer(R, 'POST /{serviceProvider}/decisions/authorize/{mvpd}', await tv.authorize('AcmeCable', ['DEMOTV-PPV']));
  answer(R, 'POST /{serviceProvider}/decisions/authorize/{mvpd}', await tv.authorize('AcmeCable', ['DEMOTV', 'DEMOTV-KIDS']));
  answer(R, 'POST /{serviceProvider}/decisions/authorize/{mvpd}', await tv.authorize('TempPass_DEMO15', ['DEMOTV']));

  // Partner SSO (fallbacks and input errors only: the emulator has no SAML).
  answer(R, 'POST /{serviceProvider}/sessions/sso/{partner}', await tv.postForm('/api/v2/DEMOTV/sessions/sso/Apple', { domainName: 'demotv.example', redirectUrl: 'http://localhost:4030/done' }));
  answer(R, 'POST /{serviceProvider}/profiles/sso/{partner}', await tv.postForm('/api/v2/DEMOTV/profiles/sso/Apple', {}));

  // Logout, with and without a logout endpoint, and nothing to delete.
  answer(R, 'GET /{serviceProvider}/logout/{mvpd}', await tv.get(`/api/v2/DEMOTV/logout/AcmeCable?redirectUrl=${encodeURIComponent('http://localhost:4030/bye')}`));
  answer(R, 'GET /{serviceProvider}/logout/{mvpd}', await tv.get(`/api/v2/DEMOTV/logout/AcmeCable?redirectUrl=${encodeURIComponent('http://localhost:4030/bye')}`));
  answer(R, 'GET /{serviceProvider}/logout/{mvpd}', await tv.get('/api/v2/DEMOTV/logout/AcmeCable'));

  // Wrong methods → 405 everywhere.
  for (const op of spec.restApiV2.operations) {
    const url = `${A}/api/v2${op.path.replace('{serviceProvider}', 'DEMOTV').replace('{mvpd}', 'AcmeCable').replace('{code}', 'ABC1234').replace('{partner}', 'Apple')}`;
    answer(R, `${op.method} ${op.path}`, await http(op.method === 'GET' ? 'DELETE' : 'PUT', url, { headers: tv.headers() }));
  }

  expect(problems).toEqual([]);
  const all = [...spec.restApiV2.operations.map((o) => `${o.method} ${o.path}`), ...spec.dcr.operations.map((o) => `${o.method} ${o.path}`)];
  expect(all.filter((k) => !seen.has(k))).toEqual([]); // every documented operation was exercised
});

it('the checker itself catches a wrong type, a missing required field and an unknown field', () => {
  const out: string[] = [];
  check(spec.restApiV2, { decisions: [{ resource: 'X', serviceProvider: 'DEMOTV', mvpd: 'M', authorized: 'yes', extra: 1 }] }, 'DecisionsResponse', 'd', out);
  expect(out).toEqual([
    'd.decisions[0].source: required by DecisionResponse, missing',
    'd.decisions[0].authorized: expected boolean, got "yes"',
    'd.decisions[0].extra: not a field of DecisionResponse',
  ]);
});
