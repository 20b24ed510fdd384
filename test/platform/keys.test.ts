import { keyMapFor, registerTizenKeys, TIZEN_KEYS_TO_REGISTER } from '../../src/platform/keys';

describe('key maps', () => {
  it('browser: Backspace and Escape are Back (the SDK would map Escape to Menu)', () => {
    const m = keyMapFor('browser');
    expect(m['8']).toBe('Back');
    expect(m['27']).toBe('Back');
  });

  it('Tizen: 10009 is Back and media/colour keys are mapped', () => {
    const m = keyMapFor('tizen');
    expect(m['10009']).toBe('Back');
    expect(m['10252']).toBe('PlayPause');
    expect(m['415']).toBe('Play');
    expect(m['19']).toBe('Pause');
    expect([m['403'], m['404'], m['405'], m['406']]).toEqual(['Red', 'Green', 'Yellow', 'Blue']);
  });

  it('webOS: 461 is Back', () => {
    expect(keyMapFor('webos')['461']).toBe('Back');
    expect(keyMapFor('webos')['10009']).toBeUndefined();
  });

  it('RDK: 8 is Back', () => {
    expect(keyMapFor('rdk')['8']).toBe('Back');
  });

  it('operator keys from settings override the platform map; junk is ignored', () => {
    const m = keyMapFor('rdk', { 407: 'Back', 8: 'Exit', abc: 'Menu', 9: 42 });
    expect(m['407']).toBe('Back');
    expect(m['8']).toBe('Exit');
    expect(m.abc).toBeUndefined();
    expect(m['9']).toBeUndefined();
  });

  it('registers Tizen media and colour keys in one batch', () => {
    const registerKeyBatch = jest.fn();
    const done = registerTizenKeys({ tvinputdevice: { registerKeyBatch } });
    expect(registerKeyBatch).toHaveBeenCalledTimes(1);
    const names = registerKeyBatch.mock.calls[0][0] as string[];
    expect(names).toEqual(expect.arrayContaining(['MediaPlayPause', 'ColorF0Red', 'ColorF3Blue']));
    expect(done).toEqual(names);
  });

  it('falls back to registerKey one by one and survives keys the model lacks', () => {
    const registerKey = jest.fn((name: string) => {
      if (name === 'ChannelUp') throw new Error('not supported');
    });
    const done = registerTizenKeys({ tvinputdevice: { registerKey } });
    expect(registerKey).toHaveBeenCalledTimes(TIZEN_KEYS_TO_REGISTER.length);
    expect(done).not.toContain('ChannelUp');
    expect(done).toContain('MediaPlay');
  });

  it('does nothing without the Tizen API', () => {
    expect(registerTizenKeys(undefined)).toEqual([]);
    expect(registerTizenKeys({})).toEqual([]);
  });
});
