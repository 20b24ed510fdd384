/** HLS playlist rewriting: every relative URI (URI lines and URI="…" attributes) gets the playback grant. */

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:|^\//i;

function withGrant(uri: string, grant: string): string {
  if (ABSOLUTE.test(uri)) return uri; // not ours to authorise
  const sep = uri.includes('?') ? '&' : '?';
  return `${uri}${sep}grant=${encodeURIComponent(grant)}`;
}

export function addGrantToPlaylist(playlist: string, grant: string): string {
  return playlist
    .split(/\r?\n/)
    .map((line) => {
      const trimmed = line.trim();
      if (trimmed === '') return line;
      if (!trimmed.startsWith('#')) return withGrant(trimmed, grant);
      return line.replace(/URI="([^"]*)"/g, (_, uri: string) => `URI="${withGrant(uri, grant)}"`);
    })
    .join('\n');
}
