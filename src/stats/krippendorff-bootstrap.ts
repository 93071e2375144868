/** A bootstrap interval for Krippendorff's α, resampling units, and the chance that α falls below a threshold. */
import { InputError } from '../domain/input-error.js';
import { checkLevel } from './check-arguments.js';
import type { ConfidenceInterval } from './confidence-interval.js';
import { alphaOf, type Code, type MeasurementLevel, reliabilityData } from './krippendorff-alpha.js';
import { quantileSorted } from './quantile.js';
import type { RandomSource } from './random-source.js';

export interface AlphaBootstrap {
  readonly alpha: number;
  readonly interval: ConfidenceInterval;
  readonly replicates: number;
  /** Share of replicates with α below each threshold (Krippendorff's 0.667 and 0.8 by default). */
  readonly belowThreshold: readonly { readonly threshold: number; readonly probability: number }[];
}

export interface AlphaBootstrapOptions {
  readonly replicates?: number;
  readonly confidence?: number;
  readonly thresholds?: readonly number[];
}

/**
 * Percentile interval of α over B resamples of the pairable units with replacement (a cluster bootstrap:
 * a unit's codes stay together, as its coders' judgements are not independent). Replicates whose α is
 * undefined (no variation drawn) are left out of the percentiles. This is not Hayes and Krippendorff's (2007)
 * resampling of pairs of codes; it is the ordinary nonparametric bootstrap over units.
 *
 * @see https://doi.org/10.1080/19312450709336664
 * @example
 * const rng = prngForStream(1, 0);
 * krippendorffBootstrap(units, () => nextUniform(rng), 'nominal', { replicates: 2000 }).interval;
 * // { lower: …, upper: …, level: 0.95, method: 'bootstrap-units-percentile' }
 */
export function krippendorffBootstrap(
  units: readonly (readonly Code[])[],
  random: RandomSource,
  level: MeasurementLevel = 'nominal',
  options: AlphaBootstrapOptions = {},
): AlphaBootstrap {
  const replicates = options.replicates ?? 2000;
  const confidence = options.confidence ?? 0.95;
  checkLevel(confidence, 'confidence');
  if (!(Number.isInteger(replicates) && replicates > 0)) {
    throw new InputError({
      field: 'replicates',
      value: String(replicates),
      message: 'must be a positive integer',
    });
  }
  const data = reliabilityData(units, level);
  const alpha = alphaOf(data, undefined).alpha;
  const count = data.units.length;
  const draw = new Array<number>(count);
  const alphas: number[] = [];
  for (let r = 0; r < replicates; r++) {
    for (let i = 0; i < count; i++) draw[i] = Math.floor(random() * count);
    const value = alphaOf(data, draw).alpha;
    if (!Number.isNaN(value)) alphas.push(value);
  }
  alphas.sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  return {
    alpha,
    interval: {
      lower: quantileSorted(alphas, tail),
      upper: quantileSorted(alphas, 1 - tail),
      level: confidence,
      method: 'bootstrap-units-percentile',
    },
    replicates: alphas.length,
    belowThreshold: (options.thresholds ?? [0.667, 0.8]).map((threshold) => ({
      threshold,
      probability:
        alphas.length === 0 ? Number.NaN : alphas.filter((a) => a < threshold).length / alphas.length,
    })),
  };
}
