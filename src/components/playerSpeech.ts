/** What voice guidance says when playback changes on its own (no focus moves, so nothing else would). */
import type { PlayerPhase } from '../controllers/player';
import { announcer } from '../lib/announcer';
import { t } from '../lib/language';

export function sayPlayerPhase(kind: PlayerPhase, title: string, from: PlayerPhase): void {
  if (kind === 'playing')
    announcer.speak(from === 'paused' ? t('player.playing', { title: '' }) : t('player.playing', { title }));
  else if (kind === 'paused') announcer.speak(t('player.paused'));
  else if (kind === 'ended') announcer.speak(t('player.ended'));
}
