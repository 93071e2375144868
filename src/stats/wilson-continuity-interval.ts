/** The Wilson score interval with a continuity correction: wider, closer to the exact interval's coverage. */
import { checkSuccesses } from './check-arguments.js';
import type { ConfidenceInterval } from './confidence-interval.js';
import { criticalZ } from './critical-z.js';

/**
 * Wilson's interval with Yates's continuity correction, in the closed form of Newcombe (1998, method 4); the
 * interval R's `prop.test(k, n, correct = TRUE)` reports, except when k is exactly n/2, where R shrinks the
 * correction towards its null hypothesis of 1/2.
 *
 * @see https://doi.org/10.1002/(SICI)1097-0258(19980430)17:8%3C857::AID-SIM777%3E3.0.CO;2-E
 * @example
 * wilsonContinuityInterval(40, 65).method; // 'wilson-cc'
 */
export function wilsonContinuityInterval(k: number, n: number, level = 0.95): ConfidenceInterval {
  checkSuccesses(k, n);
  const z = criticalZ(level);
  const z2 = z * z;
  const p = k / n;
  const denominator = 2 * (n + z2);
  const lower =
    k === 0
      ? 0
      : (2 * n * p + z2 - 1 - z * Math.sqrt(z2 - 2 - 1 / n + 4 * p * (n * (1 - p) + 1))) / denominator;
  const upper =
    k === n
      ? 1
      : (2 * n * p + z2 + 1 + z * Math.sqrt(z2 + 2 - 1 / n + 4 * p * (n * (1 - p) - 1))) / denominator;
  return { lower: Math.max(0, lower), upper: Math.min(1, upper), level, method: 'wilson-cc' };
}
