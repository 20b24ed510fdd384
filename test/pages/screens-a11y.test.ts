/**
 * Voice guidance on the journey screens (issue 13): each page is mounted with fake services, the
 * announcer speaks into a recorder, and the focus path goes to it as the App shell hands it over on
 * every focus change. Asserted: provider names (and "Last used", the phone tile, the rail, search
 * results), the activation code one character at a time and the address, titles with their lock
 * reason, buttons, the sign-out question; the Account settings row (Down/Up, pointer, OK writes the
 * preferences, platform-managed settings); Spanish: screens-a11y-es.test.ts.
 */
import type { Lightning } from '@lightningjs/sdk';
import { SETTLE_MS } from '../../src/controllers/catalog';
import { preferences } from '../../src/lib/preferences';
import { requestPointerFocus } from '../../src/lib/pointer';
import { Account } from '../../src/pages/Account';
import { Activate } from '../../src/pages/Activate';
import { Catalog } from '../../src/pages/Catalog';
import { Providers } from '../../src/pages/Providers';
import { ACME, BLUE, FakeFlows, SUMMIT, ok, profileFor } from '../support/fakeFlows';
import { useScreenSpeech, signedIn } from '../support/screenSpeech';

const { said, asked, toasts, mount, heard, after, take } = useScreenSpeech('en');

describe('Providers', () => {
  async function picker(lastUsed = SUMMIT) {
    const flows = new FakeFlows();
    flows.providersResult = ok([SUMMIT, ACME, BLUE]);
    flows.lastUsed = lastUsed;
    const page = await mount(Providers, { flows });
    await page.settle();
    return page;
  }

  it('says the page, then each provider as focus moves; the last used one says so; the phone tile says what it does', async () => {
    const p = await picker();
    expect(heard(p.app)).toEqual([
      'Choose your TV provider',
      'Sign in with your TV subscription to start watching.',
      'Summit Satellite',
      'Last used',
    ]);
    expect(after(p, 'Right')).toEqual(['Acme Cable']);
    p.press('Right');
    expect(after(p, 'Right')).toEqual(['Other provider?', 'Choose on phone']);
    // Up: the search field says what it holds and that it is a button.
    expect(after(p, 'Up')).toEqual(['Search providers, button']);
  });

  it('the letter rail says which providers a letter leads to', async () => {
    const flows = new FakeFlows();
    const names = ['Acme', 'Blue', 'Coast', 'Delta', 'Echo', 'Metro', 'Nova', 'Vista'];
    flows.providersResult = ok(names.map((n) => ({ id: n, displayName: n, isTempPass: false, isProxy: false })));
    const p = await mount(Providers, { flows });
    await p.settle();
    heard(p.app);
    expect(after(p, 'Up')).toEqual(['Providers starting with A']);
    expect(after(p, 'Right')).toEqual(['Providers starting with B']);
  });

  it('says a section heading as focus crosses into the section, not on every step along its row', async () => {
    const flows = new FakeFlows();
    const names = ['Acme', 'Blue', 'Coast', 'Delta', 'Echo', 'Metro', 'Nova', 'Vista'];
    flows.providersResult = ok(names.map((n) => ({ id: n, displayName: n, isTempPass: false, isProxy: false })));
    const p = await mount(Providers, { flows, featuredProviders: ['Metro'] });
    await p.settle();
    expect(heard(p.app)).toEqual([
      'Choose your TV provider',
      'Sign in with your TV subscription to start watching.',
      'Featured providers',
      'Metro',
    ]);
    expect(after(p, 'Down')).toEqual(['All providers A–Z', 'Acme']);
    expect(after(p, 'Right')).toEqual(['Blue']);
    expect(after(p, 'Down')).toEqual(['Nova']); // A–Z: Acme … Echo, then Metro, Nova, Vista
    expect(after(p, 'Up')).toEqual(['All providers A–Z', 'Blue']);
    expect(after(p, 'Up')).toEqual(['Featured providers', 'Metro']);
  });

  it('says how many providers match as the viewer types, and when none does', async () => {
    const p = await picker();
    heard(p.app);
    p.press('Up');
    p.press('Enter'); // the keyboard opens on its first key
    expect(heard(p.app)).toEqual(['A']);
    p.press('Enter'); // types "A"
    expect(take()).toEqual(['1 provider matches “A”']);
    for (let i = 0; i < 2; i++) p.press('Right');
    p.press('Enter'); // "AC"
    p.press('Enter'); // "ACC": nothing
    expect(take()).toEqual(['1 provider matches “AC”', 'No provider matches “ACC”']);
  });
});

