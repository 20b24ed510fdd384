/**
 * A page that draws nothing while it waits for its data, unless the wait is long. Every frame drawn
 * during a launch costs the launch itself: the answers it waits for are handled on the same thread, and
 * on a TV a frame is a full-screen upload (in the bench's Chromium, a full-screen read-back of 40–100 ms).
 * A flash of branding or an empty header for a few hundred ms tells the viewer nothing, so a fast launch
 * goes from the empty first frame straight to a finished screen; a slow one shows the page's own
 * progress after REVEAL_DELAY_MS.
 *
 * The page calls `hold()` when it becomes active and asks `drawn(waiting)` on every render: it hides its
 * own elements while that is false (`visible`, not the page's alpha: Lightning deactivates an alpha-0
 * subtree, which would stop the page's work), and renders again on `onChange` when the delay runs out.
 */
import type { TimerId } from '../lib/registry';
import type { PageTimers } from '../services';

export const REVEAL_DELAY_MS = 500;

export class Reveal {
  private timer?: TimerId;
  private shown = true;

  constructor(
    private readonly timers: () => PageTimers,
    private readonly onChange: () => void,
    private readonly delayMs = REVEAL_DELAY_MS,
  ) {}

  get revealed(): boolean {
    return this.shown;
  }

  /** Draw nothing from now; show after the delay unless the data comes first. */
  hold(): void {
    this.cancel();
    this.shown = false;
    this.timer = this.timers().setTimeout(() => this.show(), this.delayMs);
  }

  /** Whether to draw now: at once when the page has its data (`waiting` false), else once the delay has run out. */
  drawn(waiting: boolean): boolean {
    if (!waiting) this.show();
    return this.shown;
  }

  private show(): void {
    this.cancel();
    if (this.shown) return;
    this.shown = true;
    this.onChange();
  }

  /** Leaving the page: no timer left behind. */
  cancel(): void {
    this.timers().clearTimeout(this.timer);
    this.timer = undefined;
  }
}
