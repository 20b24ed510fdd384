/**
 * Voice guidance, closed captions and Spanish in Chromium against the emulator (issue 13 items 3–5):
 *  (a) English with voice guidance on (the app's setting): what is spoken as focus moves from the
 *      picker to the player — provider names, buttons, "Playing …", the caption choice, the exit dialog —
 *      asserted on a stubbed window.speechSynthesis (the real SDK speech engine runs); captions through
 *      hls.js subtitle tracks, visible in a screenshot, and the choice remembered after a relaunch;
 *  (b) Spanish from the platform (navigator.language es-MX): splash, exit dialog, player with Spanish
 *      captions, a denial (the MVPD's message shown as given), spoken in an es-US voice.
 * Screenshots: test-results/screenshots/a11y-*.png.
 */
import type { AppSession } from '../harness';
import {
  admin,
  catalogTakesOk,
  journey,
  launchTv,
  startStack,
  subscriber,
  waitForJourney,
  type Stack,
} from '../journeys/support';

interface Spoken {
  text: string;
  lang: string;
}

interface Setup {
  preferences?: Record<string, unknown>;
  /** navigator.languages[0] / navigator.language. */
  locale?: string;
}

/**
 * Before the app's scripts run on the next load: a speechSynthesis that records utterances (and ends
 * each at once), the viewer's stored preferences, the browser language. Then reload.
 */
async function prepare(app: AppSession, setup: Setup): Promise<void> {
  await app.page.addInitScript((s: Setup) => {
    const w = window as unknown as { __spoken: Spoken[] };
    w.__spoken = [];
    class Utterance {
      lang = '';
      onend: (() => void) | null = null;
      onerror: ((e: unknown) => void) | null = null;
      constructor(public text: string) {}
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        speak(u: Utterance) {
          w.__spoken.push({ text: u.text.split(',\u0008 ').join(' | '), lang: u.lang });
          setTimeout(() => u.onend && u.onend(), 0);
        },
        cancel() {},
      },
    });
    // Seeded once per tab: a later reload (relaunch) must find what the app stored meanwhile.
    if (s.preferences && !sessionStorage.getItem('a11y-seeded')) {
      localStorage.setItem('tve.preferences', JSON.stringify({ v: 1, data: s.preferences }));
      sessionStorage.setItem('a11y-seeded', '1');
    }
    if (s.locale) {
      const tag = s.locale;
      Object.defineProperty(Navigator.prototype, 'languages', { get: () => [tag], configurable: true });
      Object.defineProperty(Navigator.prototype, 'language', { get: () => tag, configurable: true });
    }
  }, setup);
  await app.page.reload({ waitUntil: 'load' });
}

async function spoken(app: AppSession): Promise<Spoken[]> {
  return app.page.evaluate(() => (window as unknown as { __spoken?: Spoken[] }).__spoken ?? []);
}

/** Waits until something containing `text` was spoken (after `from` utterances); returns it. */
async function heard(app: AppSession, text: string, from = 0, timeoutMs = 8000): Promise<Spoken> {
  const deadline = Date.now() + timeoutMs;
  let all: Spoken[] = [];
  while (Date.now() < deadline) {
    all = await spoken(app);
    const hit = all.slice(from).find((s) => s.text.includes(text));
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`"${text}" was not spoken; heard: ${JSON.stringify(all.slice(from).map((s) => s.text))}`);
}

interface CaptionFacts {
  track: string | null;
  tracks: string[];
  lines: string[];
}

/** The player's captions as the journey hook reports them (src/pages/hooks.ts). */
async function waitForCaptions(
  app: AppSession,
  predicate: (c: CaptionFacts) => boolean,
  timeoutMs = 15000,
): Promise<CaptionFacts> {
  const deadline = Date.now() + timeoutMs;
  let last: CaptionFacts | undefined;
  while (Date.now() < deadline) {
    last = await app.page.evaluate(() =>
      (window as unknown as { __tveJourney: { captions(): CaptionFacts } }).__tveJourney.captions(),
    );
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`captions did not match within ${timeoutMs} ms: ${JSON.stringify(last)}`);
}

async function signIn(stack: Stack, app: AppSession, startLabel: string): Promise<void> {
  await app.waitForState((s) => s.route === 'providers' && s.focusedLabel === 'Acme Cable', 30000);
  await app.press('Enter');
  const j = await waitForJourney(app, (x) => !!x.activationCode, 15000);
  const bob = await subscriber(stack, 'bob');
  await admin(stack, 'POST', `sessions/${j.activationCode}/complete`, {
    username: bob.username,
    password: bob.password,
  });
  await app.waitForState((s) => s.focusedLabel === startLabel, 15000);
  await app.press('Enter');
  await app.waitForState((s) => s.route === 'catalog');
  await waitForJourney(app, (x) => x.titles.length > 0 && x.titles.every((t) => t.access !== 'unknown'), 15000);
  await catalogTakesOk(app);
}

