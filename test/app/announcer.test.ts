/**
 * src/lib/announcer.ts with a recording speech port: what joins the focus path is said (announce
 * outermost first, then context innermost first), fast moves are said once where focus lands, polite
 * speech waits, nothing is said while voice guidance is off, and the switch follows the platform
 * (Firebolt) when it has one, else the app's setting. Also the real SDK engine on a stubbed
 * window.speechSynthesis: language and order of the utterances.
 */
import {
  Announcer,
  describeFocus,
  followVoiceGuidance,
  phrases,
  sdkSpeechPort,
  type SpeechPort,
} from '../../src/lib/announcer';
import { ManualTimers } from '../support/manualTimers';

interface Said {
  phrases: string[];
  lang: string;
  append: boolean;
}

function recorder(): SpeechPort & { said: Said[]; cancels: number } {
  const port = {
    said: [] as Said[],
    cancels: 0,
    speak(p: string[], lang: string, append = false) {
      port.said.push({ phrases: p, lang, append });
    },
    cancel() {
      port.cancels++;
    },
  };
  return port;
}

function setup() {
  const port = recorder();
  const timers = new ManualTimers();
  const a = new Announcer(port, {
    timers: { setTimeout: (cb, ms) => timers.setTimeout(cb, ms), clearTimeout: (h) => timers.clearTimeout(h as never) },
    lang: () => 'en-US',
    debounceMs: 300,
  });
  a.setEnabled(true);
  return { port, timers, a };
}

describe('what a focus change says', () => {
  const page = { announce: 'Choose your TV provider', announceContext: 'Sign in with your TV subscription.' };
  const grid = { announceContext: () => 'Use the arrows to choose.' };
  const tile = (name: string) => ({ announce: [name, null, ['', 'Last used']] });

  it('reads announcements outermost first, then contexts innermost first, only of what joined', () => {
    const acme = tile('Acme Cable');
    expect(describeFocus([page, grid, acme], [])).toEqual([
      'Choose your TV provider',
      'Acme Cable',
      'Last used',
      'Use the arrows to choose.',
      'Sign in with your TV subscription.',
    ]);
    expect(describeFocus([page, grid, tile('Blue River')], [page, grid, acme])).toEqual(['Blue River', 'Last used']);
    expect(describeFocus([page, grid, acme], [page, grid, acme])).toEqual([]);
  });

  it('flattens nested speech and drops empty parts', () => {
    expect(phrases(['  A  ', [null, undefined, ['B', '']], () => 'C'])).toEqual(['A', 'B', 'C']);
    expect(phrases(undefined)).toEqual([]);
  });

  it('says only where focus lands after fast moves', () => {
    const { port, timers, a } = setup();
    const a1 = tile('One');
    const a2 = tile('Two');
    const a3 = tile('Three');
    a.focusChanged([page, a1]);
    timers.advance(100);
    a.focusChanged([page, a2]);
    timers.advance(100);
    a.focusChanged([page, a3]);
    expect(port.said).toEqual([]);
    timers.advance(300);
    expect(port.said).toEqual([
      {
        phrases: ['Choose your TV provider', 'Three', 'Last used', 'Sign in with your TV subscription.'],
        lang: 'en-US',
        append: false,
      },
    ]);
    a.focusChanged([page, a1]);
    timers.advance(300);
    expect(port.said[1]!.phrases).toEqual(['One', 'Last used']);
  });

  it('reads announce getters when speaking, so the current state is said', () => {
    const { port, timers, a } = setup();
    let step = 'Registering this TV…';
    const splash = {
      get announce() {
        return ['DemoTV', step];
      },
    };
    a.focusChanged([splash]);
    step = 'Checking your TV provider…';
    timers.advance(300);
    expect(port.said[0]!.phrases).toEqual(['DemoTV', 'Checking your TV provider…']);
  });
});

