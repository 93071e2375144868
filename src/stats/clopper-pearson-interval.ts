/** The Clopper–Pearson "exact" interval for a binomial proportion: conservative, never below nominal coverage. */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { checkLevel, checkSuccesses } from './check-arguments.js';
import type { ConfidenceInterval } from './confidence-interval.js';

/**
 * Clopper and Pearson (1934) interval by inverting two one-sided binomial tests, written through Beta
 * quantiles; the interval R's `binom.test` reports.
 *
 * @see https://doi.org/10.1093/biomet/26.4.404
 * @example
 * clopperPearsonInterval(40, 65); // { lower: 0.4864…, upper: 0.7335…, level: 0.95, method: 'clopper-pearson' }
 */
export function clopperPearsonInterval(k: number, n: number, level = 0.95): ConfidenceInterval {
  checkSuccesses(k, n);
  checkLevel(level);
  const tail = (1 - level) / 2;
  const lower = k === 0 ? 0 : betaQuantile(tail, k, n - k + 1);
  const upper = k === n ? 1 : betaQuantile(1 - tail, k + 1, n - k);
  return { lower, upper, level, method: 'clopper-pearson' };
}
