import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const BUILD_DIR = resolve(ROOT, 'build');
export const DIST_DIR = resolve(ROOT, 'dist');
export const NODE_MODULES = resolve(ROOT, 'node_modules');
/** The local Lightning CLI (a devDependency; never a global install). */
export const LNG = resolve(NODE_MODULES, '.bin', 'lng');
/** Marker written when `npm run dist` finished successfully (outside the shipped folders). */
export const DIST_COMPLETE = resolve(DIST_DIR, 'dist-complete.json');
/** Source maps and size records of the last `npm run dist`, kept for `npm run sizes` (never shipped). */
export const DIST_MAPS = resolve(DIST_DIR, 'maps');
