/**
 * src/lib/preferences.ts: defaults, persistence through the storage port, field-by-field validation
 * of what was stored (corrupt → defaults, never a throw), listeners told only of real changes.
 */
import {
  DEFAULT_PREFERENCES,
  PREFERENCES_KEY,
  PreferencesStore,
  parsePreferences,
  type PreferenceStorage,
} from '../../src/lib/preferences';

function memory(initial?: unknown): PreferenceStorage & { data: Map<string, unknown>; writes: number } {
  const data = new Map<string, unknown>();
  if (initial !== undefined) data.set(PREFERENCES_KEY, initial);
  const s = {
    data,
    writes: 0,
    get: (k: string) => data.get(k),
    set: (k: string, v: unknown) => {
      s.writes++;
      data.set(k, JSON.parse(JSON.stringify(v)));
      return true;
    },
  };
  return s;
}

describe('preferences', () => {
  it('starts from the defaults and stores every change', () => {
    const storage = memory();
    const p = new PreferencesStore(storage);
    expect(p.get()).toEqual(DEFAULT_PREFERENCES);
    p.set({ voiceGuidance: true, language: 'es' });
    p.set({ captions: { enabled: true, language: 'es' } });
    expect(storage.data.get(PREFERENCES_KEY)).toEqual({
      voiceGuidance: true,
      language: 'es',
      captions: { enabled: true, language: 'es' },
    });
    // A new run reads them back.
    expect(new PreferencesStore(storage).get()).toEqual(storage.data.get(PREFERENCES_KEY));
  });

  it('treats unreadable stored values as the defaults, field by field', () => {
    expect(parsePreferences('garbage')).toEqual(DEFAULT_PREFERENCES);
    expect(parsePreferences(null)).toEqual(DEFAULT_PREFERENCES);
    expect(
      parsePreferences({ voiceGuidance: 'yes', language: 'fr', captions: { enabled: true, language: '<script>' } }),
    ).toEqual({ ...DEFAULT_PREFERENCES, captions: { enabled: true } });
    expect(parsePreferences({ voiceGuidance: true, captions: 7 })).toEqual({
      ...DEFAULT_PREFERENCES,
      voiceGuidance: true,
    });
    const throwing: PreferenceStorage = {
      get: () => {
        throw new Error('storage gone');
      },
      set: () => {
        throw new Error('quota');
      },
    };
    const p = new PreferencesStore(throwing);
    expect(p.get()).toEqual(DEFAULT_PREFERENCES);
    expect(() => p.set({ voiceGuidance: true })).not.toThrow();
    expect(p.get().voiceGuidance).toBe(true);
  });

  it('tells listeners about changes only, with the previous value', () => {
    const p = new PreferencesStore(memory());
    const seen: Array<[boolean, boolean]> = [];
    const stop = p.subscribe((next, prev) => seen.push([next.voiceGuidance, prev.voiceGuidance]));
    p.set({ voiceGuidance: true });
    p.set({ voiceGuidance: true });
    p.set({ language: 'auto' });
    stop();
    p.set({ voiceGuidance: false });
    expect(seen).toEqual([[true, false]]);
  });

  it('a storage attached later replaces the in-memory values and notifies', () => {
    const p = new PreferencesStore();
    const seen: string[] = [];
    p.subscribe((next) => seen.push(next.language));
    p.attach(memory({ voiceGuidance: false, language: 'es', captions: { enabled: false } }));
    expect(p.get().language).toBe('es');
    expect(seen).toEqual(['es']);
  });
});
