/**
 * Route table of the TV journey and the set of "home" routes (where Back opens the shell's exit
 * dialog instead of going back). Pages navigate without history (services.nav) and handle Back
 * themselves; the splash, the provider picker (signed out) and the catalog (signed in) leave Back to
 * the shell, which asks "Exit?".
 *
 * The splash and the provider picker (a cold launch's first screen) are in the app bundle; the others
 * are lazy (src/lazyPage.ts): separate chunks in the device builds, fetched after the first screen, or,
 * for the catalog, as soon as the boot finds a stored profile (a warm launch).
 */
import { Router } from '@lightningjs/sdk';
import { Providers } from './pages/Providers';
import { Splash } from './pages/Splash';
import { services } from './services';
import { takePendingTitle } from './deepLinks';
import { platform } from './platform';
import { lazyPage } from './lazyPage';

/** The sign-in code screen: the picker's next step (its QR code library comes with it). */
export const ACTIVATE = lazyPage('Activate', () => import('./pages/Activate').then((m) => m.Activate));
/** Playback: the video player glue, captions and controls. */
export const PLAYER = lazyPage('PlayerPage', () =>
  Promise.all([import('./pages/Player'), import('./player/VideoPlayer')]).then(([page, video]) => {
    closeVideo = () => video.Player.close();
    return page.PlayerPage;
  }),
);
let closeVideo = (): void => undefined;

/** Stop the video and release the player (the app is unloading); nothing to do before it loaded. */
export function closePlayer(): void {
  closeVideo();
}
export const ACCOUNT = lazyPage('Account', () => import('./pages/Account').then((m) => m.Account));
/** The promotional TempPass pairing screen (code + QR for the phone). */
export const TRIAL = lazyPage('Trial', () => import('./pages/Trial').then((m) => m.Trial));

/** The catalog: a cold launch's second screen; a warm launch's first, whose chunk loads during the boot (src/index.ts). */
export const CATALOG = lazyPage('Catalog', () => import('./pages/Catalog').then((m) => m.Catalog));

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
    { path: 'activate', component: ACTIVATE.component },
    { path: 'trial', component: TRIAL.component },
    { path: 'catalog', component: CATALOG.component },
    { path: 'play/:id', component: PLAYER.component },
    { path: 'account', component: ACCOUNT.component },
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
