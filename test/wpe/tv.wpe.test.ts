/**
 * The TV journeys in WPE WebKit 2.38 (the RDK engine) on dist/es5 with ?platform=rdk, remote keys as
 * real key events: provider picker → exit dialog → activation code (QR) → signed in → catalog →
 * scrolling (FPS printed) → play (time advances, video frame on screen) → Back → Account → sign out.
 * Every screen is checked on the compositor's pixels, not only on app state: focus ring colour,
 * provider logos, the QR modules, poster art, the video frame. Screenshots: test-results/screenshots/wpe-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { admin, channelOf, startStack, subscriber, type Stack } from '../e2e/journeys/support';
import { launchWpe, ROOT, type WpeApp } from './app';
import { VIEW } from './engine';
import {
  changedShare,
  countNear,
  decodePng,
  distinctColours,
  fullBox,
  looksLike,
  qrMatch,
  rgb,
  type Box,
  type Image,
  type Rgb,
} from './pixels';
import type { AppState } from '../e2e/harness';

/** The app's focus colour (src/theme.ts COLORS.focus). */
const FOCUS = rgb(0xffffc400);
const POLL_MS = 5000;

interface Mvpd {
  id: string;
  displayName: string;
  color: string;
}
const MVPDS = (JSON.parse(readFileSync(join(ROOT, 'emulator', 'fixtures', 'mvpds.json'), 'utf8')) as { mvpds: Mvpd[] })
  .mvpds;

function grow(b: Box, by: number): Box {
  return { x: b.x - by, y: b.y - by, w: b.w + 2 * by, h: b.h + 2 * by };
}
function shrink(b: Box, share: number): Box {
  return { x: b.x + b.w * share, y: b.y + b.h * share, w: b.w * (1 - 2 * share), h: b.h * (1 - 2 * share) };
}

/** A box in stage coordinates (1920x1080, what the app's hook reports) → screen pixels of `img`. */
function onScreen(img: Image, b: Box): Box {
  const k = img.width / 1920;
  return { x: b.x * k, y: b.y * k, w: b.w * k, h: b.h * k };
}

/** Focus-coloured pixels on and around stage box `b` (the 6 px ring sits outside the focused box). */
function ringPixels(img: Image, b: Box | null): number {
  if (!b) return 0;
  const k = img.width / 1920;
  return countNear(img, FOCUS, grow(onScreen(img, b), 16 * k), 40);
}

/** What a 6 px ring around stage box `b` covers on screen, at 40% (corners are rounded, edges blend). */
function ringNeeded(img: Image, b: Box): number {
  const k = img.width / 1920;
  return (b.w + b.h) * 2 * 6 * k * k * 0.4;
}

/** The focus ring is drawn around stage box `b`. */
function expectFocusRing(img: Image, b: Box, what: string): number {
  const ring = ringPixels(img, b);
  const needed = ringNeeded(img, b);
  if (!(ring > needed)) {
    throw new Error(
      `no focus ring on ${what}: ${ring} focus-coloured px around ${JSON.stringify(b)}, expected > ${needed}`,
    );
  }
  return ring;
}

async function fetchPng(url: string): Promise<Image> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return decodePng(Buffer.from(await res.arrayBuffer()));
}

