/**
 * The one error type src/pass throws. `kind` uses the same vocabulary as the flows' FailureKind so the
 * layers above never have to re-interpret HTTP details.
 */
export type PassErrorKind =
  | 'network' // no answer, dropped connection, timeout
  | 'throttled' // 429 that outlasted the bounded retries
  | 'server' // 5xx / retry-class errors that outlasted the retries
  | 'malformed' // the service answered something we could not read
  | 'registration' // DCR failed (statement revoked/unapproved, client unknown even after re-registering)
  | 'authentication' // the user must sign in (again)
  | 'denied' // an authorization/preauthorization deny (final)
  | 'configuration' // integration misconfigured (not fixable on the device)
  | 'expired-code' // activation code unknown, expired or invalidated
  | 'unknown';

/** Enhanced error object (spec §9.1). Every field is optional because bodies may be partial. */
export interface EnhancedError {
  status?: number;
  code?: string;
  action?: string;
  message?: string;
  details?: string;
  helpUrl?: string;
  trace?: string;
}

export interface PassErrorInit {
  kind: PassErrorKind;
  message: string;
  /** HTTP status of the response, when there was one. */
  httpStatus?: number;
  /** Enhanced error (REST V2) or OAuth `error` value (DCR) that caused it. */
  enhanced?: EnhancedError;
  oauthError?: string;
  retryable: boolean;
  /** The caller gave up before the request was sent (its signal aborted); nothing reached the service. */
  cancelled?: boolean;
  /**
   * No answer came back from a call that must not be sent blindly twice (POST sessions): the service may
   * or may not have acted on it. The caller decides (the flows ask the user to try again).
   */
  outcomeUnknown?: boolean;
}

export class PassError extends Error {
  readonly kind: PassErrorKind;
  readonly httpStatus?: number;
  readonly enhanced?: EnhancedError;
  readonly oauthError?: string;
  /** True when asking again later (a Retry button) can reasonably help. */
  readonly retryable: boolean;
  readonly cancelled: boolean;
  readonly outcomeUnknown: boolean;
  /** Technical context for logs and support (never shown as the message). */
  detail?: string;

  constructor(init: PassErrorInit) {
    super(init.message);
    this.name = 'PassError';
    this.kind = init.kind;
    this.httpStatus = init.httpStatus;
    this.enhanced = init.enhanced;
    this.oauthError = init.oauthError;
    this.retryable = init.retryable;
    this.cancelled = init.cancelled === true;
    this.outcomeUnknown = init.outcomeUnknown === true;
    // Keep `instanceof` working when compiled down to ES5 for old TV browsers.
    Object.setPrototypeOf(this, PassError.prototype);
  }

  /** Enhanced error code or OAuth error value, for support and tests. */
  get code(): string | undefined {
    return this.enhanced?.code ?? this.oauthError;
  }
}

export function isPassError(value: unknown): value is PassError {
  return value instanceof PassError;
}

export function malformed(what: string, httpStatus?: number): PassError {
  // The screen gets a plain sentence; which answer was unreadable goes to the log through `what`.
  const error = new PassError({
    kind: 'malformed',
    message: 'The sign-in service sent an answer this TV could not read. Please try again.',
    httpStatus,
    retryable: true,
  });
  error.detail = `Unreadable ${what}`;
  return error;
}
