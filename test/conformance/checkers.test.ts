/** The conformance checkers must flag what the spec forbids and accept what it allows. */
import { errorChecks } from '../../conformance/checks/errors';
import { bodyViolations, headerViolations } from '../../conformance/checks/headers';
import type { CheckContext } from '../../conformance/checks/types';
import { fromNetwork, type JournalEntry } from '../../conformance/lib/emulator';
import type { ProxyRecord } from '../../conformance/lib/proxy';
import { deviceIdentifierProblem, deviceInfoProblems } from '../../conformance/spec/device-info';
import { endpointOf } from '../../conformance/spec/endpoints';

const info = (o: Record<string, unknown>) => Buffer.from(JSON.stringify(o)).toString('base64');
const GOOD_INFO = info({
  model: 'OLED55',
  version: '6',
  osName: 'webOS',
  osVersion: '6',
  connectionType: 'LAN',
  primaryHardwareType: 'TV',
});
const DEVICE = `fingerprint ${Buffer.from('ba23d141-d715-561c-94f4-e9e4c966b1eb').toString('base64')}`;

function entry(
  method: string,
  path: string,
  headers: Record<string, string>,
  query: Record<string, unknown> = {},
): JournalEntry {
  return { seq: 1, time: 0, method, path, query, headers, status: 200, durationMs: 1 };
}

const restHeaders = (extra: Record<string, string> = {}) => ({
  authorization: 'Bearer abc',
  'ap-device-identifier': DEVICE,
  'x-device-info': GOOD_INFO,
  accept: 'application/json',
  host: '127.0.0.1:1',
  ...extra,
});

describe('endpointOf', () => {
  test.each([
    ['POST', '/o/client/register', 'register'],
    ['POST', '/o/client/token', 'token'],
    ['GET', '/api/v2/DEMOTV/configuration', 'configuration'],
    ['POST', '/api/v2/DEMOTV/sessions', 'sessions-create'],
    ['POST', '/api/v2/DEMOTV/sessions/ABC1234', 'sessions-resume'],
    ['GET', '/api/v2/DEMOTV/sessions/ABC1234', 'sessions-retrieve'],
    ['GET', '/api/v2/authenticate/DEMOTV/ABC1234', 'authenticate'],
    ['GET', '/api/v2/DEMOTV/profiles', 'profiles'],
    ['GET', '/api/v2/DEMOTV/profiles/AcmeCable', 'profiles-mvpd'],
    ['GET', '/api/v2/DEMOTV/profiles/code/ABC1234', 'profiles-code'],
    ['POST', '/api/v2/DEMOTV/decisions/preauthorize/AcmeCable', 'preauthorize'],
    ['POST', '/api/v2/DEMOTV/decisions/authorize/AcmeCable', 'authorize'],
    ['GET', '/api/v2/DEMOTV/logout/AcmeCable', 'logout'],
  ])('%s %s is %s', (method, path, name) => {
    expect(endpointOf(method, path)).toBe(name);
  });

  test('undocumented calls are not recognised', () => {
    expect(endpointOf('GET', '/api/v2/DEMOTV/decision/authorize/AcmeCable')).toBeUndefined();
    expect(endpointOf('DELETE', '/api/v2/DEMOTV/profiles')).toBeUndefined();
  });
});

