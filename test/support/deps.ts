/**
 * Collaborators for controller and page tests, without Lightning: a scripted FakeFlows, the sample catalog,
 * a navigator that records routes, hand-advanced timers and a clock that follows them.
 */
import type { CatalogClient } from '../../src/catalog/client';
import type { Deps } from '../../src/controllers/controller';
import type { RouteName, Session } from '../../src/services';
import { SAMPLE_CATALOG } from './catalog';
import { FakeFlows } from './fakeFlows';
import { ManualTimers } from './manualTimers';

export interface TestDeps extends Deps {
  flows: FakeFlows;
  timers: ManualTimers;
  routes: RouteName[];
}

export interface TestDepsOptions {
  flows?: FakeFlows;
  catalog?: Partial<CatalogClient>;
  session?: Session;
  showLockedTitles?: boolean;
  /** Settings `featuredProviders` (provider ids shown in the picker's first section). */
  featuredProviders?: string[];
}

export function testDeps(options: TestDepsOptions = {}): TestDeps {
  const timers = new ManualTimers();
  const routes: RouteName[] = [];
  return {
    flows: options.flows ?? new FakeFlows(),
    catalog: {
      load: async () => ({ ok: true, value: SAMPLE_CATALOG }),
      streamUrl: (item, token) => `${item.streamUrl}?mediaToken=${encodeURIComponent(token)}`,
      ...options.catalog,
    },
    nav: { to: (r) => routes.push(r) },
    settings: {
      showLockedTitles: options.showLockedTitles ?? true,
      secondScreenShortUrl: 'localhost:4030',
      featuredProviders: options.featuredProviders,
    },
    timers,
    now: () => Date.UTC(2026, 11, 1, 12, 0, 0) + timers.now,
    session: options.session ?? {},
    routes,
  };
}

/** Let pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** Records every state a controller renders. */
export function recorder<S>(): { states: S[]; render: (s: S) => void; kinds(): string[] } {
  const states: S[] = [];
  return {
    states,
    render: (s) => states.push(s),
    kinds: () => states.map((s) => (s as { kind: string }).kind),
  };
}
