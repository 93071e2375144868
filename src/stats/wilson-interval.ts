/** The Wilson score interval for a binomial proportion: meddle's default, good coverage even at small n. */
import { checkSuccesses } from './check-arguments.js';
import type { ConfidenceInterval } from './confidence-interval.js';
import { criticalZ } from './critical-z.js';

/**
 * Wilson (1927) score interval for k successes in n trials, without continuity correction; the interval
 * R's `prop.test(k, n, correct = FALSE)` reports.
 *
 * @see https://en.wikipedia.org/wiki/Binomial_proportion_confidence_interval#Wilson_score_interval
 * @example
 * wilsonInterval(40, 65); // { lower: 0.4938…, upper: 0.7240…, level: 0.95, method: 'wilson' }
 */
export function wilsonInterval(k: number, n: number, level = 0.95): ConfidenceInterval {
  checkSuccesses(k, n);
  const z = criticalZ(level);
  const z2 = z * z;
  const p = k / n;
  const centre = (k + z2 / 2) / (n + z2);
  const halfWidth = ((z * Math.sqrt(n)) / (n + z2)) * Math.sqrt(p * (1 - p) + z2 / (4 * n));
  // At k = 0 or k = n the bound is exactly 0 or 1; rounding would otherwise leave a hair's breadth outside.
  const lower = k === 0 ? 0 : Math.max(0, centre - halfWidth);
  const upper = k === n ? 1 : Math.min(1, centre + halfWidth);
  return { lower, upper, level, method: 'wilson' };
}