describe('WPE WebKit (RDK): TV journey on dist/es5', () => {
  let stack: Stack;
  let app: WpeApp;
  /** The catalog as displayed, to tell the player's frames from a display still showing the catalog. */
  let catalogFrame: Image | undefined;
  const started = Date.now();

  beforeAll(async () => {
    stack = await startStack();
    app = await launchWpe(stack, '?platform=rdk');
  });
  /**
   * The display once it is steady and `ready` accepts it with the focused box read after the frame
   * (layout and focus animations move the box for a few frames after the state changed).
   */
  /**
   * The state once the focused element has real, unchanged bounds: right after a page appears its
   * elements can still sit at (0, 0) until Lightning lays them out, and a screenshot judged against those
   * bounds would wait for a ring that is elsewhere.
   */
  async function laidOut(): Promise<AppState> {
    let prev = await app.state();
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const now = await app.state();
      const b = now.focusedBounds;
      if (b && (b.x > 0 || b.y > 0) && JSON.stringify(b) === JSON.stringify(prev.focusedBounds)) return now;
      prev = now;
    }
    return prev;
  }

  async function settled(
    name: string,
    ready: (img: Image, st: AppState) => boolean,
    timeoutMs = 30000,
  ): Promise<{ img: Image; st: AppState }> {
    const deadline = Date.now() + timeoutMs;
    let st = await laidOut();
    let img = await app.shot(name, (i) => ready(i, st), timeoutMs);
    while (Date.now() < deadline) {
      const again = await app.state();
      if (JSON.stringify(again.focusedBounds) === JSON.stringify(st.focusedBounds) && ready(img, again)) break;
      st = again;
      img = await app.shot(name, (i) => ready(i, st), Math.max(1000, deadline - Date.now()));
    }
    return { img, st };
  }

  afterAll(async () => {
    await app?.close();
    await stack?.close();
    console.log(`[wpe] journey took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it('renders the provider picker with WebGL: logos and the focus ring on screen', async () => {
    const s = await app.waitForState((x) => x.route === 'providers' && x.focusedLabel === 'Acme Cable', 40000);
    expect(s.platform).toBe('rdk');
    expect(s.renderer).toBe('webgl');
    // Logos load asynchronously: wait until the focused tile shows its brand colour and the ring.
    const acme = rgb(MVPDS.find((m) => m.id === 'AcmeCable')!.color);
    const tileShare = (img: Image, b: Box | null, c: Rgb): number =>
      b ? countNear(img, c, onScreen(img, b)) / (onScreen(img, b).w * onScreen(img, b).h) : 0;
    const { img, st } = await settled(
      '01-providers',
      (i, x) =>
        tileShare(i, x.focusedBounds, acme) > 0.15 && ringPixels(i, x.focusedBounds) > ringNeeded(i, x.focusedBounds!),
    );
    const ring = expectFocusRing(img, st.focusedBounds!, 'the focused provider');
    const acmeShare = tileShare(img, st.focusedBounds, acme);
    // The 300x120 logo covers ~40% of the tile (less its white lettering).
    expect(acmeShare).toBeGreaterThan(0.15);
    // Every provider tile on screen has its logo: brand colours present over logo-sized areas.
    const logoArea = img.width * img.height * 0.002;
    const shown = MVPDS.filter((m) => countNear(img, rgb(m.color), undefined, 12) > logoArea).map((m) => m.displayName);
    console.log(
      `[wpe] picker: focus ring ${ring} px, Acme logo ${(acmeShare * 100).toFixed(0)}% of its tile, ` +
        `logos on screen: ${shown.join(', ')}`,
    );
    expect(shown.length).toBeGreaterThanOrEqual(8);

    // The ring follows a real key press.
    await app.press('Right');
    await app.waitForState((x) => x.focusedLabel === 'NorthStar Fiber');
    const right = await settled(
      '02-providers-right',
      (i, x) => ringPixels(i, x.focusedBounds) > ringNeeded(i, x.focusedBounds!),
    );
    expectFocusRing(right.img, right.st.focusedBounds!, 'the provider after Right');
    expect(ringPixels(right.img, st.focusedBounds)).toBeLessThan(ring / 4);
    await app.press('Left');
    await app.waitForState((x) => x.focusedLabel === 'Acme Cable');
  });

  it('Back opens the exit dialog with Cancel focused; OK on Cancel closes it', async () => {
    await app.press('Back');
    await app.waitForState((x) => x.dialog === 'exit' && x.focusedLabel === 'Cancel');
    const open = await settled(
      '03-exit-dialog',
      (i, x) => ringPixels(i, x.focusedBounds) > ringNeeded(i, x.focusedBounds!),
    );
    expectFocusRing(open.img, open.st.focusedBounds!, 'Cancel in the exit dialog');
    await app.press('Enter');
    const closed = await app.waitForState((x) => x.dialog === null);
    expect(closed.route).toBe('providers');
    expect(closed.focusedLabel).toBe('Acme Cable');
  });

  it('shows the activation code with a QR code that encodes the second-screen URL', async () => {
    await app.press('Enter');
    await app.waitForState((x) => x.route === 'activate');
    const j = await app.waitForJourney((x) => !!x.activationCode && !!x.activationUrl, 15000);
    expect(j.activationUrl).toBe(`${stack.site.url}/?code=${encodeURIComponent(j.activationCode!)}`);
    const img = await app.shot('04-activate-qr', (i) => qrMatch(i, j.activationUrl!).match > 0.97, 30000);
    const qr = qrMatch(img, j.activationUrl!);
    console.log(
      `[wpe] QR on screen: ${(qr.match * 100).toFixed(1)}% of ${qr.modules}x${qr.modules} modules match (level ${qr.level})`,
    );
    expect(qr.match).toBeGreaterThan(0.97);
  });

  it('signs in (MVPD login completed through the emulator) and lands on the catalog with posters', async () => {
    const { activationCode } = await app.journey();
    const bob = await subscriber(stack, 'bob');
    await admin(stack, 'POST', `sessions/${activationCode}/complete`, {
      username: bob.username,
      password: bob.password,
    });
    await app.waitForState((x) => x.route === 'activate' && x.focusedLabel === 'Start watching', POLL_MS + 5000);
    await app.press('Enter');
    await app.waitForState((x) => x.route === 'catalog', 15000);
    const decided = await app.waitForJourney(
      (x) => x.titles.length > 0 && x.titles.every((t) => t.access !== 'unknown'),
      20000,
    );
    const catalog = (await (await fetch(`${stack.emu.programmerUrl}/catalog`)).json()) as {
      rows: Array<{ items: Array<{ id: string; resource: string; posterUrl: string }> }>;
    };
    const items = catalog.rows.flatMap((r) => r.items);
    const entitled = new Set(['DEMOTV', 'DEMOTV-KIDS']);
    const first = items.find((it) => it.id === decided.titles[0]!.id)!;
    expect(entitled.has(channelOf(first.resource))).toBe(true);
    expect(decided.titles[0]!.access).toBe('unlocked');

    await app.waitForState((x) => x.focusedLabel === decided.titles[0]!.title);
    const poster = await fetchPng(first.posterUrl);
    const other = await fetchPng(items[items.length - 1]!.posterUrl);
    const inner = (i: Image, b: Box): Box => shrink(onScreen(i, b), 0.08);
    const { img, st } = await settled(
      '05-catalog',
      (i, x) =>
        !!x.focusedBounds &&
        looksLike(i, inner(i, x.focusedBounds), poster) > 0.5 &&
        ringPixels(i, x.focusedBounds) > ringNeeded(i, x.focusedBounds),
    );
    catalogFrame = img;
    const box = inner(img, st.focusedBounds!);
    const score = looksLike(img, box, poster);
    const control = looksLike(img, box, other);
    console.log(
      `[wpe] catalog: focused poster matches its image ${(score * 100).toFixed(0)}% ` +
        `(another row's poster: ${(control * 100).toFixed(0)}%), ${distinctColours(img, box)} colours in the tile`,
    );
    expect(score).toBeGreaterThan(0.5);
    expect(score).toBeGreaterThan(control + 0.2);
    expectFocusRing(img, st.focusedBounds!, 'the focused poster');
  });

  it('scrolls the catalog (FPS printed) and plays an entitled title: time advances, the frame is on screen', async () => {
    // FPS while scrolling: count animation frames in the page during a burst of remote presses.
    await app.engine.session.execute(
      'window.__wpeFrames = 0; (function f(){ window.__wpeFrames++; if (!window.__wpeStop) requestAnimationFrame(f); })(); ' +
        'window.__wpeT0 = performance.now();',
    );
    await app.press('Right', 6, 150);
    await app.press('Down', 2, 250);
    await app.press('Up', 2, 250);
    await app.press('Left', 6, 150);
    const fps = await app.engine.session.execute<{ frames: number; ms: number }>(
      'window.__wpeStop = true; return { frames: window.__wpeFrames, ms: performance.now() - window.__wpeT0 };',
    );
    console.log(
      `[wpe] FPS while scrolling the catalog: ${((fps.frames * 1000) / fps.ms).toFixed(1)} ` +
        `(${fps.frames} frames in ${(fps.ms / 1000).toFixed(1)} s, ${VIEW.width}x${VIEW.height}, software GL)`,
    );
    const decided = await app.journey();
    await app.waitForState((x) => x.focusedLabel === decided.titles[0]!.title, 5000);

    await app.press('Enter');
    const playing = await app.waitForJourney(
      (j) => j.playerPhase === 'playing' && !!j.player && j.player.readyState >= 2,
      30000,
    );
    const t1 = playing.player!.currentTime;
    const decodedAt = (): Promise<number> =>
      app.engine.session.execute<number>(
        "var v = document.querySelector('video'); if (!v) return -1; " +
          'if (v.getVideoPlaybackQuality) return v.getVideoPlaybackQuality().totalVideoFrames; ' +
          'return v.webkitDecodedFrameCount !== undefined ? v.webkitDecodedFrameCount : -1;',
      );
    const d1 = await decodedAt();
    await app.waitForJourney((j) => !!j.player && j.player.currentTime > t1 + 1, 15000);
    // The sample clip is 12 s long: look at the display while it plays, once it no longer shows the
    // catalog (frames reach the display late under load).
    const centreOf = (i: Image): Box => onScreen(i, { x: 480, y: 270, w: 960, h: 540 });
    const notCatalog = (i: Image): boolean => !catalogFrame || changedShare(catalogFrame, i, centreOf(i)) > 0.5;
    let a = await app.rawShot('06-player');
    for (let n = 0; n < 40 && !notCatalog(a); n++) a = await app.rawShot('06-player');
    await new Promise((r) => setTimeout(r, 1500));
    const b = await app.rawShot('07-player-later');
    const t2 = (await app.journey()).player!.currentTime;
    const d2 = await decodedAt();
    console.log(`[wpe] player: currentTime ${t1.toFixed(2)} → ${t2.toFixed(2)} s, decoded frames ${d1} → ${d2}`);
    expect(t2).toBeGreaterThan(t1 + 1);
    if (d1 >= 0) expect(d2).toBeGreaterThan(d1);
    // The app draws only its controls; the picture under the transparent stage is the video's. If the
    // video did not reach the display, the centre would be the page's flat black.
    const centre = centreOf(a);
    expect(notCatalog(a)).toBe(true);
    const colours = distinctColours(a, centre);
    const black = countNear(a, [0, 0, 0], centre, 12) / (centre.w * centre.h);
    const moved = changedShare(a, b, fullBox(a));
    console.log(
      `[wpe] player frame: ${colours} colours and ${(black * 100).toFixed(0)}% black in the centre, ` +
        `${(moved * 100).toFixed(1)}% of the screen changed in 1.5 s`,
    );
    expect(colours).toBeGreaterThan(20);
    expect(black).toBeLessThan(0.5);
    expect(moved).toBeGreaterThan(0.002);
  });

  it('Back stops playback; Account → Sign out returns to the provider picker', async () => {
    await app.press('Back');
    await app.waitForState((x) => x.route === 'catalog');
    await app.waitForJourney((j) => !j.player || (!j.player.hasSource && j.player.paused), 5000);
    await app.press('Up');
    await app.waitForState((x) => x.focusedLabel === 'Account');
    await app.press('Enter');
    await app.waitForState((x) => x.route === 'account' && x.focusedLabel === 'Sign out');
    const account = await settled(
      '08-account',
      (i, x) => ringPixels(i, x.focusedBounds) > ringNeeded(i, x.focusedBounds!),
    );
    expectFocusRing(account.img, account.st.focusedBounds!, 'Sign out');
    await app.press('Enter');
    await app.waitForState((x) => x.dialog === 'error' && x.focusedLabel === 'Sign out');
    await app.press('Enter');
    await app.waitForState((x) => x.route === 'providers' && x.focusedLabel === 'Acme Cable', 15000);
    await app.shot('09-signed-out');
    expect(app.errors()).toEqual([]);
  });
});
