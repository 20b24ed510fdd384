/** Which documented call a request is (spec §4, §5), from its method and path. */
export type Endpoint =
  | 'register'
  | 'token'
  | 'configuration'
  | 'sessions-create'
  | 'sessions-resume'
  | 'sessions-retrieve'
  | 'authenticate'
  | 'profiles'
  | 'profiles-mvpd'
  | 'profiles-code'
  | 'preauthorize'
  | 'authorize'
  | 'logout'
  | 'sessions-sso'
  | 'profiles-sso';

const SEG = '[^/]+';
const RULES: Array<[string, RegExp, Endpoint]> = [
  ['POST', /^\/o\/client\/register\/?$/, 'register'],
  ['POST', /^\/o\/client\/token\/?$/, 'token'],
  ['GET', new RegExp(`^/api/v2/authenticate/${SEG}/${SEG}/?$`), 'authenticate'],
  ['GET', new RegExp(`^/api/v2/${SEG}/configuration/?$`), 'configuration'],
  ['POST', new RegExp(`^/api/v2/${SEG}/sessions/?$`), 'sessions-create'],
  ['POST', new RegExp(`^/api/v2/${SEG}/sessions/sso/${SEG}/?$`), 'sessions-sso'],
  ['POST', new RegExp(`^/api/v2/${SEG}/sessions/${SEG}/?$`), 'sessions-resume'],
  ['GET', new RegExp(`^/api/v2/${SEG}/sessions/${SEG}/?$`), 'sessions-retrieve'],
  ['GET', new RegExp(`^/api/v2/${SEG}/profiles/?$`), 'profiles'],
  ['GET', new RegExp(`^/api/v2/${SEG}/profiles/code/${SEG}/?$`), 'profiles-code'],
  ['POST', new RegExp(`^/api/v2/${SEG}/profiles/sso/${SEG}/?$`), 'profiles-sso'],
  ['GET', new RegExp(`^/api/v2/${SEG}/profiles/${SEG}/?$`), 'profiles-mvpd'],
  ['POST', new RegExp(`^/api/v2/${SEG}/decisions/preauthorize/${SEG}/?$`), 'preauthorize'],
  ['POST', new RegExp(`^/api/v2/${SEG}/decisions/authorize/${SEG}/?$`), 'authorize'],
  ['GET', new RegExp(`^/api/v2/${SEG}/logout/${SEG}/?$`), 'logout'],
];

export function endpointOf(method: string, path: string): Endpoint | undefined {
  for (const [m, re, name] of RULES) if (m === method.toUpperCase() && re.test(path)) return name;
  return undefined;
}

/** True for every REST API V2 call the checklist's header overlay covers (all but the browser URL). */
export function isRestV2(endpoint: Endpoint | undefined): boolean {
  return endpoint !== undefined && endpoint !== 'register' && endpoint !== 'token' && endpoint !== 'authenticate';
}

/** Last path segment (code, mvpd). */
export function lastSegment(path: string): string {
  const parts = path.replace(/\/+$/, '').split('/');
  return decodeURIComponent(parts[parts.length - 1] ?? '');
}
