/**
 * TempPass wording shared by the picker, catalog and player controllers (no Lightning): the tile label,
 * the countdown line and its spoken form, and Adobe's TempPass errors in plain words with sign-in offered.
 */
import type { Failure, TempPassOffer, TempPassStatus } from '../flows/api';
import { t } from '../lib/language';

/** "Watch free for 15 minutes" / "Free trial with your email" / "Free preview used". */
export function offerLabel(offer: TempPassOffer): string {
  if (offer.usedUp) return t('temppass.tileUsedUp');
  if (offer.kind === 'promotional') return t('temppass.tilePromo');
  return offer.minutes ? t('temppass.tileMinutes', { minutes: offer.minutes }) : t('temppass.tileFree');
}

/** m:ss (or h:mm:ss) left, never negative. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** The countdown line: "Free preview: 12:34 left · 2 free titles left". */
export function countdownText(status: TempPassStatus, now: number): string {
  const time = t('temppass.left', { time: clock(status.expiresAt - now) });
  return status.remainingResources === undefined
    ? time
    : `${time} · ${t('temppass.titlesLeft', { count: status.remainingResources })}`;
}

/** What voice guidance says on request: minutes and seconds in words, and the titles left. */
export function countdownSpeech(status: TempPassStatus, now: number): string {
  const total = Math.max(0, Math.ceil((status.expiresAt - now) / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const m = minutes === 1 ? t('a11y.minute') : t('a11y.minutes', { n: minutes });
  const s = seconds === 1 ? t('a11y.second') : t('a11y.seconds', { n: seconds });
  const time = minutes === 0 ? s : seconds === 0 ? m : t('a11y.and', { a: m, b: s });
  const line = t('temppass.announce', { time });
  return status.remainingResources === undefined
    ? line
    : `${line}. ${t('temppass.announceTitles', { count: status.remainingResources })}`;
}

/** Adobe's TempPass failures (§9.4 codes 10, 40, 41) in plain words, or undefined for any other failure. */
export function tempPassFailure(failure: Failure): { title: string; failure: Failure } | undefined {
  const plain = (message: string): Failure => ({ ...failure, message });
  switch (failure.code) {
    case 'temporary_access_duration_limit_exceeded':
      return { title: t('temppass.endedTitle'), failure: plain(t('temppass.endedBody')) };
    case 'temporary_access_resources_limit_exceeded':
      return { title: t('temppass.endedTitle'), failure: plain(t('temppass.quotaBody')) };
    case 'invalid_header_identity_for_temporary_access':
      return { title: t('temppass.endedTitle'), failure: plain(t('temppass.identityBody')) };
    default:
      return undefined;
  }
}

/** The failure the player shows when the countdown reaches zero (the app stops the stream; Adobe would not). */
export function expiredFailure(): { title: string; failure: Failure } {
  return {
    title: t('temppass.endedTitle'),
    failure: {
      kind: 'authentication',
      message: t('temppass.endedBody'),
      code: 'temporary_access_duration_limit_exceeded',
      retryable: false,
    },
  };
}
