/**
 * Remote-control key maps per platform (keyCode → Lightning handler name), merged into
 * `appSettings.keys` before Launch. The SDK's defaults stay underneath (8 Back, 13 Enter, 37–40 arrows,
 * 27 Menu...); entries here replace a default for the same code. Operator maps from settings.json
 * (`appSettings.keys`) win over these.
 */
import type { PlatformName } from './detect';
import type { TizenApi } from './env';

export type KeyMap = Record<string, string>;

/** Media and colour keys shared by Tizen and webOS remotes (same DOM codes). */
const MEDIA_AND_COLOUR: KeyMap = {
  415: 'Play',
  19: 'Pause',
  413: 'Stop',
  417: 'FastForward',
  412: 'Rewind',
  403: 'Red',
  404: 'Green',
  405: 'Yellow',
  406: 'Blue',
};

export const PLATFORM_KEYS: Record<PlatformName, KeyMap> = {
  // Keyboard: Backspace and Escape both mean Back (the SDK maps Escape to Menu by default).
  browser: { 8: 'Back', 27: 'Back', 179: 'PlayPause' },
  tizen: {
    10009: 'Back',
    10252: 'PlayPause',
    427: 'ChannelUp',
    428: 'ChannelDown',
    // The CC key ("Caption", registered below).
    10221: 'Captions',
    ...MEDIA_AND_COLOUR,
  },
  // 460: the subtitle key of the OIPF/HbbTV code set webOS follows (as 461 Back) [unverified on a TV].
  webos: { 461: 'Back', 460: 'Captions', ...MEDIA_AND_COLOUR },
  // RDK: the SDK's Metrological defaults (8 Back, 250 PlayPause, 178 Stop...); operators add codes in settings.
  rdk: { 8: 'Back' },
};

/** The final map: SDK defaults are merged underneath by the SDK itself. */
export function keyMapFor(platform: PlatformName, fromSettings?: unknown): KeyMap {
  const out: KeyMap = { ...PLATFORM_KEYS[platform] };
  if (fromSettings && typeof fromSettings === 'object') {
    for (const [code, name] of Object.entries(fromSettings as Record<string, unknown>)) {
      if (typeof name === 'string' && /^\d+$/.test(code)) out[code] = name;
    }
  }
  return out;
}

/**
 * Tizen delivers media and colour keys only after registration (needs the
 * `http://tizen.org/privilege/tv.inputdevice` privilege in config.xml). Back/arrows/Enter are mandatory
 * keys and need none.
 */
export const TIZEN_KEYS_TO_REGISTER: readonly string[] = [
  'MediaPlayPause',
  'MediaPlay',
  'MediaPause',
  'MediaStop',
  'MediaFastForward',
  'MediaRewind',
  'ColorF0Red',
  'ColorF1Green',
  'ColorF2Yellow',
  'ColorF3Blue',
  'ChannelUp',
  'ChannelDown',
  'Caption',
];

/** Returns the names registered (empty when the API is missing). Never throws. */
export function registerTizenKeys(tizen: TizenApi | undefined): string[] {
  const input = tizen && tizen.tvinputdevice;
  if (!input) return [];
  const names = TIZEN_KEYS_TO_REGISTER.slice();
  try {
    if (typeof input.registerKeyBatch === 'function') {
      input.registerKeyBatch(names);
      return names;
    }
  } catch {
    // fall through to one-by-one registration
  }
  const done: string[] = [];
  if (typeof input.registerKey === 'function') {
    for (const n of names) {
      try {
        input.registerKey(n);
        done.push(n);
      } catch {
        // a key this model does not have
      }
    }
  }
  return done;
}
