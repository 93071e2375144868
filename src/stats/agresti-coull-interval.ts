/** The Agresti–Coull interval for a binomial proportion: the Wald interval about an adjusted estimate. */
import { checkSuccesses } from './check-arguments.js';
import type { ConfidenceInterval } from './confidence-interval.js';
import { criticalZ } from './critical-z.js';

/**
 * Agresti and Coull (1998): add z²/2 successes and z²/2 failures, then take the Wald interval
 * p̃ ± z √(p̃(1 − p̃)/ñ) with ñ = n + z², clipped to [0, 1].
 *
 * @see https://doi.org/10.1080/00031305.1998.10480550
 * @example
 * agrestiCoullInterval(40, 65).method; // 'agresti-coull'
 */
export function agrestiCoullInterval(k: number, n: number, level = 0.95): ConfidenceInterval {
  checkSuccesses(k, n);
  const z = criticalZ(level);
  const adjusted = n + z * z;
  const centre = (k + (z * z) / 2) / adjusted;
  const halfWidth = z * Math.sqrt((centre * (1 - centre)) / adjusted);
  return {
    lower: Math.max(0, centre - halfWidth),
    upper: Math.min(1, centre + halfWidth),
    level,
    method: 'agresti-coull',
  };
}
