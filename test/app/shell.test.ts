/**
 * The shell in a real (canvas2d) Lightning stage under jsdom: Button/ButtonRow focus and pointer,
 * Dialog Back, and App's Back policy (exit dialog on home, Cancel focused, OK on Cancel closes).
 */
import { Lightning, Router } from '@lightningjs/sdk';
import { App } from '../../src/App';
import { ButtonRow } from '../../src/components/ButtonRow';
import { Dialog } from '../../src/components/Dialog';
import { setCloseApp } from '../../src/platform';
import { registerShell, ask, toast } from '../../src/lib/events';

jest.mock('../../src/routes', () => jest.requireActual('./fixtures/testRoutes'));

const KEYS = { 8: 'Back', 13: 'Enter', 27: 'Back', 37: 'Left', 38: 'Up', 39: 'Right', 40: 'Down' };

function press(keyCode: number): void {
  window.dispatchEvent(new KeyboardEvent('keydown', { keyCode } as KeyboardEventInit));
  window.dispatchEvent(new KeyboardEvent('keyup', { keyCode } as KeyboardEventInit));
}

const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await tick(10);
  }
}

function stageOptions(): Lightning.Application.Options {
  return {
    stage: { w: 1920, h: 1080, canvas2d: true, autostart: false, useImageWorker: false },
    keys: KEYS,
    enablePointer: false,
  } as unknown as Lightning.Application.Options;
}

function focusedLabel(app: Lightning.Application): string | undefined {
  const path = app.focusPath ?? [];
  for (let i = path.length - 1; i >= 0; i--) {
    const l = (path[i] as unknown as { label?: unknown }).label;
    if (typeof l === 'string') return l;
  }
  return undefined;
}

describe('ButtonRow and Dialog', () => {
  let app: Lightning.Application;
  const selected: Array<[string, number]> = [];
  const chosen: Array<string | null> = [];

  class Host extends Lightning.Application {
    static override _template(): Lightning.Component.Template {
      return {
        Row: {
          type: ButtonRow,
          items: [{ label: 'One' }, { label: 'Two', id: 'two' }, { label: 'Three' }],
          signals: { select: '_select' },
        },
        Dialog: { type: Dialog, signals: { choose: '_choose' } },
      };
    }
    _select(id: string, i: number): void {
      selected.push([id, i]);
    }
    _choose(id: string | null): void {
      chosen.push(id);
    }
    override _getFocused(): Lightning.Component {
      const d = this.tag('Dialog') as Dialog;
      return d.isOpen ? d : (this.tag('Row') as ButtonRow);
    }
  }

  beforeAll(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    app = new Host(stageOptions());
  });
  afterAll(() => app.destroy());

  it('moves focus with Left/Right without wrapping and selects with Enter', () => {
    expect(focusedLabel(app)).toBe('One');
    press(37);
    expect(focusedLabel(app)).toBe('One');
    press(39);
    press(39);
    press(39);
    expect(focusedLabel(app)).toBe('Three');
    press(37);
    press(13);
    expect(selected).toEqual([['two', 1]]);
  });

  it('pointer hover moves focus to the hovered button and click selects it', () => {
    const row = app.tag('Row') as ButtonRow;
    const first = row.children[0] as unknown as { _handleHover(): void; _handleClick(): void };
    first._handleHover();
    expect(focusedLabel(app)).toBe('One');
    (row.children[2] as unknown as { _handleClick(): void })._handleClick();
    expect(focusedLabel(app)).toBe('Three');
    expect(selected[selected.length - 1]).toEqual(['Three', 2]);
  });

  it('a dialog takes focus at focusIndex and reports Back as null', () => {
    const d = app.tag('Dialog') as Dialog;
    d.open({
      title: 'T',
      message: 'M',
      actions: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
      focusIndex: 1,
    });
    (app as unknown as { _refocus(): void })._refocus();
    expect(focusedLabel(app)).toBe('B');
    press(8);
    expect(chosen).toEqual([null]);
    press(37);
    press(13);
    expect(chosen).toEqual([null, 'a']);
    d.close();
  });
});

