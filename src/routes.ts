/**
 * Route table of the TV journey and the set of "home" routes (where Back opens the shell's exit
 * dialog instead of going back). Pages navigate without history (services.nav) and handle Back
 * themselves; the splash, the provider picker (signed out) and the catalog (signed in) leave Back to
 * the shell, which asks "Exit?".
 */
import { Router } from '@lightningjs/sdk';
import { Account } from './pages/Account';
import { Activate } from './pages/Activate';
import { Catalog } from './pages/Catalog';
import { PlayerPage } from './pages/Player';
import { Providers } from './pages/Providers';
import { Splash } from './pages/Splash';
import { Trial } from './pages/Trial';
import { services } from './services';
import { takePendingTitle } from './deepLinks';
import { platform } from './platform';

/** Routes on which Back asks "Exit?" rather than stepping back in history. */
export const HOME_ROUTES: readonly string[] = ['splash', 'providers', 'catalog'];

/** Request shape the guard reads (the SDK's Request type is not exported). */
interface RouteRequest {
  hash: string;
}

export const ROUTES: Router.Config = {
  root: 'splash',
  routes: [
    { path: 'splash', component: Splash },
    { path: 'providers', component: Providers },
    { path: 'activate', component: Activate },
    { path: 'trial', component: Trial },
    { path: 'catalog', component: Catalog },
    { path: 'play/:id', component: PlayerPage },
    { path: 'account', component: Account },
  ],
  // A deep link or reload (e.g. #catalog) still registers and checks the profile first.
  beforeEachRoute: async (_from: string, to: unknown) => {
    const hash = (to as RouteRequest).hash ?? '';
    if (services().session.booted || hash === 'splash') {
      // A deep link that waited for the start-up or the sign-in continues to its title (deepLinks.ts).
      const title = hash === 'catalog' ? takePendingTitle() : undefined;
      return title ? ({ path: `play/${title}`, store: false } as unknown as boolean) : true;
    }
    return { path: 'splash', store: false } as unknown as boolean;
  },
  // Route changes for the platform (Firebolt Metrics.page; the player's title for media metrics).
  afterEachRoute: (request: unknown) => platform.pageChanged((request as RouteRequest).hash ?? ''),
};

export default ROUTES;
