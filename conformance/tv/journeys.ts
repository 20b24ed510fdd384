/**
 * The TV journeys of the browser phase: the real TV build in Chromium, remote keys only (plus the
 * emulator's admin API for what happens off the TV: the subscriber's MVPD login, faults, the media
 * token verifier). Step names carry meaning for the checks: `picker…` = the user must choose a
 * provider (configuration allowed), `play-…` = OK on a title, `logout-…` = the confirmed sign-out.
 */
import type { AppState } from '../../test/e2e/harness';
import type { Emulator } from '../lib/emulator';
import { sleep, type JourneyScope, type Recorder } from '../lib/recorder';
import { pollsOf } from '../checks/util';
import { focusPickerTile } from '../../test/e2e/journeys/support';
import { INPUT_GUARD_MS } from '../../src/controllers/input-guard';
import { BrowserTv } from './browser';
import type { PlayFacts, TvFacts } from './facts';

/** Media token lifetime during the TV phase, so a real player outlives its token within seconds (clips are 12 s). */
export const MEDIA_TOKEN_TTL_MS = 5000;
/** The shipped configuration cache (settings.json) and the value one TV runs with. */
const SHIPPED_CONFIG_TTL = '"configCacheTtlMs": 180000';
const SHORT_CONFIG_TTL_MS = 2000;
export const DEVICE_ID_KEY = 'tve.deviceId';
export const storageKey = (name: string) => `tve.adobePass.DEMOTV.${name}`;

const PICKER = (s: AppState) => s.route === 'providers' && /Tile/.test(s.focusPath.join('/')) && !!s.focusedLabel;
const CATALOG = (s: AppState) => s.route === 'catalog' && /PosterTile/.test(s.focusPath.join('/'));
/** The catalog ignores OK for INPUT_GUARD_MS after it opens; a little more. */
const CATALOG_GUARD_MS = INPUT_GUARD_MS + 100;

type Opened = { tv?: BrowserTv };

async function launched(facts: TvFacts, journey: string, tv: BrowserTv, label: string, step: string): Promise<void> {
  facts.launches.push({ journey, label, build: tv.build, step, storedDeviceId: await tv.localStorage(DEVICE_ID_KEY) });
}

/** Fresh TV (empty storage) up to the provider picker, all inside one picker step. */
async function firstBoot(
  j: JourneyScope,
  emu: Emulator,
  facts: TvFacts,
  journey: string,
  held: Opened,
  rewrite?: Record<string, string>,
): Promise<BrowserTv> {
  const tv = await j.step('picker-first-boot', async () => {
    held.tv = await BrowserTv.open(emu, { rewrite });
    await held.tv.waitFor(PICKER, 'the provider picker on first launch', 45_000);
    return held.tv;
  });
  await launched(facts, journey, tv, 'first launch', 'picker-first-boot');
  return tv;
}

/** Moves the picker's focus to the tile with this label (test/e2e/journeys/support.ts walks it from the hook). */
async function focusTile(tv: BrowserTv, label: string): Promise<void> {
  // The picker may still be loading its list (keys pressed then are lost): wait for its first tile.
  await tv.waitFor(PICKER, 'the provider picker with its tiles', 30_000);
  await focusPickerTile(tv.app, label);
}

async function showCode(
  j: JourneyScope,
  tv: BrowserTv,
  facts: TvFacts,
  journey: string,
  step: string,
  tile: string,
): Promise<string> {
  return j.step(step, async () => {
    await focusTile(tv, tile);
    await tv.press('Enter');
    const shown = await tv.waitForJourney((x) => !!x.activationCode, 'an activation code', 20_000);
    facts.codes.push({ journey, code: shown.activationCode! });
    return shown.activationCode!;
  });
}

async function waitForPolls(emu: Emulator, code: string, n: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    await emu.sync();
    if (pollsOf(emu.journal, code).length >= n) return;
    await sleep(250);
  }
  throw new Error(`code ${code} was polled fewer than ${n} times in ${timeoutMs / 1000} s`);
}

/** The subscriber signs in at the MVPD (off the TV); the TV confirms and opens the catalog. */
async function signIn(
  j: JourneyScope,
  emu: Emulator,
  tv: BrowserTv,
  code: string,
  user: string,
  step: string,
  mvpd?: string,
) {
  await j.step(step, async () => {
    await emu.complete(code, user, mvpd);
    await tv.waitFor(
      (s) => s.route === 'activate' && s.focusedLabel === 'Start watching',
      'the sign-in confirmation',
      20_000,
    );
    await tv.press('Enter'); // the viewer does not wait for the confirmation to move on by itself
    await tv.waitFor(CATALOG, 'the catalog after signing in', 20_000);
    await decided(tv);
  });
}

