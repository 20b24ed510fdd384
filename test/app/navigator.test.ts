/**
 * Navigation waits while the Router is still showing a page (src/services.ts navigatorOver): a page
 * that navigates on from `_active` (the splash on a fast warm launch) must not cancel the Router's
 * request for itself, or the Router never hides it under the next page.
 */
import { NAV_WAIT_MS, navigatorOver, type RouterPort } from '../../src/services';
import type { RouteName } from '../../src/services';
import { ManualTimers } from '../support/manualTimers';

function setup() {
  let busy = false;
  const timers = new ManualTimers();
  const navigated: RouteName[] = [];
  const router: RouterPort = { isNavigating: () => busy, navigate: (r) => navigated.push(r) };
  const nav = navigatorOver(
    router,
    (cb, ms) => timers.setTimeout(cb, ms),
    () => timers.now,
  );
  return {
    nav,
    navigated,
    advance: (ms: number) => timers.advance(ms),
    setBusy: (b: boolean) => (busy = b),
    pending: () => timers.pending,
  };
}

describe('navigatorOver', () => {
  it('navigates at once when the Router is idle', () => {
    const { nav, navigated, pending } = setup();
    nav.to('catalog');
    expect(navigated).toEqual(['catalog']);
    expect(pending()).toBe(0);
  });

  it('waits for the page the Router is still showing, then navigates; the last route asked for wins', () => {
    const { nav, navigated, advance, setBusy } = setup();
    setBusy(true);
    nav.to('catalog');
    nav.to('providers');
    setBusy(false);
    advance(0); // the first retry comes right after the task that showed the page
    expect(navigated).toEqual(['providers']);
    setBusy(true);
    nav.to('catalog');
    advance(0);
    advance(100); // a page still loading: retries a frame apart
    expect(navigated).toEqual(['providers']);
    setBusy(false);
    advance(20);
    expect(navigated).toEqual(['providers', 'catalog']);
    advance(1000);
    expect(navigated).toEqual(['providers', 'catalog']);
  });

  it('goes anyway once the Router has been busy for NAV_WAIT_MS (no endless wait)', () => {
    const { nav, navigated, advance, setBusy, pending } = setup();
    setBusy(true);
    nav.to('catalog');
    advance(NAV_WAIT_MS - 20);
    expect(navigated).toEqual([]);
    advance(40);
    expect(navigated).toEqual(['catalog']);
    expect(pending()).toBe(0);
  });
});
