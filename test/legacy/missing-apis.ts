/**
 * What Chromium 47 (Tizen 2017) lacks, from MDN's browser-compat-data: JavaScript built-ins
 * (`javascript.builtins.*`) and web APIs (`api.*`) whose first Chrome version is after 47, kept to the
 * names the shipped code contains (a member never named cannot be called). The legacy journey deletes
 * each of them in today's Chromium before any app script runs, so the app must cope on what the ES5
 * build ships (polyfills) or by feature detection, as it would on the TV.
 */
import { readFileSync } from 'node:fs';

export interface Missing {
  /** 'global' → delete window[name]; 'member' → delete owner.prototype[name] (or owner[name]). */
  kind: 'global' | 'member';
  /** For members: the owning global, dotted for nested ones ('Intl.DateTimeFormat'); 'Window' = window. */
  owner?: string;
  name: string;
  /** First Chrome version with it ('never' when Chrome has not shipped it). */
  since: string;
  source: 'javascript.builtins' | 'api';
}

interface Statement {
  version_added: string | boolean | null;
  version_removed?: string | boolean | null;
  flags?: unknown[];
  prefix?: string;
  alternative_name?: string;
}
interface Compat {
  support?: { chrome?: Statement | Statement[] };
}
type Node = { __compat?: Compat } & { [key: string]: Node | Compat | undefined };

function version(v: string | boolean | null | undefined): number {
  if (v === true) return 0;
  if (v === false || v === null || v === undefined) return Infinity;
  const n = parseFloat(v.replace(/^≤/, ''));
  return Number.isFinite(n) ? n : Infinity; // "preview"
}

/** Statements that give the feature under its own name, unflagged and unprefixed. */
function plain(compat: Compat | undefined): Statement[] | null {
  const chrome = compat?.support?.chrome;
  if (!chrome) return null;
  const list = Array.isArray(chrome) ? chrome : [chrome];
  if (list.every((s) => s.version_added === null)) return null;
  return list.filter((s) => !s.flags && !s.prefix && !s.alternative_name);
}

/**
 * Whether Chrome `at` has the feature (partial implementations count: the name exists), or null when
 * BCD does not know. A statement applies from version_added until version_removed.
 */
export function chromeHas(compat: Compat | undefined, at: number): boolean | null {
  const list = plain(compat);
  if (!list) return null;
  return list.some((s) => version(s.version_added) <= at && (!s.version_removed || version(s.version_removed) > at));
}

/** First Chrome version that has the feature now (for the report). */
export function chromeSince(compat: Compat | undefined): number {
  const list = plain(compat) ?? [];
  let first = Infinity;
  for (const s of list) if (!s.version_removed) first = Math.min(first, version(s.version_added));
  return first;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

function children(node: Node): Array<[string, Node]> {
  return Object.keys(node)
    .filter((k) => k !== '__compat' && IDENT.test(k))
    .map((k) => [k, node[k] as Node]);
}

/**
 * Features the deletion cannot reproduce faithfully, kept (and printed) with the reason. Each is
 * covered on the real old engine instead (old-v8.legacy.test.ts runs the polyfills on V8 4.6).
 */
export const NOT_DELETED: Record<string, string> = {
  'RegExp.flags':
    "today's RegExp engine still honours the sticky flag 'y' (Chromium 49+); deleting only the flags getter " +
    'builds a combination no browser had (sticky without flags) and sends core-js down the wrong path',
};

export function keyOf(m: Missing): string {
  return m.kind === 'global' ? m.name : `${m.owner}.${m.name}`;
}

export interface MissingOptions {
  /** The Chrome version to reproduce (47 = Tizen 2017, the oldest target). */
  chrome: number;
  /** Names the shipped code contains; features with other names are left alone. */
  used: Set<string>;
}

export function missingApis(
  { chrome, used }: MissingOptions,
  bcdPath = require.resolve('@mdn/browser-compat-data'),
): Missing[] {
  const bcd = JSON.parse(readFileSync(bcdPath, 'utf8')) as { javascript: { builtins: Node }; api: Node };
  const out: Missing[] = [];
  const label = (n: number): string => (n === Infinity ? 'never' : String(n));

  const walk = (source: Missing['source'], owner: string | undefined, node: Node, depth: number): void => {
    for (const [name, child] of children(node)) {
      const compat = child.__compat as Compat | undefined;
      const lacking = chromeHas(compat, chrome) === false;
      const since = chromeSince(compat);
      if (owner === undefined) {
        if (lacking) {
          if (used.has(name)) out.push({ kind: 'global', name, since: label(since), source });
          continue; // its members go with it
        }
        walk(source, name, child, depth + 1);
      } else {
        if (name === owner.split('.').pop()) continue; // the constructor feature (Array.Array)
        if (lacking) {
          if (used.has(name)) out.push({ kind: 'member', owner, name, since: label(since), source });
        } else if (depth < 2 && source === 'javascript.builtins' && /^[A-Z]/.test(name)) {
          // Namespaces such as Intl.DateTimeFormat carry their own members.
          walk(source, `${owner}.${name}`, child, depth + 1);
        }
      }
    }
  };
  walk('javascript.builtins', undefined, bcd.javascript.builtins, 0);
  walk('api', undefined, bcd.api, 0);
  return out;
}

/**
 * The init script: deletes each feature that exists in this browser, before any page script, and
 * records what it removed in `window.__legacyDeleted` and what it could not (non-configurable, such as
 * the well-known symbols) in `window.__legacyUndeletable` (for the report).
 */
export function deletionScript(list: Missing[]): string {
  const entries = JSON.stringify(
    list
      .filter((m) => !Object.prototype.hasOwnProperty.call(NOT_DELETED, keyOf(m)))
      .map((m) => [m.kind, m.owner ?? '', m.name]),
  );
  return `(function () {
  var list = ${entries};
  var deleted = [];
  var has = Object.prototype.hasOwnProperty;
  function resolve(path) {
    if (path === 'Window') return window;
    if (path === 'TypedArray') return Object.getPrototypeOf(Int8Array);
    var o = window;
    var parts = path.split('.');
    for (var i = 0; i < parts.length; i++) { if (o == null) return undefined; o = o[parts[i]]; }
    return o;
  }
  var kept = [];
  function drop(target, name, label) {
    if (target == null) return false;
    if (has.call(target, name)) {
      try { if (delete target[name] && !has.call(target, name)) { deleted.push(label); return true; } } catch (e) {}
      kept.push(label); // non-configurable (e.g. well-known symbols): cannot be deleted
      return true;
    }
    return false;
  }
  for (var i = 0; i < list.length; i++) {
    var kind = list[i][0], owner = list[i][1], name = list[i][2];
    if (kind === 'global') {
      drop(window, name, name) || drop(Object.getPrototypeOf(window), name, name);
    } else {
      var o = resolve(owner);
      if (o == null) continue;
      drop(o.prototype, name, owner + '.prototype.' + name) || drop(o, name, owner + '.' + name) ||
        (owner === 'Window' && drop(Object.getPrototypeOf(window), name, 'window.' + name));
    }
  }
  Object.defineProperty(window, '__legacyDeleted', { value: deleted });
  Object.defineProperty(window, '__legacyUndeletable', { value: kept });
})();`;
}
