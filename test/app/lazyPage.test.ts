/**
 * src/lazyPage.ts: the stand-in page of a lazy route loads its page only when shown (or prefetched),
 * mounts it in the Router's order (_init, _onUrlParams, _active), hands it the focus, and asks to
 * retry when the module fails to load.
 */
import { Lightning, Router } from '@lightningjs/sdk';
import { lazyPage } from '../../src/lazyPage';
import { registerShell, type AskOptions } from '../../src/lib/events';
import { mountComponent, type MountedComponent } from '../support/mountComponent';

const calls: string[] = [];

class Inner extends Lightning.Component {}

class FakePage extends Lightning.Component {
  static override _template(): Lightning.Component.Template {
    return { Inner: { type: Inner } };
  }
  override _init(): void {
    calls.push('init');
  }
  override _active(): void {
    calls.push('active');
  }
  override _onUrlParams(params: { id?: string }): void {
    calls.push(`params:${params.id}`);
  }
  override _getFocused(): Lightning.Component {
    return this.tag('Inner') as Lightning.Component;
  }
}

let m: MountedComponent<Lightning.Component> | undefined;
beforeEach(() => {
  calls.length = 0;
});
afterEach(() => {
  registerShell(null);
  m?.destroy();
  m = undefined;
});

const pageOf = (c: Lightning.Component) => c.children[0] as Lightning.Component | undefined;
const params = (c: Lightning.Component, p: { id: string }) =>
  (c as unknown as { _onUrlParams(p: unknown): void })._onUrlParams(p);

describe('lazyPage', () => {
  it('loads nothing until the route is shown, then mounts the page and gives it the focus', async () => {
    const load = jest.fn(() => Promise.resolve(FakePage as unknown as Router.PageConstructor));
    const lazy = lazyPage('Fake', load);
    m = await mountComponent(lazy.component as unknown as new () => Lightning.Component, { visible: false });
    params(m.component, { id: 'a1' });
    await m.settle();
    expect(load).not.toHaveBeenCalled();
    expect(pageOf(m.component)).toBeUndefined();

    m.component.visible = true;
    await m.settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(pageOf(m.component)).toBeInstanceOf(FakePage);
    expect(calls).toEqual(['init', 'params:a1', 'active']);
    expect(m.focused()).toBe(pageOf(m.component)!.tag('Inner'));
    expect(m.component.constructor.name).toBe('Fake');
  });

  it('once prefetched, mounts synchronously in the Router order: init, params, active', async () => {
    const lazy = lazyPage('Fake', () => Promise.resolve(FakePage as unknown as Router.PageConstructor));
    await lazy.prefetch();
    expect(lazy.loaded()).toBe(FakePage);
    m = await mountComponent(lazy.component as unknown as new () => Lightning.Component, { visible: false });
    params(m.component, { id: 'b2' });
    expect(calls).toEqual(['init', 'params:b2']);
    m.component.visible = true;
    m.app.stage.drawFrame();
    expect(calls).toEqual(['init', 'params:b2', 'active']);
    params(m.component, { id: 'c3' });
    expect(calls[calls.length - 1]).toBe('params:c3');
  });

  it('asks to retry when the module does not load, and mounts the page on Retry', async () => {
    const asked: AskOptions[] = [];
    registerShell({ toast: () => undefined, ask: (o) => (asked.push(o), Promise.resolve(o.actions![0]!)) });
    let attempt = 0;
    const load = jest.fn(() =>
      ++attempt === 1
        ? Promise.reject(new Error('Could not load lazy/Fake.js'))
        : Promise.resolve(FakePage as unknown as Router.PageConstructor),
    );
    const lazy = lazyPage('Fake', load);
    m = await mountComponent(lazy.component as unknown as new () => Lightning.Component);
    await m.settle();
    expect(asked).toHaveLength(1);
    expect(asked[0]!.title).toBe('This screen could not be loaded');
    expect(asked[0]!.actions).toEqual(['Retry']);
    expect(load).toHaveBeenCalledTimes(2);
    expect(pageOf(m.component)).toBeInstanceOf(FakePage);
  });
});
