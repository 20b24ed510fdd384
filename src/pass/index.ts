/** Adobe Pass REST API V2 + DCR client. Plain TypeScript on axios; imports nothing else from the app. */
export { PassClient } from './client';
export type { CallOptions, DeviceHeaders, PassClientEvent, PassClientOptions } from './client';
export { PassError, isPassError } from './errors';
export type { EnhancedError, PassErrorKind } from './errors';
export { memoryCredentialsStore } from './registration';
export type { CredentialsStore } from './registration';
export {
  CALL_RULES,
  DEFAULT_RETRY_BASE_MS,
  MAX_RETRIES,
  MIN_POLL_GAP_MS,
  THROTTLE_WAIT_MS,
  backoffMs,
  react,
  reactToItem,
  retryDelayMs,
} from './error-policy';
export type { CallRule, Outcome, Reaction } from './error-policy';
export { CALL_PRIORITY, PRIORITY } from './calls';
export type { CallKind } from './calls';
export { DEFAULT_BUDGET, RequestScheduler, cancelSource } from './scheduler';
export type { AbortLike, BudgetOptions, BudgetState, BudgetStore, ScheduleOptions, SchedulerOptions } from './scheduler';
export { resolveUrl } from './url';
export type * from './types';
