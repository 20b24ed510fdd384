import type { CatalogClient } from '../../src/catalog/client';
import type { Catalog } from '../../src/catalog/types';
import type { Result } from '../../src/flows/api';
import { EARLY_CATALOG_MS, prefetchingCatalog } from '../../src/services';

/** The warm launch's early catalog load (started during the profile check) is handed to the page once. */
describe('prefetchingCatalog', () => {
  function setup() {
    let loads = 0;
    let now = 1_000;
    const inner: CatalogClient = {
      load: () => {
        loads++;
        return Promise.resolve({ ok: true, value: { rows: [] } as unknown as Catalog } as Result<Catalog>);
      },
      streamUrl: (item, token) => `${item.streamUrl}?t=${token}`,
    };
    const client = prefetchingCatalog(inner, () => now);
    return { client, loads: () => loads, advance: (ms: number) => (now += ms) };
  }

  it('the first load() takes the early load; the next one loads afresh', async () => {
    const { client, loads } = setup();
    client.prefetch();
    client.prefetch(); // one early load at most
    expect(loads()).toBe(1);
    await client.load();
    expect(loads()).toBe(1);
    await client.load();
    expect(loads()).toBe(2);
  });

  it('an early load older than EARLY_CATALOG_MS is not handed out', async () => {
    const { client, loads, advance } = setup();
    client.prefetch();
    advance(EARLY_CATALOG_MS);
    await client.load();
    expect(loads()).toBe(2);
  });

  it('without a prefetch every load() asks the backend', async () => {
    const { client, loads } = setup();
    await client.load();
    await client.load();
    expect(loads()).toBe(2);
  });
});
