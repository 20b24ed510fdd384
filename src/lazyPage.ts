/**
 * Route pages the first screen does not need (player, account, activation), loaded on demand. The
 * Router wants a component class per route, so the route gets a light stand-in page that mounts the
 * real one as its only child once its module is there, forwards the Router's `_onUrlParams`, and hands
 * the focus to it (keys the real page does not handle bubble through the stand-in to the App as before).
 *
 * In the device builds (`npm run dist`) each `import()` is a chunk in js/lazy/ that the app fetches
 * after the first screen is drawn (`prefetchLazyPages`, src/index.ts), so by the time the user gets
 * there the page mounts synchronously, in the order the Router expects (`_init`, `_onUrlParams`,
 * `_active`). In the dev build and in tests the imports are part of the one bundle. A chunk that fails
 * to load (network) asks to retry; Back leaves through the App as from any page.
 */
import { Lightning, Router } from '@lightningjs/sdk';
import { SCREEN } from './theme';
import { POINTER_PATH } from './lib/pointer';
import { ask } from './lib/events';
import { t } from './lib/language';
import { Log } from './lib/log';

export type PageClass = Router.PageConstructor;

interface UrlParamsHandler {
  _onUrlParams?(params: unknown): void;
}

export interface LazyPage {
  /** The Router's component for the route. */
  component: PageClass;
  /** Start loading the page's module (once; again after a failure). */
  prefetch(): Promise<PageClass>;
  /** The page's class once loaded. */
  loaded(): PageClass | undefined;
}

const all: LazyPage[] = [];

/** A route component for the page `load` resolves to; `name` shows in focus paths (window.__tve). */
export function lazyPage(name: string, load: () => Promise<PageClass>): LazyPage {
  let loaded: PageClass | undefined;
  let pending: Promise<PageClass> | undefined;
  const prefetch = (): Promise<PageClass> =>
    (pending ??= load().then(
      (page) => (loaded = page),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));

  class Lazy extends Lightning.Component {
    static override _template(): Lightning.Component.Template {
      return { w: SCREEN.w, h: SCREEN.h, collision: POINTER_PATH };
    }

    private _page?: Lightning.Component;
    private _params?: unknown;
    private _asking = false;

    // Not from _init: the Router creates every page at start-up, before the first screen is drawn.
    override _active(): void {
      this._load();
    }

    override _onUrlParams(params: unknown): void {
      this._params = params;
      if (this._page) (this._page as UrlParamsHandler)._onUrlParams?.(params);
      else if (loaded) this._mount(loaded);
    }

    override _getFocused(): Lightning.Component {
      return this._page ?? this;
    }

    private _load(): void {
      if (this._page) return;
      if (loaded) return this._mount(loaded);
      prefetch().then(
        (page) => this._mount(page),
        (error: unknown) => this._failed(error),
      );
    }

    private _mount(page: PageClass): void {
      if (this._page) return;
      const widgets = (this as { widgets?: unknown }).widgets;
      const child = this.stage.c(widgets === undefined ? { type: page } : { type: page, widgets });
      this.childList.add(child);
      this._page = child as Lightning.Component;
      if (this._params !== undefined) (child as UrlParamsHandler)._onUrlParams?.(this._params);
      this._refocus();
    }

    private _failed(error: unknown): void {
      Log.warn('Page not loaded', { page: name, reason: error instanceof Error ? error.message : 'unknown' });
      if (this._asking || !this.active) return;
      this._asking = true;
      void ask({ title: t('lazy.failedTitle'), message: t('lazy.failedMessage'), actions: [t('common.retry')] }).then(
        (choice) => {
          this._asking = false;
          if (choice !== null && this.active) this._load();
        },
      );
    }
  }
  // Focus paths and logs name the stand-in after its page ("Player" rather than "Lazy").
  Object.defineProperty(Lazy, 'name', { value: name });

  const entry: LazyPage = { component: Lazy as unknown as PageClass, prefetch, loaded: () => loaded };
  all.push(entry);
  return entry;
}

/** Load every lazy page's module now (after the first screen is drawn); failures wait for the route. */
export function prefetchLazyPages(): void {
  for (const p of all) p.prefetch().catch(() => undefined);
}
