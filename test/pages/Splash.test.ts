import type { ProfileList } from '../../src/components/ProfileList';
import { REVEAL_DELAY_MS } from '../../src/components/reveal';
import { Splash } from '../../src/pages/Splash';
import { ACME, FakeFlows, fail, ok, profileFor } from '../support/fakeFlows';
import { mountPage, type Mounted } from '../support/harness';

describe('Splash (boot)', () => {
  let m: Mounted<Splash> | undefined;
  afterEach(() => m?.destroy());

  it('goes to the catalog when boot finds a profile', async () => {
    const flows = new FakeFlows();
    flows.bootResult = ok({ signedIn: true, profile: profileFor('AcmeCable'), provider: ACME });
    m = await mountPage(Splash, { flows });
    expect(flows.count('boot')).toBe(1);
    expect(m.routes).toEqual(['catalog']);
  });

  it('draws nothing until the start-up has taken REVEAL_DELAY_MS, then the brand, progress and spinner', async () => {
    const flows = new FakeFlows();
    let release!: () => void;
    flows.holdBoot = new Promise<void>((r) => (release = r));
    m = await mountPage(Splash, { flows });
    const drawn = () => (['Background', 'Brand', 'Progress'] as const).filter((ref) => m!.page.tag(ref)!.visible);
    expect(drawn()).toEqual([]);
    m.timers.advance(REVEAL_DELAY_MS - 1);
    expect(drawn()).toEqual([]);
    m.timers.advance(1);
    expect(drawn()).toEqual(['Background', 'Brand', 'Progress']);
    expect(m.page.revealed).toBe(true);
    release();
    await m.settle();
    expect(m.routes).toEqual(['providers']);
  });

  it('goes to the provider picker when nobody is signed in', async () => {
    m = await mountPage(Splash);
    expect(m.routes).toEqual(['providers']);
  });

  it('shows the failure with a focused Retry that boots again', async () => {
    const flows = new FakeFlows();
    flows.bootResult = fail('Registration failed', { code: 'invalid_software_statement' });
    m = await mountPage(Splash, { flows });
    expect(m.page.phase).toBe('failed');
    // A failure shows at once, whatever the reveal delay.
    expect(m.page.revealed).toBe(true);
    expect(m.page.tag('Background')!.visible).toBe(true);
    expect(m.page.tag('Panel')!.visible).toBe(true);
    expect(m.routes).toEqual([]);
    flows.bootResult = ok({ signedIn: false, profiles: [] });
    m.press('Enter');
    await m.settle();
    expect(flows.count('boot')).toBe(2);
    expect(m.routes).toEqual(['providers']);
  });

  it('offers a chooser when several profiles are valid, and adopts the chosen one', async () => {
    const flows = new FakeFlows();
    const a = profileFor('AcmeCable', Date.UTC(2031, 0, 1));
    const b = profileFor('BlueRiverTV', Date.UTC(2030, 0, 1));
    flows.bootResult = ok({ signedIn: false, profiles: [a, b] });
    m = await mountPage(Splash, { flows });
    expect(m.page.phase).toBe('choosing');
    m.press('Down');
    m.press('Enter');
    await m.settle();
    expect(flows.calls.find((c) => c.name === 'chooseProfile')?.args[0]).toBe(b);
    expect(m.routes).toEqual(['catalog']);
  });

  it('lists every profile, however many, with provider, type and validity; only the rows near view exist', async () => {
    const flows = new FakeFlows();
    const many = Array.from({ length: 30 }, (_, i) => ({
      ...profileFor(`Mvpd${i}`, Date.UTC(2031, 0, 30 - i)),
      type: i === 1 ? 'degraded' : i === 2 ? 'temporary' : 'regular',
    }));
    flows.bootResult = ok({ signedIn: false, profiles: many });
    m = await mountPage(Splash, { flows });
    const list = m.page.tag('Chooser.List') as unknown as ProfileList;
    expect(list.ids).toHaveLength(30);
    expect(list.items[1]!.label).toMatch(/^Mvpd1 · Limited service · until /);
    expect(list.items[2]!.label).toMatch(/^Mvpd2 · Free preview · until /);
    expect(list.items[0]!.label).toMatch(/^Mvpd0 · Signed in · until 30 Jan$/);
    expect(list.liveCount).toBeLessThan(10);
    for (let i = 0; i < 27; i++) m.press('Down');
    expect(list.index).toBe(27);
    expect(list.liveCount).toBeLessThan(10);
    m.press('Enter');
    await m.settle();
    expect(flows.calls.find((c) => c.name === 'chooseProfile')?.args[0]).toBe(many[27]);
  });
});
