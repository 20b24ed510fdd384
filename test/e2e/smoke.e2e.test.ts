/**
 * Smoke journey, on the dev build (build/) and the ES5 device build (dist/es5): the app renders through
 * WebGL (SwiftShader), arrows move focus, Back on a home route opens the exit dialog with Cancel
 * focused, OK on Cancel closes it. The app talks to an in-process emulator on random ports.
 */
import { AppSession, emulatorUrls, launchApp, startTestEmulator } from './harness';

const HOME_ROUTES = ['splash', 'providers', 'catalog'];

describe.each([['build'], ['dist/es5']])('smoke journey on %s', (dir) => {
  let emu: Awaited<ReturnType<typeof startTestEmulator>>;
  let app: AppSession;

  beforeAll(async () => {
    emu = await startTestEmulator();
    app = await launchApp({ dir, rewrite: emulatorUrls(emu) });
  });

  afterAll(async () => {
    if (app) await app.close();
    if (emu) await emu.close();
  });

  it('renders with WebGL and lands on a focused home route', async () => {
    // Past the splash: the provider picker (signed out) or the catalog.
    const s = await app.waitForState(
      (st) => st.ready && (st.route === 'providers' || st.route === 'catalog') && st.focusedLabel !== null,
      30000,
    );
    expect(HOME_ROUTES).toContain(s.route);
    expect(s.renderer).toBe('webgl');
    expect(s.focusedLabel).not.toBeNull();
    // Once the splash has faded out, one full-screen layer: the page's background (every extra one is a
    // full-screen fill per frame).
    const settled = await app.waitForState((st) => st.fullScreenLayers.join() === 'Background', 5000);
    expect(settled.fullScreenLayers).toEqual(['Background']);
    await app.screenshot(`smoke-${dir.replace('/', '-')}-home`);
  });

  it('arrow keys move the focus', async () => {
    const before = await app.state();
    let after = before;
    for (const key of ['Right', 'Down', 'Left', 'Up'] as const) {
      await app.press(key);
      after = await app.state();
      if (after.focusedLabel !== before.focusedLabel || after.focusPath.join('/') !== before.focusPath.join('/')) break;
    }
    expect(`${after.focusPath.join('/')}:${after.focusedLabel}`).not.toBe(
      `${before.focusPath.join('/')}:${before.focusedLabel}`,
    );
  });

  it('Back on home opens the exit dialog with Cancel focused; OK on Cancel closes it', async () => {
    const before = await app.state();
    await app.press('Back');
    const open = await app.waitForState((s) => s.dialog === 'exit');
    expect(open.focusedLabel).toBe('Cancel');
    await app.screenshot(`smoke-${dir.replace('/', '-')}-exit-dialog`);
    await app.press('Enter');
    const closed = await app.waitForState((s) => s.dialog === null);
    expect(closed.route).toBe(before.route);
    expect(closed.focusedLabel).toBe(before.focusedLabel);
  });

  it('the pointer focuses on hover and selects on click (LG Magic Remote), inside the safe area', async () => {
    await app.press('Back');
    await app.waitForState((s) => s.dialog === 'exit');
    const cancel = (await app.state()).focusedBounds!;
    await app.press('Right');
    const exit = (await app.waitForState((s) => s.focusedLabel === 'Exit')).focusedBounds!;
    // Focus (box after the focus scale-up) stays inside the 5% safe area.
    for (const b of [cancel, exit]) {
      expect(b.x).toBeGreaterThanOrEqual(96);
      expect(b.y).toBeGreaterThanOrEqual(54);
      expect(b.x + b.w).toBeLessThanOrEqual(1920 - 96);
      expect(b.y + b.h).toBeLessThanOrEqual(1080 - 54);
    }
    await app.pointer(cancel.x + cancel.w / 2, cancel.y + cancel.h / 2);
    await app.waitForState((s) => s.focusedLabel === 'Cancel');
    await app.pointer(exit.x + exit.w / 2, exit.y + exit.h / 2);
    await app.waitForState((s) => s.focusedLabel === 'Exit');
    await app.pointer(cancel.x + cancel.w / 2, cancel.y + cancel.h / 2, true);
    await app.waitForState((s) => s.dialog === null);
  });

  it('Escape is Back in the browser too (and Back inside the dialog cancels it)', async () => {
    await app.press('Escape');
    await app.waitForState((s) => s.dialog === 'exit');
    await app.press('Back');
    await app.waitForState((s) => s.dialog === null);
  });

  it('logs no page errors', () => {
    expect(app.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});

describe('platform key maps and switches in the browser (build/)', () => {
  let emu: Awaited<ReturnType<typeof startTestEmulator>>;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => {
    if (emu) await emu.close();
  });

  it.each([
    ['webos', 461],
    ['tizen', 10009],
    ['rdk', 8],
  ])('?platform=%s: key %i is Back and opens the exit dialog', async (platform, code) => {
    const app = await launchApp({ dir: 'build', query: `?platform=${platform}`, rewrite: emulatorUrls(emu) });
    try {
      const s = await app.waitForState((st) => st.ready && st.route !== 'splash' && st.focusedLabel !== null, 30000);
      expect(s.platform).toBe(platform);
      await app.press(code);
      await app.waitForState((st) => st.dialog === 'exit');
      await app.press('Enter');
      await app.waitForState((st) => st.dialog === null);
    } finally {
      await app.close();
    }
  });

  it('?canvas2d=1 renders without WebGL', async () => {
    const app = await launchApp({ dir: 'build', query: '?canvas2d=1', rewrite: emulatorUrls(emu) });
    try {
      const s = await app.waitForState((st) => st.ready && st.focusedLabel !== null, 30000);
      expect(s.renderer).toBe('canvas2d');
      await app.screenshot('smoke-build-canvas2d');
    } finally {
      await app.close();
    }
  });
});
