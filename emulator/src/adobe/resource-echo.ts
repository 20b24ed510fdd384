/**
 * How a decision echoes the requested resource (setting `decisionResourceEcho`). Adobe's reference says the
 * resource is returned, but its own preauthorization sample echoes `"resource1 "` (a trailing space), and an
 * MVPD may transform a resource before Adobe relays it (spec §12). A client must therefore match answers
 * tolerantly: trimmed ids, MRSS by channel (and item) title.
 */
import { normaliseResource } from '../media-token';

export type ResourceEcho = 'exact' | 'whitespace' | 'rewrite';

const cdata = (s: string): string => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** The same MRSS as an MVPD might re-serialise it: new layout, CDATA titles, single quotes, no guid. */
export function rewriteMrss(resource: string): string {
  const n = normaliseResource(resource);
  if (!resource.trim().startsWith('<') || !n) return resource;
  const lines = [`<rss version='2.0' xmlns:media='http://search.yahoo.com/mrss/'>`, '  <channel>', `    <title>${cdata(n.channel)}</title>`];
  if (n.item !== undefined || n.rating) {
    lines.push('    <item>');
    if (n.item !== undefined) lines.push(`      <title>${cdata(n.item)}</title>`);
    if (n.rating) lines.push(`      <media:rating scheme='${n.rating.scheme}'>${cdata(n.rating.value)}</media:rating>`);
    lines.push('    </item>');
  }
  lines.push('  </channel>', '</rss>');
  return lines.join('\n');
}

export function echoResource(resource: string, mode: ResourceEcho): string {
  if (mode === 'whitespace') return `${resource} `;
  if (mode === 'rewrite') return rewriteMrss(resource);
  return resource;
}
