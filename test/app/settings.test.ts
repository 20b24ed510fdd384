import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { passFlowsConfig, resolveAdobePass, SettingsError } from '../../src/settings';

const settingsJson = JSON.parse(readFileSync(join(__dirname, '..', '..', 'settings.json'), 'utf8')) as {
  appSettings: { adobePass: Record<string, unknown> & { presets: Record<string, Record<string, unknown>> } };
};
const adobePass = settingsJson.appSettings.adobePass;

/** Adobe's servers, as the `servers` of its REST API V2 and DCR OpenAPI descriptions list them. */
const ADOBE_SERVERS: Array<[string, string]> = [
  ['release-production', 'https://sp.auth.adobe.com'],
  ['release-staging', 'https://sp.auth-staging.adobe.com'],
  ['prequal-production', 'https://sp-prequal.auth.adobe.com'],
  ['prequal-staging', 'https://sp-prequal.auth-staging.adobe.com'],
];

describe('adobePass settings (src/settings.ts)', () => {
  it('resolves the default preset of settings.json to the local emulator', () => {
    const s = resolveAdobePass(adobePass);
    expect(s.presetName).toBe('emulator');
    expect(s.restBaseUrl).toMatch(/^http:\/\/localhost:\d+$/);
    expect(s.serviceProvider).toBeTruthy();
    expect(typeof s.pollIntervalMs).toBe('number');
  });

  it.each(ADOBE_SERVERS)('preset %s points REST V2 and DCR at %s', (name, host) => {
    const s = resolveAdobePass(adobePass, name);
    expect(s.presetName).toBe(name);
    expect(s.restBaseUrl).toBe(host);
    expect(s.dcrBaseUrl).toBe(host);
  });

  it('ships exactly the emulator and the four Adobe servers, none on the inferred api.auth* hosts', () => {
    expect(Object.keys(adobePass.presets).sort()).toEqual(['emulator', ...ADOBE_SERVERS.map(([n]) => n)].sort());
    expect(JSON.stringify(adobePass)).not.toMatch(/api\.auth/);
  });

  it('the preset override beats adobePass.preset', () => {
    expect(resolveAdobePass({ ...adobePass, preset: 'release-staging' }).presetName).toBe('release-staging');
    expect(resolveAdobePass({ ...adobePass, preset: 'release-staging' }, 'emulator').presetName).toBe('emulator');
  });

  it('top-level values override the preset; empty ones do not', () => {
    const s = resolveAdobePass({ ...adobePass, restBaseUrl: 'http://tv-lab:4010', dcrBaseUrl: '' });
    expect(s.restBaseUrl).toBe('http://tv-lab:4010');
    expect(s.dcrBaseUrl).toBe(adobePass.presets.emulator.dcrBaseUrl);
  });

  it('names an unknown preset and every missing key', () => {
    expect(() => resolveAdobePass(adobePass, 'nope')).toThrow(/preset "nope" is not defined \(have: emulator, /);
    let error: unknown;
    try {
      resolveAdobePass({ presets: { p: { restBaseUrl: 'x', serviceProvider: '' } }, preset: 'p', domainName: 'd' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).message).toBe(
      'adobePass preset "p" lacks dcrBaseUrl, serviceProvider, softwareStatement, redirectUrl, secondScreenUrl, secondScreenShortUrl, programmerBaseUrl',
    );
    expect(() => resolveAdobePass(undefined)).toThrow(/appSettings.adobePass is missing/);
  });

  it('ignores tuning knobs of the wrong type', () => {
    const s = resolveAdobePass({
      ...adobePass,
      pollIntervalMs: '5000',
      hiddenMvpdIds: ['A', 3],
      showLockedTitles: 'no',
    });
    expect(s.pollIntervalMs).toBeUndefined();
    expect(s.hiddenMvpdIds).toEqual(['A']);
    expect(s.showLockedTitles).toBeUndefined();
  });

  it('per-MVPD preauthorization limits: positive numbers kept (whole), anything else dropped', () => {
    const s = resolveAdobePass({
      ...adobePass,
      preauthorizeLimits: { RedwoodWireless: 3, A: 2.7, B: 0, C: '4', D: null },
    });
    expect(s.preauthorizeLimits).toEqual({ RedwoodWireless: 3, A: 2 });
    expect(resolveAdobePass({ ...adobePass, preauthorizeLimits: [3] }).preauthorizeLimits).toBeUndefined();
    expect(passFlowsConfig(s).preauthorizeLimits).toEqual({ RedwoodWireless: 3, A: 2 });
  });

  it('builds the flows config from it, without the TV-only values', () => {
    const flows = passFlowsConfig(resolveAdobePass(adobePass));
    expect(flows.restBaseUrl).toBe(adobePass.presets.emulator.restBaseUrl);
    expect(flows.pollIntervalMs).toBe(adobePass.pollIntervalMs);
    expect(flows).not.toHaveProperty('programmerBaseUrl');
    expect(flows).not.toHaveProperty('showLockedTitles');
  });
});
