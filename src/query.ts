/**
 * Query-string helpers for `location.search`, shared by platform/ (platform override, Firebolt endpoint)
 * and lib/ (settings overrides) so neither of those layers imports the other. No URLSearchParams:
 * Chromium 47 (Tizen 2017) lacks it.
 */

/** A query parameter from a `location.search` string; undefined when absent, "" for a bare flag. */
export function queryParam(search: string, name: string): string | undefined {
  const q = search.charAt(0) === '?' ? search.slice(1) : search;
  for (const part of q.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = safeDecode((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
    if (k === name) return eq < 0 ? '' : safeDecode(part.slice(eq + 1).replace(/\+/g, ' '));
  }
  return undefined;
}

/** "1", "true", "yes" or a bare flag ("?canvas2d") are true. */
export function isTruthyParam(v: string | undefined): boolean {
  return v !== undefined && (v === '' || /^(1|true|yes|on)$/i.test(v));
}

/** decodeURIComponent that keeps malformed escapes ("%E0%A4%A") as they are instead of throwing. */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
