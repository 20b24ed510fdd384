/**
 * The second screen's own configuration (second-screen/config.json). It is a separate registered
 * application from the TV, so it carries its own software statement. The server injects the file
 * (with start-up overrides such as the emulator URL) into each page as JSON.
 */

export interface PresetConfig {
  /** REST API V2 host, e.g. https://api.auth.adobe.com */
  restBaseUrl: string;
  /** DCR host (same as REST in Adobe's environments). */
  dcrBaseUrl: string;
  serviceProvider: string;
  /** The second-screen application's own software statement (not the TV's). */
  softwareStatement: string;
  /** Sent as `domainName` when the phone has to supply it on resume. */
  domainName: string;
  /** Sent as `redirectUrl` when the phone has to supply it; relative values resolve against this page. */
  redirectUrl: string;
  /** The programmer's backend (promotional TempPass pairing, `/trial`); absent = no trial page. */
  programmerUrl?: string;
}

export interface SecondScreenConfig {
  /** Name of the default preset. */
  preset: string;
  presets: Record<string, PresetConfig>;
  /** Brand shown in the header. */
  brandName: string;
  /** MVPD ids never offered in the picker (test or in-development integrations). */
  hiddenMvpdIds: string[];
  /** Also hide MVPDs whose id or name matches this case-insensitive pattern (e.g. test integrations). */
  hiddenMvpdPattern?: string;
  /** Version of this app, reported in X-Device-Info `applicationId` context. */
  appVersion: string;
}

/** The resolved settings one page works with. */
export interface ActiveConfig extends PresetConfig {
  presetName: string;
  brandName: string;
  hiddenMvpdIds: string[];
  hiddenMvpdPattern?: string;
  appVersion: string;
}

/** Picks the preset (explicit choice if it exists, else the default) and resolves relative URLs. */
export function activeConfig(config: SecondScreenConfig, pageUrl: string, wanted?: string | null): ActiveConfig {
  const presetName = wanted && Object.prototype.hasOwnProperty.call(config.presets, wanted) ? wanted : config.preset;
  const preset = config.presets[presetName];
  if (!preset) throw new Error(`second-screen config has no preset "${presetName}"`);
  return {
    ...preset,
    redirectUrl: new URL(preset.redirectUrl, pageUrl).toString(),
    restBaseUrl: preset.restBaseUrl.replace(/\/+$/, ''),
    dcrBaseUrl: preset.dcrBaseUrl.replace(/\/+$/, ''),
    programmerUrl: preset.programmerUrl ? preset.programmerUrl.replace(/\/+$/, '') : undefined,
    presetName,
    brandName: config.brandName,
    hiddenMvpdIds: config.hiddenMvpdIds,
    hiddenMvpdPattern: config.hiddenMvpdPattern,
    appVersion: config.appVersion,
  };
}

/** Minimal shape check so a broken injected config fails loudly rather than halfway through a login. */
export function isSecondScreenConfig(value: unknown): value is SecondScreenConfig {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.preset === 'string' && !!v.presets && typeof v.presets === 'object' && Array.isArray(v.hiddenMvpdIds);
}
