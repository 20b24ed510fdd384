/** Which providers the phone offers: the TV's rules (hide TempPass and test MVPDs), sorted by name. */
import type { ProviderInfo } from './api';

export interface ProviderFilter {
  hiddenMvpdIds: string[];
  hiddenMvpdPattern?: string;
}

export function visibleProviders(all: ProviderInfo[], filter: ProviderFilter): ProviderInfo[] {
  const hidden = new Set(filter.hiddenMvpdIds);
  let pattern: RegExp | undefined;
  try {
    pattern = filter.hiddenMvpdPattern ? new RegExp(filter.hiddenMvpdPattern, 'i') : undefined;
  } catch {
    pattern = undefined; // a bad pattern in config must not empty the picker
  }
  return all
    .filter((p) => !p.isTempPass && !hidden.has(p.id) && !(pattern && (pattern.test(p.id) || pattern.test(p.displayName))))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}
