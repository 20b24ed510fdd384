/**
 * Read-only journey facts for browser tests, published next to the shell's `window.__tve` hook:
 * `window.__tveJourney.activationCode` (the code on screen, or null) and `.player()` (the video
 * element's currentTime/paused/src-present). Nothing here is secret: the code is on screen anyway and
 * the media token is never exposed.
 */
export interface PlayerInfo {
  currentTime: number;
  duration: number;
  paused: boolean;
  ended: boolean;
  readyState: number;
  hasSource: boolean;
}

/** The provider picker as the journeys see it (`window.__tveJourney.picker()`). */
export interface PickerInfo {
  /** Tile labels in display order (featured row first, the phone tile last). */
  order: string[];
  /** Tiles in the featured row (0: none). */
  featured: number;
  query: string;
  /** Provider tiles that exist as Lightning elements now (the grid is virtualized). */
  liveTiles: number;
}

export interface JourneyInfo {
  activationCode: string | null;
  /** The second-screen URL the QR code encodes (code filled in). */
  activationUrl: string | null;
  /** The message of the error/denial the player or a page shows now, else null. */
  message: string | null;
  /** The degraded-access line the catalog or the player shows now, else null. */
  notice: string | null;
  player(): PlayerInfo | null;
  /** Titles on the catalog with their access state (`unlocked`/`locked`/`unknown`). */
  titles(): Array<{ id: string; title: string; access: string }>;
  /** What the player page is showing: 'authorizing' | 'playing' | 'error' | 'ended' | null. */
  playerPhase: string | null;
  /** The caption track shown (its name, null when off) and the lines on screen now. */
  captions(): { track: string | null; tracks: string[]; lines: string[] };
  /** The provider picker, or null when it is not shown. */
  picker(): PickerInfo | null;
  /** The promotional TempPass pairing code on screen, or null. */
  trialCode: string | null;
  /** The TempPass countdown line on screen (catalog, player), or null. */
  tempPass(): string | null;
}

/** What the hook reports about the video element (never its source URL, which carries the media token). */
export function videoFacts(el: HTMLVideoElement | undefined): PlayerInfo | null {
  if (!el) return null;
  return {
    currentTime: el.currentTime,
    duration: el.duration,
    paused: el.paused,
    ended: el.ended,
    readyState: el.readyState,
    hasSource: el.hasAttribute('src'),
  };
}

const info: JourneyInfo = {
  activationCode: null,
  activationUrl: null,
  message: null,
  notice: null,
  player: () => null,
  titles: () => [],
  playerPhase: null,
  captions: () => ({ track: null, tracks: [], lines: [] }),
  picker: () => null,
  trialCode: null,
  tempPass: () => null,
};

if (typeof window !== 'undefined') (window as unknown as { __tveJourney: JourneyInfo }).__tveJourney = info;

export function setJourneyInfo(patch: Partial<JourneyInfo>): void {
  Object.assign(info, patch);
}
