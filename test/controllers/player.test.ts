import { HIDE_AFTER_MS, PlayerController, START_STALL_MS, type PlayerState, type VideoPort } from '../../src/controllers/player';
import { installTranslations } from '../../src/lib/language';
import { SAMPLE_CATALOG } from '../support/catalog';
import { TRANSLATIONS } from '../support/translations';
import { flush, recorder, testDeps } from '../support/deps';
import { FakeFlows, fail, ok } from '../support/fakeFlows';

class FakeVideo implements VideoPort {
  opened: string[] = [];
  closed = 0;
  seeks: number[] = [];
  played = 0;
  paused = 0;
  currentTime = 30;
  duration = 72;
  open(url: string) {
    this.opened.push(url);
  }
  close() {
    this.closed++;
  }
  play() {
    this.played++;
  }
  pause() {
    this.paused++;
  }
  seekBy(s: number) {
    this.seeks.push(s);
  }
}

function setup(flows = new FakeFlows(), session = { catalog: SAMPLE_CATALOG }) {
  const deps = testDeps({ flows, session });
  const video = new FakeVideo();
  const captions = { cycles: 0, cycle: () => captions.cycles++ };
  const ctl = new PlayerController(deps, video, captions);
  const seen = recorder<PlayerState>();
  ctl.subscribe(seen.render);
  return { deps, video, ctl, seen, flows, captions };
}

