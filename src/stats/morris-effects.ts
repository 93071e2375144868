/**
 * Morris's elementary effects (Morris 1991, with Campolongo et al.'s μ* of 2007): a screening of which
 * parameters matter, from r one-at-a-time trajectories through a p-level grid of the unit cube. Like the Sobol
 * analysis, the design and the analysis are separate steps around the model's evaluations.
 */
import { InputError } from '../domain/input-error.js';
import { checkParameterSpace, fromUnit, type ModelFunction, type ParameterSpace } from './parameter-space.js';
import type { RandomSource } from './random-source.js';

/** One move of a trajectory: which parameter changed, up or down. */
export interface MorrisStep {
  readonly parameter: number;
  readonly sign: 1 | -1;
}

/** r trajectories of k + 1 points each; `steps[t][s]` is the parameter moved between point s and s + 1. */
export interface MorrisDesign {
  readonly space: ParameterSpace;
  readonly levels: number;
  /** The step Δ in unit coordinates: levels / (2 (levels − 1)). */
  readonly delta: number;
  readonly points: readonly (readonly number[])[];
  readonly steps: readonly (readonly MorrisStep[])[];
}

/** Draws `trajectories` Morris trajectories on a `levels`-level grid (levels even, default 4). */
export function morrisDesign(
  space: ParameterSpace,
  trajectories: number,
  random: RandomSource,
  levels = 4,
): MorrisDesign {
  checkParameterSpace(space);
  if (!(Number.isInteger(trajectories) && trajectories >= 2))
    throw new InputError({ field: 'trajectories', value: String(trajectories), message: 'give at least 2' });
  if (!(Number.isInteger(levels) && levels >= 2 && levels % 2 === 0))
    throw new InputError({
      field: 'levels',
      value: String(levels),
      message: 'the grid needs an even number of levels',
    });
  const k = space.length;
  const delta = levels / (2 * (levels - 1));
  // Start levels from which +Δ stays inside [0, 1]: the lower half of the grid.
  const starts = Array.from({ length: levels / 2 }, (_, i) => i / (levels - 1));
  const points: number[][] = [];
  const steps: { parameter: number; sign: 1 | -1 }[][] = [];
  for (let t = 0; t < trajectories; t++) {
    const x = Array.from({ length: k }, () => starts[Math.floor(random() * starts.length)] as number);
    // Each coordinate starts low or high with equal chance and moves once, in a random order.
    const high = x.map(() => random() < 0.5);
    const unit = x.map((v, i) => (high[i] ? v + delta : v));
    const order = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    points.push(fromUnit(space, unit));
    const moves: { parameter: number; sign: 1 | -1 }[] = [];
    for (const i of order) {
      const sign: 1 | -1 = high[i] ? -1 : 1;
      unit[i] = (unit[i] as number) + sign * delta;
      points.push(fromUnit(space, unit));
      moves.push({ parameter: i, sign });
    }
    steps.push(moves);
  }
  return { space, levels, delta, points, steps };
}

/** One parameter's screening measures, in unit coordinates of its range. */
export interface MorrisEffect {
  readonly name: string;
  /** Mean of the elementary effects. */
  readonly mu: number;
  /** Mean of their absolute values: how much the parameter matters. */
  readonly muStar: number;
  /** Their standard deviation (n − 1): how much its effect depends on the others (or is non-linear). */
  readonly sigma: number;
}

export interface MorrisResult {
  readonly effects: readonly MorrisEffect[];
  readonly trajectories: number;
  readonly evaluations: number;
}

/** The measures from the outputs of a design's points, in the design's order. */
export function morrisAnalysis(design: MorrisDesign, outputs: readonly number[]): MorrisResult {
  const k = design.space.length;
  const r = design.steps.length;
  if (outputs.length !== r * (k + 1))
    throw new InputError({
      field: 'outputs',
      value: String(outputs.length),
      message: `the design has ${r * (k + 1)} points, so it needs as many outputs`,
    });
  const effects: number[][] = design.space.map(() => []);
  design.steps.forEach((moves, t) => {
    moves.forEach(({ parameter, sign }, s) => {
      const before = outputs[t * (k + 1) + s] as number;
      const after = outputs[t * (k + 1) + s + 1] as number;
      effects[parameter]?.push((after - before) / (sign * design.delta));
    });
  });
  return {
    effects: design.space.map((p, i) => {
      const ee = effects[i] as number[];
      const mu = ee.reduce((s, v) => s + v, 0) / ee.length;
      const muStar = ee.reduce((s, v) => s + Math.abs(v), 0) / ee.length;
      const sigma = Math.sqrt(ee.reduce((s, v) => s + (v - mu) ** 2, 0) / (ee.length - 1));
      return { name: p.name, mu, muStar, sigma };
    }),
    trajectories: r,
    evaluations: outputs.length,
  };
}

/** Morris screening of `fn` over `space`. */
export function morrisEffects(
  fn: ModelFunction,
  space: ParameterSpace,
  options: { readonly trajectories?: number; readonly levels?: number; readonly random: RandomSource },
): MorrisResult {
  const design = morrisDesign(space, options.trajectories ?? 20, options.random, options.levels ?? 4);
  return morrisAnalysis(design, design.points.map(fn));
}
