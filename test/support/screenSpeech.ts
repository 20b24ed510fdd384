/**
 * Voice guidance on mounted pages (test/pages/screens-a11y*.test.ts): the announcer speaks into a
 * recorder, and the focus path goes to it as the App shell hands it over on every focus change. The
 * shell's toasts and questions are recorded too. `useScreenSpeech(lang)` registers the hooks: the
 * language is installed before each test (page templates are compiled once per class, so a file runs in
 * one language).
 */
import type { Lightning } from '@lightningjs/sdk';
import { announcer, type SpeechPort } from '../../src/lib/announcer';
import { registerShell, type AskOptions } from '../../src/lib/events';
import { installTranslations, type LanguageCode } from '../../src/lib/language';
import { PreferencesStore, setPreferences } from '../../src/lib/preferences';
import { ACME, FakeFlows, profileFor } from './fakeFlows';
import { mountPage, type Mounted } from './harness';
import type { KEY } from './mountComponent';
import { TRANSLATIONS } from './translations';

export interface ScreenSpeech {
  /** Phrases spoken since the last `heard()` / `after()` (speech that moved no focus lands here too). */
  said: string[][];
  asked: AskOptions[];
  toasts: string[];
  mount<T extends Lightning.Component>(
    Page: new (...args: never[]) => T,
    options?: Parameters<typeof mountPage>[1],
  ): Promise<Mounted<T>>;
  /** What the focus changes so far make the announcer say (as the shell reports them); clears `said`. */
  heard(app: Lightning.Application): string[];
  /** Press a key, then what its focus change made the announcer say. */
  after(mounted: { app: Lightning.Application; press(key: keyof typeof KEY): void }, key: keyof typeof KEY): string[];
  /** Everything in `said`, flattened; clears it. */
  take(): string[];
}

export function useScreenSpeech(lang: LanguageCode = 'en'): ScreenSpeech {
  const said: string[][] = [];
  const asked: AskOptions[] = [];
  const toasts: string[] = [];
  const port: SpeechPort = { speak: (phrases) => said.push(phrases), cancel: () => undefined };
  let mounted: { destroy(): void } | undefined;

  beforeAll(() => announcer.usePort(port));
  beforeEach(() => {
    installTranslations(TRANSLATIONS, lang);
    said.length = 0;
    asked.length = 0;
    toasts.length = 0;
    setPreferences(new PreferencesStore());
    registerShell({
      toast: (text) => toasts.push(text),
      ask: async (o) => {
        asked.push(o);
        return null;
      },
    });
    announcer.setEnabled(true);
  });
  afterEach(() => {
    mounted?.destroy();
    mounted = undefined;
    announcer.setEnabled(false);
    registerShell(null);
    setPreferences(undefined);
    installTranslations(TRANSLATIONS, 'en');
  });

  const take = (): string[] => {
    const out = said.flat();
    said.length = 0;
    return out;
  };
  const heard = (app: Lightning.Application): string[] => {
    announcer.focusChanged(() => app.focusPath);
    announcer.flush();
    return take();
  };
  return {
    said,
    asked,
    toasts,
    take,
    heard,
    async mount(Page, options = {}) {
      const m = await mountPage(Page, options);
      mounted = m;
      return m;
    },
    after(m, key) {
      said.length = 0;
      m.press(key);
      return heard(m.app);
    },
  };
}

/** Flows with Acme Cable signed in. */
export function signedIn(): FakeFlows {
  const flows = new FakeFlows();
  flows.signedIn = { profile: profileFor('AcmeCable'), provider: ACME };
  return flows;
}
