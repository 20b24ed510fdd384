import { PHONE_CHOICE, Providers, RAIL_MIN } from '../../src/pages/Providers';
import type { Provider } from '../../src/flows/api';
import { ACME, BLUE, FakeFlows, SUMMIT, fail, ok } from '../support/fakeFlows';
import { mountPage, type Mounted } from '../support/harness';

const p = (id: string, displayName: string): Provider => ({ id, displayName, isTempPass: false, isProxy: false });

describe('Providers (picker)', () => {
  let m: Mounted<Providers> | undefined;
  afterEach(() => m?.destroy());

  it('shows the providers in flows order, marks the last used, and passes the choice on', async () => {
    const flows = new FakeFlows();
    flows.providersResult = ok([SUMMIT, ACME, BLUE]);
    flows.lastUsed = SUMMIT;
    m = await mountPage(Providers, { flows });
    expect(m.page.zone).toBe('grid');
    expect(m.page.providers.map((x) => x.id)).toEqual(['SummitSat', 'AcmeCable', 'BlueRiverTV']);
    const tiles = m.page.tag('Viewport.Grid')!.children;
    expect(tiles[0]!.tag('Badge')!.visible).toBe(true);
    expect(tiles[1]!.tag('Badge')!.visible).toBe(false);
    m.press('Right');
    m.press('Enter');
    await m.settle();
    expect(m.services.session.provider).toBe(ACME);
    expect(m.routes).toEqual(['activate']);
  });

  it('ends with a "choose on your phone" tile that starts activation without a provider', async () => {
    const flows = new FakeFlows();
    flows.providersResult = ok([ACME, BLUE]);
    m = await mountPage(Providers, { flows });
    m.press('Right', 2);
    expect((m.focused() as unknown as { label: string }).label).toBe(PHONE_CHOICE.displayName);
    m.press('Right'); // no further tile
    m.press('Enter');
    expect(m.routes).toEqual(['activate']);
    expect(m.services.session.chooseOnPhone).toBe(true);
    expect(m.services.session.provider).toBeUndefined();
  });

  it('moves through the grid with arrows, row by row', async () => {
    const flows = new FakeFlows();
    const many = 'ABCDEFGHIJKL'.split('').map((l, i) => p(`m${i}`, `${l}-Provider`));
    flows.providersResult = ok(many);
    m = await mountPage(Providers, { flows });
    m.press('Down');
    expect(m.page.focusIndex).toBe(5);
    m.press('Right', 2);
    expect(m.page.focusIndex).toBe(7);
    m.press('Down');
    expect(m.page.focusIndex).toBe(12); // last row is shorter: clamp to the last tile (the phone tile)
    m.press('Down');
    expect(m.page.focusIndex).toBe(12);
  });

  it('jumps with the letter rail in long lists', async () => {
    const flows = new FakeFlows();
    const names = ['Acme', 'Alpha', 'Blue', 'Coast', 'Delta', 'Echo', 'Metro', 'Nova', 'Summit', 'Vista'];
    expect(names.length).toBeGreaterThanOrEqual(RAIL_MIN);
    flows.providersResult = ok(names.map((n, i) => p(`id${i}`, n)));
    m = await mountPage(Providers, { flows });
    expect(m.page.tag('Rail')!.visible).toBe(true);
    m.press('Up'); // first grid row → rail
    expect(m.page.zone).toBe('rail');
    // Rail starts on the first available letter (A); move to S: A B C D E M N S = 7 steps right.
    m.press('Right', 7);
    expect(m.page.tag('Rail')!.letter).toBe('S');
    m.press('Enter');
    expect(m.page.zone).toBe('grid');
    expect(m.page.focusIndex).toBe(8);
  });

  it('shows a failure with Retry, and Retry loads again', async () => {
    const flows = new FakeFlows();
    flows.providersResult = fail('The service is busy');
    m = await mountPage(Providers, { flows });
    expect(m.page.zone).toBe('failed');
    flows.providersResult = ok([ACME]);
    m.press('Enter');
    await m.settle();
    expect(flows.count('providers')).toBe(2);
    expect(m.page.zone).toBe('grid');
  });

  it('leaves Back to the app shell (exit dialog on the home route)', async () => {
    m = await mountPage(Providers);
    const handled = (m.page as unknown as { _handleBack?: () => unknown })._handleBack;
    expect(handled).toBeUndefined();
  });
});
