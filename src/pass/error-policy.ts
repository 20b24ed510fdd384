/**
 * The one error policy (spec §9.5, §3.5, §10, §4.2; design.md "Errors"). It maps what came back from a
 * call — HTTP status, enhanced error `code`/`action`, DCR `error`, or no answer at all — to a reaction.
 * Read it top to bottom like the spec: code first (§18.9), then action, then bare HTTP status.
 * The executor in client.ts bounds every loop: at most MAX_RETRIES retries, one token refresh per call.
 */
import type { EnhancedError, PassErrorKind } from './errors';

export const MAX_RETRIES = 2;
/** Throttling page: wait at least one second after a 429 before any new request. */
export const THROTTLE_WAIT_MS = 1000;

export type Reaction =
  /** Ask again (bounded); `finalKind` is what the caller gets once the retries are spent. */
  | { type: 'retry'; finalKind: PassErrorKind; throttled?: boolean }
  /** Get a new access token with the stored credentials, repeat the call once. */
  | { type: 'refresh-token' }
  /** Token endpoint says `invalid_client`: register again (profiles are lost), then get a token. */
  | { type: 're-register' }
  /** Stop and report. */
  | { type: 'fail'; kind: PassErrorKind; retryable: boolean };

export type Outcome =
  | { type: 'transport' }
  | { type: 'response'; endpoint: 'rest' | 'register' | 'token'; status: number; enhanced?: EnhancedError; oauthError?: string };

const retry = (finalKind: PassErrorKind): Reaction => ({ type: 'retry', finalKind });
const fail = (kind: PassErrorKind, retryable = false): Reaction => ({ type: 'fail', kind, retryable });
const REFRESH_TOKEN: Reaction = { type: 'refresh-token' };

/** §9.4 codes, grouped by what the client does about them. Wins over `action` (§18.9). */
const BY_CODE: Array<[string[], Reaction]> = [
  [['network_received_error', 'network_connection_timeout', 'maximum_execution_time_exceeded'], retry('server')],
  [['invalid_access_token_service_provider', 'invalid_access_token_client_application'], REFRESH_TOKEN],
  [
    [
      'authenticated_profile_missing',
      'authenticated_profile_expired',
      'authenticated_profile_invalidated',
      'temporary_access_duration_limit_exceeded',
      'temporary_access_resources_limit_exceeded',
      'authorization_denied_by_hba_policies',
      'authorization_denied_by_session_invalidated',
      'identity_not_recognized_by_mvpd',
    ],
    fail('authentication'),
  ],
  [
    [
      'preauthorization_denied_by_mvpd',
      'authorization_denied_by_mvpd',
      'authorization_denied_by_parental_controls',
      'authorization_denied_by_degradation_rule',
    ],
    fail('denied'),
  ],
  [['invalid_authentication_session', 'invalid_parameter_code'], fail('expired-code')],
  [['invalid_integration', 'too_many_resources'], fail('configuration')],
];

/** §9.2: what each `action` asks for when the code alone does not say. */
const BY_ACTION: Record<string, Reaction> = {
  retry: retry('server'),
  'application-registration': REFRESH_TOKEN,
  authentication: fail('authentication'),
  // A new authorization is needed: final for this call, but pressing Retry asks again.
  authorization: fail('denied', true),
  configuration: fail('configuration'),
};

/** §4.2: DCR token endpoint `error` values. */
const TOKEN_ERRORS: Record<string, Reaction> = {
  invalid_client: { type: 're-register' },
};

export function react(outcome: Outcome): Reaction {
  if (outcome.type === 'transport') return retry('network');
  const { status, enhanced } = outcome;
  if (status === 429) return { type: 'retry', finalKind: 'throttled', throttled: true };

  if (outcome.endpoint !== 'rest') {
    if (outcome.endpoint === 'token' && outcome.oauthError && TOKEN_ERRORS[outcome.oauthError]) return TOKEN_ERRORS[outcome.oauthError];
    if (status >= 500) return retry('server');
    return fail('registration');
  }

  if (enhanced?.code) {
    for (const [codes, reaction] of BY_CODE) if (codes.indexOf(enhanced.code) >= 0) return reaction;
  }
  if (enhanced?.action && BY_ACTION[enhanced.action]) return BY_ACTION[enhanced.action];
  // Unknown code/action, `none`, or no enhanced error at all: decide on the HTTP status (§3.5).
  if (status === 401) return REFRESH_TOKEN;
  if (status >= 500) return enhanced ? fail(kindForStatus(status), true) : retry('server');
  return fail(kindForStatus(enhanced?.status ?? status));
}

function kindForStatus(status: number): PassErrorKind {
  if (status === 403) return 'denied';
  if (status >= 500) return 'server';
  return 'unknown';
}

/** Item-level errors (decisions in a 200) follow the same table (§9.5.2). */
export function reactToItem(error: EnhancedError): Reaction {
  return react({ type: 'response', endpoint: 'rest', status: error.status ?? 200, enhanced: error });
}

/** Exponential backoff before retry number `attempt` (0-based): 500 ms, 1 s. */
export function backoffMs(attempt: number, baseMs: number): number {
  return baseMs * Math.pow(2, attempt);
}
