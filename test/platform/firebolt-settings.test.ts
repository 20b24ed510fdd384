/**
 * The viewer's settings on RDK through Firebolt (issue 13): Localization.language,
 * Accessibility.voiceGuidance and Accessibility.closedCaptionsSettings, read and watched, asserted on
 * the messages the SDK's own mock transport receives and on what it answers (the SDK's examples: English,
 * voice guidance on, captions on with white text, ["eng", "spa"]). Answers are checked field by field.
 */
import { calls, emit, sent, until } from './fireboltHarness';
import { captionSettingsOf, createFirebolt, voiceGuidanceOf } from '../../src/platform/firebolt';
import { createPlatform } from '../../src/platform';
import { memoryBackend } from '../../src/platform/storage';
import { platformUserSettings } from '../../src/platform/userSettings';
import type { PlatformEnv } from '../../src/platform/env';

const WPE_UA =
  'Mozilla/5.0 (Linux; x86_64 GNU/Linux) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/11.0 Safari/605.1.15 WPE';
const rdk: PlatformEnv = { userAgent: WPE_UA, search: '?platform=rdk', screen: { width: 1920, height: 1080 } };

beforeAll(() => {
  jest.spyOn(console, 'debug').mockImplementation(() => undefined);
});
beforeEach(() => {
  sent.length = 0;
});

describe('Firebolt user settings', () => {
  it('reads the language, voice guidance and caption settings from the box', async () => {
    const settings = createFirebolt().userSettings!()!;
    expect(await settings.language!()).toBe('en');
    expect(await settings.voiceGuidance!.get()).toBe(true);
    expect(await settings.closedCaptions!.get()).toEqual({
      enabled: true,
      preferredLanguages: ['eng', 'spa'],
      styles: expect.objectContaining({ fontColor: '#ffffff', fontSize: 1, backgroundOpacity: 100 }),
    });
    expect(calls('localization.language')).toHaveLength(1);
    expect(calls('accessibility.voiceGuidance')).toHaveLength(1);
    expect(calls('accessibility.closedCaptionsSettings')).toHaveLength(1);
  });

  it('follows changes: voice guidance and captions events reach the listener until it unsubscribes; bad events are dropped', async () => {
    const settings = createFirebolt().userSettings!()!;
    const voice: boolean[] = [];
    const cc: Array<{ enabled: boolean }> = [];
    const stopVoice = settings.voiceGuidance!.listen((on) => voice.push(on));
    const stopCc = settings.closedCaptions!.listen((c) => cc.push(c));
    await until(
      () =>
        calls('accessibility.onVoiceGuidanceSettingsChanged').length > 0 &&
        calls('accessibility.onClosedCaptionsSettingsChanged').length > 0,
      'listening',
    );
    emit('Accessibility', 'voiceGuidanceSettingsChanged', { enabled: false, rate: 1 });
    emit('Accessibility', 'voiceGuidanceSettingsChanged', { enabled: 'yes' });
    emit('Accessibility', 'closedCaptionsSettingsChanged', { enabled: false, preferredLanguages: ['spa', 7] });
    await until(() => voice.length > 0 && cc.length > 0, 'events');
    await new Promise((r) => setTimeout(r, 20));
    expect(voice).toEqual([false]);
    expect(cc).toEqual([{ enabled: false, preferredLanguages: ['spa'] }]);
    stopVoice();
    stopCc();
    await new Promise((r) => setTimeout(r, 20));
    emit('Accessibility', 'voiceGuidanceSettingsChanged', { enabled: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(voice).toEqual([false]);
  });

  it('without a real transport (no endpoint, no test harness) the SDK’s sample settings are not used', () => {
    const fb = (window as unknown as { __firebolt: { testHarness?: unknown } }).__firebolt;
    const harness = fb.testHarness;
    delete fb.testHarness;
    try {
      expect(createFirebolt().userSettings!()).toBeUndefined();
    } finally {
      fb.testHarness = harness;
    }
  });

  it('checks answers field by field', () => {
    expect(voiceGuidanceOf({ enabled: true })).toBe(true);
    expect(voiceGuidanceOf(true)).toBeUndefined();
    expect(voiceGuidanceOf(null)).toBeUndefined();
    expect(captionSettingsOf({ enabled: 'on' })).toBeUndefined();
    expect(
      captionSettingsOf({
        enabled: true,
        preferredLanguages: 'eng',
        styles: { fontColor: 5, fontSize: 1.5, backgroundOpacity: Infinity, textAlign: 'left', bogus: 'x' },
      }),
    ).toEqual({ enabled: true, styles: { fontSize: 1.5, textAlign: 'left' } });
  });

  it('the RDK platform hands them to platformUserSettings (what the App shell uses)', async () => {
    let create: typeof createPlatform | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh SDK state per platform
      create = (require('../../src/platform') as { createPlatform: typeof createPlatform }).createPlatform;
    });
    const p = create!({ env: rdk, backend: memoryBackend(), applicationId: 'com.example.tve', document });
    const source = platformUserSettings(p.name, p.fireboltUserSettings());
    expect(p.name).toBe('rdk');
    expect(source.voiceGuidance).toBeDefined();
    expect(source.closedCaptions).toBeDefined();
    expect(await source.language()).toBe('en');
    expect(await source.voiceGuidance!.get()).toBe(true);
    // Elsewhere no Firebolt settings: the app's own settings are used.
    const browser = createPlatform({ env: { userAgent: 'Mozilla/5.0 Chrome', search: '' }, backend: memoryBackend() });
    expect(browser.fireboltUserSettings()).toBeUndefined();
  });
});
