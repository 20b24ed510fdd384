/**
 * One probe per polyfill module the ES5 build ships (dist/dist-complete.json lists the core-js module
 * ids): an expression that must be true once the polyfills bundle ran, e.g.
 * `core-js/modules/es.array.includes.js` → `typeof Array.prototype.includes === 'function'`.
 * Modules that only fix behaviour (es.regexp.exec, es.array.concat...) give a presence probe, which is
 * trivially true; what counts for them is that the bundle executed at all on the old engine.
 * Modules with no reachable name (DOM collections, to-string-tag...) get no probe.
 */

export interface Probe {
  module: string;
  expr: string;
  error?: string;
}

/** core-js namespace (second part of the module id) → global constructor/object. */
const NAMESPACES: Record<string, string> = {
  array: 'Array',
  'array-buffer': 'ArrayBuffer',
  'data-view': 'DataView',
  date: 'Date',
  function: 'Function',
  json: 'JSON',
  map: 'Map',
  math: 'Math',
  number: 'Number',
  object: 'Object',
  promise: 'Promise',
  reflect: 'Reflect',
  regexp: 'RegExp',
  set: 'Set',
  string: 'String',
  symbol: 'Symbol',
  'typed-array': 'Object.getPrototypeOf(Uint8Array)',
  'weak-map': 'WeakMap',
  'weak-set': 'WeakSet',
};

/** web.* modules → the global they provide. */
const WEB: Record<string, string> = {
  'web.url': 'URL',
  'web.url-search-params': 'URLSearchParams',
  'web.queue-microtask': 'queueMicrotask',
  'web.structured-clone': 'structuredClone',
  'web.immediate': 'setImmediate',
  'web.self': 'self',
  'web.atob': 'atob',
  'web.btoa': 'btoa',
};

/** Own entries only: `map.constructor` would otherwise be Object. */
function own(map: Record<string, string>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

const camel = (s: string): string => s.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** Module names whose property is not the camel-cased module name. */
const PROPERTY: Record<string, string> = {
  'define-getter': '__defineGetter__',
  'define-setter': '__defineSetter__',
  'lookup-getter': '__lookupGetter__',
  'lookup-setter': '__lookupSetter__',
  'at-alternative': 'at',
  proto: '__proto__',
};

/** Names that are not properties, or need a DOM the stub does not have. */
const SKIP = new Set(['to-string-tag', 'species', 'unscopables', 'detached', 'to-json']);

/** The property (or global) name a module provides, for the "does the code use it" filter. */
export function providedName(moduleId: string): string | null {
  const id = moduleId.replace(/^core-js\/modules\//, '').replace(/\.js$/, '');
  const parts = id.split('.');
  if (parts[0] === 'web') return own(WEB, parts.slice(0, 2).join('.')) ?? null;
  if (parts.length < 3) return parts[1] ? (own(NAMESPACES, parts[1]) ?? null) : null;
  if (parts[1] === 'typed-array' && /-array$/.test(parts[2]!)) return typedArrayName(parts[2]!);
  return own(PROPERTY, parts[2]!) ?? camel(parts[2]!);
}

function typedArrayName(kebab: string): string {
  const c = camel(kebab);
  return c.charAt(0).toUpperCase() + c.slice(1);
}

export function probeFor(moduleId: string): Probe | null {
  const id = moduleId.replace(/^core-js\/modules\//, '').replace(/\.js$/, '');
  if (id === 'regenerator-runtime/runtime' || moduleId.indexOf('regenerator-runtime') >= 0) {
    return { module: moduleId, expr: "typeof regeneratorRuntime === 'object'" };
  }
  const parts = id.split('.');
  if (parts[0] === 'web') {
    const key = parts.slice(0, 2).join('.');
    const g = own(WEB, key);
    if (!g || parts.length > 2) return null;
    return { module: moduleId, expr: `typeof ${g} !== 'undefined'` };
  }
  if (parts[0] !== 'es' || parts.length < 2) return null;
  const ns = own(NAMESPACES, parts[1]!);
  if (parts[1] === 'global-this') return { module: moduleId, expr: "typeof globalThis === 'object'" };
  if (!ns) return null;
  if (parts.length === 2 || parts[2] === 'constructor')
    return { module: moduleId, expr: `typeof ${ns} !== 'undefined'` };
  const name = parts[2]!;
  if (SKIP.has(name) || parts.length > 3) return null;
  if (parts[1] === 'typed-array' && /-array$/.test(name)) {
    return { module: moduleId, expr: `typeof ${typedArrayName(name)} === 'function'` };
  }
  if (ns === 'Symbol' && name !== 'description' && name !== 'for' && name !== 'key-for') {
    // Well-known symbols: es.symbol.async-iterator → Symbol.asyncIterator
    return { module: moduleId, expr: `typeof Symbol.${camel(name)} === 'symbol'` };
  }
  if (name === 'iterator') {
    return { module: moduleId, expr: `typeof ${ns}.prototype[Symbol.iterator] === 'function'` };
  }
  const prop = JSON.stringify(own(PROPERTY, name) ?? camel(name));
  // Static (Object.entries) or on the prototype (Array.prototype.includes).
  return {
    module: moduleId,
    expr: `(${prop} in ${ns}) || (${ns}.prototype && (${prop} in ${ns}.prototype))`,
  };
}

/**
 * Probes for the modules whose feature the shipped code names (`used`); the others are listed as
 * `unused` (babel's usage scan adds whole families, e.g. every ArrayBuffer method once `ArrayBuffer`
 * appears) or `unnamed` (no property to probe).
 */
export function probesFor(
  moduleIds: string[],
  used?: Set<string>,
): { probes: Probe[]; unnamed: string[]; unused: string[] } {
  const probes: Probe[] = [];
  const unnamed: string[] = [];
  const unused: string[] = [];
  for (const m of moduleIds) {
    const p = probeFor(m);
    const name = providedName(m);
    if (!p) unnamed.push(m);
    else if (used && name && !used.has(name) && !/regenerator/.test(m)) unused.push(m);
    else probes.push(p);
  }
  return { probes, unnamed, unused };
}
