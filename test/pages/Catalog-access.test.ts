/** The catalog view under a parental limit and under degraded access (issue 14). */
import type { PosterRow } from '../../src/components/PosterRow';
import type { RowStack } from '../../src/components/RowStack';
import { Catalog } from '../../src/pages/Catalog';
import { ACME, FakeFlows, profileFor } from '../support/fakeFlows';
import { mountPage, type Mounted } from '../support/harness';

describe('Catalog: parental limit and degraded access', () => {
  let m: Mounted<Catalog> | undefined;
  afterEach(() => m?.destroy());
  const firstRow = (): PosterRow => (m!.page.tag('Viewport.Rows') as unknown as RowStack).liveRows()[0]!;

  it('titles above the profile’s limit carry the lock and a “Parental limit” band; the details say why', async () => {
    const flows = new FakeFlows();
    const profile = {
      ...profileFor('AcmeCable'),
      attributes: { maxRating: { value: { VCHIP: 'TV-PG', MPAA: 'PG' }, encrypted: false } },
    };
    flows.signedIn = { profile, provider: ACME };
    m = await mountPage(Catalog, { flows });
    const tiles = firstRow().tiles();
    expect(tiles.map((t) => t.access)).toEqual(['parental', 'unlocked', 'parental']);
    expect(tiles.map((t) => t.tag('Frame.Parental')!.visible)).toEqual([true, false, true]);
    expect(tiles[0]!.tag('Frame.Parental.Label')!.text!.text).toBe('Parental limit');
    expect(tiles[0]!.tag('Lock')!.visible).toBe(true);
    expect(m.page.tag('Details')!.current!.tag('Lock.Reason')!.text!.text).toBe(
      'Rated TV-14: above the parental limit your TV provider set (TV-PG).',
    );
    expect(m.page.tag('Notice')!.visible).toBe(false);
  });

  it('a degraded sign-in shows the plain line in the header', async () => {
    const flows = new FakeFlows();
    flows.signedIn = { profile: { ...profileFor('AcmeCable'), type: 'degraded' }, provider: ACME };
    m = await mountPage(Catalog, { flows });
    const notice = m.page.tag('Notice')!;
    expect(notice.visible).toBe(true);
    expect(notice.line).toMatch(/^Limited service: your TV provider cannot be reached/);
  });
});
