/**
 * Which providers the phone offers: the TV's filter (src/flows/provider-filter.ts: TempPass and test
 * MVPDs hidden, hidden ids), sorted by name. The phone's settings keep their own names.
 */
import { visibleFilter } from '../../src/flows/provider-filter';
import type { ProviderInfo } from './api';

export interface ProviderFilter {
  hiddenMvpdIds: string[];
  /** The TV's `testMvpdPattern`; absent here means no pattern (config.json sets the TV's default). */
  hiddenMvpdPattern?: string;
}

export function visibleProviders(all: ProviderInfo[], filter: ProviderFilter): ProviderInfo[] {
  const visible = visibleFilter({ hiddenMvpdIds: filter.hiddenMvpdIds, testMvpdPattern: filter.hiddenMvpdPattern ?? '' });
  return all.filter(visible).sort((a, b) => a.displayName.localeCompare(b.displayName));
}
