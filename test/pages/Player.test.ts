jest.mock('../../src/player/VideoPlayer', () => {
  const state = { opened: [] as string[], closed: 0, seeks: [] as number[], paused: 0, played: 0 };
  return {
    __state: state,
    Player: {
      attach: jest.fn(),
      detach: jest.fn(),
      open: (url: string) => state.opened.push(url),
      close: () => state.closed++,
      play: () => state.played++,
      pause: () => state.paused++,
      playPause: jest.fn(),
      seekBy: (s: number) => state.seeks.push(s),
      currentTime: 30,
      duration: 72,
      playing: true,
      element: undefined,
    },
  };
});

import { PlayerPage } from '../../src/pages/Player';
import { FakeFlows, fail, ok } from '../support/fakeFlows';
import { SAMPLE_CATALOG, mountPage, type Mounted } from '../support/harness';

const video = (
  jest.requireMock('../../src/player/VideoPlayer') as {
    __state: { opened: string[]; closed: number; seeks: number[]; paused: number; played: number };
  }
).__state;

describe('Player', () => {
  let m: Mounted<PlayerPage> | undefined;
  afterEach(() => {
    m?.destroy();
    video.opened.length = 0;
    video.seeks.length = 0;
  });

  const mount = async (flows = new FakeFlows(), id = 't02') => {
    const page = await mountPage(PlayerPage, { flows, session: { catalog: SAMPLE_CATALOG } });
    page.page._onUrlParams({ id });
    await page.settle();
    m = page;
    return page;
  };

  it('always authorizes the title’s resource, then opens the stream with the encoded media token', async () => {
    const flows = new FakeFlows();
    flows.authorizeResult = ok({ resource: 'DEMOTV-SPORTS', mediaToken: 'a+b/c=', notAfter: 0 });
    const p = await mount(flows);
    expect(flows.calls.filter((c) => c.name === 'authorize').map((c) => c.args[0])).toEqual(['DEMOTV-SPORTS']);
    expect(video.opened).toEqual(['http://media/t02/index.m3u8?mediaToken=a%2Bb%2Fc%3D']);
    expect(p.page.phase).toBe('starting');
    p.page.media.playing();
    expect(p.page.phase).toBe('playing');
  });

  it('shows "Checking your access…" while authorizing', async () => {
    const flows = new FakeFlows();
    let release!: () => void;
    flows.holdAuthorize = new Promise<void>((r) => (release = r));
    const p = await mount(flows);
    expect(p.page.phase).toBe('authorizing');
    expect(p.page.tag('Busy')!.label).toBe('Checking your access…');
    release();
    await p.settle();
    expect(p.page.phase).toBe('starting');
  });

  it('a denial shows the MVPD message and details, focuses Back, and does not play', async () => {
    const flows = new FakeFlows();
    flows.authorizeResult = fail('Your subscription does not include this channel.', {
      kind: 'denied',
      details: 'Upgrade to Sports Plus',
      code: 'authorization_denied_by_mvpd',
      retryable: false,
    });
    const p = await mount(flows);
    expect(p.page.phase).toBe('denied');
    expect(video.opened).toEqual([]);
    const panel = p.page.tag('Panel')!;
    expect(panel.tag('Message')!.text!.text).toBe('Your subscription does not include this channel.');
    expect(panel.tag('Details')!.text!.text).toBe('Upgrade to Sports Plus');
    expect(panel.actionIds).toEqual(['back']);
    expect(flows.count('logout')).toBe(0);
    p.press('Enter');
    expect(p.routes).toEqual(['catalog']);
  });

  it('OK toggles pause, Left/Right seek 10 s, Back stops and returns to the catalog', async () => {
    const p = await mount();
    p.page.media.playing();
    p.press('Enter');
    expect(video.paused).toBeGreaterThan(0);
    expect(p.page.phase).toBe('paused');
    p.press('PlayPause');
    expect(video.played).toBeGreaterThan(0);
    p.press('Left');
    p.press('Right');
    expect(video.seeks).toEqual([-10, 10]);
    const closedBefore = video.closed;
    p.press('Back');
    expect(video.closed).toBeGreaterThan(closedBefore);
    expect(p.routes).toEqual(['catalog']);
  });

  it('a playback error offers Retry, which authorizes again for a fresh token', async () => {
    const flows = new FakeFlows();
    const p = await mount(flows);
    p.page.media.playing();
    p.page.media.error(2, undefined);
    expect(p.page.phase).toBe('error');
    expect(p.page.tag('Panel')!.actionIds).toEqual(['retry', 'back']);
    p.press('Enter');
    await p.settle();
    expect(flows.count('authorize')).toBe(2);
    expect(video.opened).toHaveLength(2);
  });

  it('stops and returns to the catalog when the app is sent to the background', async () => {
    const p = await mount();
    p.page.media.playing();
    const closedBefore = video.closed;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    expect(video.closed).toBeGreaterThan(closedBefore);
    expect(p.routes).toEqual(['catalog']);
  });

  it('replaying after the end authorizes again', async () => {
    const flows = new FakeFlows();
    const p = await mount(flows);
    p.page.media.playing();
    p.page.media.ended();
    expect(p.page.phase).toBe('ended');
    p.press('Enter');
    await p.settle();
    expect(flows.count('authorize')).toBe(2);
  });
});