async function playFirst(app: AppSession): Promise<string> {
  // The catalog may have just opened again (back from Account, a relaunch): it ignores OK for a moment.
  await catalogTakesOk(app);
  const state = await app.state();
  await app.press('Enter');
  await waitForJourney(app, (j) => j.playerPhase === 'playing' && !!j.player && j.player.readyState >= 2, 20000);
  return state.focusedLabel ?? '';
}

describe('(a) voice guidance and captions in English', () => {
  let stack: Stack;
  let app: AppSession;
  beforeAll(async () => {
    stack = await startStack();
    app = await launchTv(stack);
    await prepare(app, { preferences: { voiceGuidance: true, language: 'en', captions: { enabled: false } } });
  });
  afterAll(async () => {
    await app?.close();
    await stack?.close();
  });

  it('says where focus is on every screen, shows captions and remembers them', async () => {
    // Picker: provider names as focus moves.
    await app.waitForState((s) => s.route === 'providers' && s.focusedLabel === 'Acme Cable', 30000);
    expect((await heard(app, 'Acme Cable')).lang).toBe('en-US');
    await app.press('Right');
    const second = (await app.state()).focusedLabel!;
    await heard(app, second);
    await app.press('Left');

    // Activation: buttons say that they are buttons; then sign in.
    const before = (await spoken(app)).length;
    await app.press('Enter');
    await app.waitForState((s) => s.route === 'activate' && s.focusedLabel === 'Get a new code', 15000);
    await heard(app, 'Get a new code, button', before);
    const j = await waitForJourney(app, (x) => !!x.activationCode, 15000);
    // The code one character at a time, and where to enter it.
    await heard(app, `Your code is ${j.activationCode!.split('').join(', ')}`, before);
    await heard(app, 'Go to ', before);
    const bob = await subscriber(stack, 'bob');
    await admin(stack, 'POST', `sessions/${j.activationCode}/complete`, {
      username: bob.username,
      password: bob.password,
    });
    await app.waitForState((s) => s.focusedLabel === 'Start watching', 15000);
    await heard(app, 'Start watching, button', before);
    await app.press('Enter');
    await app.waitForState((s) => s.route === 'catalog');
    await waitForJourney(app, (x) => x.titles.length > 0 && x.titles.every((t) => t.access !== 'unknown'), 15000);

    // Catalog: the focused title. Player: what starts playing.
    const title = (await app.state()).focusedLabel!;
    await heard(app, title, before);

    // Account (the header button): the page, who is signed in, the button; Down: the settings row.
    const beforeAccount = (await spoken(app)).length;
    await app.press('Up');
    await app.waitForState((s) => s.focusedLabel === 'Account');
    await heard(app, 'Account, button', beforeAccount);
    await app.press('Enter');
    await app.waitForState((s) => s.route === 'account' && s.focusedLabel === 'Sign out');
    expect((await heard(app, 'Sign out, button', beforeAccount)).text).toContain('Acme Cable');
    await app.press('Down');
    await app.waitForState((s) => s.focusedLabel === 'Voice guidance: On');
    await heard(app, 'ACCESSIBILITY AND LANGUAGE', beforeAccount);
    await app.screenshot('a11y-account-settings-en');
    await app.press('Back');
    await app.waitForState((s) => s.route === 'catalog' && s.focusedLabel === 'Account', 15000);
    await app.press('Down');
    await app.waitForState((s) => s.focusedLabel === title);
    const beforePlay = (await spoken(app)).length;
    await playFirst(app);
    await heard(app, `Playing ${title}`, beforePlay);

    // Up: the CC button ("Captions off, button"); OK: English CC through hls.js subtitle tracks.
    await app.press('Up');
    await app.waitForState((s) => s.focusedLabel === 'Captions off');
    await heard(app, 'Captions off, button', beforePlay);
    await app.press('Enter');
    await heard(app, 'Captions: English CC', beforePlay);
    const cc = await waitForCaptions(app, (c) => c.lines.length > 0);
    expect(cc.track).toBe('English CC');
    expect(cc.tracks).toEqual(['English CC', 'Español']);
    expect(cc.lines.join(' ')).toMatch(/caption \d of 3/);
    await app.screenshot('a11y-player-captions-en');

    // Back on the CC button returns to the timeline (the player stays); Back there leaves.
    await app.press('Up');
    await app.waitForState((s) => s.focusedLabel === 'Captions: English CC');
    await app.press('Back');
    const still = await app.waitForState((s) => s.focusedLabel === null);
    expect(still.route.startsWith('play')).toBe(true);
    await app.press('Back');
    await app.waitForState((s) => s.route === 'catalog');

    // The exit dialog reads its question and its focused button.
    const beforeExit = (await spoken(app)).length;
    await app.press('Back');
    await app.waitForState((s) => s.dialog === 'exit');
    const exit = await heard(app, 'Exit DemoTV?', beforeExit);
    expect(exit.text).toContain('You can come back at any time.');
    await heard(app, 'Cancel, button', beforeExit);
    await app.screenshot('a11y-exit-dialog-en');
    await app.press('Enter');
    await app.waitForState((s) => s.dialog === null);

    // Relaunch: captions come back on by themselves (the choice was stored).
    await app.page.reload({ waitUntil: 'load' });
    await app.waitForState((s) => s.route === 'catalog', 30000);
    await waitForJourney(app, (x) => x.titles.length > 0 && x.titles.every((t) => t.access !== 'unknown'), 15000);
    await playFirst(app);
    const again = await waitForCaptions(app, (c) => c.lines.length > 0);
    expect(again.track).toBe('English CC');
    expect(app.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});

describe('(b) Spanish from the platform language', () => {
  let stack: Stack;
  let app: AppSession;
  beforeAll(async () => {
    stack = await startStack();
    app = await launchTv(stack);
  });
  afterAll(async () => {
    await app?.close();
    await stack?.close();
  });

  it('shows and speaks Spanish; the MVPD’s own message stays as given', async () => {
    // Hold registration for a moment so the splash can be seen.
    await admin(stack, 'POST', 'faults', {
      match: { path: '^/o/client/register' },
      count: 1,
      fault: { type: 'latency', ms: 4000 },
    });
    await prepare(app, {
      locale: 'es-MX',
      preferences: { voiceGuidance: true, language: 'auto', captions: { enabled: false } },
    });
    const boot = await heard(app, 'Registrando este televisor…');
    expect(boot.lang).toBe('es-US');
    await app.screenshot('a11y-es-01-splash');

    // Exit dialog on the picker.
    await app.waitForState((s) => s.route === 'providers' && s.focusedLabel === 'Acme Cable', 30000);
    const beforeExit = (await spoken(app)).length;
    await app.press('Back');
    await app.waitForState((s) => s.dialog === 'exit' && s.focusedLabel === 'Cancelar');
    expect((await heard(app, '¿Salir de DemoTV?', beforeExit)).text).toContain('Puedes volver cuando quieras.');
    await heard(app, 'Cancelar, botón', beforeExit);
    await app.screenshot('a11y-es-02-exit-dialog');
    await app.press('Enter');
    await app.waitForState((s) => s.dialog === null);

    await signIn(stack, app, 'Empezar a ver');

    // Player: the UI language picks the Spanish captions.
    const beforePlay = (await spoken(app)).length;
    const title = await playFirst(app);
    await heard(app, `Reproduciendo ${title}`, beforePlay);
    await app.press('Up');
    await app.waitForState((s) => s.focusedLabel === 'Subtítulos desactivados');
    await app.press('Enter');
    await heard(app, 'Subtítulos: Español', beforePlay);
    const shown = await waitForCaptions(app, (c) => c.lines.length > 0);
    expect(shown.track).toBe('Español');
    expect(shown.lines.join(' ')).toMatch(/subtítulo \d de 3|\d de 3/);
    await app.screenshot('a11y-es-03-player-captions');
    // Down: the timeline (whether or not the controls hid meanwhile); Back leaves the player.
    await app.press('Down');
    await app.press('Back');
    await catalogTakesOk(app);

    // A denied title: our title in Spanish, the MVPD's message as the MVPD wrote it.
    const j = await journey(app);
    const lockedIndex = j.titles.findIndex((x) => x.access === 'locked');
    expect(lockedIndex).toBeGreaterThan(0);
    await app.press('Right', lockedIndex);
    await app.press('Enter');
    const denied = await waitForJourney(app, (x) => x.playerPhase === 'denied', 15000);
    expect(denied.message).toBe('Your TV package does not include this channel.');
    await app.waitForState((s) => s.focusedLabel === 'Volver');
    await heard(app, 'No puedes ver', beforePlay);
    await app.screenshot('a11y-es-04-player-denied');
    expect(app.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
