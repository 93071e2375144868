/**
 * How sure the fitted constants are: the calibration repeated over bootstrap resamples of the counts its targets
 * rest on. Each resample draws every counted target's successes again (binomially, from the published rate),
 * moves the target's band by as much as the resampled rate moved, and fits the free constants afresh; the spread
 * of the fitted values over the resamples is the constants' uncertainty from the evidence's own sampling error.
 */
import {
  CALIBRATION_TARGETS,
  type CalibrationOptions,
  type CalibrationTarget,
  calibrate,
} from './calibrate.js';
import type { ModelConstants } from './model-constants.js';
import { nextUniform, prngForStream } from './prng.js';
import { quantileSorted } from './quantile.js';

/** The count a target's band was drawn from: `successes` of `trials`. */
export interface TargetEvidence {
  readonly successes: number;
  readonly trials: number;
}

/**
 * The counts behind model.md's targets, from their sources: Levin's 40 of 50 and 25 of 65 (the article's Table 2),
 * O'Rourke's 25 of 64 covert attempts that succeeded, and none of the eight operations against a major power
 * (six US against the USSR, two Soviet in US elections). The last never moves: a resample of 0 of 8 is 0.
 */
export const TARGET_EVIDENCE: Readonly<Record<string, TargetEvidence>> = {
  'incumbent-election': { successes: 40, trials: 50 },
  'challenger-election': { successes: 25, trials: 65 },
  'challenger-ascent': { successes: 25, trials: 64 },
  'major-power-ascent': { successes: 0, trials: 8 },
};

export interface ConstantSpread {
  readonly name: keyof ModelConstants;
  /** The fit to the targets as published. */
  readonly fitted: number;
  readonly median: number;
  /** The central interval of the resampled fits at `level`. */
  readonly low: number;
  readonly high: number;
}

export interface CalibrationBootstrap {
  readonly resamples: number;
  readonly seed: number;
  readonly level: number;
  readonly constants: readonly ConstantSpread[];
  /** Resamples whose fit met every one of its own (moved) targets. */
  readonly metAll: number;
  /** The targets that were resampled, with their counts; the others keep their band in every resample. */
  readonly evidence: Readonly<Record<string, TargetEvidence>>;
}

export interface BootstrapOptions extends CalibrationOptions {
  readonly resamples?: number;
  /** Seed of the resampling (the simulations keep `seed`). */
  readonly bootstrapSeed?: number;
  readonly level?: number;
  readonly evidence?: Readonly<Record<string, TargetEvidence>>;
  /** The fit to the targets as given, when the caller has made it already (it takes as long as a resample). */
  readonly fitted?: ModelConstants;
  readonly onProgress?: (done: number, total: number) => void;
}

/** One resample's targets: each counted target's band moved by the resampled rate's difference from the count's. */
export function resampleTargets(
  targets: readonly CalibrationTarget[],
  evidence: Readonly<Record<string, TargetEvidence>>,
  random: () => number,
): CalibrationTarget[] {
  return targets.map((target) => {
    const count = evidence[target.id];
    if (count === undefined || count.trials <= 0) return target;
    const p = count.successes / count.trials;
    let drawn = 0;
    for (let i = 0; i < count.trials; i++) if (random() < p) drawn++;
    const shift = drawn / count.trials - p;
    const low = Math.min(1, Math.max(0, target.low + shift));
    const high = Math.min(1, Math.max(0, target.high + shift));
    return { ...target, low, high };
  });
}

/**
 * Fits the constants to the targets as given, then to `resamples` bootstrap resamples of them (each from its own
 * substream of `bootstrapSeed`, so the result does not depend on the order the fits are run in), and reports each
 * free constant's fitted value with the median and central interval of its resampled fits.
 */
export function calibrationBootstrap(options: BootstrapOptions = {}): CalibrationBootstrap {
  const targets = options.targets ?? CALIBRATION_TARGETS;
  const evidence = options.evidence ?? TARGET_EVIDENCE;
  const resamples = Math.max(1, Math.floor(options.resamples ?? 50));
  const seed = options.bootstrapSeed ?? 1;
  const level = options.level ?? 0.95;
  const fitted = options.fitted ?? calibrate(options).constants;
  const names = Object.keys(fitted) as (keyof ModelConstants)[];
  const values = new Map(names.map((name) => [name, [] as number[]]));
  let metAll = 0;
  for (let b = 0; b < resamples; b++) {
    const rng = prngForStream(seed, b, 3);
    const fit = calibrate({
      ...options,
      targets: resampleTargets(targets, evidence, () => nextUniform(rng)),
    });
    if (fit.pass) metAll++;
    for (const name of names) values.get(name)?.push(fit.constants[name]);
    options.onProgress?.(b + 1, resamples);
  }
  const tail = (1 - level) / 2;
  return {
    resamples,
    seed,
    level,
    constants: names.map((name) => {
      const sorted = Float64Array.from(values.get(name) ?? []).sort();
      return {
        name,
        fitted: fitted[name],
        median: quantileSorted(sorted, 0.5),
        low: quantileSorted(sorted, tail),
        high: quantileSorted(sorted, 1 - tail),
      };
    }),
    metAll,
    evidence: Object.fromEntries(
      targets.flatMap((t) => {
        const count = evidence[t.id];
        return count === undefined ? [] : [[t.id, count] as const];
      }),
    ),
  };
}
