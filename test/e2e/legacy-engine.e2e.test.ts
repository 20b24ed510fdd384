/**
 * The ES5 device build (dist/es5) on a Chromium-47-like API surface (bench/lib/legacy.ts deletes the
 * built-ins Tizen 2017 lacks before the app starts): the first-launch journey still reaches the
 * provider picker, signs in, shows the catalog and opens the player, with no uncaught error. This is
 * what checks that the trimmed polyfills (scripts/lib/polyfills.ts) cover what the code calls.
 */
import { join } from 'node:path';
import { startEmulator } from '../../emulator/src/server';
import { openBrowser, type BenchBrowser } from '../../bench/lib/browser';
import { READY, ROOT } from '../../bench/lib/apps';
import { KEY, emuRewrite, pressUntilNavigated, signIn, waitFor, type Emu } from '../../bench/lib/drive';
import { legacyShim } from '../../bench/lib/legacy';

describe('dist/es5 without the built-ins Chromium 47 lacks', () => {
  let emu: Emu;
  let b: BenchBrowser;
  const errors: string[] = [];

  beforeAll(async () => {
    emu = await startEmulator({ adobePort: 0, programmerPort: 0, quiet: true });
    b = await openBrowser({
      dir: join(ROOT, 'dist', 'es5'),
      readyExpr: READY.providers,
      rewrite: emuRewrite(emu),
      initScripts: [legacyShim()],
    });
    b.page.on('pageerror', (e) => errors.push(e.message));
    b.page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await b.page.goto(b.url);
  });

  afterAll(async () => {
    if (b) await b.close();
    if (emu) await emu.close();
  });

  it('the shim took the built-ins away, and the polyfills put back only what the code needs', async () => {
    await b.readyAt();
    const state = (await b.page.evaluate(`({
      deleted: window.__legacyDeleted,
      entries: typeof Object.entries,
      finallyFn: typeof Promise.prototype.finally,
      fromEntries: typeof Object.fromEntries,
      usp: typeof window.URLSearchParams,
    })`)) as { deleted: string[]; entries: string; finallyFn: string; fromEntries: string; usp: string };
    expect(state.deleted).toEqual(
      expect.arrayContaining([
        'Object.entries',
        'Promise.prototype.finally',
        'window.URLSearchParams',
        'window.Reflect',
      ]),
    );
    expect(state).toMatchObject({
      entries: 'function',
      finallyFn: 'function',
      fromEntries: 'undefined',
      usp: 'undefined',
    });
  });

  it('signs in through the second screen and reaches the catalog', async () => {
    await signIn(b, emu);
    const titles = (await b.page.evaluate(`window.__tveJourney.titles().length`)) as number;
    expect(titles).toBeGreaterThan(0);
  });

  it('opens the player on OK, with no uncaught error on the way', async () => {
    await pressUntilNavigated(b, KEY.enter, `/^play/.test(window.__tve.route())`);
    await waitFor(b, `['playing', 'error', 'ended'].indexOf(window.__tveJourney.playerPhase) >= 0`);
    expect(await b.page.evaluate(`window.__tveJourney.playerPhase`)).toBe('playing');
    // Resource errors (a poster or logo the emulator does not serve) are not script errors.
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
