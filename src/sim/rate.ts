/** Simulated rates with their 95 % intervals, and differences of rates, in the shape the simulation reports. */
import { criticalZ } from '../stats/critical-z.js';
import { wilsonInterval } from '../stats/wilson-interval.js';

/** The two-sided 95 % standard normal quantile. */
export const Z95 = criticalZ(0.95);

/** A proportion `count / n` with its 95 % interval; `rate` is null when nothing was observed. */
export interface Rate {
  readonly count: number;
  readonly n: number;
  readonly rate: number | null;
  readonly low: number;
  readonly high: number;
}

/**
 * The rate with its Wilson score interval (the statistics' `wilsonInterval`); with no observations the
 * interval is the whole of [0, 1].
 *
 * @example rateWithInterval(29, 100) // { count: 29, n: 100, rate: 0.29, low: 0.2127…, high: 0.3821… }
 */
export function rateWithInterval(count: number, n: number): Rate {
  if (n === 0) return { count, n, rate: null, low: 0, high: 1 };
  const { lower, upper } = wilsonInterval(count, n);
  return { count, n, rate: count / n, low: lower, high: upper };
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
