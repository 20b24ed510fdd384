/**
 * A Chromium-47-like API surface inside today's Chromium: an init script that deletes built-ins the
 * oldest target (Tizen 2017, Chromium 47) lacks, before any app script runs. Running dist/es5 under it
 * checks that the polyfills cover what the code calls (the ES5 parse check covers syntax only). It
 * cannot take away what cannot be deleted (well-known symbols, syntax, engine bugs).
 */

/** `owner.path` → property names to delete. Owners are evaluated in the page. */
export const MISSING_ON_CHROMIUM_47: Record<string, string[]> = {
  // Polyfilled by dist/es5/js/polyfills.js (the shim checks that the app still runs without them).
  Object: ['entries', 'values', 'getOwnPropertyDescriptors', 'fromEntries', 'hasOwn', 'groupBy'],
  'Promise.prototype': ['finally'],
  'Array.prototype': ['values', 'flat', 'flatMap', 'at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'with'],
  'NodeList.prototype': ['forEach'],
  window: [
    'globalThis',
    // Not polyfilled: the code must feature-test or avoid these.
    'URLSearchParams',
    'Reflect',
    'queueMicrotask',
    'structuredClone',
    'AbortController',
    'createImageBitmap',
    'Iterator',
  ],
  Promise: ['allSettled', 'any', 'withResolvers'],
  'String.prototype': ['padStart', 'padEnd', 'trimStart', 'trimEnd', 'matchAll', 'replaceAll', 'at'],
  'Set.prototype': ['union', 'intersection', 'difference', 'isSubsetOf'],
};

/** The init script (a string: it runs in the page, before the app). Sets window.__legacyDeleted. */
export function legacyShim(missing: Record<string, string[]> = MISSING_ON_CHROMIUM_47): string {
  return `(() => {
  const missing = ${JSON.stringify(missing)};
  const deleted = [];
  for (const owner of Object.keys(missing)) {
    const target = owner.split('.').reduce((o, k) => (o ? o[k] : undefined), window);
    if (!target) continue;
    for (const name of missing[owner]) {
      if (!(name in target)) continue;
      try { if (delete target[name] && !(name in target)) deleted.push(owner + '.' + name); } catch (e) {}
    }
  }
  window.__legacyDeleted = deleted;
})();`;
}
