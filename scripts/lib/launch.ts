/**
 * What a device build loads at launch: its JS and HTML, except the vendor files under static/ (hls.js
 * loads on the first play) and the app's lazy chunks under js/lazy/ (scripts/lib/split.ts: fetched once
 * the first screen is drawn). `npm run sizes` and the bench count launch bytes with this.
 */
import { sep } from 'node:path';
import { LAZY_DIR } from './split';

export function loadedAtLaunch(file: string): boolean {
  const f = file.split(sep).join('/');
  if (!f.endsWith('.js') && !f.endsWith('.html')) return false;
  return !/(^|\/)static\//.test(f) && !new RegExp(`(^|/)js/${LAZY_DIR}/`).test(f);
}
