/** The two-sided standard normal critical value for a confidence level, shared by every interval here. */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { checkLevel } from './check-arguments.js';

/**
 * z such that P(-z < Z < z) = level for Z ~ N(0, 1).
 *
 * @example
 * criticalZ(0.95); // 1.959963984540054
 */
export function criticalZ(level: number): number {
  checkLevel(level);
  return normalQuantile(1 - (1 - level) / 2, 0, 1);
}
