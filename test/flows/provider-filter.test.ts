/** The one picker filter, shared by the TV (flows/providers.ts) and the phone (second-screen/src/providers.ts). */
import { visibleFilter } from '../../src/flows/provider-filter';
import type { Provider } from '../../src/flows';
import { visibleProviders } from '../../second-screen/src/providers';

const p = (id: string, displayName: string, isTempPass = false): Provider => ({ id, displayName, isTempPass, isProxy: false });
const ALL = [
  p('Zeta', 'Zeta Cable'),
  p('AcmeCable', 'Acme Cable'),
  p('TestMVPD_QA', 'QA Test Provider'),
  p('Latest', 'Contest TV'), // "test" inside a word is not a test MVPD
  p('TempPass_DEMO15', 'Free preview', true),
  p('HiddenOne', 'Hidden'),
];
const ids = (list: Provider[]) => list.map((x) => x.id);

describe('visibleFilter', () => {
  test('defaults: TempPass and test/QA MVPDs hidden, hidden ids hidden, order kept', () => {
    expect(ids(ALL.filter(visibleFilter({ hiddenMvpdIds: ['HiddenOne'] })))).toEqual(['Zeta', 'AcmeCable', 'Latest']);
  });

  test('an empty pattern turns the test filter off; showTempPass shows TempPass; a custom rule applies last', () => {
    const f = visibleFilter({ testMvpdPattern: '', showTempPass: true, providerFilter: (x) => x.id !== 'Zeta' });
    expect(ids(ALL.filter(f))).toEqual(['AcmeCable', 'TestMVPD_QA', 'Latest', 'TempPass_DEMO15', 'HiddenOne']);
  });

  test('an invalid pattern is ignored instead of throwing or emptying the picker', () => {
    expect(() => visibleFilter({ testMvpdPattern: '(' })).not.toThrow();
    expect(ids(ALL.filter(visibleFilter({ testMvpdPattern: '(' })))).toContain('TestMVPD_QA');
  });
});

describe('the phone uses the same filter', () => {
  test('its settings names map onto it; the list is sorted by name', () => {
    const phone = visibleProviders(ALL, { hiddenMvpdIds: ['HiddenOne'], hiddenMvpdPattern: '^test|(^|[^a-z])(test|qa)([^a-z]|$)' });
    expect(ids(phone)).toEqual(['AcmeCable', 'Latest', 'Zeta']);
    expect(ids(visibleProviders(ALL, { hiddenMvpdIds: [] }))).toEqual(['AcmeCable', 'Latest', 'HiddenOne', 'TestMVPD_QA', 'Zeta']);
  });
});
