/**
 * When the first screen counts as there: Lifecycle.ready once a page has the focus, the other pages'
 * chunks once something the viewer can choose has it (not while a warm launch's catalog builds its rows).
 */
import type { Lightning } from '@lightningjs/sdk';
import { Button } from '../../src/components/Button';
import { insidePage, onChoosable, whenFocus } from '../../src/lib/firstScreen';
import { mountComponent, type MountedComponent } from '../support/mountComponent';

let m: MountedComponent<Button> | undefined;
afterEach(() => {
  m?.destroy();
  m = undefined;
});

/** A stand-in for the app: its focus path and the stage's frameEnd listeners. */
function fakeApp() {
  const listeners = new Set<() => void>();
  const app = {
    focusPath: [] as Lightning.Component[],
    stage: {
      on: (_e: string, f: () => void) => listeners.add(f),
      off: (_e: string, f: () => void) => listeners.delete(f),
    },
  };
  const frameEnd = () => [...listeners].forEach((f) => f());
  return { app, frameEnd, listening: () => listeners.size };
}

describe('first screen', () => {
  const plain = () => ({}) as Lightning.Component;

  it('a page with the focus takes input; only a choosable item means its content is drawn', async () => {
    m = await mountComponent(Button);
    const page = [plain(), plain(), plain(), plain()];
    expect(insidePage(page)).toBe(true);
    expect(onChoosable(page)).toBe(false); // the catalog focused while its rows are built
    expect(onChoosable([...page, m.component as unknown as Lightning.Component])).toBe(true);
    expect(insidePage([plain(), plain(), plain()])).toBe(false); // the splash while it loads
  });

  it('runs once, at the first frame end where the test holds and a route is shown', async () => {
    m = await mountComponent(Button);
    const { app, frameEnd, listening } = fakeApp();
    const done = jest.fn();
    const route: { shown?: string } = {};
    whenFocus(app as never, onChoosable, done, () => route.shown);
    app.focusPath = [plain(), plain(), plain(), m.component as unknown as Lightning.Component];
    frameEnd();
    expect(done).not.toHaveBeenCalled(); // no route yet
    route.shown = 'catalog';
    app.focusPath = [plain(), plain(), plain(), plain()];
    frameEnd();
    expect(done).not.toHaveBeenCalled();
    app.focusPath = [plain(), plain(), plain(), m.component as unknown as Lightning.Component];
    frameEnd();
    frameEnd();
    expect(done).toHaveBeenCalledTimes(1);
    expect(listening()).toBe(0);
  });
});