/** Every title's access is known (the catalog's preauthorization answered). */
const decided = (tv: BrowserTv) =>
  tv.waitForJourney(
    (x) => x.titles.length > 0 && x.titles.every((t) => t.access !== 'unknown'),
    'preauthorized titles',
    20_000,
  );

async function focusTitle(tv: BrowserTv, title: string): Promise<void> {
  await tv.waitFor(CATALOG, 'a poster in focus', 20_000);
  await tv.press('Left', 8);
  for (let i = 0; i < 10; i++) {
    if ((await tv.state()).focusedLabel === title) return;
    await tv.press('Right');
  }
  throw new Error(`title "${title}" not found in the catalog's first row`);
}

/** OK on a title; ends when the player reached a settled phase (and, when it must not play, a moment later). */
async function play(
  j: JourneyScope,
  tv: BrowserTv,
  facts: TvFacts,
  journey: string,
  step: string,
  title: string,
  expect: PlayFacts['expect'],
): Promise<PlayFacts> {
  await focusTitle(tv, title);
  const id = (await tv.journey()).titles.find((t) => t.title === title)?.id ?? '?';
  await sleep(CATALOG_GUARD_MS);
  const m0 = tv.media.length;
  const settled = await j.step(step, async () => {
    await tv.press('Enter');
    const x = await tv.waitForJourney(
      (p) => ['playing', 'denied', 'error', 'ended'].indexOf(p.playerPhase ?? '') >= 0,
      `the player after OK on "${title}"`,
      25_000,
    );
    if (expect === 'no-play') await sleep(1000); // a stream opened despite the refusal would show by now
    return x;
  });
  const p: PlayFacts = {
    journey,
    step,
    title,
    id,
    expect,
    phase: settled.playerPhase,
    message: settled.message,
    media: tv.media.slice(m0),
  };
  facts.plays.push(p);
  for (const m of p.media) if (m.token) facts.tokens.push(m.token);
  return p;
}

async function backToCatalog(tv: BrowserTv): Promise<void> {
  // Back on the catalog itself would open the exit dialog.
  if ((await tv.state()).route.startsWith('play')) await tv.press('Back');
  await tv.waitFor(CATALOG, 'the catalog after Back', 20_000);
}

async function toAccount(tv: BrowserTv): Promise<void> {
  await tv.waitFor((s) => s.route === 'catalog', 'the catalog', 20_000);
  for (let i = 0; i < 6 && (await tv.state()).focusedLabel !== 'Account'; i++) await tv.press('Up');
  await tv.press('Enter');
  await tv.waitFor((s) => s.route === 'account' && s.focusedLabel === 'Sign out', 'Account with Sign out focused');
}

/** Account → Sign out (opens the confirmation) → Sign out (confirmed): only the second press may log out. */
async function signOut(j: JourneyScope, emu: Emulator, tv: BrowserTv, facts: TvFacts, journey: string, mvpd: string) {
  await toAccount(tv);
  await j.step('open-sign-out', async () => {
    await tv.press('Enter');
    await tv.waitFor((s) => s.dialog !== null && s.focusedLabel === 'Sign out', 'the sign-out confirmation');
  });
  const step = `logout-${mvpd}`;
  const after = await j.step(step, async () => {
    await tv.press('Enter');
    return tv.waitFor(PICKER, 'the provider picker after signing out', 20_000);
  });
  const fixtures = await emu.admin<{ mvpds: Array<{ id: string; hasLogoutEndpoint?: boolean }> }>('GET', 'fixtures');
  facts.logouts.push({
    journey,
    step,
    mvpd,
    hasLogoutPage: fixtures.mvpds.some((m) => m.id === mvpd && m.hasLogoutEndpoint === true),
    route: after.route,
    toast: (await tv.state()).toast ?? after.toast,
    profileAfter: await tv.localStorage(storageKey('profile')),
  });
}

/**
 * First launch on build/: picker → Acme Cable → code (its first poll fails with a 503) → bob signs in
 * → play an entitled title and keep watching past the media token's expiry → play it again → a title
 * the preauthorization denied → a permitted title the MVPD refuses at playback → relaunch → update to
 * dist/es5 with the same storage → storage read → Account → Sign out (Acme has an MVPD logout page).
 */
