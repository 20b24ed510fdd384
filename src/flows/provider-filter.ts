/**
 * Which MVPDs a picker offers, for the TV (flows/providers.ts) and the phone (second-screen): TempPass
 * pseudo-MVPDs hidden unless asked for, test/QA integrations hidden by a pattern on id and name,
 * hidden ids, then an optional custom rule. Pure: no imports but types, so the second screen can use it.
 */
import type { Provider } from './api';

/** Default hides ids/names that look like test or QA integrations. */
export const DEFAULT_TEST_MVPD_PATTERN = '^test|(^|[^a-z])(test|qa)([^a-z]|$)';

export interface ProviderFilterOptions {
  /** MVPD ids never shown. */
  hiddenMvpdIds?: string[];
  /**
   * Regular-expression source matched (case-insensitive) against id and display name. Absent: the
   * default above; empty: no test filter; invalid: ignored (a bad setting must not empty the picker).
   */
  testMvpdPattern?: string;
  /** Show TempPass pseudo-MVPDs (hidden by default). */
  showTempPass?: boolean;
  /** Extra rule, applied after the built-in ones. */
  providerFilter?: (provider: Provider) => boolean;
}

export function visibleFilter(options: ProviderFilterOptions): (p: Provider) => boolean {
  const hidden = options.hiddenMvpdIds ?? [];
  const test = compile(options.testMvpdPattern ?? DEFAULT_TEST_MVPD_PATTERN);
  return (p) =>
    (options.showTempPass === true || !p.isTempPass) &&
    hidden.indexOf(p.id) < 0 &&
    !(test && (test.test(p.id) || test.test(p.displayName))) &&
    (!options.providerFilter || options.providerFilter(p));
}

function compile(source: string): RegExp | undefined {
  if (!source) return undefined;
  try {
    return new RegExp(source, 'i');
  } catch {
    return undefined;
  }
}
