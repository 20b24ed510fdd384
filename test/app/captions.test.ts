/**
 * src/player/captions.ts: cue text, which track is shown (the viewer's saved choice, the platform's
 * preferred languages, the UI language), CC cycling and persistence, following Firebolt's caption
 * settings (not persisted), the platform's styles, and the two back ends (hls.js subtitle tracks, the
 * engine's text tracks) on fakes. Also the CC keys in the platform key maps and the platform settings
 * port (Firebolt on RDK, navigator.language elsewhere).
 */
import {
  argb,
  Captions,
  cueLines,
  DEFAULT_STYLE,
  hlsBackend,
  nativeBackend,
  pickTrack,
  styleFrom,
  type CaptionBackend,
  type CaptionTrack,
  type CaptionsState,
  type HlsSubtitles,
} from '../../src/player/captions';
import type { CaptionChoice } from '../../src/lib/preferences';
import { keyMapFor, TIZEN_KEYS_TO_REGISTER } from '../../src/platform/keys';
import { platformUserSettings } from '../../src/platform/userSettings';

const EN: CaptionTrack = { id: 0, language: 'en', label: 'English CC' };
const ES: CaptionTrack = { id: 1, language: 'es', label: 'Español' };

describe('cue text', () => {
  it('drops WebVTT tags, decodes entities, splits lines', () => {
    expect(cueLines('<v Narrator>[steady <i>392 Hz</i> tone]</v>\nA &amp; B &lt;3&gt; caf&#233; &#x263A;')).toEqual([
      '[steady 392 Hz tone]',
      'A & B <3> café ☺',
    ]);
    expect(cueLines('  \n<c.yellow></c>\n')).toEqual([]);
  });
});

describe('which track', () => {
  it('takes the first wish that matches (exact tag, then language), else the first track', () => {
    expect(pickTrack([EN, ES], ['es'])).toBe(ES);
    expect(pickTrack([EN, ES], [undefined, 'spa', 'en'])).toBe(ES);
    expect(pickTrack([EN, ES], ['es-MX'])).toBe(ES);
    expect(pickTrack([EN, ES], ['fr'])).toBe(EN);
    expect(pickTrack([], ['en'])).toBeNull();
  });
});

describe('platform styles', () => {
  it('maps Firebolt colours, opacities, size, edge and alignment; odd values keep the defaults', () => {
    expect(argb('#ff0000', 50, 0)).toBe(0x80ff0000);
    expect(argb('#0f0', undefined, 0xcc000000)).toBe(0xcc00ff00);
    expect(argb('yellow', 100, 0)).toBe(0xffffff00);
    expect(argb('not a colour', 100, 0xff123456)).toBe(0xff123456);
    const s = styleFrom({
      fontSize: 1.5,
      fontColor: '#ffff00',
      fontOpacity: 100,
      backgroundColor: '#000000',
      backgroundOpacity: 25,
      fontEdge: 'drop_shadow',
      textAlign: 'left',
      textAlignVertical: 'top',
    });
    expect(s).toEqual({
      scale: 1.5,
      textColor: 0xffffff00,
      background: 0x40000000,
      window: DEFAULT_STYLE.window,
      edge: 'drop_shadow',
      edgeColor: 0xff000000,
      align: 'left',
      vertical: 'top',
    });
    expect(styleFrom({ fontSize: -2, fontEdge: 'glow', textAlign: 'justify' })).toMatchObject({
      scale: 1,
      edge: 'none',
      align: 'center',
      vertical: 'bottom',
    });
    expect(styleFrom(undefined)).toBe(DEFAULT_STYLE);
  });
});

/** A back end whose tracks and cues the test controls. */
function fakeBackend(tracks: CaptionTrack[]) {
  let onTracks = (): void => undefined;
  let onCues: (lines: string[]) => void = () => undefined;
  const b = {
    list: tracks,
    selected: [] as Array<number | null>,
    destroyed: 0,
    tracks: () => b.list,
    select: (id: number | null) => b.selected.push(id),
    onTracks: (cb: () => void) => (onTracks = cb),
    onCues: (cb: (l: string[]) => void) => (onCues = cb),
    destroy: () => b.destroyed++,
    tracksChanged: () => onTracks(),
    cues: (lines: string[]) => onCues(lines),
  };
  return b as typeof b & CaptionBackend;
}

function setup(saved: CaptionChoice = { enabled: false }, ui = 'en') {
  const store = { captions: saved, sets: 0 };
  const c = new Captions(
    {
      get: () => ({ captions: store.captions }),
      set: (p) => {
        store.sets++;
        store.captions = p.captions;
      },
    },
    () => ui,
  );
  const states: CaptionsState[] = [];
  c.subscribe((s) => states.push(s));
  return { c, store, states };
}

