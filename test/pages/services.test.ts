import settings from '../../settings.json';
import { resolveSettings } from '../../src/services';

const adobePass = settings.appSettings.adobePass;

describe('resolveSettings (appSettings.adobePass → flows config + TV settings)', () => {
  it('uses the named preset and passes the tuning knobs to the flows', () => {
    const r = resolveSettings(adobePass);
    expect(r.flows.restBaseUrl).toBe(adobePass.presets.emulator.restBaseUrl);
    expect(r.flows.pollIntervalMs).toBe(adobePass.pollIntervalMs);
    expect(r.flows).not.toHaveProperty('programmerBaseUrl');
    expect(r.programmerBaseUrl).toBe(adobePass.presets.emulator.programmerBaseUrl);
    expect(r.tv.showLockedTitles).toBe(true);
  });

  it('lets ?preset= pick another preset and rejects unknown ones', () => {
    expect(resolveSettings(adobePass, 'release-staging').flows.restBaseUrl).toBe('https://sp.auth-staging.adobe.com');
    expect(() => resolveSettings(adobePass, 'nope')).toThrow('adobePass preset "nope" is not defined');
  });

  it('hides locked titles only when showLockedTitles is explicitly false', () => {
    expect(resolveSettings({ ...adobePass, showLockedTitles: false }).tv.showLockedTitles).toBe(false);
    expect(resolveSettings({ ...adobePass, showLockedTitles: undefined }).tv.showLockedTitles).toBe(true);
  });
});
