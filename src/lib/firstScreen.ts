/**
 * When the first screen is there, from the focus path (checked at the end of each frame until it holds):
 * - `insidePage`: it takes input (Firebolt Lifecycle.ready);
 * - `onChoosable`: it is drawn with its content (the moment to load what it does not need).
 */
import { Lightning, Router } from '@lightningjs/sdk';
import { Selectable } from '../components/Selectable';

type FocusPath = Lightning.Component[];

interface FrameEvents {
  on(event: 'frameEnd', f: () => void): void;
  off(event: 'frameEnd', f: () => void): void;
}

/** `done` once, at the end of the first frame whose focus path passes `test` (with a route shown). */
export function whenFocus(
  app: Pick<Lightning.Application, 'stage' | 'focusPath'>,
  test: (path: FocusPath) => boolean,
  done: () => void,
  activeRoute: () => unknown = () => Router.getActiveRoute(),
): void {
  const stage = app.stage as unknown as FrameEvents;
  const check = (): void => {
    if (activeRoute() && test(app.focusPath ?? [])) {
      stage.off('frameEnd', check);
      done();
    }
  };
  stage.on('frameEnd', check);
}

/**
 * Something inside a page has the focus (focus path Application → App → page → …): the splash while it
 * loads focuses nothing inside itself; its error panel's Retry, the provider picker or the catalog do.
 */
export const insidePage = (path: FocusPath): boolean => path.length > 3;

/**
 * Something the viewer can choose has the focus (a tile, a button). A warm launch's catalog has the focus
 * while its rows are still being built; this waits for them.
 */
export const onChoosable = (path: FocusPath): boolean => path[path.length - 1] instanceof Selectable;
