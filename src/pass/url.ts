/** Tiny URL helpers without the URL class (absent or partial on old TV engines). */

/** Resolve a service-provided url (absolute, or a path relative to the REST host, §3.3) against a base. */
export function resolveUrl(base: string, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  const trimmed = base.replace(/\/+$/, '');
  if (url.startsWith('/')) {
    const origin = /^([a-z][a-z0-9+.-]*:\/\/[^/]+)/i.exec(trimmed);
    return (origin ? origin[1] : trimmed) + url;
  }
  return `${trimmed}/${url}`;
}

/** Join a base URL and a path built from encoded segments. */
export function joinUrl(base: string, ...segments: string[]): string {
  return base.replace(/\/+$/, '') + '/' + segments.map(encodeURIComponent).join('/');
}

/** `application/x-www-form-urlencoded` body; undefined values are left out. */
export function formBody(fields: Record<string, string | undefined>): string {
  return Object.keys(fields)
    .filter((k) => fields[k] !== undefined)
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(fields[k] as string)}`)
    .join('&');
}