describe('the caption choice', () => {
  it('CC cycles off → each track → off, stores the choice, and shows lines only while on', () => {
    const { c, store } = setup();
    const b = fakeBackend([EN, ES]);
    c.attach(b);
    expect(c.state.active).toBeNull();
    expect(b.selected).toEqual([null]);
    b.cues(['ignored while off']);
    expect(c.state.lines).toEqual([]);

    expect(c.cycle()).toEqual(EN);
    expect(store.captions).toEqual({ enabled: true, language: 'en' });
    b.cues(['[steady 392 Hz tone]', 'caption 1 of 3']);
    expect(c.state.lines).toEqual(['[steady 392 Hz tone]', 'caption 1 of 3']);
    expect(c.cycle()).toEqual(ES);
    expect(b.selected.slice(-1)).toEqual([1]);
    expect(c.cycle()).toBeNull();
    expect(store.captions).toEqual({ enabled: false, language: 'es' });
    expect(c.state.lines).toEqual([]);
    // On again: the language chosen last.
    expect(c.cycle()).toEqual(ES);
  });

  it('a new stream shows the saved choice as soon as its tracks are known', () => {
    const { c } = setup({ enabled: true, language: 'es' });
    const b = fakeBackend([]);
    c.attach(b);
    expect(c.state.active).toBeNull();
    b.list = [EN, ES];
    b.tracksChanged();
    expect(c.state.active).toEqual(ES);
    expect(b.selected.slice(-1)).toEqual([1]);
    c.detach();
    expect(b.destroyed).toBe(1);
    expect(c.state).toMatchObject({ tracks: [], active: null, lines: [] });
  });

  it('turned on without a saved language: the UI language picks the track', () => {
    const { c } = setup({ enabled: false }, 'es');
    c.attach(fakeBackend([EN, ES]));
    expect(c.cycle()).toEqual(ES);
  });

  it('follows the platform’s settings instead of its own (RDK); CC then changes only this session', () => {
    const { c, store } = setup({ enabled: false });
    const b = fakeBackend([EN, ES]);
    c.attach(b);
    c.followPlatform({ enabled: true, preferredLanguages: ['spa', 'eng'], styles: { fontSize: 2 } });
    expect(c.state.active).toEqual(ES);
    expect(c.state.style.scale).toBe(2);
    expect(c.cycle()).toBeNull();
    expect(store.sets).toBe(0);
    // The platform changes its setting: it wins again.
    c.followPlatform({ enabled: false });
    expect(c.state.active).toBeNull();
    c.followPlatform({ enabled: true, preferredLanguages: ['eng'] });
    expect(c.state.active).toEqual(EN);
    c.followPlatform(null);
    expect(c.state.active).toBeNull();
    expect(c.state.style).toBe(DEFAULT_STYLE);
  });
});

/** A TextTrack stand-in: mode, kind/label/language, active cues and cuechange events. */
class FakeTrack extends EventTarget {
  mode: TextTrackMode = 'disabled';
  activeCues: Array<{ text: string }> = [];
  constructor(
    public kind: string,
    public label: string,
    public language: string,
  ) {
    super();
  }
  show(...texts: string[]): void {
    this.activeCues = texts.map((text) => ({ text }));
    this.dispatchEvent(new Event('cuechange'));
  }
}

class FakeTrackList extends EventTarget {
  items: FakeTrack[] = [];
  get length(): number {
    return this.items.length;
  }
  add(t: FakeTrack): void {
    this.items.push(t);
    (this as unknown as Record<number, FakeTrack>)[this.items.length - 1] = t;
    this.dispatchEvent(new Event('addtrack'));
  }
}

function fakeVideo(): { video: HTMLMediaElement; list: FakeTrackList } {
  const list = new FakeTrackList();
  return { video: { textTracks: list } as unknown as HTMLMediaElement, list };
}

