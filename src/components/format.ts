/** Small pure formatters the screens share (tested in test/components/format.test.ts). */

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
  if (c.kind === 'stopped') return 'This code expired. Choose Get a new code to sign in.';
  if (c.kind === 'expired') return 'That code expired. Getting a new code…';
  if (c.kind !== 'running' || c.remainingMs <= 0) return 'Getting a new code…';
  return `Code expires in ${formatCountdown(c.remainingMs)} · waiting for you to sign in…`;
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
  if (!Number.isFinite(notAfter) || notAfter <= now) return 'Expired';
  const d = new Date(notAfter);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const hh = `${d.getHours() < 10 ? '0' : ''}${d.getHours()}`;
  const mm = `${d.getMinutes() < 10 ? '0' : ''}${d.getMinutes()}`;
  return `Valid until ${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}, ${hh}:${mm}`;
}