describe('PlayerController', () => {
  it('authorizes, then opens the stream with the fresh token; states go idle → authorizing → starting', async () => {
    const { ctl, video, seen, flows } = setup();
    flows.authorizeResult = ok({ resource: 'DEMOTV-SPORTS', mediaToken: 'a+b/c=', notAfter: 0 });
    ctl.setItem('t02', true);
    await flush();
    expect(seen.kinds()).toEqual(['idle', 'authorizing', 'authorizing', 'starting']);
    expect(flows.calls.filter((c) => c.name === 'authorize').map((c) => c.args[0])).toEqual(['DEMOTV-SPORTS']);
    expect(video.opened).toEqual(['http://media/t02/index.m3u8?mediaToken=a%2Bb%2Fc%3D']);
  });

  it('a stream that never starts is nudged once (seek in place, play), then reported with Retry — no endless spinner', async () => {
    const { ctl, video, flows, deps } = setup();
    ctl.setItem('t02', true);
    await flush();
    expect(ctl.state.kind).toBe('starting');
    deps.timers.advance(START_STALL_MS - 1);
    expect(video.seeks).toEqual([]);
    deps.timers.advance(1);
    expect(video.seeks).toEqual([0]);
    expect(video.played).toBe(1);
    expect(ctl.state.kind).toBe('starting');
    deps.timers.advance(START_STALL_MS);
    const s = ctl.state;
    expect(s.kind === 'error' && s.actions.map((a) => a.id)).toEqual(['retry', 'back']);
    expect(flows.count('authorize')).toBe(1); // the single-use token is not reused; only Retry authorizes again
    expect(deps.timers.pending).toBe(0);
    // Once playing, the watch is off.
    const again = setup();
    again.ctl.setItem('t02', true);
    await flush();
    again.ctl.playing();
    again.deps.timers.advance(START_STALL_MS * 3);
    expect(again.video.seeks).toEqual([]);
    expect(again.ctl.state.kind).toBe('playing');
  });

  it('does not start while the page is not shown; the same id again does not restart', async () => {
    const { ctl, flows } = setup();
    ctl.setItem('t02', false);
    await flush();
    expect(flows.count('authorize')).toBe(0);
    ctl.setItem('t02', true);
    expect(flows.count('authorize')).toBe(0);
  });

  it('loads the catalog when the title is not in the session (deep link) and fails clearly when it is gone', async () => {
    const { ctl, deps } = setup(new FakeFlows(), {} as never);
    ctl.setItem('t04', true);
    await flush();
    expect(ctl.state.kind).toBe('starting');
    expect(deps.session.catalog).toBe(SAMPLE_CATALOG);
    ctl.setItem('nope', true);
    await flush();
    const s = ctl.state;
    expect(s.kind === 'error' && s.title).toBe('We could not find this title');
    expect(s.kind === 'error' && s.actions.map((a) => a.id)).toEqual(['back']);
  });

  it('maps failures to actions: denial → Back; retryable error → Retry/Back; lost sign-in → Sign in/Back', async () => {
    const flows = new FakeFlows();
    const { ctl, video } = setup(flows);
    const actionsFor = async (failure: Parameters<typeof fail>[1]) => {
      flows.authorizeResult = fail('no', failure);
      await ctl.start();
      const s = ctl.state;
      return s.kind === 'denied' || s.kind === 'error' ? [s.kind, ...s.actions.map((a) => a.id)] : [s.kind];
    };
    ctl.setItem('t02', false);
    expect(await actionsFor({ kind: 'denied', retryable: false })).toEqual(['denied', 'back']);
    expect(await actionsFor({ kind: 'network', retryable: true })).toEqual(['error', 'retry', 'back']);
    expect(await actionsFor({ kind: 'server', retryable: false })).toEqual(['error', 'back']);
    expect(await actionsFor({ kind: 'authentication', retryable: false })).toEqual(['error', 'signin', 'back']);
    expect(video.opened).toEqual([]);
  });

  it('a newer start wins over a slower earlier one; leaving drops the pending answer', async () => {
    const flows = new FakeFlows();
    const { ctl, video, deps } = setup(flows);
    let release!: () => void;
    flows.holdAuthorize = new Promise<void>((r) => (release = r));
    ctl.setItem('t02', true);
    await flush();
    ctl.leave();
    release();
    await flush();
    expect(video.opened).toEqual([]);
    expect(deps.routes).toEqual(['catalog']);
  });

  it('controls show on play and hide after HIDE_AFTER_MS while playing, not while paused', async () => {
    const { ctl, deps, video } = setup();
    ctl.setItem('t01', true);
    await flush();
    ctl.playing();
    expect(ctl.state).toMatchObject({ kind: 'playing', controls: true });
    deps.timers.advance(HIDE_AFTER_MS - 1);
    expect(ctl.state).toMatchObject({ controls: true });
    deps.timers.advance(1);
    expect(ctl.state).toMatchObject({ kind: 'playing', controls: false });
    ctl.poke();
    expect(ctl.state).toMatchObject({ controls: true });
    ctl.toggle();
    expect(video.paused).toBe(1);
    deps.timers.advance(HIDE_AFTER_MS * 2);
    expect(ctl.state).toMatchObject({ kind: 'paused', controls: true });
  });

  it('seeks only with media, and reports the expected position', async () => {
    const { ctl, video } = setup();
    expect(ctl.seek(10)).toBeUndefined();
    ctl.setItem('t01', true);
    await flush();
    ctl.playing();
    expect(ctl.seek(-10)).toBe(20);
    ctl.seekTo(0.5);
    expect(video.seeks).toEqual([-10, 36 - 30]);
  });

  it('a playback error while playing offers Retry, which authorizes again; errors after a failure are ignored', async () => {
    const flows = new FakeFlows();
    const { ctl, video } = setup(flows);
    ctl.setItem('t01', true);
    await flush();
    ctl.playing();
    ctl.playbackError('lost');
    expect(ctl.state).toMatchObject({ kind: 'error', title: 'Playback stopped' });
    const failed = ctl.state;
    ctl.playbackError('again');
    expect(ctl.state).toBe(failed);
    ctl.panelAction('retry');
    await flush();
    expect(flows.count('authorize')).toBe(2);
    expect(video.opened).toHaveLength(2);
  });

  it('Sign in after a lost sign-in goes to the picker; background leaves to the catalog', async () => {
    const flows = new FakeFlows();
    flows.authorizeResult = fail('gone', { kind: 'authentication', retryable: false });
    const { ctl, deps } = setup(flows);
    ctl.setItem('t01', true);
    await flush();
    ctl.panelAction('signin');
    expect(deps.routes).toEqual(['providers']);
    ctl.background();
    expect(deps.routes).toEqual(['providers', 'catalog']);
    ctl.stop();
    ctl.background(); // idle: nothing to leave
    expect(deps.routes).toEqual(['providers', 'catalog']);
  });

  it('a refused autoplay waits paused for OK; replay after the end authorizes again', async () => {
    const flows = new FakeFlows();
    const { ctl, video } = setup(flows);
    ctl.setItem('t01', true);
    await flush();
    ctl.playRefused();
    expect(ctl.state.kind).toBe('paused');
    ctl.ok();
    expect(video.played).toBe(1);
    ctl.playing();
    ctl.ended();
    expect(ctl.state.kind).toBe('ended');
    ctl.ok();
    await flush();
    expect(flows.count('authorize')).toBe(2);
  });

  it('Up gives the CC button the focus; OK there switches captions, Down or Back return to the timeline', async () => {
    const { ctl, deps, video, captions } = setup();
    ctl.setItem('t01', true);
    await flush();
    ctl.playing();
    ctl.up();
    expect(ctl.state).toMatchObject({ kind: 'playing', controls: true, focus: 'captions' });
    ctl.ok();
    expect(captions.cycles).toBe(1);
    expect(video.paused).toBe(0);
    ctl.back();
    expect(ctl.state).toMatchObject({ kind: 'playing', focus: 'timeline' });
    expect(deps.routes).toEqual([]);
    ctl.ok();
    expect(video.paused).toBe(1);
    // The CC key works from the timeline too, and shows the controls.
    ctl.switchCaptions();
    expect(captions.cycles).toBe(2);
    expect(ctl.state).toMatchObject({ controls: true });
  });

  it('hidden controls and seeking take the focus back to the timeline', async () => {
    const { ctl, deps } = setup();
    ctl.setItem('t01', true);
    await flush();
    ctl.playing();
    ctl.up();
    deps.timers.advance(HIDE_AFTER_MS);
    expect(ctl.state).toMatchObject({ controls: false, focus: 'timeline' });
    ctl.up();
    ctl.seek(10);
    expect(ctl.state).toMatchObject({ controls: true, focus: 'timeline' });
    ctl.up();
    ctl.down();
    expect(ctl.state).toMatchObject({ focus: 'timeline' });
    ctl.back();
    expect(deps.routes).toEqual(['catalog']);
  });

  it('captions are not switched without media (authorizing, failures)', async () => {
    const flows = new FakeFlows();
    flows.authorizeResult = fail('no', { kind: 'denied', retryable: false });
    const { ctl, captions } = setup(flows);
    ctl.switchCaptions();
    ctl.setItem('t01', true);
    await flush();
    ctl.up();
    ctl.switchCaptions();
    ctl.control('captions');
    expect(captions.cycles).toBe(0);
  });

  it('titles and buttons in the UI language (Spanish)', async () => {
    installTranslations(TRANSLATIONS, 'es');
    try {
      const flows = new FakeFlows();
      flows.authorizeResult = fail('Your TV package does not include this channel.', {
        kind: 'denied',
        retryable: false,
      });
      const { ctl } = setup(flows);
      ctl.setItem('t01', true);
      await flush();
      const s = ctl.state;
      expect(s.kind === 'denied' && [s.title, s.failure.message, ...s.actions.map((a) => a.label)]).toEqual([
        `No puedes ver “${SAMPLE_CATALOG.rows[0]!.items[0]!.title}”`,
        'Your TV package does not include this channel.',
        'Volver',
      ]);
    } finally {
      installTranslations(TRANSLATIONS, 'en');
    }
  });
});
