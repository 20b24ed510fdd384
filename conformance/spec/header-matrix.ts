/**
 * Spec §3.6 header matrix (R required, O optional, – not listed) plus the checklist overlay: on every
 * REST API V2 call (not the browser's authenticate URL) Authorization, AP-Device-Identifier and
 * X-Device-Info are required even where the table does not list them (items 28–30). Anything else
 * is "not defined for the call" (item 32). Parameters (query and body) per §4–§5 are below.
 */
import type { Endpoint } from './endpoints';

type Cell = 'R' | 'O' | '-';
const COLUMNS: Endpoint[] = [
  'register',
  'token',
  'configuration',
  'sessions-create',
  'sessions-resume',
  'sessions-retrieve',
  'authenticate',
  'profiles',
  'profiles-mvpd',
  'profiles-code',
  'preauthorize',
  'authorize',
  'logout',
  'sessions-sso',
  'profiles-sso',
];

/** Rows exactly as §3.6 prints them, one cell per column above. */
const ROWS: Record<string, string> = {
  authorization: '- - R R R R - R R R R R R R R',
  'content-type': 'R R - R R - - - - - R R - R R',
  'ap-device-identifier': '- - O R - - - R R - R R R R R',
  'x-device-info': 'R R O R - - - R R - R R R R R',
  'x-forwarded-for': '- - O O O O - O O O O O O O O',
  'adobe-subject-token': '- - - O - - - O O - O O O - -',
  'x-roku-reserved-roku-connect-token': '- - - O - - - O O - O O O - -',
  'ad-service-token': '- - - O - - - O O - O O O - -',
  'ap-partner-framework-status': '- - - - - - - O O - O O - O O',
  'ap-temppass-identity': '- - - - - - - - O O - O - - -',
  'ap-visitor-identifier': '- - - O O O - O O O O O O O O',
  accept: 'O O O O O O - O O O O O O O O',
  'user-agent': 'O O O O O O O O O O O O O O O',
};

/** Connection-level headers every HTTP client adds; they carry no API meaning (not part of §3.6). */
export const TRANSPORT_HEADERS = [
  'host',
  'connection',
  'content-length',
  'accept-encoding',
  'keep-alive',
  'transfer-encoding',
];

const OVERLAY = ['authorization', 'ap-device-identifier', 'x-device-info'];

export function cell(header: string, endpoint: Endpoint, restV2: boolean): Cell {
  const name = header.toLowerCase();
  if (restV2 && OVERLAY.indexOf(name) >= 0) return 'R';
  const row = ROWS[name];
  if (!row) return '-';
  return row.split(' ')[COLUMNS.indexOf(endpoint)] as Cell;
}

export function requiredHeaders(endpoint: Endpoint, restV2: boolean): string[] {
  return Object.keys(ROWS).filter((h) => cell(h, endpoint, restV2) === 'R');
}

/** Allowed query parameters (§5.1 `profile`, §5.11 `redirectUrl`); [required, optional]. */
export const QUERY: Partial<Record<Endpoint, { required: string[]; optional: string[] }>> = {
  configuration: { required: [], optional: ['profile'] },
  logout: { required: ['redirectUrl'], optional: [] },
};

/** Body parameters (§4.1, §4.2, §5.2, §5.3, §5.9, §5.10, §5.12, §5.13); [required, optional]. */
export const BODY: Partial<Record<Endpoint, { type: 'json' | 'form'; required: string[]; optional: string[] }>> = {
  register: { type: 'json', required: ['software_statement'], optional: ['redirect_uri'] },
  token: { type: 'form', required: ['client_id', 'client_secret', 'grant_type'], optional: [] },
  'sessions-create': { type: 'form', required: [], optional: ['mvpd', 'domainName', 'redirectUrl'] },
  'sessions-resume': { type: 'form', required: [], optional: ['mvpd', 'domainName', 'redirectUrl'] },
  preauthorize: { type: 'json', required: ['resources'], optional: [] },
  authorize: { type: 'json', required: ['resources'], optional: [] },
  'sessions-sso': { type: 'form', required: ['domainName', 'redirectUrl'], optional: [] },
  'profiles-sso': { type: 'form', required: ['SAMLResponse'], optional: [] },
};

/** §3.1 request Content-Type per body encoding (charset variants as the samples show). */
export const CONTENT_TYPES = {
  json: /^application\/json(;\s*charset=utf-8)?$/i,
  form: /^application\/x-www-form-urlencoded(;\s*charset=utf-8)?$/i,
};

/** §3.1: if Accept is sent, only application/json;charset=utf-8 (samples: application/json). */
export const ACCEPT = /^application\/json(;\s*charset=utf-8)?$/i;
