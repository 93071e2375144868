/** Sample quantiles by linear interpolation between order statistics (Hyndman & Fan type 7, R's default). */

/**
 * The `p`-quantile of values already sorted in ascending order; `NaN` for an empty sample.
 *
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lower = Math.floor(h);
  const below = sorted[lower] as number;
  if (lower + 1 >= n) return below;
  return below + (h - lower) * ((sorted[lower + 1] as number) - below);
}