export async function firstLaunchTvJourney(emu: Emulator, rec: Recorder, facts: TvFacts): Promise<void> {
  const J = 'tv-first-launch';
  const held: Opened = {};
  try {
    await rec.journey(J, async (j) => {
      const tv = await firstBoot(j, emu, facts, J, held);
      // Item 11: the code's first poll answers 503; the cadence must hold with the client's retries included.
      await emu.fault({ method: 'GET', path: '/profiles/code/' }, 1, {
        type: 'status',
        status: 503,
        body: 'unavailable',
      });
      const code = await showCode(j, tv, facts, J, 'code-acme', 'Acme Cable');
      await waitForPolls(emu, code, 3, 30_000);
      await signIn(j, emu, tv, code, 'bob', 'sign-in-acme');
      const titles = (await tv.journey()).titles;
      const entitled = titles.find((t) => t.access === 'unlocked');
      const locked = titles.find((t) => t.access === 'locked');
      if (!entitled || !locked) throw new Error('bob should see one unlocked and one locked title in the first row');

      // Items 16, 20, 21, 24: a real player, a token that lapses while it plays.
      const first = await play(j, tv, facts, J, 'play-1-entitled', entitled.title, 'play');
      const token = first.media.find((m) => m.token)?.token;
      if (!token) throw new Error('the stream was opened without a media token');
      const opened = first.media.find((m) => m.token)!.at;
      const reuse = await fetch(
        `${emu.programmerUrl}${first.media.find((m) => m.token)!.path}?mediaToken=${encodeURIComponent(token)}`,
      );
      facts.watch = { verifier: '', lapsedAfterMs: 0, samples: [], mediaAfter: [], reuseStatus: reuse.status };
      await j.step('watching-past-media-token-expiry', async () => {
        const w = facts.watch!;
        const until = Date.now() + MEDIA_TOKEN_TTL_MS + 10_000;
        while (Date.now() < until) {
          const v = await emu.admin<{ result: string }>('GET', `verify-media-token?token=${encodeURIComponent(token)}`);
          w.verifier = v.result;
          if (v.result !== 'VALID_TOKEN') break;
          await sleep(250);
        }
        const lapsed = Date.now();
        w.lapsedAfterMs = lapsed - opened;
        for (let i = 0; i < 7; i++) {
          const x = await tv.journey();
          w.samples.push({ at: Date.now() - lapsed, phase: x.playerPhase, currentTime: x.player?.currentTime ?? -1 });
          await sleep(500);
        }
        w.mediaAfter = tv.media.filter((m) => m.at >= lapsed);
      });
      await backToCatalog(tv);
      await play(j, tv, facts, J, 'play-2-same-title-again', entitled.title, 'play');
      await backToCatalog(tv);
      await play(j, tv, facts, J, 'play-3-denied-by-preauthorization', locked.title, 'no-play');
      await backToCatalog(tv);
      // The preauthorization permitted this title; the MVPD refuses it at playback time.
      await emu.fault({ method: 'POST', path: '/decisions/authorize/' }, 1, {
        type: 'enhanced-error',
        code: 'authorization_denied_by_mvpd',
        itemLevel: true,
        message: 'Blackout in your area.',
        details: 'Regional blackout',
      });
      await play(j, tv, facts, J, 'play-4-permitted-then-refused', entitled.title, 'no-play');
      await backToCatalog(tv);

      // Item 31: relaunch, then an app update (dist/es5 replaces build/ on the same origin and storage).
      // The id is read as soon as the app runs, so a changed id is on record even if the journey stops here.
      await j.step('relaunch', async () => {
        await tv.relaunch();
        await tv.waitFor((s) => s.ready, 'the relaunched app', 30_000);
        await launched(facts, J, tv, 'relaunch', 'relaunch');
        await tv.waitFor(CATALOG, 'the catalog after a relaunch', 30_000);
        await decided(tv);
      });
      await j.step('update-to-dist-es5', async () => {
        await tv.update('dist/es5');
        await tv.waitFor((s) => s.ready, 'the updated app', 40_000);
        await launched(facts, J, tv, 'update (dist/es5)', 'update-to-dist-es5');
        await tv.waitFor(CATALOG, 'the catalog after the update', 40_000);
        await decided(tv);
      });
      facts.atRest = await tv.atRest(); // item 41
      await signOut(j, emu, tv, facts, J, 'AcmeCable');
    });
  } finally {
    await held.tv?.close();
  }
}

