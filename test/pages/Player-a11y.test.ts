/**
 * The player page's captions and voice guidance: the CC button takes focus on Up and says what is on,
 * OK there and the CC key switch tracks (said aloud), the lines appear over the video, a title without
 * captions says so, and playback changes that move no focus are spoken.
 */
jest.mock('../../src/player/VideoPlayer', () => ({
  Player: {
    attach: jest.fn(),
    detach: jest.fn(),
    open: jest.fn(),
    close: jest.fn(),
    play: jest.fn(),
    pause: jest.fn(),
    playPause: jest.fn(),
    seekBy: jest.fn(),
    currentTime: 3,
    duration: 12,
    playing: true,
    element: undefined,
  },
}));

import type { CaptionsView } from '../../src/components/CaptionsView';
import { announcer, type SpeechPort } from '../../src/lib/announcer';
import { registerShell } from '../../src/lib/events';
import { PreferencesStore, setPreferences } from '../../src/lib/preferences';
import { HIDE_AFTER_MS, PlayerPage } from '../../src/pages/Player';
import { captions, type CaptionBackend, type CaptionTrack } from '../../src/player/captions';
import { FakeFlows, ok } from '../support/fakeFlows';
import { SAMPLE_CATALOG, mountPage, type Mounted } from '../support/harness';

const said: string[] = [];
const port: SpeechPort = { speak: (p) => said.push(p.join(' | ')), cancel: () => undefined };
const EN: CaptionTrack = { id: 0, language: 'en', label: 'English CC' };
const ES: CaptionTrack = { id: 1, language: 'es', label: 'Español' };

function backend(tracks: CaptionTrack[]): CaptionBackend & { cues(lines: string[]): void } {
  let emit: (l: string[]) => void = () => undefined;
  return {
    tracks: () => tracks,
    select: () => undefined,
    onTracks: () => undefined,
    onCues: (cb) => (emit = cb),
    destroy: () => undefined,
    cues: (lines) => emit(lines),
  };
}

describe('Player: captions and voice guidance', () => {
  let m: Mounted<PlayerPage> | undefined;
  const toasts: string[] = [];
  beforeAll(() => {
    announcer.usePort(port);
    announcer.setEnabled(true);
    registerShell({ toast: (text) => toasts.push(text), ask: async () => null });
  });
  afterAll(() => {
    announcer.setEnabled(false);
    registerShell(null);
  });
  afterEach(() => {
    m?.destroy();
    captions.detach();
    said.length = 0;
    toasts.length = 0;
  });

  const play = async (): Promise<Mounted<PlayerPage>> => {
    setPreferences(new PreferencesStore());
    const flows = new FakeFlows();
    flows.authorizeResult = ok({ resource: 'DEMOTV', mediaToken: 'tok', notAfter: 0 });
    m = await mountPage(PlayerPage, { flows, session: { catalog: SAMPLE_CATALOG } });
    m.page._onUrlParams({ id: 't01' });
    await m.settle();
    m.page.media.playing();
    return m;
  };
  const speakFocus = (page: Mounted<PlayerPage>): void => {
    announcer.focusChanged(() => page.app.focusPath);
    announcer.flush();
  };
  const view = (page: Mounted<PlayerPage>) => page.page.tag('Captions') as unknown as CaptionsView;

  it('says what starts playing, pausing and resuming', async () => {
    const p = await play();
    const title = SAMPLE_CATALOG.rows[0]!.items[0]!.title;
    expect(said).toContain(`Playing ${title}`);
    p.page.media.pause();
    expect(said.slice(-1)).toEqual(['Paused']);
    p.page.media.playing();
    expect(said.slice(-1)).toEqual(['Playing']);
  });

  it('Up focuses the CC button, OK and the CC key switch captions; the lines show over the video', async () => {
    const p = await play();
    const b = backend([EN, ES]);
    captions.attach(b);
    said.length = 0;
    // Joining the player: its title. Then Up: only the button that joined.
    speakFocus(p);
    expect(said).toEqual([SAMPLE_CATALOG.rows[0]!.items[0]!.title]);
    p.press('Up');
    speakFocus(p);
    expect(said.slice(-1)).toEqual(['Captions off, button']);
    p.press('Enter');
    expect(said.slice(-1)).toEqual(['Captions: English CC']);
    b.cues(['[steady 392 Hz tone]', 'caption 1 of 3']);
    expect(view(p).lines).toEqual(['[steady 392 Hz tone]', 'caption 1 of 3']);
    expect(view(p).visible).toBe(true);
    // Above the control bar while it shows, down at the bottom once it hides.
    expect(view(p).lifted).toBe(true);
    p.press('Down');
    p.timers.advance(HIDE_AFTER_MS);
    expect(view(p).lifted).toBe(false);
    (p.page as unknown as { _handleCaptions(): void })._handleCaptions();
    expect(said.slice(-1)).toEqual(['Captions: Español']);
    (p.page as unknown as { _handleCaptions(): void })._handleCaptions();
    expect(said.slice(-1)).toEqual(['Captions off']);
    expect(view(p).visible).toBe(false);
  });

  it('a title without captions says so on CC', async () => {
    const p = await play();
    captions.attach(backend([]));
    (p.page as unknown as { _handleCaptions(): void })._handleCaptions();
    expect(toasts).toEqual(['This title has no captions']);
  });
});
