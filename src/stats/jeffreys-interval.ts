/** The Jeffreys interval for a binomial proportion: equal-tailed quantiles of the Beta(k + ½, n − k + ½) posterior. */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { checkLevel, checkSuccesses } from './check-arguments.js';
import type { ConfidenceInterval } from './confidence-interval.js';

/**
 * Jeffreys interval, with the lower bound set to 0 when k = 0 and the upper to 1 when k = n, as Brown, Cai
 * and DasGupta (2001, §4.1.2) recommend.
 *
 * @see https://doi.org/10.1214/ss/1009213286
 * @example
 * jeffreysInterval(40, 65); // { lower: 0.4942…, upper: 0.7265…, level: 0.95, method: 'jeffreys' }
 */
export function jeffreysInterval(k: number, n: number, level = 0.95): ConfidenceInterval {
  checkSuccesses(k, n);
  checkLevel(level);
  const tail = (1 - level) / 2;
  const lower = k === 0 ? 0 : betaQuantile(tail, k + 0.5, n - k + 0.5);
  const upper = k === n ? 1 : betaQuantile(1 - tail, k + 0.5, n - k + 0.5);
  return { lower, upper, level, method: 'jeffreys' };
}