/**
 * Two sign-ins on one TV (Acme, then NorthStar through the picker opened by its route), then the cached
 * provider and profile entries are removed (constructed: app data partly cleared, as in the Node
 * several-profiles journey) so that the relaunch finds both profiles and shows the profile chooser.
 */
export async function profileChooserTvJourney(emu: Emulator, rec: Recorder, facts: TvFacts): Promise<void> {
  const J = 'tv-profile-chooser';
  const held: Opened = {};
  try {
    await rec.journey(J, async (j) => {
      const tv = await firstBoot(j, emu, facts, J, held);
      const acme = await showCode(j, tv, facts, J, 'code-acme', 'Acme Cable');
      await signIn(j, emu, tv, acme, 'alice', 'sign-in-acme');
      // Account → "Add a provider": a code for one more MVPD, chosen on the phone (the signed-in TV asks
      // for no configuration).
      await toAccount(tv);
      const north = await j.step('code-northstar', async () => {
        for (let i = 0; i < 4 && (await tv.state()).focusedLabel !== 'Add a provider'; i++) await tv.press('Right');
        await tv.waitFor((s) => s.focusedLabel === 'Add a provider', '"Add a provider" focused');
        await tv.press('Enter');
        const shown = await tv.waitForJourney((x) => !!x.activationCode, 'an activation code', 20_000);
        facts.codes.push({ journey: J, code: shown.activationCode! });
        return shown.activationCode!;
      });
      await signIn(j, emu, tv, north, 'alice', 'sign-in-northstar', 'NorthStarFiber');
      await tv.removeLocal([storageKey('provider'), storageKey('profile')]);
      await j.step('relaunch-profile-chooser', async () => {
        await tv.relaunch();
        await tv.waitFor(
          (s) => s.route === 'splash' && / · /.test(s.focusedLabel ?? ''),
          'the profile chooser',
          30_000,
        );
      });
      await launched(facts, J, tv, 'relaunch (profile chooser)', 'relaunch-profile-chooser');
      for (let i = 0; i < 3; i++) {
        const label = (await tv.state()).focusedLabel ?? '';
        if (facts.chooser.indexOf(label) < 0) facts.chooser.push(label);
        await tv.press('Down');
      }
      await tv.press('Up', 3);
      await j.step('choose-profile', async () => {
        await tv.press('Enter');
        await tv.waitFor(CATALOG, 'the catalog after choosing a profile', 20_000);
        await decided(tv);
      });
      const title = (await tv.journey()).titles[0]!.title;
      await play(j, tv, facts, J, 'play-chosen-profile', title, 'play');
      await backToCatalog(tv);
    });
  } finally {
    await held.tv?.close();
  }
}

/**
 * The provider is chosen on the phone: the TV creates a code without one; the subscriber signs in
 * with NorthStar Fiber (no MVPD logout page) while the TV's configuration cache lapses (this TV runs
 * with a 2 s cache, standing in for the minutes a viewer spends on the phone); the TV learns the
 * provider; Account → Sign out.
 */
export async function phoneChoiceTvJourney(emu: Emulator, rec: Recorder, facts: TvFacts): Promise<void> {
  const J = 'tv-phone-chooses-provider';
  const held: Opened = {};
  facts.notes.push(`${J}: configuration cache ${SHORT_CONFIG_TTL_MS / 1000} s (shipped 180 s)`);
  try {
    await rec.journey(J, async (j) => {
      const rewrite = { [SHIPPED_CONFIG_TTL]: `"configCacheTtlMs": ${SHORT_CONFIG_TTL_MS}` };
      const tv = await firstBoot(j, emu, facts, J, held, rewrite);
      const code = await showCode(j, tv, facts, J, 'code-choose-on-phone', 'Choose on phone');
      await sleep(SHORT_CONFIG_TTL_MS + 500);
      await signIn(j, emu, tv, code, 'alice', 'sign-in-chosen-on-phone', 'NorthStarFiber');
      facts.phoneChosen = (await tv.localStorage(storageKey('provider'))) ?? undefined;
      await signOut(j, emu, tv, facts, J, 'NorthStarFiber');
    });
  } finally {
    await held.tv?.close();
  }
}
