/**
 * Lightning redraws the whole screen whenever anything in its tree changed, even when nothing in the tree
 * is drawn: a page attached while it waits for its data (see components/reveal.ts), hidden elements
 * toggled. Such a frame only clears the canvas to transparent, and while the canvas already shows nothing
 * it changes no pixel, yet it still costs a full-screen present (in the bench's Chromium a read-back of
 * 40–100 ms on the thread that handles the launch's answers). So an empty frame is drawn once, to clear
 * what was there, and skipped while the canvas is still clear. The canvas starts clear; the page colour
 * behind it is the theme's (`paintPageBackground`), so nothing changes on screen either way.
 *
 * It reaches into Lightning's render context (`ctx._performRender`, `ctx.renderState.length`): when a
 * Lightning version no longer has them, it leaves rendering alone and says so once.
 */
import { COLORS, cssColor } from '../theme';

interface RenderContext {
  _performRender(): void;
  renderState: { length: number };
}

function renderContextOf(stage: unknown): RenderContext | undefined {
  const ctx = (stage as { ctx?: Partial<RenderContext> } | undefined)?.ctx;
  return ctx && typeof ctx._performRender === 'function' && typeof ctx.renderState?.length === 'number'
    ? (ctx as RenderContext)
    : undefined;
}

export interface EmptyFrames {
  /** Frames drawn and frames skipped since install (tests). */
  counts(): { drawn: number; skipped: number };
}

export function skipEmptyFrames(stage: unknown, warn: (message: string) => void): EmptyFrames {
  const counts = { drawn: 0, skipped: 0 };
  const ctx = renderContextOf(stage);
  if (!ctx) {
    warn('Lightning render context not as expected: empty frames are drawn');
    return { counts: () => ({ ...counts }) };
  }
  const perform = ctx._performRender.bind(ctx);
  let canvasClear = true;
  ctx._performRender = () => {
    const empty = ctx.renderState.length === 0;
    if (empty && canvasClear) {
      counts.skipped++;
      return;
    }
    canvasClear = empty;
    counts.drawn++;
    perform();
  };
  return { counts: () => ({ ...counts }) };
}

/** The document behind the (transparent) stage canvas in the theme colour: what shows before the first frame. */
export function paintPageBackground(doc: Document = document): void {
  doc.documentElement.style.backgroundColor = cssColor(COLORS.background);
}
