/** A proportion with its interval by a named method, Wilson unless told otherwise. */
import { agrestiCoullInterval } from './agresti-coull-interval.js';
import { checkSuccesses } from './check-arguments.js';
import { clopperPearsonInterval } from './clopper-pearson-interval.js';
import type { ConfidenceInterval } from './confidence-interval.js';
import { jeffreysInterval } from './jeffreys-interval.js';
import { PROPORTION_METHODS, type ProportionMethod } from './proportion-methods.js';
import { wilsonContinuityInterval } from './wilson-continuity-interval.js';
import { wilsonInterval } from './wilson-interval.js';

export { PROPORTION_METHODS, type ProportionMethod };

export interface ProportionEstimate {
  readonly successes: number;
  readonly trials: number;
  readonly estimate: number;
  readonly interval: ConfidenceInterval;
}

export interface ProportionOptions {
  /** Default `wilson`: near-nominal coverage at small n without Clopper–Pearson's excess width. */
  readonly method?: ProportionMethod;
  /** Default 0.95. */
  readonly level?: number;
}

const intervalOf: Record<ProportionMethod, (k: number, n: number, level: number) => ConfidenceInterval> = {
  wilson: wilsonInterval,
  jeffreys: jeffreysInterval,
  'clopper-pearson': clopperPearsonInterval,
  'agresti-coull': agrestiCoullInterval,
  'wilson-cc': wilsonContinuityInterval,
};

/**
 * k/n with a confidence interval.
 *
 * @example
 * proportion(40, 65).estimate; // 0.6153846153846154
 * proportion(40, 65, { method: 'jeffreys' }).interval.method; // 'jeffreys'
 */
export function proportion(k: number, n: number, options: ProportionOptions = {}): ProportionEstimate {
  checkSuccesses(k, n);
  const method = options.method ?? 'wilson';
  return {
    successes: k,
    trials: n,
    estimate: k / n,
    interval: intervalOf[method](k, n, options.level ?? 0.95),
  };
}
