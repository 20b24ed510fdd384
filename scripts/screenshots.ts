/**
 * Screenshots of every screen in English and Spanish (issue 13: look at the Spanish ones for text that no
 * longer fits): `npm run screenshots` after `npm run build`. Not part of `npm test`.
 *
 * For each language it starts the emulator stack and the built app (build/, or TVE_E2E_DIR) in Chromium
 * through the browser journeys' harness (test/e2e/journeys/support.ts), with the language stored as the
 * viewer's setting, and walks: splash, picker, search (matches, no match), activation code, success,
 * catalog (a locked title), player (captions on), a denied title, Account with its settings row, the
 * sign-out question, a failure panel and the exit dialog. Files: test-results/screenshots/{en,es}/NN-name.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppSession } from '../test/e2e/harness';
import { ROOT, SCREENSHOT_DIR } from '../test/e2e/harness';
import { admin, launchTv, startStack, subscriber, waitForJourney, type Stack } from '../test/e2e/journeys/support';

type Lang = 'en' | 'es';
const TRANSLATIONS = JSON.parse(readFileSync(join(ROOT, 'static', 'translations.json'), 'utf8')) as Record<
  Lang,
  Record<string, string>
>;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The viewer's stored settings before the app starts (the language; captions on for the player shot). */
async function prepare(app: AppSession, lang: Lang): Promise<void> {
  await app.page.addInitScript((language: string) => {
    if (sessionStorage.getItem('shots-seeded')) return;
    const prefs = { voiceGuidance: false, language, captions: { enabled: true } };
    localStorage.setItem('tve.preferences', JSON.stringify({ v: 1, data: prefs }));
    sessionStorage.setItem('shots-seeded', '1');
  }, lang);
  await app.page.reload({ waitUntil: 'load' });
}

/** The caption lines on screen (the journey hook, src/pages/hooks.ts). */
function captionLines(app: AppSession): Promise<string[]> {
  return app.page.evaluate(
    () => (window as unknown as { __tveJourney: { captions(): { lines: string[] } } }).__tveJourney.captions().lines,
  );
}

async function walk(lang: Lang): Promise<string[]> {
  const text = (key: string): string => TRANSLATIONS[lang][key] ?? key;
  const dir = join(SCREENSHOT_DIR, lang);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let n = 0;
  const stack: Stack = await startStack();
  // Splash: the registration is held for a moment so it can be seen. Twice: the first launch's and the
  // relaunch's below (the first one's answer has not come back by then, so the app registers again).
  await admin(stack, 'POST', 'faults', {
    match: { path: '^/o/client/register' },
    count: 2,
    fault: { type: 'latency', ms: 4000 },
  });
  const app = await launchTv(stack);
  const shot = async (name: string): Promise<void> => {
    await sleep(400); // transitions (focus scale, fades) settle
    const file = join(dir, `${String(++n).padStart(2, '0')}-${name}.png`);
    await app.page.screenshot({ path: file });
    files.push(file);
  };
  try {
    await prepare(app, lang);
    await sleep(1200);
    await shot('splash');

    // Picker, then the search: a word that matches, then one that does not.
    await app.waitForState((s) => s.route === 'providers' && s.focusedLabel === 'Acme Cable', 30000);
    await shot('providers');
    await app.press('Up');
    await app.press('Enter');
    await app.press(67); // "C"
    await app.press(65); // "A"
    await shot('providers-search');
    for (const code of [88, 88, 88]) await app.press(code); // "CAXXX"
    await shot('providers-no-match');
    for (let i = 0; i < 6; i++) await app.press('Back'); // erase, then close the search
    await app.waitForState((s) => s.route === 'providers' && !!s.focusedLabel);
    for (let i = 0; i < 3 && (await app.state()).focusedLabel !== 'Acme Cable'; i++) await app.press('Down');
    await app.waitForState((s) => s.focusedLabel === 'Acme Cable');

    // Activation: the code, then the confirmation once the phone side signs in.
    await app.press('Enter');
    const j = await waitForJourney(app, (x) => !!x.activationCode, 15000);
    await app.waitForState((s) => s.route === 'activate' && s.focusedLabel === text('activate.getNewCode'));
    await shot('activate-code');
    const bob = await subscriber(stack, 'bob');
    await admin(stack, 'POST', `sessions/${j.activationCode}/complete`, {
      username: bob.username,
      password: bob.password,
    });
    await app.waitForState((s) => s.focusedLabel === text('activate.startWatching'), 15000);
    await sleep(150);
    await app.page.screenshot({ path: join(dir, `${String(++n).padStart(2, '0')}-activate-success.png`) });
    files.push(join(dir, `${String(n).padStart(2, '0')}-activate-success.png`));
    await app.press('Enter');

    // Catalog: the first title, then the locked one next to it.
    await app.waitForState((s) => s.route === 'catalog');
    await waitForJourney(app, (x) => x.titles.length > 0 && x.titles.every((t) => t.access !== 'unknown'), 15000);
    await shot('catalog');
    await app.press('Right');
    await shot('catalog-locked');
    await app.press('Left');

    // Player with captions (the stored choice), then back; a denied title.
    await app.press('Enter');
    await waitForJourney(app, (x) => x.playerPhase === 'playing' && !!x.player && x.player.readyState >= 2, 20000);
    await app.press('Up');
    // A caption cue on screen (the stored choice turned captions on), if one comes within a few seconds.
    const deadline = Date.now() + 8000;
    while (Date.now() < deadline && !(await captionLines(app)).length) await sleep(100);
    await shot('player-captions');
    await app.press('Back');
    await app.press('Back');
    await app.waitForState((s) => s.route === 'catalog', 15000);
    await sleep(1500); // the catalog's answers land (rows rebuilt on the remembered focus)
    await app.press('Right');
    await app.press('Enter');
    await waitForJourney(app, (x) => x.playerPhase === 'denied', 15000);
    await shot('player-denied');
    await app.press('Back');
    await app.waitForState((s) => s.route === 'catalog', 15000);

    // Account: the profile and actions, the settings row, the sign-out question.
    await app.press('Up');
    await app.waitForState((s) => s.focusedLabel === text('common.account'));
    await app.press('Enter');
    await app.waitForState((s) => s.route === 'account' && s.focusedLabel === text('account.signOut'));
    await shot('account');
    await app.press('Down');
    await app.press('Right');
    await app.press('Right');
    await shot('account-settings');
    await app.press('Up');
    await app.press('Enter');
    await app.waitForState((s) => s.dialog !== null);
    await shot('account-sign-out-question');
    await app.press('Back');
    await app.waitForState((s) => s.dialog === null);

    await app.press('Back');
    await app.waitForState((s) => s.route === 'catalog', 15000);

    // The exit dialog.
    await app.press('Back');
    await app.waitForState((s) => s.dialog === 'exit');
    await shot('exit-dialog');
    await app.press('Enter');
    const errors = app.errors.filter((e) => e.startsWith('pageerror'));
    if (errors.length) process.stdout.write(`${lang}: page errors: ${errors.join(' | ')}\n`);
  } catch (e) {
    await shot('failed-here').catch(() => undefined);
    throw e;
  } finally {
    await app.close();
    await stack.close();
  }
  return files;
}

async function main(): Promise<void> {
  const only = process.argv[2] as Lang | undefined;
  for (const lang of only ? [only] : (['en', 'es'] as const)) {
    const files = await walk(lang);
    process.stdout.write(`${lang}: ${files.length} screenshots in ${join(SCREENSHOT_DIR, lang)}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