describe('App shell', () => {
  let app: Lightning.Application;
  const closeApp = jest.fn();

  class Root extends Lightning.Application {
    static override _template(): Lightning.Component.Template {
      return { App: { type: App } };
    }
    // The SDK's Application does the same: focus goes to the App component.
    override _getFocused(): Lightning.Component {
      return this.tag('App') as Lightning.Component;
    }
  }

  beforeAll(async () => {
    // canvas2d has no rounded-rectangle shader; Lightning warns once per element.
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    window.location.hash = '';
    app = new Root(stageOptions());
    setCloseApp(closeApp);
    await until(() => Router.getActiveRoute() === 'home' && focusedLabel(app) === 'Watch');
  });
  afterAll(() => {
    registerShell(null);
    app.destroy();
  });

  const shell = (): App => app.tag('App') as unknown as App;
  const dialogKind = (): string | null => (window as unknown as { __tve: { dialog(): string | null } }).__tve.dialog();

  it('starts on the home route with the first button focused', () => {
    expect(Router.getActiveRoute()).toBe('home');
    expect(focusedLabel(app)).toBe('Watch');
  });

  it('Back on home opens the exit dialog with Cancel focused; OK on Cancel closes it', () => {
    press(39);
    expect(focusedLabel(app)).toBe('TV Provider');
    press(8);
    expect(dialogKind()).toBe('exit');
    expect(focusedLabel(app)).toBe('Cancel');
    press(13);
    expect(dialogKind()).toBeNull();
    expect(focusedLabel(app)).toBe('TV Provider');
    expect(closeApp).not.toHaveBeenCalled();
  });

  it('while a dialog is open the pointer cannot reach the page behind it', () => {
    press(8);
    expect(dialogKind()).toBe('exit');
    const page = Router.getActivePage() as Lightning.Component;
    const row = page.tag('Row') as Lightning.Component;
    const behind = row.children[2] as unknown as { _handleHover(): void; _handleClick(): void };
    behind._handleHover();
    behind._handleClick();
    expect(focusedLabel(app)).toBe('Cancel');
    expect((window as unknown as { __tve: { toast(): string | null } }).__tve.toast()).toBeNull();
    press(13);
    expect(dialogKind()).toBeNull();
  });

  it('Back inside the exit dialog cancels it (a double Back never exits)', () => {
    press(8);
    press(8);
    expect(dialogKind()).toBeNull();
    expect(closeApp).not.toHaveBeenCalled();
  });

  it('Exit in the dialog leaves the platform way (browser: SDK closeApp)', () => {
    press(27);
    press(39);
    expect(focusedLabel(app)).toBe('Exit');
    press(13);
    expect(closeApp).toHaveBeenCalledTimes(1);
    expect(dialogKind()).toBeNull();
  });

  it('routes toasts and error dialogs from pages through the event bus', async () => {
    toast('Hello');
    expect((window as unknown as { __tve: { toast(): string | null } }).__tve.toast()).toBe('Hello');
    const choice = ask({ message: 'Could not load', actions: ['Retry', 'Back'] });
    expect(dialogKind()).toBe('error');
    expect(focusedLabel(app)).toBe('Retry');
    press(39);
    press(13);
    await expect(choice).resolves.toBe('Back');
    expect(dialogKind()).toBeNull();
  });

  it('Back on a non-home route steps back in history instead of asking to exit', async () => {
    Router.navigate('detail');
    await until(() => Router.getActiveRoute() === 'detail');
    press(8);
    await until(() => Router.getActiveRoute() === 'home');
    expect(dialogKind()).toBeNull();
  });

  it('an error dialog dismissed with Back resolves null', async () => {
    const choice = ask({ message: 'x' });
    press(8);
    await expect(choice).resolves.toBeNull();
    expect(shell().homeRoutes).toContain('home');
  });
});
