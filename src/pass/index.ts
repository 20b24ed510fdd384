/** Adobe Pass REST API V2 + DCR client. Plain TypeScript on axios; imports nothing else from the app. */
export { PassClient } from './client';
export type { DeviceHeaders, PassClientEvent, PassClientOptions } from './client';
export { PassError, isPassError } from './errors';
export type { EnhancedError, PassErrorKind } from './errors';
export { memoryCredentialsStore } from './registration';
export type { CredentialsStore } from './registration';
export { MAX_RETRIES, THROTTLE_WAIT_MS, backoffMs, react, reactToItem } from './error-policy';
export type { Outcome, Reaction } from './error-policy';
export { resolveUrl } from './url';
export type * from './types';
