/**
 * Deep links from each platform, reduced to the one thing the app can open: a catalog title id.
 *   Firebolt  navigateTo intents: `entity` / `playback` (data.entityId), `play-entity` (data.entity.entityId)
 *   Tizen     app-control data `PAYLOAD` (Smart Hub preview `action_data`): JSON with an id, or the id
 *   webOS     launch parameters (`contentTarget`, LG's key for search/voice results), JSON
 * An id may also come as a route (`play/<id>`, `#play/<id>`). Anything else is ignored: a malformed deep
 * link must not stop the app from starting normally.
 */

export interface DeepLink {
  titleId: string;
  /** Which platform mechanism delivered it (logs). */
  source: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const ROUTE = /(?:^|[#/])play\/([A-Za-z0-9][A-Za-z0-9._:-]{0,127})(?:$|[/?#&])/;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A title id from a string: a route (`play/<id>`) or a bare id. */
function idFromString(s: string): string | undefined {
  const v = s.trim();
  const route = ROUTE.exec(v);
  if (route) return route[1];
  return ID.test(v) ? v : undefined;
}

/** A title id from a JSON-ish value: a string, or an object naming it under one of the usual keys. */
export function titleIdFrom(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.charAt(0) === '{') {
      try {
        return titleIdFrom(JSON.parse(trimmed), depth + 1);
      } catch {
        return undefined;
      }
    }
    return idFromString(trimmed);
  }
  if (!isObj(value) || depth > 3) return undefined;
  for (const key of ['titleId', 'contentTarget', 'contentId', 'entityId', 'id']) {
    const v = value[key];
    if (typeof v === 'string' || typeof v === 'number') {
      const id = titleIdFrom(String(v), depth + 1);
      if (id) return id;
    }
  }
  for (const key of ['data', 'entity', 'params', 'payload']) {
    if (value[key] !== undefined) {
      const id = titleIdFrom(value[key], depth + 1);
      if (id) return id;
    }
  }
  return undefined;
}

/** Firebolt NavigationIntent → title (only intents that name an entity open one). */
export function fromFireboltIntent(intent: unknown): DeepLink | undefined {
  if (!isObj(intent) || !isObj(intent.data)) return undefined;
  const action = intent.action;
  let id: unknown;
  if (action === 'entity' || action === 'playback') id = intent.data.entityId;
  else if (action === 'play-entity' && isObj(intent.data.entity)) id = intent.data.entity.entityId;
  const titleId = typeof id === 'string' ? idFromString(id) : undefined;
  return titleId ? { titleId, source: `firebolt:${String(action)}` } : undefined;
}

/** Tizen requested app control → title (the PAYLOAD data entry). */
export function fromTizenAppControl(control: unknown): DeepLink | undefined {
  const ac = isObj(control) && isObj(control.appControl) ? control.appControl : undefined;
  const data = ac && Array.isArray(ac.data) ? (ac.data as unknown[]) : [];
  for (const entry of data) {
    if (!isObj(entry) || entry.key !== 'PAYLOAD' || !Array.isArray(entry.value)) continue;
    const titleId = titleIdFrom(entry.value[0]);
    if (titleId) return { titleId, source: 'tizen:app-control' };
  }
  return undefined;
}

/** webOS launch parameters (PalmSystem.launchParams text, or a webOSRelaunch event's detail). */
export function fromWebOSParams(params: unknown): DeepLink | undefined {
  let value = params;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!isObj(value)) return undefined;
  const titleId = titleIdFrom(value);
  return titleId ? { titleId, source: 'webos:launch-params' } : undefined;
}

/** `?title=<id>` in the page URL: the browser simulator's deep link (and a test aid on every platform). */
export function fromQuery(value: string | undefined): DeepLink | undefined {
  const titleId = value ? idFromString(value) : undefined;
  return titleId ? { titleId, source: 'url' } : undefined;
}