describe('Activate', () => {
  async function code() {
    const flows = new FakeFlows();
    const page = await mount(Activate, { flows, session: { provider: ACME } });
    const activation = flows.activations[0]!;
    activation.remaining = 125_000;
    const first = activation.code('ABC1234');
    said.length = 0; // "Getting your activation code…" (the busy line) was said meanwhile
    return { page, activation, first };
  }

  it('reads the headline, the address, the code one character at a time and the time left; then the button', async () => {
    const { page } = await code();
    expect(heard(page.app)).toEqual([
      'Sign in with Acme Cable',
      'Go to localhost:4030',
      'Your code is A, B, C, 1, 2, 3, 4',
      'The code expires in 2 minutes and 5 seconds',
      'Get a new code, button',
    ]);
    expect(after(page, 'Right')).toEqual(['Choose another provider, button']);
  });

  it('Up says the code again with the time left now (on request)', async () => {
    const { page, activation } = await code();
    heard(page.app);
    activation.remaining = 61_000;
    page.timers.advance(1000);
    page.press('Up');
    expect(take()).toEqual([
      'Sign in with Acme Cable',
      'Go to localhost:4030',
      'Your code is A, B, C, 1, 2, 3, 4',
      'The code expires in 1 minute and 1 second',
    ]);
  });

  it('a replacement code (the first one expired) is said without moving focus: "New code", the address, the code', async () => {
    const { page, activation, first } = await code();
    heard(page.app);
    activation.listener.onExpired(first);
    take();
    activation.code('XYZ9876');
    expect(take()).toEqual([
      'New code',
      'Go to localhost:4030',
      'Your code is X, Y, Z, 9, 8, 7, 6',
      'The code expires in 2 minutes and 5 seconds',
    ]);
  });

  it('the confirmation reads who the viewer is signed in with, then its button', async () => {
    const { page, activation } = await code();
    heard(page.app);
    activation.listener.onSignedIn(profileFor('AcmeCable'), ACME);
    expect(heard(page.app)).toEqual([
      'You’re signed in with Acme Cable',
      'Enjoy your shows. Opening the catalog…',
      'Start watching, button',
    ]);
  });
});

describe('Catalog', () => {
  const denied = {
    resource: 'DEMOTV-SPORTS',
    authorized: false,
    failure: { kind: 'denied' as const, message: 'Not included in your package.', retryable: false },
  };

  it('says the row, the title, and a locked title’s reason (the MVPD’s words as given); the Account button', async () => {
    const flows = signedIn();
    flows.decisions.set('DEMOTV-SPORTS', denied);
    const page = await mount(Catalog, { flows });
    page.timers.advance(SETTLE_MS);
    expect(heard(page.app)).toEqual(['Featured', 'Harbor Lights']);
    expect(after(page, 'Right')).toEqual(['Derby Day', 'Locked. Not included in your package.']);
    expect(after(page, 'Down')).toEqual(['Kids', 'Pixel & Pip']);
    page.press('Up');
    expect(after(page, 'Up')).toEqual(['Account, button']);
  });
});

describe('Account', () => {
  it('says the page, who is signed in and until when, then the focused button; the sign-out question is translated', async () => {
    const page = await mount(Account, { flows: signedIn() });
    const said0 = heard(page.app);
    expect(said0.slice(0, 2)).toEqual(['Account', 'Acme Cable']);
    expect(said0[2]).toMatch(/^Signed in · Valid until /);
    expect(said0.slice(3)).toEqual(['Sign out, button']);
    page.press('Enter');
    await page.settle();
    expect(asked[0]).toMatchObject({ title: 'Sign out?', actions: ['Sign out', 'Cancel'] });
  });

  it('Down reaches the settings row (voice guidance, captions, language), Up returns; OK writes the preferences', async () => {
    const page = await mount(Account, { flows: signedIn() });
    heard(page.app);
    expect(after(page, 'Down')).toEqual(['ACCESSIBILITY AND LANGUAGE', 'Voice guidance: Off, button']);
    const prefs = preferences();
    page.press('Right');
    page.press('Enter');
    expect(prefs.get().captions.enabled).toBe(true);
    expect(heard(page.app)).toEqual(['Captions: On, button']);
    page.press('Left');
    page.press('Enter');
    expect(prefs.get().voiceGuidance).toBe(true);
    expect(after(page, 'Up')).toEqual(['Sign out, button']);
    expect(page.page.tag('Settings')!.y).toBeGreaterThan(page.page.tag('Actions')!.y);
  });

  it('settings the TV decides are shown as such and OK explains; the pointer moves between the groups', async () => {
    preferences().setPlatformManaged({ voiceGuidance: true, captions: true });
    const page = await mount(Account, { flows: signedIn() });
    const settings = page.page.tag('Settings')!;
    const labels = settings.ids.map((id) => settings.button(id).label);
    expect(labels.slice(0, 2)).toEqual(['Voice guidance: TV setting', 'Captions: TV setting']);
    // Hover the captions button: focus moves into the settings row, on that button.
    requestPointerFocus(settings.button('captions') as unknown as Lightning.Component);
    expect(page.focused()).toBe(settings.button('captions'));
    page.press('Enter');
    expect(preferences().get().captions.enabled).toBe(false);
    expect(toasts).toEqual(['Captions follow your TV’s accessibility settings.']);
    requestPointerFocus(page.page.tag('Actions')!.children[3] as unknown as Lightning.Component);
    expect((page.focused() as unknown as { label: string }).label).toBe('Back to catalog');
  });
});
