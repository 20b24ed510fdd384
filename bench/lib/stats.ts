/** Small statistics for printed figures (no assertions anywhere in the bench). */
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

export const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** Frame deltas (ms) from frameStart timestamps → mean FPS and p95 frame time. */
export function frameStats(stamps: number[]): { fps: number; p95: number; frames: number } {
  const deltas = stamps.slice(1).map((t, i) => t - stamps[i]!);
  return { fps: 1000 / mean(deltas), p95: percentile(deltas, 95), frames: deltas.length };
}

export const fmtMs = (ms: number): string => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : '–');
export const fmtRatio = (a: number, b: number): string =>
  Number.isFinite(a / b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–';
