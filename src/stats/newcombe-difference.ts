/** The difference of two independent proportions with Newcombe's hybrid score interval. */
import { checkSuccesses } from './check-arguments.js';
import type { ConfidenceInterval } from './confidence-interval.js';
import type { TwoGroupCounts } from './two-group-counts.js';
import { wilsonInterval } from './wilson-interval.js';

export interface ProportionDifference {
  /** p1 − p2. */
  readonly difference: number;
  readonly p1: number;
  readonly p2: number;
  readonly interval: ConfidenceInterval;
}

/**
 * p1 − p2 with Newcombe's (1998) method 10: the hybrid of the two Wilson score intervals without continuity
 * correction. It stays inside [−1, 1] and behaves at zero counts, where the Wald interval collapses.
 *
 * @see https://doi.org/10.1002/(SICI)1097-0258(19980430)17:8%3C873::AID-SIM779%3E3.0.CO;2-I
 * @example
 * newcombeDifference({ k1: 56, n1: 70, k2: 48, n2: 80 });
 * // { difference: 0.2, interval: { lower: 0.0524…, upper: 0.3339…, level: 0.95, method: 'newcombe-hybrid-score' }, … }
 */
export function newcombeDifference(counts: TwoGroupCounts, level = 0.95): ProportionDifference {
  const { k1, n1, k2, n2 } = counts;
  checkSuccesses(k1, n1, 'k1', 'n1');
  checkSuccesses(k2, n2, 'k2', 'n2');
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const w1 = wilsonInterval(k1, n1, level);
  const w2 = wilsonInterval(k2, n2, level);
  const difference = p1 - p2;
  // Newcombe (1998), eq. for method 10: each side combines the near-side distances of the two Wilson limits.
  const lower = difference - Math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2);
  const upper = difference + Math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2);
  return { difference, p1, p2, interval: { lower, upper, level, method: 'newcombe-hybrid-score' } };
}
