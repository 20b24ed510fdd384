/**
 * Ties the player's caption state (src/player/captions.ts) to what the player page draws: the cue
 * lines in a CaptionsView, the CC button's label, and a spoken line when the viewer changes track.
 * Kept apart from the page so the Player view stays a view: it only starts and stops the binding.
 */
import { announcer } from '../lib/announcer';
import { toast } from '../lib/events';
import { t } from '../lib/language';
import { captions, type CaptionsState } from '../player/captions';
import type { CaptionsView } from './CaptionsView';

export interface CaptionTargets {
  view(): CaptionsView;
  /** The CC button's label (null = captions off). */
  setTrack(track: string | null): void;
}

export class CaptionsBinding {
  private stop?: () => void;
  /** The track last shown; undefined until the first state, so the first one is not spoken. */
  private shown: string | null | undefined = undefined;

  constructor(private readonly targets: CaptionTargets) {}

  start(): void {
    this.shown = undefined;
    this.stop = captions.subscribe((c) => this.render(c));
    this.render(captions.state);
  }

  end(): void {
    this.stop?.();
    this.stop = undefined;
    this.targets.view().lines = [];
  }

  /** CC: the next caption choice; a title without captions says so. */
  cycle(): void {
    if (captions.state.tracks.length === 0) toast(t('captions.none'));
    else captions.cycle();
  }

  /** What browser tests read: the track shown, the tracks offered, the lines on screen. */
  facts(): { track: string | null; tracks: string[]; lines: string[] } {
    return {
      track: captions.state.active ? captions.state.active.label : null,
      tracks: captions.state.tracks.map((tr) => tr.label),
      lines: this.targets.view().lines,
    };
  }

  private render(c: CaptionsState): void {
    const view = this.targets.view();
    view.style = c.style;
    view.lines = c.lines;
    const track = c.active ? c.active.label || c.active.language : null;
    this.targets.setTrack(track);
    if (this.shown !== undefined && track !== this.shown)
      announcer.speak(track === null ? t('captions.off') : t('captions.on', { track }));
    this.shown = c.tracks.length > 0 ? track : this.shown;
  }
}
