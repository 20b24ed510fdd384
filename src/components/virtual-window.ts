/**
 * Arithmetic of a virtualized vertical list (pure, no Lightning): rows of known heights, a viewport
 * of fixed height, and which rows must exist as elements — the visible ones plus a margin — for a
 * given scroll position. Any long list (the provider grid, a catalog column) can use it.
 */

/** Top of every row and, last, the total height: `tops[i]` for row i, `tops[n]` = total. */
export function rowTops(heights: readonly number[]): number[] {
  const tops = [0];
  for (let i = 0; i < heights.length; i++) tops.push(tops[i]! + heights[i]!);
  return tops;
}

/**
 * Scroll offset that keeps row `focus` in view with the row above it as context (when there is one),
 * never past the end of the list and never above its start.
 */
export function scrollFor(tops: readonly number[], focus: number, viewport: number): number {
  const n = tops.length - 1;
  if (n <= 0) return 0;
  const row = Math.max(0, Math.min(focus, n - 1));
  const wanted = tops[Math.max(0, row - 1)]!;
  const maxScroll = Math.max(0, tops[n]! - viewport);
  return Math.max(0, Math.min(wanted, maxScroll));
}

/** First row whose bottom is below `y` (binary search over `tops`). */
function rowAt(tops: readonly number[], y: number): number {
  let lo = 0;
  let hi = tops.length - 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tops[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Rows that must exist for scroll offset `scroll`: those intersecting
 * [scroll - margin, scroll + viewport + margin], as [first, end) (end exclusive).
 */
export function liveRange(tops: readonly number[], scroll: number, viewport: number, margin: number): [number, number] {
  const n = tops.length - 1;
  if (n <= 0) return [0, 0];
  const top = Math.max(0, scroll - margin);
  const bottom = scroll + viewport + margin;
  const first = rowAt(tops, top);
  let end = first;
  while (end < n && tops[end]! < bottom) end++;
  return [first, end];
}
