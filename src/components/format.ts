/**
 * Small pure formatters the screens share, in the UI language (tested in test/components/format.test.ts),
 * and the spoken forms voice guidance uses (an activation code letter by letter, the time left).
 */
import { monthNames, t } from '../lib/language';

/** Countdown to a deadline as mm:ss (minutes may exceed 59); never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m < 10 ? '0' : ''}${m}:${s < 10 ? '0' : ''}${s}`;
}

/** The line under an activation code: the time left, that a new code is on its way, or that the codes stopped. */
export function codeCountdownLine(
  c: { kind: 'running'; remainingMs: number } | { kind: 'expired' | 'renewing' | 'stopped' },
): string {
  if (c.kind === 'stopped') return t('format.codeStopped');
  if (c.kind === 'expired') return t('format.codeExpired');
  if (c.kind !== 'running' || c.remainingMs <= 0) return t('format.newCodeComing');
  return t('format.codeExpiresIn', { time: formatCountdown(c.remainingMs) });
}

/** Playback time as m:ss, or h:mm:ss from one hour on. */
export function formatPlayTime(seconds: number): string {
  const total = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = `${s < 10 ? '0' : ''}${s}`;
  if (h > 0) return `${h}:${m < 10 ? '0' : ''}${m}:${ss}`;
  return `${m}:${ss}`;
}

/** An activation code split into groups for reading aloud / typing ("ABC1234" → "ABC 1234"). */
export function groupCode(code: string): string {
  if (code.length <= 4) return code;
  const cut = code.length <= 7 ? code.length - 4 : Math.ceil(code.length / 2);
  return `${code.slice(0, cut)} ${code.slice(cut)}`;
}

/** A profile's validity as a short phrase ("Valid until 3 Dec 2026, 14:05"). */
export function formatValidity(notAfter: number, now: number): string {
  if (!Number.isFinite(notAfter) || notAfter <= now) return t('format.expired');
  const d = new Date(notAfter);
  const hh = `${d.getHours() < 10 ? '0' : ''}${d.getHours()}`;
  const mm = `${d.getMinutes() < 10 ? '0' : ''}${d.getMinutes()}`;
  const date = t('format.date', { day: d.getDate(), month: monthName(d.getMonth()), year: d.getFullYear() });
  return t('format.validUntil', { date, time: `${hh}:${mm}` });
}

/** Day and month only ("3 Dec"): how long a sign-in lasts, in the splash's profile chooser. */
export function formatDayMonth(at: number): string {
  const d = new Date(at);
  return t('format.dayMonth', { day: d.getDate(), month: monthName(d.getMonth()) });
}

function monthName(index: number): string {
  return monthNames()[index] ?? String(index + 1);
}

/** An activation code as voice guidance reads it: one character at a time ("A, B, C, 1, 2, 3, 4"). */
export function spellCode(code: string): string {
  return code.replace(/\s+/g, '').split('').join(', ');
}

/** The time left on a code, spoken ("The code expires in 4 minutes and 5 seconds"). */
export function spokenCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const m = minutes === 1 ? t('a11y.minute') : t('a11y.minutes', { n: minutes });
  const s = seconds === 1 ? t('a11y.second') : t('a11y.seconds', { n: seconds });
  const time = minutes === 0 ? s : seconds === 0 ? m : t('a11y.and', { a: m, b: s });
  return t('a11y.countdown', { time });
}