describe('headerViolations (§3.6 + checklist overlay)', () => {
  test('a complete authorize request passes', () => {
    expect(
      headerViolations(
        entry(
          'POST',
          '/api/v2/DEMOTV/decisions/authorize/AcmeCable',
          restHeaders({ 'content-type': 'application/json;charset=utf-8' }),
        ),
      ),
    ).toEqual([]);
  });

  test('device headers are required on every REST V2 call, even where §3.6 omits them', () => {
    const h = restHeaders();
    delete (h as Record<string, string>)['ap-device-identifier'];
    expect(headerViolations(entry('GET', '/api/v2/DEMOTV/profiles/code/ABC1234', h))).toEqual([
      'profiles-code: missing ap-device-identifier',
    ]);
  });

  test('headers the call does not define are flagged', () => {
    const v = headerViolations(
      entry('GET', '/api/v2/DEMOTV/configuration', restHeaders({ 'ap-temppass-identity': 'e30=', 'x-trace': '1' })),
    );
    expect(v).toEqual([
      'configuration: header ap-temppass-identity not defined',
      'configuration: header x-trace not defined',
    ]);
  });

  test('Authorization on DCR calls is not defined', () => {
    const v = headerViolations(
      entry('POST', '/o/client/token', {
        authorization: 'Bearer x',
        'content-type': 'application/x-www-form-urlencoded',
        'x-device-info': GOOD_INFO,
      }),
    );
    expect(v).toEqual(['token: header authorization not defined']);
  });

  test('wrong Accept and Content-Type values, query parameters', () => {
    const v = headerViolations(
      entry('GET', '/api/v2/DEMOTV/logout/AcmeCable', restHeaders({ accept: 'text/html' }), { foo: '1' }),
    );
    expect(v).toEqual([
      'logout: Accept text/html',
      'logout: query foo not defined',
      'logout: query redirectUrl missing',
    ]);
    const w = headerViolations(
      entry('POST', '/api/v2/DEMOTV/sessions', restHeaders({ 'content-type': 'application/json' })),
    );
    expect(w).toEqual(['sessions-create: Content-Type application/json']);
  });
});

describe('bodyViolations', () => {
  const rec = (method: string, path: string, body: string): ProxyRecord => ({
    time: 0,
    method,
    path,
    query: '',
    headers: {},
    body,
  });

  test('documented bodies pass', () => {
    expect(
      bodyViolations(rec('POST', '/o/client/token', 'client_id=a&client_secret=b&grant_type=client_credentials')),
    ).toEqual([]);
    expect(
      bodyViolations(rec('POST', '/api/v2/DEMOTV/sessions', 'mvpd=AcmeCable&domainName=d&redirectUrl=http%3A%2F%2Fx')),
    ).toEqual([]);
    expect(
      bodyViolations(rec('POST', '/api/v2/DEMOTV/decisions/preauthorize/AcmeCable', '{"resources":["A","B"]}')),
    ).toEqual([]);
    expect(bodyViolations(rec('GET', '/api/v2/DEMOTV/profiles', ''))).toEqual([]);
  });

  test('extra, missing and malformed parameters are flagged', () => {
    expect(
      bodyViolations(
        rec('POST', '/o/client/token', 'client_id=a&client_secret=b&grant_type=client_credentials&scope=x'),
      ),
    ).toEqual(['token: parameter scope not defined']);
    expect(bodyViolations(rec('POST', '/o/client/register', '{}'))).toEqual([
      'register: parameter software_statement missing',
    ]);
    expect(
      bodyViolations(rec('POST', '/api/v2/DEMOTV/decisions/authorize/AcmeCable', '{"resources":["A","B"]}')),
    ).toEqual(['authorize: 2 resources']);
    expect(
      bodyViolations(
        rec('POST', '/api/v2/DEMOTV/decisions/preauthorize/AcmeCable', '{"resources":["1","2","3","4","5","6"]}'),
      ),
    ).toEqual(['preauthorize: 6 resources']);
    expect(bodyViolations(rec('POST', '/api/v2/DEMOTV/sessions', 'mvpd=a&mvpd=b'))).toEqual([
      'sessions-create: duplicated mvpd',
    ]);
    expect(bodyViolations(rec('GET', '/api/v2/DEMOTV/profiles', 'x=1'))).toEqual(['profiles: unexpected body']);
  });
});

