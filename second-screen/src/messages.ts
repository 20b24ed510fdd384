/**
 * The one place that turns failures into words (spec §9.5: one central handler; branch on `code`
 * first, then on the kind of failure). The flow decides where the words appear.
 */
import { PassError } from './api';

export type ProblemKind =
  | 'wrong-code' // invalid_parameter_code
  | 'expired-code' // invalid_authentication_session
  | 'provider-unavailable' // invalid_integration / invalid_parameter_mvpd
  | 'network'
  | 'throttled'
  | 'setup' // registration/configuration problems nobody on the phone can fix
  | 'other';

export interface Problem {
  kind: ProblemKind;
  title: string;
  message: string;
  /** Whether a Retry button makes sense. */
  retryable: boolean;
  /** Retry must not be pressed sooner than this (spec §10: ≥ 1 s after a 429). */
  retryAfterMs: number;
  /** Adobe support trace id, shown small for support calls. */
  trace?: string;
}

/** Spec §10: every client must wait at least one second after a 429. */
export const THROTTLE_WAIT_MS = 1000;

function problem(kind: ProblemKind, title: string, message: string, retryable: boolean, err?: PassError): Problem {
  return { kind, title, message, retryable, retryAfterMs: kind === 'throttled' ? THROTTLE_WAIT_MS : 0, trace: err?.enhanced?.trace };
}

export function describeFailure(error: unknown): Problem {
  if (!(error instanceof PassError)) {
    return problem('other', 'Something went wrong', 'Please try again. If it keeps happening, get a new code on your TV.', true);
  }
  switch (error.code) {
    case 'invalid_parameter_code':
      return problem('wrong-code', 'Code not recognised', "That doesn't look like a code from your TV. Check it and enter it again.", false, error);
    case 'invalid_authentication_session':
      // Adobe uses this for unknown codes as well as expired or replaced ones: the advice covers all three.
      return problem(
        'expired-code',
        'Code not valid',
        'This code is wrong, has expired, or was replaced by a newer one. Check the code on your TV and enter the one shown now.',
        false,
        error,
      );
    case 'invalid_integration':
    case 'invalid_parameter_mvpd':
      return problem(
        'provider-unavailable',
        'Provider not available',
        "Signing in with this provider isn't possible right now. Choose another provider.",
        false,
        error,
      );
  }
  if (error.httpStatus === 429 || error.kind === 'throttled') {
    return problem('throttled', 'Too many attempts', 'The sign-in service is busy. Wait a moment, then try again.', true, error);
  }
  switch (error.kind) {
    case 'network':
      return problem('network', "Can't connect", 'Check your internet connection, then try again.', true, error);
    case 'expired-code':
      return problem('expired-code', 'Code not valid', 'This code has expired or was replaced. Enter the code shown on your TV now.', false, error);
    case 'registration':
    case 'configuration':
      return problem('setup', 'Activation is unavailable', 'This activation page is not set up correctly. Please try again later.', error.retryable, error);
    case 'server':
    case 'malformed':
      return problem('other', 'Something went wrong', 'The sign-in service had a problem. Please try again.', error.retryable, error);
  }
  // Adobe's message "may be shown to users" (spec §9.5.7); fall back to our own words. A final
  // answer (e.g. 400 with action none) gets no Retry: asking again would get the same answer (§9.5.4).
  const said = error.enhanced?.message;
  const fallback = error.retryable ? 'Please try again. If it keeps happening, get a new code on your TV.' : 'Get a new code on your TV and try again.';
  return problem('other', 'Something went wrong', said ? said : fallback, error.retryable, error);
}
