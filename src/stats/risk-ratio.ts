/** The risk ratio of two groups with its log-scale (Katz) interval. */
import type { ConfidenceInterval } from './confidence-interval.js';
import { criticalZ } from './critical-z.js';
import type { TwoGroupCounts } from './two-group-counts.js';
import { fourCells } from './zero-cell-correction.js';

export interface RatioEstimate {
  readonly estimate: number;
  /** Standard error of the log ratio. */
  readonly logStandardError: number;
  readonly interval: ConfidenceInterval;
  /** True when ½ was added to every cell because one was zero. */
  readonly corrected: boolean;
}

/**
 * (k1/n1) / (k2/n2) with the Katz et al. (1978) interval exp(log RR ± z·SE), SE² = 1/a − 1/n1 + 1/c − 1/n2;
 * what epitools' `riskratio.wald` reports.
 *
 * @see https://doi.org/10.2307/2530610
 * @example
 * riskRatio({ k1: 40, n1: 50, k2: 25, n2: 65 });
 * // { estimate: 2.08, interval: { lower: 1.4845…, upper: 2.9144…, method: 'katz-log' }, … }
 */
export function riskRatio(counts: TwoGroupCounts, level = 0.95): RatioEstimate {
  const { a, b, c, d, corrected } = fourCells(counts);
  const estimate = a / (a + b) / (c / (c + d));
  const logStandardError = Math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d));
  const spread = Math.exp(criticalZ(level) * logStandardError);
  return {
    estimate,
    logStandardError,
    interval: { lower: estimate / spread, upper: estimate * spread, level, method: 'katz-log' },
    corrected,
  };
}
