/**
 * Provider logos that fail quietly. A picker of 1,000 providers must not print a console error for
 * every logo that cannot be loaded (Lightning logs "texture load error" per texture) nor ask again each
 * time a row scrolls back into view: a failed URL is remembered for the session and its tiles show the
 * name instead. One warning says that logos failed; the URLs are not logged one by one.
 */
import { Lightning } from '@lightningjs/sdk';
import { Log } from '../lib/log';

type LoadOptions = Record<string, unknown>;
type LoaderCallback = (err: unknown, options?: LoadOptions) => void;
type Loader = (cb: LoaderCallback, source?: unknown) => unknown;

const failed = new Set<string>();
let warned = false;

/** This logo URL failed before in this session (its tiles show the name, and it is not asked again). */
export function logoFailed(url: string): boolean {
  return failed.has(url);
}

/** Forget failures (tests). */
export function resetLogoFailures(): void {
  failed.clear();
  warned = false;
}

/** An empty 1×1 image handed to Lightning instead of an error (so it logs nothing). */
function blank(): LoadOptions {
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  return { source: canvas, w: 1, h: 1 };
}

/** Wraps Lightning's loader: a failure is recorded and reported as a loaded blank image. */
export function quietLoader(load: Loader, url: string): Loader {
  return (cb, source) =>
    load((err, options) => {
      if (!err) return cb(err, options);
      failed.add(url);
      if (!warned) {
        warned = true;
        Log.warn('Some provider logos could not be loaded; their names are shown instead');
      }
      cb(null, blank());
    }, source);
}

interface LoaderHost {
  _getSourceLoader(): Loader;
}

/** An image texture whose load failure is quiet (see above). Use `logoFailed(src)` after `txLoaded`. */
export class LogoTexture extends Lightning.textures.ImageTexture {
  protected override _getSourceLoader(): never {
    const base = (Lightning.textures.ImageTexture.prototype as unknown as LoaderHost)._getSourceLoader.call(this);
    return quietLoader(base, this.src ?? '') as never;
  }
}