describe('back ends', () => {
  it('native: the engine’s caption tracks, the chosen one hidden (parsed, drawn by the app), cues as lines', () => {
    const { video, list } = fakeVideo();
    const b = nativeBackend(video);
    const seen: string[][] = [];
    let changed = 0;
    b.onTracks(() => changed++);
    b.onCues((l) => seen.push(l));
    list.add(new FakeTrack('metadata', 'id3', ''));
    list.add(new FakeTrack('captions', 'English CC', 'en'));
    list.add(new FakeTrack('subtitles', 'Español', 'es'));
    expect(changed).toBe(3);
    expect(b.tracks()).toEqual([EN, ES]);
    b.select(1);
    expect(list.items.map((t) => t.mode)).toEqual(['disabled', 'disabled', 'hidden']);
    list.items[2]!.show('<i>subtítulo</i> 1 de 3');
    expect(seen.slice(-1)).toEqual([['subtítulo 1 de 3']]);
    // A track no longer selected says nothing.
    b.select(null);
    list.items[2]!.show('late');
    expect(seen.slice(-1)).toEqual([[]]);
    b.destroy();
    expect(list.items.every((t) => t.mode === 'disabled')).toBe(true);
  });

  it('hls.js: its subtitle tracks; selecting sets subtitleTrack, hides the engine’s drawing, and reads the text track hls.js fills', async () => {
    const { video, list } = fakeVideo();
    const handlers: Record<string, () => void> = {};
    const hls: HlsSubtitles & { subtitleTracks: Array<{ id: number; name: string; lang: string }> } = {
      subtitleTracks: [],
      subtitleTrack: -1,
      subtitleDisplay: true,
      on: (event, cb) => (handlers[event] = cb),
    };
    const b = hlsBackend(
      hls,
      { SUBTITLE_TRACKS_UPDATED: 'stu', MANIFEST_PARSED: 'mp', SUBTITLE_TRACK_SWITCH: 'sts' },
      video,
    );
    expect(hls.subtitleDisplay).toBe(false);
    let changed = 0;
    const seen: string[][] = [];
    b.onTracks(() => changed++);
    b.onCues((l) => seen.push(l));
    hls.subtitleTracks = [
      { id: 0, name: 'English CC', lang: 'en' },
      { id: 1, name: 'Español', lang: 'es' },
    ];
    handlers.stu!();
    // hls.js picks its own default right after the event: the choice is applied after that.
    hls.subtitleTrack = -1;
    await Promise.resolve();
    expect(changed).toBe(1);
    expect(b.tracks()).toEqual([EN, ES]);
    b.select(0);
    expect(hls.subtitleTrack).toBe(0);
    // hls.js creates the text track for the rendition; the back end starts reading it.
    const track = new FakeTrack('captions', 'English CC', 'en');
    list.add(track);
    track.show('caption 1 of 3');
    expect(seen.slice(-1)).toEqual([['caption 1 of 3']]);
    b.select(null);
    expect(hls.subtitleTrack).toBe(-1);
  });
});

describe('a saved choice on a new hls.js stream', () => {
  it('survives hls.js selecting its own default right after announcing the tracks', async () => {
    const { video } = fakeVideo();
    const handlers: Record<string, () => void> = {};
    const hls = {
      subtitleTracks: [] as Array<{ id: number; name: string; lang: string }>,
      subtitleTrack: -1,
      subtitleDisplay: true,
      on: (event: string, cb: () => void) => (handlers[event] = cb),
    };
    const { c } = setup({ enabled: true, language: 'en' });
    c.attach(hlsBackend(hls, { SUBTITLE_TRACKS_UPDATED: 'stu' }, video));
    hls.subtitleTracks = [
      { id: 0, name: 'English CC', lang: 'en' },
      { id: 1, name: 'Español', lang: 'es' },
    ];
    // As hls.js does: the event, then its own default (none: -1) in the same call.
    handlers.stu!();
    hls.subtitleTrack = -1;
    await Promise.resolve();
    expect(hls.subtitleTrack).toBe(0);
    expect(c.state.active).toEqual(EN);
  });
});

describe('platform wiring', () => {
  it('maps the CC keys: Tizen Caption (registered), webOS subtitle', () => {
    expect(keyMapFor('tizen')['10221']).toBe('Captions');
    expect(TIZEN_KEYS_TO_REGISTER).toContain('Caption');
    expect(keyMapFor('webos')['460']).toBe('Captions');
  });

  it('language: the browser’s everywhere; on RDK Firebolt’s, the browser’s when Firebolt fails', async () => {
    const nav = jest.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['es-MX']);
    expect(await platformUserSettings('tizen').language()).toBe('es-MX');
    expect(platformUserSettings('webos').voiceGuidance).toBeUndefined();
    const voiceGuidance = { get: async () => true, listen: () => () => undefined };
    const rdk = platformUserSettings('rdk', { language: async () => 'en', voiceGuidance });
    expect(await rdk.language()).toBe('en');
    expect(rdk.voiceGuidance).toBe(voiceGuidance);
    expect(
      await platformUserSettings('rdk', { language: () => Promise.reject(new Error('ws closed')) }).language(),
    ).toBe('es-MX');
    // Firebolt wiring only counts on RDK.
    expect(platformUserSettings('browser', { voiceGuidance }).voiceGuidance).toBeUndefined();
    nav.mockRestore();
  });
});
