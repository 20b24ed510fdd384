/** Tiny URL helpers without the URL class (absent or partial on old TV engines). */

/**
 * Resolve a service-provided url (§3.3, §18.8). Absolute URLs pass through. Anything relative belongs to
 * the REST host, so it is resolved against the base's origin, never its path: `/adobe-services/logout?…`
 * and `adobe-services/logout?…` → `<origin>/adobe-services/logout?…`; `//host/x` takes the base's scheme.
 */
export function resolveUrl(base: string, url: string): string {
  const value = url.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return value;
  const parts = /^([a-z][a-z0-9+.-]*:)(\/\/[^/?#]*)/i.exec(base.trim());
  if (!parts) return value; // no usable base: leave the url as given
  if (value.startsWith('//')) return parts[1] + value;
  const origin = parts[1] + parts[2];
  return value.startsWith('/') ? origin + value : `${origin}/${value}`;
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
