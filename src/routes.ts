/**
 * Route table and the set of "home" routes (where Back opens the exit dialog instead of going back).
 * The UI helper extends this file with the real journey (splash → providers → catalog → player).
 */
import { Router } from '@lightningjs/sdk';
import { Home } from './pages/Home';

/** Routes on which Back asks "Exit?" rather than stepping back in history. */
export const HOME_ROUTES: readonly string[] = ['home'];

export const ROUTES: Router.Config = {
  root: 'home',
  routes: [{ path: 'home', component: Home }],
};

export default ROUTES;
