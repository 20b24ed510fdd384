/**
 * A cancel source for `PassFlows.preauthorize(…, { signal })` on engines without AbortController: the
 * pass client's own (one owner), re-exported so pages and controllers need not import src/pass.
 */
export { cancelSource } from '../pass';
