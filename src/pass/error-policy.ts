/**
 * The one error policy (spec §9.5, §3.5, §10, §4.2; design.md "Errors"). It maps what came back from a
 * call — HTTP status, enhanced error `code`/`action`, DCR `error`, or no answer at all — to a reaction.
 * Read it top to bottom like the spec: code first (§18.9), then action, then bare HTTP status. The retry
 * rules that depend on the call (CALL_RULES) and the waits (retryDelayMs) live here too.
 * The executor in client.ts bounds every loop: at most MAX_RETRIES retries, one token refresh per call.
 */
import type { CallKind } from './calls';
import type { EnhancedError, PassErrorKind } from './errors';

export const MAX_RETRIES = 2;
/**
 * Throttling page (§10): wait at least one second after a 429 before any new request. A web page cannot
 * read Adobe's 429 (no Access-Control-Allow-Origin), so a failure without a status is treated the same.
 */
export const THROTTLE_WAIT_MS = 1000;
/** Checklist 11: polls at least 3 s apart, retries of a failed poll included. */
export const MIN_POLL_GAP_MS = 3000;

export interface CallRule {
  /**
   * May the very same request be sent again when no status came back? Not when the service may already
   * have acted and a second one would act again.
   */
  resendWithoutAnswer: boolean;
  /** Sends of this kind stay at least this far apart, retries included (the scheduler enforces it). */
  minGapMs?: number;
}

const RESEND: CallRule = { resendWithoutAnswer: true };

export const CALL_RULES: Record<CallKind, CallRule> = {
  // A duplicate registration only leaves unused credentials behind; the second answer is the one kept.
  register: RESEND,
  token: RESEND,
  configuration: RESEND,
  // A session and its code may already exist: the user is asked to try again (a new code) instead.
  'session-create': { resendWithoutAnswer: false },
  // The same parameters for the same code: repeating it changes nothing.
  'session-resume': RESEND,
  'session-retrieve': RESEND,
  profiles: RESEND,
  poll: { resendWithoutAnswer: true, minGapMs: MIN_POLL_GAP_MS },
  preauthorize: RESEND,
  // Decisions are read-only; a second media token is simply never used.
  authorize: RESEND,
  // Repeating a logout whose profile is already gone answers `invalid`: harmless.
  logout: RESEND,
};

export type Reaction =
  /**
   * Ask again (bounded); `finalKind` is what the caller gets once the retries are spent. `mayBeThrottled`:
   * a 429 or no status at all — every request of the client waits THROTTLE_WAIT_MS first.
   */
  | { type: 'retry'; finalKind: PassErrorKind; mayBeThrottled?: boolean }
  /** Get a new access token with the stored credentials, repeat the call once. */
  | { type: 'refresh-token' }
  /** Token endpoint says `invalid_client`: register again (profiles are lost), then get a token. */
  | { type: 're-register' }
  /** Stop and report. `outcomeUnknown`: no answer to a call that must not be re-sent (CALL_RULES). */
  | { type: 'fail'; kind: PassErrorKind; retryable: boolean; outcomeUnknown?: boolean; mayBeThrottled?: boolean };

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

/** `call` adds the per-call rules; without it every call is treated as safe to re-send. */
export function react(outcome: Outcome, call?: CallKind): Reaction {
  if (outcome.type === 'transport') {
    if (call && !CALL_RULES[call].resendWithoutAnswer)
      return { type: 'fail', kind: 'network', retryable: true, outcomeUnknown: true, mayBeThrottled: true };
    return { type: 'retry', finalKind: 'network', mayBeThrottled: true };
  }
  const { status, enhanced } = outcome;
  // A readable 429 (not in a browser) means the request was refused unprocessed: safe to send again.
  if (status === 429) return { type: 'retry', finalKind: 'throttled', mayBeThrottled: true };

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

/**
 * First retry backoff by default: Adobe's steady rate (1 request/s). Once the one-time burst is spent the
 * scheduler cannot send sooner anyway, so a shorter step would not back off at all (1.1 s, 1.1 s); from 1 s
 * the waits really grow (1 s, 2 s).
 */
export const DEFAULT_RETRY_BASE_MS = 1000;

/** Exponential backoff before retry number `attempt` (0-based): base, then twice the base. */
export function backoffMs(attempt: number, baseMs: number): number {
  return baseMs * Math.pow(2, attempt);
}

/**
 * Wait before retry number `attempt` (0-based). After a 429 or a failure without a status: 1 s, then 2 s
 * (never less than THROTTLE_WAIT_MS); otherwise the backoff from `baseMs`. A poll's retry also waits for
 * MIN_POLL_GAP_MS after the previous poll (CALL_RULES spacing, applied by the scheduler).
 */
export function retryDelayMs(reaction: Reaction, attempt: number, baseMs: number): number {
  const backoff = backoffMs(attempt, baseMs);
  if (reaction.type === 'retry' && reaction.mayBeThrottled) return Math.max(backoffMs(attempt, THROTTLE_WAIT_MS), backoff);
  return backoff;
}
