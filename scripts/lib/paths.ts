import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const BUILD_DIR = resolve(ROOT, 'build');
export const DIST_DIR = resolve(ROOT, 'dist');
export const NODE_MODULES = resolve(ROOT, 'node_modules');
/** The local Lightning CLI (a devDependency; never a global install). */
export const LNG = resolve(NODE_MODULES, '.bin', 'lng');
/** Marker written when `npm run dist` finished successfully (outside the shipped folders). */
export const DIST_COMPLETE = resolve(DIST_DIR, 'dist-complete.json');