describe('speaking without a focus change', () => {
  it('interrupts by default; polite speech is appended after a pending focus change is said', () => {
    const { port, a } = setup();
    a.focusChanged([{ announce: 'Retry, button' }]);
    a.speak('Sign-out did not complete', { polite: true });
    expect(port.said).toEqual([
      { phrases: ['Retry, button'], lang: 'en-US', append: false },
      { phrases: ['Sign-out did not complete'], lang: 'en-US', append: true },
    ]);
    a.speak(['Playing', 'Night Run']);
    expect(port.said[2]).toEqual({ phrases: ['Playing', 'Night Run'], lang: 'en-US', append: false });
  });

  it('repeats the whole focus path on request', () => {
    const { port, a, timers } = setup();
    const path = [{ announce: 'Account' }, { announce: 'Sign out, button' }];
    a.focusChanged(path);
    timers.advance(300);
    a.repeat(path);
    expect(port.said.map((s) => s.phrases)).toEqual([
      ['Account', 'Sign out, button'],
      ['Account', 'Sign out, button'],
    ]);
  });
});

describe('on and off', () => {
  it('says nothing while off, confirms when turned on, then reads the whole path again', () => {
    const { port, a, timers } = setup();
    a.setEnabled(false);
    expect(port.cancels).toBe(1);
    a.focusChanged([{ announce: 'Hidden' }]);
    a.speak('Nothing');
    timers.advance(1000);
    expect(port.said).toEqual([]);
    a.setEnabled(true, 'Voice guidance on');
    expect(port.said.map((s) => s.phrases)).toEqual([['Voice guidance on']]);
    const row = { announce: 'Settings' };
    a.focusChanged([row, { announce: 'Voice guidance: On, button' }]);
    timers.advance(300);
    expect(port.said[1]!.phrases).toEqual(['Settings', 'Voice guidance: On, button']);
  });

  it('follows the platform switch when there is one (the app setting is not used)', async () => {
    const a = {
      on: [] as boolean[],
      setEnabled(on: boolean) {
        a.on.push(on);
      },
    };
    let platformCb: (on: boolean) => void = () => undefined;
    const app = { get: () => false, subscribe: jest.fn(() => () => undefined) };
    const stop = followVoiceGuidance(a, {
      platform: { get: async () => true, listen: (cb) => ((platformCb = cb), () => undefined) },
      app,
    });
    await Promise.resolve();
    await Promise.resolve();
    platformCb(false);
    expect(a.on).toEqual([true, false]);
    expect(app.subscribe).not.toHaveBeenCalled();
    stop();
  });

  it('follows the app setting where the platform has none', () => {
    const a = {
      on: [] as boolean[],
      setEnabled(on: boolean) {
        a.on.push(on);
      },
    };
    let appCb: (on: boolean) => void = () => undefined;
    followVoiceGuidance(a, { app: { get: () => true, subscribe: (cb) => ((appCb = cb), () => undefined) } });
    appCb(false);
    expect(a.on).toEqual([true, false]);
  });
});

describe('the SDK speech engine (window.speechSynthesis stubbed)', () => {
  const spoken: Array<{ text: string; lang: string }> = [];
  let cancelled = 0;
  beforeAll(() => {
    class Utterance {
      lang = '';
      onend: (() => void) | null = null;
      onerror: ((e: unknown) => void) | null = null;
      constructor(public text: string) {}
    }
    Object.assign(window, {
      SpeechSynthesisUtterance: Utterance,
      SpeechSynthesisErrorEvent: class {},
      speechSynthesis: {
        speak(u: Utterance) {
          spoken.push({ text: u.text, lang: u.lang });
          setTimeout(() => u.onend?.(), 0);
        },
        cancel() {
          cancelled++;
        },
      },
    });
    (globalThis as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = Utterance;
  });

  it('speaks the phrases in the voice’s language; a new series cancels the old one', async () => {
    const port = sdkSpeechPort();
    port.speak(['Acme Cable', 'button'], 'es-US');
    await new Promise((r) => setTimeout(r, 20));
    // The engine joins consecutive phrases into one utterance (with a word break).
    expect(spoken.map((s) => s.lang)).toEqual(['es-US']);
    expect(spoken[0]!.text.split(',\u0008 ').join(' | ')).toBe('Acme Cable | button');
    port.speak(['Long'], 'en-US');
    port.speak(['Next'], 'en-US');
    await new Promise((r) => setTimeout(r, 20));
    expect(cancelled).toBeGreaterThanOrEqual(1);
    expect(spoken.map((s) => s.text).slice(-1)).toEqual(['Next']);
  });
});
