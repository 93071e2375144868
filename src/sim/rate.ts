/** Intervals for proportions: Wilson's score interval, and Newcombe's interval for a difference of two. */

/** The two-sided 95 % standard normal quantile. */
export const Z95 = 1.959963984540054;

/** A proportion `count / n` with its 95 % interval; `rate` is null when nothing was observed. */
export interface Rate {
  readonly count: number;
  readonly n: number;
  readonly rate: number | null;
  readonly low: number;
  readonly high: number;
}

/**
 * Wilson's score interval (Wilson 1927; Newcombe 1998, method 3), which keeps its coverage near 0 and 1 where
 * the Wald interval collapses. With no observations the interval is the whole of [0, 1].
 *
 * @example wilsonInterval(29, 100) // { count: 29, n: 100, rate: 0.29, low: 0.2127…, high: 0.3821… }
 */
export function wilsonInterval(count: number, n: number, z = Z95): Rate {
  if (n === 0) return { count, n, rate: null, low: 0, high: 1 };
  const p = count / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { count, n, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** A difference of two quantities with its 95 % interval. */
export interface Difference {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

/**
 * The difference `a − b` of two independent proportions, with Newcombe's (1998, method 10) hybrid score
 * interval built from the two Wilson intervals. When the two share random numbers the interval is conservative.
 */
export function rateDifference(a: Rate, b: Rate): Difference {
  const pa = a.rate ?? Number.NaN;
  const pb = b.rate ?? Number.NaN;
  const estimate = pa - pb;
  return {
    estimate,
    low: estimate - Math.sqrt((pa - a.low) ** 2 + (b.high - pb) ** 2),
    high: estimate + Math.sqrt((a.high - pa) ** 2 + (pb - b.low) ** 2),
  };
}
