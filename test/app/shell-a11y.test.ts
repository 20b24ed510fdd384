/**
 * The App shell's part in voice guidance and language (src/App.ts): every focus change reaches the
 * announcer (what is said comes from the focus path), voice guidance follows the viewer's stored
 * setting, and changing the language restarts the UI only when the language on screen changes.
 */
import { Lightning, Router } from '@lightningjs/sdk';
import { App, RESTART_DELAY_MS, setRestart } from '../../src/App';
import { announcer, type SpeechPort } from '../../src/lib/announcer';
import { registerShell } from '../../src/lib/events';
import { preferences } from '../../src/lib/preferences';

jest.mock('../../src/routes', () => jest.requireActual('./fixtures/testRoutes'));

const KEYS = { 8: 'Back', 13: 'Enter', 37: 'Left', 38: 'Up', 39: 'Right', 40: 'Down' };
const press = (keyCode: number): void => {
  window.dispatchEvent(new KeyboardEvent('keydown', { keyCode } as KeyboardEventInit));
  window.dispatchEvent(new KeyboardEvent('keyup', { keyCode } as KeyboardEventInit));
};
const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await tick(10);
  }
}

const said: string[][] = [];
const port: SpeechPort = { speak: (p) => said.push(p), cancel: () => undefined };
const heard = (): string[] => said.map((p) => p.join(' | '));

describe('App shell: voice guidance and language', () => {
  let app: Lightning.Application;
  const restart = jest.fn();

  class Root extends Lightning.Application {
    static override _template(): Lightning.Component.Template {
      return { App: { type: App } };
    }
    override _getFocused(): Lightning.Component {
      return this.tag('App') as Lightning.Component;
    }
  }

  beforeAll(async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    // The viewer turned voice guidance on in an earlier run (platform storage: tve.<key>, version 1).
    localStorage.setItem('tve.preferences', JSON.stringify({ v: 1, data: { voiceGuidance: true, language: 'auto' } }));
    announcer.usePort(port);
    setRestart(restart);
    window.location.hash = '';
    app = new Root({
      stage: { w: 1920, h: 1080, canvas2d: true, autostart: false, useImageWorker: false },
      keys: KEYS,
      enablePointer: false,
    } as unknown as Lightning.Application.Options);
    await until(() => Router.getActiveRoute() === 'home');
  });
  afterAll(() => {
    registerShell(null);
    app.destroy();
    localStorage.clear();
  });

  it('turns voice guidance on from the stored setting and says where focus lands', async () => {
    expect(announcer.enabled).toBe(true);
    await until(() => heard().some((h) => h.includes('Watch, button')));
    said.length = 0;
    press(39);
    press(39);
    await until(() => said.length > 0);
    // Fast moves: only where focus landed.
    expect(heard()).toEqual(['Settings, button']);
  });

  it('the exit dialog is read when it opens, then its focused button', async () => {
    said.length = 0;
    press(8);
    await until(() => said.length > 0);
    expect(heard()).toEqual(['Exit DemoTV? | You can come back at any time. You stay signed in. | Cancel, button']);
    press(13);
  });

  it('the setting turned off: nothing more is said', async () => {
    preferences().set({ voiceGuidance: false });
    expect(announcer.enabled).toBe(false);
    said.length = 0;
    press(37);
    await tick(500);
    expect(said).toEqual([]);
    preferences().set({ voiceGuidance: true });
    expect(heard()).toEqual(['Voice guidance on']);
  });

  it('a language that changes the screen restarts the UI; one that does not, does not', async () => {
    preferences().set({ language: 'en' });
    await tick(RESTART_DELAY_MS + 200);
    expect(restart).not.toHaveBeenCalled();
    preferences().set({ language: 'es' });
    await until(() => restart.mock.calls.length === 1, RESTART_DELAY_MS + 2000);
    expect(JSON.parse(localStorage.getItem('tve.preferences')!).data.language).toBe('es');
  });
});
