/** PassError → the plain Failure the pages show. */
import { isPassError, type EnhancedError } from '../pass';
import type { Failure, FailureKind, Result } from './api';

export function toFailure(error: unknown): Failure {
  if (isPassError(error)) {
    return {
      kind: error.kind,
      message: error.message,
      code: error.code,
      details: error.enhanced?.details,
      trace: error.enhanced?.trace,
      retryable: error.retryable,
    };
  }
  return { kind: 'unknown', message: 'Something went wrong with the TV provider service.', retryable: true };
}

export function failureFromItem(kind: FailureKind, error: EnhancedError | undefined, fallback: string, retryable = false): Failure {
  return { kind, message: error?.message || fallback, code: error?.code, details: error?.details, trace: error?.trace, retryable };
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const failed = <T>(failure: Failure): Result<T> => ({ ok: false, failure });
