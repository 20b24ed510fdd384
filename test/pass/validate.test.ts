/** Tolerance rules of spec §18, one test per documented variance, plus malformed inputs. */
import { PassError } from '../../src/pass';
import {
  parseConfiguration,
  parseDecisions,
  parseLogout,
  parseProfiles,
  parseSessionAction,
  parseSessionInfo,
} from '../../src/pass/validate';
import { resolveUrl } from '../../src/pass/url';

const BASE = 'http://adobe.test:4010';
const mvpd = { id: 'AcmeCable', displayName: 'Acme Cable', logoUrl: 'http://x/a.png', isTempPass: false, isProxy: false, os: 'ignored' };

function kindOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof PassError) return error.kind;
    throw error;
  }
  return 'no error';
}

test('§18.4 configuration: mvpds inside requestor (sample) or top level (table), object or array; unknown fields ignored', () => {
  const expected = [{ id: 'AcmeCable', displayName: 'Acme Cable', logoUrl: 'http://x/a.png', isTempPass: false, isProxy: false }];
  expect(parseConfiguration({ device: 'tv', requestor: { id: 'DEMOTV', mvpds: [mvpd] }, time: 1 }).mvpds).toEqual(expected);
  expect(parseConfiguration([{ device: 'tv', requestor: { id: 'DEMOTV' }, mvpds: [mvpd] }]).mvpds).toEqual(expected);
  expect(parseConfiguration({ mvpds: [mvpd, { displayName: 'no id' }, 42] }).mvpds).toEqual(expected);
  expect(kindOf(() => parseConfiguration({ requestor: {} }))).toBe('malformed');
  expect(kindOf(() => parseConfiguration('<html>'))).toBe('malformed');
});

test('§18.2 notBefore/notAfter as numbers or numeric strings', () => {
  const a = parseSessionAction({ actionName: 'authenticate', code: 'C', notBefore: '100', notAfter: 200 }, BASE);
  expect([a.notBefore, a.notAfter]).toEqual([100, 200]);
  const [p] = parseProfiles({ profiles: { M: { notAfter: '300', type: 'regular', attributes: {} } } });
  expect(p.notAfter).toBe(300);
});

test('§18.3 domain or domainName', () => {
  const info = parseSessionInfo({
    existingParameters: { domain: 'demotv.example', mvpd: 'AcmeCable' },
    missingParameters: ['domain'],
    notAfter: '5',
  });
  expect(info.existingParameters.domainName).toBe('demotv.example');
  expect(info.missingParameters).toEqual(['domainName']);
  const resume = parseSessionAction({ actionName: 'resume', code: 'C', missingParameters: ['domain', 'redirectUrl'] }, BASE);
  expect(resume.missingParameters).toEqual(['domainName', 'redirectUrl']);
});

test('§18.5 wrapped or bare attribute values; encrypted flag kept', () => {
  const [p] = parseProfiles({
    profiles: {
      M: { notAfter: 1, attributes: { userID: { value: 'u1', state: 'plain' }, zip: { value: 'abc', state: 'enc' }, bare: 'b' } },
    },
  });
  expect(p.attributes).toEqual({
    userID: { value: 'u1', encrypted: false },
    zip: { value: 'abc', encrypted: true },
    bare: { value: 'b', encrypted: false },
  });
});

test('§18.6 resume authorize without code is accepted; authenticate without code is not', () => {
  expect(parseSessionAction({ actionName: 'authorize', url: '/api/v2/DEMOTV/decisions/authorize/M' }, BASE).url).toBe(
    `${BASE}/api/v2/DEMOTV/decisions/authorize/M`,
  );
  expect(kindOf(() => parseSessionAction({ actionName: 'authenticate' }, BASE))).toBe('malformed');
});

test('§18.8 logout url absolute or relative; map key may differ from mvpd', () => {
  const entries = parseLogout(
    {
      logouts: {
        AcmeCable: { actionName: 'logout', url: 'https://sp.example/logout' },
        Degraded: { actionName: 'complete', mvpd: 'NorthStarFiber' },
        Rel: { actionName: 'logout', url: '/adobe-services/logout?a=1' },
      },
    },
    BASE,
  );
  expect(entries.map((e) => e.url)).toEqual(['https://sp.example/logout', undefined, `${BASE}/adobe-services/logout?a=1`]);
  expect(entries[1]).toEqual(expect.objectContaining({ key: 'Degraded', mvpd: 'NorthStarFiber' }));
});

test('§18.10/11 decisions: extra token fields and unknown enums pass; item-level errors kept', () => {
  const [d1, d2] = parseDecisions({
    decisions: [
      { resource: 'R1', authorized: true, source: 'future-source', token: { serializedToken: 'mt', notAfter: 9, issuedAt: 1 } },
      { resource: 'R2', authorized: false, error: { status: 403, code: 'authorization_denied_by_mvpd', action: 'none', details: 'PPV' } },
    ],
  });
  expect(d1.token).toEqual({ serializedToken: 'mt', notBefore: undefined, notAfter: 9 });
  expect(d2.error).toEqual(expect.objectContaining({ code: 'authorization_denied_by_mvpd', details: 'PPV' }));
  expect(kindOf(() => parseDecisions({ decisions: [{ resource: 'R', authorized: 'yes' }] }))).toBe('malformed');
});

test('relative urls resolve against the REST host', () => {
  expect(resolveUrl('http://h:1/', '/api/v2/x')).toBe('http://h:1/api/v2/x');
  expect(resolveUrl('http://h:1/base', 'https://other/x')).toBe('https://other/x');
});

test('relative logout urls belong to the REST host: its origin, never the base path', () => {
  const base = 'https://sp.auth.adobe.test/some/prefix/';
  expect(resolveUrl(base, '/adobe-services/logout?noflash=true')).toBe('https://sp.auth.adobe.test/adobe-services/logout?noflash=true');
  expect(resolveUrl(base, 'adobe-services/logout?a=1')).toBe('https://sp.auth.adobe.test/adobe-services/logout?a=1');
  expect(resolveUrl(base, '//mvpd.example/logout')).toBe('https://mvpd.example/logout');
  expect(resolveUrl(base, '  /adobe-services/logout ')).toBe('https://sp.auth.adobe.test/adobe-services/logout');
  expect(resolveUrl('http://localhost:4010', '/adobe-services/logout')).toBe('http://localhost:4010/adobe-services/logout');
  const [entry] = parseLogout({ logouts: { AcmeCable: { actionName: 'logout', actionType: 'interactive', url: 'adobe-services/logout' } } }, base);
  expect(entry.url).toBe('https://sp.auth.adobe.test/adobe-services/logout');
});
