/**
 * Matching decision answers to the resources asked (spec §12; docs/pass-and-flows.md "Preauthorization by
 * channel"). Adobe echoes each resource, but not always byte for byte: its own sample answers `"resource1 "`
 * and an MVPD may re-serialise MRSS (other quotes, CDATA titles, no guid). An answer is therefore matched to
 * one asked resource in three passes, each only among what is still unmatched:
 *   1. the same string;
 *   2. the same string once trimmed;
 *   3. the same key: the channel title (a plain id is its own channel title) plus, for asset-level MRSS,
 *      the item title — whitespace collapsed, CDATA and entities unwrapped.
 * When two asked resources have the same key, answers go to them in order. What stays unmatched is left
 * out: the caller treats it as unknown (neither locked nor unlocked) and authorize decides on play.
 * Pure functions, no XML parser (TV engines differ; the documents are tiny).
 */

/** What identifies a resource for matching: its channel title and, at asset level, the item title. */
export interface ResourceKey {
  channel: string;
  item?: string;
}

/** The key of a plain id or an MRSS document; undefined when MRSS carries no channel title. */
export function resourceKey(resource: string): ResourceKey | undefined {
  const s = resource.trim();
  if (s === '') return undefined;
  if (s.charAt(0) !== '<') return { channel: collapse(s) };
  const channelBody = element(s, 'channel');
  if (channelBody === undefined) return undefined;
  const itemBody = element(channelBody, 'item');
  // The channel's own title is the first <title> outside its item.
  const channel = element(channelBody.replace(/<item\b[\s\S]*?<\/item>/i, ''), 'title');
  if (channel === undefined || text(channel) === '') return undefined;
  const item = itemBody === undefined ? undefined : element(itemBody, 'title');
  const itemTitle = item === undefined ? '' : text(item);
  return itemTitle ? { channel: text(channel), item: itemTitle } : { channel: text(channel) };
}

/** The key as one comparable string (undefined: never matches by key). */
function keyString(resource: string): string | undefined {
  const key = resourceKey(resource);
  return key ? `${key.channel}\n${key.item ?? ''}` : undefined;
}

export interface Matched<T> {
  /** Asked resource → its answer. */
  matched: Map<string, T>;
  /** Answers that fit nothing asked (logged by the caller, otherwise ignored). */
  strays: T[];
}

/** Pair each answer with at most one asked resource (see the file comment for the rules). */
export function matchAnswers<T extends { resource: string }>(asked: string[], answers: T[]): Matched<T> {
  const matched = new Map<string, T>();
  let left = answers.slice();
  const passes: Array<(r: string) => string | undefined> = [(r) => r, (r) => r.trim(), keyString];
  for (const norm of passes) {
    const rest: T[] = [];
    for (const answer of left) {
      const want = norm(answer.resource);
      const target = want === undefined ? undefined : asked.filter((r) => !matched.has(r) && norm(r) === want)[0];
      if (target === undefined) rest.push(answer);
      else matched.set(target, answer);
    }
    left = rest;
  }
  return { matched, strays: left };
}

function element(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}\\s*>`, 'i').exec(xml);
  return m ? m[1] : undefined;
}

function text(raw: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(raw);
  if (cdata) return collapse(cdata[1]!);
  return collapse(
    raw
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
      .replace(/&amp;/g, '&'),
  );
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
