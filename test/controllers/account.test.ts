import { AccountController, describeAttribute, readableUrl, type AccountState } from '../../src/controllers/account';
import type { AskOptions } from '../../src/lib/events';
import { installTranslations } from '../../src/lib/language';
import { TRANSLATIONS } from '../support/translations';
import { flush, testDeps } from '../support/deps';
import { ACME, FakeFlows, fail, ok, profileFor } from '../support/fakeFlows';

function setup(answer: string | null = 'Sign out', signedIn = true) {
  const flows = new FakeFlows();
  if (signedIn) flows.signedIn = { profile: profileFor('AcmeCable'), provider: ACME };
  const deps = testDeps({ flows, session: { catalog: { rows: [] }, catalogFocus: { row: 1, col: 2 } } });
  const toasts: string[] = [];
  const asked: AskOptions[] = [];
  const ctl = new AccountController(deps, {
    toast: (t) => toasts.push(t),
    ask: async (o) => {
      asked.push(o);
      return answer;
    },
  });
  return { deps, flows, ctl, toasts, asked };
}

const ready = (s: AccountState) => {
  if (s.kind !== 'ready') throw new Error(`not ready: ${s.kind}`);
  return s;
};

describe('AccountController', () => {
  it('shows the flows’ current profile with its provider and readable metadata', () => {
    const { ctl } = setup();
    expect(ctl.activate()).toBe(true);
    const s = ready(ctl.state);
    expect(s.provider).toBe(ACME);
    expect(s.lines).toEqual([
      { label: 'User ID', value: 'user-123' },
      { label: 'Household ID', value: 'Encrypted by your provider', encrypted: true },
      { label: 'ZIP code', value: '10001' },
    ]);
  });

  it('"Add a provider": a code for one more provider, chosen on the phone, without signing out', async () => {
    const { ctl, flows, deps, asked } = setup();
    deps.session.provider = ACME;
    ctl.activate();
    await ctl.action('another');
    expect(deps.session).toMatchObject({ addingProvider: true, chooseOnPhone: true, provider: undefined });
    expect(deps.routes).toEqual(['activate']);
    expect(asked).toEqual([]);
    expect(flows.count('logout')).toBe(0);
  });

  it('in Spanish: labels, the question and its answer compared in the UI language', async () => {
    installTranslations(TRANSLATIONS, 'es');
    try {
      const { ctl, flows, asked } = setup('Cerrar sesión');
      flows.logoutResult = ok({ followUpUrls: [], partnerSignOut: false, notice: 'signed-out', message: '' });
      ctl.activate();
      expect(ready(ctl.state).lines).toEqual([
        { label: 'ID de usuario', value: 'user-123' },
        { label: 'ID del hogar', value: 'Cifrado por tu proveedor', encrypted: true },
        { label: 'Código postal', value: '10001' },
      ]);
      await ctl.action('signout');
      expect(asked[0]).toMatchObject({ title: '¿Cerrar sesión?', actions: ['Cerrar sesión', 'Cancelar'] });
      expect(flows.count('logout')).toBe(1);
    } finally {
      installTranslations(TRANSLATIONS, 'en');
    }
  });

  it('nobody signed in: to the picker', () => {
    const { ctl, deps } = setup('Sign out', false);
    expect(ctl.activate()).toBe(false);
    expect(deps.routes).toEqual(['providers']);
  });

  it('asks first; on "Sign out" logs out, forgets the catalog, says the outcome’s plain sentence (no URL), opens the picker', async () => {
    const { ctl, flows, deps, toasts, asked } = setup();
    const message = 'You are signed out of your TV provider on this TV.';
    // Even with a logout page in the outcome (a device with a browser), the TV shows the sentence only.
    flows.logoutResult = ok({ followUpUrls: ['https://mvpd.example/logout?x=1'], partnerSignOut: false, notice: 'finish-in-browser', message });
    ctl.activate();
    await ctl.action('signout');
    expect(asked[0]!.actions).toEqual(['Sign out', 'Cancel']);
    expect(flows.count('logout')).toBe(1);
    expect(deps.session.catalog).toBeUndefined();
    expect(deps.session.catalogFocus).toBeUndefined();
    expect(toasts).toEqual([message]);
    expect(toasts.join(' ')).not.toMatch(/https?:|mvpd\.example/);
    expect(deps.routes).toEqual(['providers']);
  });

  it('with an empty sentence from the flows: a plain one of its own (partner sign-out: the system settings); Cancel does nothing', async () => {
    const a = setup();
    a.flows.logoutResult = ok({ followUpUrls: [], partnerSignOut: true, notice: 'partner-sign-out', message: '' });
    a.ctl.activate();
    await a.ctl.action('signout');
    expect(a.toasts[0]).toMatch(/system settings/);
    const c = setup();
    c.flows.logoutResult = ok({ followUpUrls: ['https://mvpd.example/logout'], partnerSignOut: false, notice: 'signed-out', message: ' ' });
    c.ctl.activate();
    await c.ctl.action('signout');
    expect(c.toasts).toEqual(['You are signed out of your TV provider on this TV.']);
    const b = setup('Cancel');
    b.ctl.activate();
    await b.ctl.action('signout');
    expect(b.flows.count('logout')).toBe(0);
    expect(ready(b.ctl.state)).toBeTruthy();
  });

  it('a failed logout offers Retry/Back; Back returns to the account; Back while signing out is ignored', async () => {
    const { ctl, flows, deps } = setup();
    flows.logoutResult = fail('no answer');
    ctl.activate();
    const shown = ctl.state;
    await ctl.action('signout');
    const s = ctl.state;
    expect(s.kind === 'failed' && s.actions.map((a) => a.id)).toEqual(['retry', 'back']);
    ctl.back();
    expect(ctl.state).toBe(shown);
    ctl.panelAction('retry');
    expect(ctl.state.kind).toBe('signingOut');
    ctl.back();
    expect(ctl.state.kind).toBe('signingOut');
    await flush();
    ctl.panelAction('back');
    ctl.back();
    expect(deps.routes).toEqual(['catalog']);
  });

  it('formats attributes and URLs for the screen', () => {
    expect(describeAttribute('is_hoh', { value: '1', encrypted: false }).value).toBe('Yes');
    expect(describeAttribute('maxRating', { value: { VCHIP: 'TV-MA' }, encrypted: false }).value).toBe('VCHIP TV-MA');
    expect(describeAttribute('custom', { value: '', encrypted: false })).toEqual({ label: 'custom', value: '—' });
    expect(readableUrl('http://a.example/b#c')).toBe('a.example/b');
  });

  it('Switch provider: lists profiles, Back closes the list, choosing adopts it and forgets the catalog', async () => {
    const { ctl, flows, deps, toasts } = setup();
    const acme = flows.signedIn!.profile;
    const blue = profileFor('BlueRiverTV');
    flows.profilesResult = ok([blue, acme]);
    ctl.activate();
    await ctl.action('switch');
    const s = ctl.state;
    expect(s.kind).toBe('switching');
    expect(s.kind === 'switching' && s.index).toBe(1);
    expect(s.kind === 'switching' && s.choices.map((c) => c.current)).toEqual([false, true]);
    ctl.back();
    expect(ctl.state.kind).toBe('ready');
    await ctl.action('switch');
    ctl.chooseProfile(1); // the one in use: nothing to do
    expect(flows.count('chooseProfile')).toBe(0);
    expect(ctl.state.kind).toBe('ready');
    await ctl.action('switch');
    ctl.chooseProfile(0);
    expect(flows.calls.filter((c) => c.name === 'chooseProfile').map((c) => c.args[0])).toEqual([blue]);
    expect(deps.session.catalog).toBeUndefined();
    expect(deps.session.catalogFocus).toBeUndefined();
    expect(toasts).toEqual(['Now watching with Blue River TV.']);
    expect(deps.routes).toEqual(['catalog']);
  });

  it('Switch provider: a failed listing offers Retry (lists again) and Back', async () => {
    const { ctl, flows } = setup();
    flows.profilesResult = fail('The service did not answer.');
    ctl.activate();
    await ctl.action('switch');
    const s = ctl.state;
    expect(s.kind === 'failed' && s.actions.map((a) => a.id)).toEqual(['switch', 'back']);
    flows.profilesResult = ok([flows.signedIn!.profile, profileFor('SummitSat')]);
    ctl.panelAction('switch');
    await flush();
    expect(ctl.state.kind).toBe('switching');
    expect(flows.count('profiles')).toBe(2);
  });
});
