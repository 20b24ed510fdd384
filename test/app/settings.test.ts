import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveAdobePass, SettingsError } from '../../src/lib/settings';

const settingsJson = JSON.parse(readFileSync(join(__dirname, '..', '..', 'settings.json'), 'utf8')) as {
  appSettings: { adobePass: Record<string, unknown> };
};
const adobePass = settingsJson.appSettings.adobePass;

describe('adobePass settings', () => {
  it('resolves the default preset of settings.json to the local emulator', () => {
    const s = resolveAdobePass(adobePass);
    expect(s.presetName).toBe('emulator');
    expect(s.restBaseUrl).toMatch(/^http:\/\/localhost:\d+$/);
    expect(s.serviceProvider).toBeTruthy();
    expect(typeof s.pollIntervalMs).toBe('number');
  });

  it('?preset= picks another preset', () => {
    const s = resolveAdobePass(adobePass, '?preset=staging');
    expect(s.presetName).toBe('staging');
    expect(s.restBaseUrl).toBe('https://api.auth-staging.adobe.com');
  });

  it('top-level values override the preset', () => {
    const s = resolveAdobePass({ ...adobePass, restBaseUrl: 'http://tv-lab:4010' });
    expect(s.restBaseUrl).toBe('http://tv-lab:4010');
  });

  it('names an unknown preset and missing keys', () => {
    expect(() => resolveAdobePass(adobePass, '?preset=nope')).toThrow(/preset "nope" is not defined/);
    expect(() => resolveAdobePass({ presets: { p: { restBaseUrl: 'x' } }, preset: 'p' })).toThrow(SettingsError);
    expect(() => resolveAdobePass(undefined)).toThrow(/missing/);
  });
});
