import { Account, describeAttribute } from '../../src/pages/Account';
import { registerShell } from '../../src/lib/events';
import { ACME, FakeFlows, fail, ok, profileFor } from '../support/fakeFlows';
import { mountPage, type Mounted } from '../support/harness';

function signedIn(): FakeFlows {
  const flows = new FakeFlows();
  flows.signedIn = { profile: profileFor('AcmeCable'), provider: ACME };
  return flows;
}

describe('Account', () => {
  let m: Mounted<Account> | undefined;
  const toasts: string[] = [];
  let answer: string | null = 'Sign out';
  beforeEach(() => {
    toasts.length = 0;
    registerShell({ toast: (t) => toasts.push(t), ask: async () => answer });
  });
  afterEach(() => {
    m?.destroy();
    registerShell(null);
  });

  it('describes attributes plainly and marks encrypted ones', () => {
    expect(describeAttribute('zip', { value: '10001', encrypted: false })).toEqual({
      label: 'ZIP code',
      value: '10001',
    });
    expect(describeAttribute('householdID', { value: 'x9', encrypted: true })).toEqual({
      label: 'Household ID',
      value: 'Encrypted by your provider',
      encrypted: true,
    });
    expect(describeAttribute('channelID', { value: ['a', 'b'], encrypted: false }).value).toBe('a, b');
  });

  it('shows provider, validity and metadata', async () => {
    m = await mountPage(Account, { flows: signedIn() });
    expect(m.page.tag('Card.Name')!.text!.text).toBe('Acme Cable');
    expect(m.page.tag('Card.Validity')!.text!.text).toContain('Valid until');
    const meta = m.page
      .tag('Card.Meta')!
      .children.map((c) => `${c.tag('Label')!.text!.text}=${c.tag('Value')!.text!.text}`);
    expect(meta).toEqual(['User ID=user-123', 'Household ID=Encrypted by your provider', 'ZIP code=10001']);
  });

  it('signs out after confirmation, says so plainly (no URL), and opens the picker', async () => {
    const flows = signedIn();
    flows.logoutResult = ok({
      followUpUrls: ['http://localhost:4010/__mock-mvpd/AcmeCable/logout?mso_id=AcmeCable&redirect_url=x'],
      partnerSignOut: false,
      notice: 'signed-out',
      message: 'You are signed out of your TV provider on this TV.',
    });
    answer = 'Sign out';
    m = await mountPage(Account, { flows });
    m.press('Enter');
    await m.settle();
    expect(flows.count('logout')).toBe(1);
    expect(toasts).toEqual(['You are signed out of your TV provider on this TV.']);
    expect(m.routes).toEqual(['providers']);
  });

  it('does nothing when the confirmation is cancelled', async () => {
    const flows = signedIn();
    answer = 'Cancel';
    m = await mountPage(Account, { flows });
    m.press('Enter');
    await m.settle();
    expect(flows.count('logout')).toBe(0);
    expect(m.routes).toEqual([]);
  });

  it('a failed logout shows Retry / Back', async () => {
    const flows = signedIn();
    flows.logoutResult = fail('The sign-out service did not answer.');
    answer = 'Sign out';
    m = await mountPage(Account, { flows });
    m.press('Enter');
    await m.settle();
    expect(m.page.phase).toBe('failed');
    expect(m.page.tag('Panel')!.actionIds).toEqual(['retry', 'back']);
    m.press('Back');
    expect(m.page.phase).toBe('ready');
  });

  it('Back returns to the catalog', async () => {
    m = await mountPage(Account, { flows: signedIn() });
    m.press('Back');
    expect(m.routes).toEqual(['catalog']);
  });

  it('Switch provider lists every sign-in (the one in use marked) and adopts another without signing out', async () => {
    const flows = signedIn();
    const acme = flows.signedIn!.profile;
    const blue = { ...profileFor('BlueRiverTV', Date.UTC(2030, 5, 1)), type: 'degraded' };
    flows.profilesResult = ok([acme, blue]);
    m = await mountPage(Account, { flows });
    m.press('Right');
    m.press('Enter');
    await m.settle();
    expect(m.page.phase).toBe('switching');
    const list = m.page.tag('Switch.List')!;
    expect(list.items.map((i) => i.label)).toEqual([
      'Acme Cable · Signed in · until 1 Jan · in use',
      'Blue River TV · Limited service · until 1 Jun',
    ]);
    m.press('Down');
    m.press('Enter');
    await m.settle();
    expect(flows.calls.find((c) => c.name === 'chooseProfile')?.args[0]).toBe(blue);
    expect(flows.count('logout')).toBe(0);
    expect(toasts).toEqual(['Now watching with Blue River TV.']);
    expect(m.routes).toEqual(['catalog']);
  });

  it('Switch provider with no other sign-in says so and stays', async () => {
    const flows = signedIn();
    flows.profilesResult = ok([flows.signedIn!.profile]);
    m = await mountPage(Account, { flows });
    m.press('Right');
    m.press('Enter');
    await m.settle();
    expect(m.page.phase).toBe('ready');
    expect(toasts[0]).toMatch(/no other sign-in/);
    expect(flows.count('chooseProfile')).toBe(0);
  });
});