describe('device headers (§6.2, §6.3)', () => {
  test('AP-Device-Identifier', () => {
    expect(deviceIdentifierProblem(DEVICE)).toBeUndefined();
    expect(deviceIdentifierProblem(undefined)).toBe('missing');
    expect(deviceIdentifierProblem('ba23d141')).toMatch(/not "fingerprint/);
    expect(deviceIdentifierProblem('fingerprint not*base64')).toMatch(/not Base64/);
  });

  test('X-Device-Info', () => {
    expect(deviceInfoProblems(GOOD_INFO)).toEqual([]);
    expect(deviceInfoProblems(info({ model: 'M', version: '1', osName: 'Tizen', connectionType: 'LAN' }))).toEqual([
      'missing osVersion',
      'osName=Tizen not documented',
    ]);
    expect(
      deviceInfoProblems(
        info({
          model: 'M',
          version: '1',
          osName: 'Linux',
          osVersion: '1',
          connectionType: 'LAN',
          displayWidth: '1920',
        }),
      ),
    ).toEqual(['displayWidth not a number']);
    expect(deviceInfoProblems(Buffer.from('not json').toString('base64'))).toEqual(['not JSON']);
  });
});

describe('throttling: one address per simulated device, 429s told apart (item 36)', () => {
  const PHONE = `fingerprint ${Buffer.from('phone').toString('base64')}`;
  const at = (seq: number, time: number, client: string, extra: Partial<JournalEntry> = {}): JournalEntry => ({
    ...entry('GET', '/api/v2/DEMOTV/profiles', restHeaders()),
    seq,
    time,
    client,
    ...extra,
  });
  const item36 = errorChecks.find((c) => c.item === 36)!;
  const run = (journal: JournalEntry[]) =>
    item36.run({ journal, facts: { phone: { identifier: PHONE } }, rec: undefined, proxy: [] } as unknown as CheckContext);
  const phoneHeaders = restHeaders({ 'ap-device-identifier': PHONE });

  test('the hop the simulated network appended leaves the headers and becomes `client`; a client-sent value stays', () => {
    const addresses = new Set(['198.51.100.7']);
    const e = fromNetwork(entry('GET', '/x', restHeaders({ 'x-forwarded-for': '198.51.100.7' })), addresses);
    expect(e.client).toBe('198.51.100.7');
    expect(e.headers['x-forwarded-for']).toBeUndefined();
    const profiles = '/api/v2/DEMOTV/profiles';
    const sent = fromNetwork(entry('GET', profiles, restHeaders({ 'x-forwarded-for': '10.0.0.1, 198.51.100.7' })), addresses);
    expect(sent.headers['x-forwarded-for']).toBe('10.0.0.1');
    expect(headerViolations(sent)).toEqual([]); // optional on profiles: a client may send it, the check still sees it
    expect(fromNetwork(entry('GET', '/x', restHeaders({ 'x-forwarded-for': '203.0.113.1' })), addresses).client).toBeUndefined();
  });

  test('injected 429s followed by a wait of at least 1 s from that client (TV and phone) pass', () => {
    const journal = [
      at(1, 1000, 'a', { status: 429, fault: 'throttled' }),
      at(2, 1500, 'b'), // another device meanwhile: not the same budget
      at(3, 2100, 'a'),
      at(4, 3000, 'c', { status: 429, fault: 'throttled', headers: phoneHeaders }),
      at(5, 4000, 'c', { headers: phoneHeaders }),
    ];
    expect(run(journal).result).toBe('PASS');
  });

  test('a 429 the clients provoked fails, even when they waited afterwards', () => {
    const journal = [
      at(1, 1000, 'c', { status: 429, fault: 'throttled', headers: phoneHeaders }),
      at(2, 2100, 'c', { headers: phoneHeaders }),
      at(3, 3000, 'a', { status: 429, throttled: true }),
      at(4, 4100, 'a'),
    ];
    const out = run(journal);
    expect(out.result).toBe('FAIL');
    expect(out.evidence).toContain('1 × 429 provoked');
  });

  test('a request sooner than 1 s after a 429 from the same address fails', () => {
    const journal = [
      at(1, 1000, 'c', { status: 429, fault: 'throttled', headers: phoneHeaders }),
      at(2, 1400, 'c', { headers: phoneHeaders }),
    ];
    expect(run(journal).evidence).toContain('1 requests sooner than 1 s');
  });
});
