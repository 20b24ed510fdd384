/**
 * Imported first by src/index.ts, before anything that loads the Firebolt SDK: an RDK box (Ripple)
 * launches the app with `?__firebolt_endpoint=ws://127.0.0.1:3473?appId=…`, while the SDK picks its
 * transport from `window.__firebolt.endpoint` when its modules are evaluated. Copying the parameter
 * there first is what makes the SDK talk to the box instead of its built-in mock.
 */
import { queryParam } from '../query';

export const ENDPOINT_PARAM = '__firebolt_endpoint';

type FireboltGlobal = { endpoint?: string } & Record<string, unknown>;

/** Copy the launch parameter into `window.__firebolt.endpoint` (kept when already set). Returns it. */
export function copyFireboltEndpoint(win: {
  location?: { search?: string };
  __firebolt?: FireboltGlobal;
}): string | undefined {
  const fromUrl = queryParam((win.location && win.location.search) || '', ENDPOINT_PARAM);
  const current = win.__firebolt && win.__firebolt.endpoint;
  if (current) return current;
  if (!fromUrl || !/^wss?:\/\//.test(fromUrl)) return undefined;
  win.__firebolt = win.__firebolt || {};
  win.__firebolt.endpoint = fromUrl;
  return fromUrl;
}

if (typeof window !== 'undefined') copyFireboltEndpoint(window as unknown as { __firebolt?: FireboltGlobal });
