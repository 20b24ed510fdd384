/**
 * Tizen's config.xml for the TV package, from the app identity (metadata.json) and the hosts the app
 * calls (the Adobe Pass and programmer URLs of the active settings preset).
 */
import type { AppIdentity } from './app-identity';

export interface TizenConfigOptions {
  /** Origins the app may reach (`scheme://host[:port]`), one `<access>` each. */
  origins: string[];
  /** Lowest Tizen version the package installs on (3.0 = 2017 TVs, this app's floor). */
  requiredVersion?: string;
}

/** The Tizen page loads Samsung's web APIs (productinfo, appcommon) from the TV's own copy. */
export const WEBAPIS_SCRIPT = '<script src="$WEBAPIS/webapis/webapis.js"></script>';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `scheme://host[:port]` of a URL, or undefined for anything that is not http(s). */
export function originOf(url: string): string | undefined {
  const m = /^(https?):\/\/([^/?#]+)/i.exec(url.trim());
  return m ? `${(m[1] as string).toLowerCase()}://${(m[2] as string).toLowerCase()}` : undefined;
}

export function tizenConfigXml(identity: AppIdentity, options: TizenConfigOptions): string {
  const origins = Array.from(new Set(options.origins)).sort();
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<widget xmlns="http://www.w3.org/ns/widgets" xmlns:tizen="http://tizen.org/ns/widgets" id="${esc(identity.tizen.widgetId)}" version="${esc(identity.version)}" viewmodes="maximized">`,
    `  <tizen:application id="${esc(identity.tizen.applicationId)}" package="${esc(identity.tizen.packageId)}" required_version="${esc(options.requiredVersion ?? '3.0')}"/>`,
    `  <name>${esc(identity.name)}</name>`,
    `  <author>${esc(identity.vendor)}</author>`,
    '  <content src="index.html"/>',
    '  <icon src="icon.png" width="512" height="512"/>',
    '  <icon src="icon-117.png" width="117" height="117"/>',
    '  <feature name="http://tizen.org/feature/screen.size.all"/>',
    ...origins.map((o) => `  <access origin="${esc(o)}" subdomains="false"/>`),
    '  <tizen:privilege name="http://tizen.org/privilege/internet"/>',
    '  <tizen:privilege name="http://tizen.org/privilege/tv.inputdevice"/>',
    '  <tizen:privilege name="http://developer.samsung.com/privilege/productinfo"/>',
    '  <tizen:profile name="tv-samsung"/>',
    '  <tizen:setting screen-orientation="landscape" context-menu="disable" background-support="disable" encryption="disable" install-location="auto" hwkey-event="enable"/>',
    // Deep links and resume from Smart Hub: the running page gets an appcontrol event, not a reload.
    '  <tizen:app-control>',
    '    <tizen:src name="index.html" reload="disable"/>',
    '    <tizen:operation name="http://samsung.com/appcontrol/operation/eden_resume"/>',
    '  </tizen:app-control>',
    '</widget>',
    '',
  ];
  return lines.join('\n');
}

/** index.html with webapis.js loaded before the app's scripts (the Tizen package's copy only). */
export function withWebapis(html: string): string {
  if (html.indexOf(WEBAPIS_SCRIPT) >= 0) return html;
  const firstScript = html.search(/<script\b/i);
  if (firstScript < 0) throw new Error('index.html has no <script> to load webapis.js before');
  return `${html.slice(0, firstScript)}${WEBAPIS_SCRIPT}\n        ${html.slice(firstScript)}`;
}
