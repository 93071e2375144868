/** The odds ratio of two groups with its log-scale (Woolf) interval. */
import { criticalZ } from './critical-z.js';
import type { RatioEstimate } from './risk-ratio.js';
import type { TwoGroupCounts } from './two-group-counts.js';
import { fourCells } from './zero-cell-correction.js';

/**
 * (a·d)/(b·c) with Woolf's (1955) interval exp(log OR ± z·SE), SE² = 1/a + 1/b + 1/c + 1/d; what epitools'
 * `oddsratio.wald` reports. This is the unconditional sample odds ratio, not the conditional MLE that R's
 * `fisher.test` prints.
 *
 * @see https://doi.org/10.1111/j.1469-1809.1955.tb01360.x
 * @example
 * oddsRatio({ k1: 40, n1: 50, k2: 25, n2: 65 });
 * // { estimate: 6.4, interval: { lower: 2.7236…, upper: 15.0387…, method: 'woolf-log' }, … }
 */
export function oddsRatio(counts: TwoGroupCounts, level = 0.95): RatioEstimate {
  const { a, b, c, d, corrected } = fourCells(counts);
  const estimate = (a * d) / (b * c);
  const logStandardError = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  const spread = Math.exp(criticalZ(level) * logStandardError);
  return {
    estimate,
    logStandardError,
    interval: { lower: estimate / spread, upper: estimate * spread, level, method: 'woolf-log' },
    corrected,
  };
}
