/**
 * What the player reports (src/player/VideoPlayer.ts), fanned out to the platform: Firebolt content and
 * media metrics on RDK, the screensaver on Tizen (off while a video plays, on again when it stops).
 */
import type { FireboltBridge, MediaEvent } from './firebolt';

export type PlayerEvent = { type: 'start'; entityId?: string } | { type: 'stop' } | MediaEvent;

export interface MediaDeps {
  firebolt?: FireboltBridge;
  screenSaver?: (on: boolean) => void;
  /** The title the player route shows (route `play/<id>`), when the player did not name one. */
  currentTitle(): string | undefined;
  /** Progress is reported at most once per this many seconds of media time. */
  progressEverySec?: number;
}

export function createMediaReporter(deps: MediaDeps): (event: PlayerEvent) => void {
  const every = deps.progressEverySec ?? 10;
  let entity: string | undefined;
  let started = false;
  let lastProgress = -Infinity;
  const id = (): string => entity ?? deps.currentTitle() ?? 'unknown';
  const saver = (on: boolean): void => {
    if (deps.screenSaver) deps.screenSaver(on);
  };
  return (event: PlayerEvent): void => {
    const fb = deps.firebolt;
    switch (event.type) {
      case 'start':
        entity = event.entityId ?? deps.currentTitle();
        started = true;
        lastProgress = -Infinity;
        if (fb) fb.startContent(id());
        return;
      case 'stop':
        saver(true);
        if (fb && started) fb.stopContent(id());
        started = false;
        entity = undefined;
        return;
      case 'playing':
        saver(false);
        break;
      case 'pause':
      case 'ended':
        saver(true);
        break;
      case 'progress':
        if (Math.abs(event.position - lastProgress) < every) return;
        lastProgress = event.position;
        break;
      default:
        break;
    }
    if (fb) fb.media(id(), event);
  };
}
