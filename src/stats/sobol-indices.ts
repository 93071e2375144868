/**
 * Variance-based global sensitivity: Sobol first-order and total-order indices by Saltelli's sampling scheme,
 * the first-order estimator of Saltelli et al. (2010) and the total-order estimator of Jansen (1999), with
 * bootstrap intervals. Sampling, evaluation and analysis are separate steps, so that the evaluations of a costly
 * model can run anywhere (a worker pool, a queue) between them; `sobolIndices` does all three for a function.
 */
import { InputError } from '../domain/input-error.js';
import { checkLevel } from './check-arguments.js';
import { checkParameterSpace, fromUnit, type ModelFunction, type ParameterSpace } from './parameter-space.js';
import { quantileSorted } from './quantile.js';
import type { RandomSource } from './random-source.js';

/**
 * The points to evaluate: N rows of A, N rows of B, then for each parameter i the N rows of A with column i
 * taken from B (A_B^i), so N(k + 2) points in all, each in the parameters' own units.
 */
export interface SaltelliDesign {
  readonly n: number;
  readonly space: ParameterSpace;
  readonly points: readonly (readonly number[])[];
}

/**
 * Draws Saltelli's design of base size `n` from `random` (independent uniform draws for A and B: a plain Monte
 * Carlo design, which keeps every estimate reproducible from a seed and the bootstrap valid).
 */
export function saltelliDesign(space: ParameterSpace, n: number, random: RandomSource): SaltelliDesign {
  checkParameterSpace(space);
  if (!(Number.isInteger(n) && n >= 2))
    throw new InputError({ field: 'n', value: String(n), message: 'the base sample needs at least 2 rows' });
  const k = space.length;
  const draw = () => Array.from({ length: k }, () => random());
  const a = Array.from({ length: n }, draw);
  const b = Array.from({ length: n }, draw);
  const mixed = space.flatMap((_, i) =>
    a.map((row, j) => row.map((x, c) => (c === i ? (b[j]?.[c] ?? x) : x))),
  );
  return { n, space, points: [...a, ...b, ...mixed].map((u) => fromUnit(space, u)) };
}

/** One parameter's indices, each with its bootstrap interval. */
export interface SobolIndex {
  readonly name: string;
  readonly first: number;
  readonly firstInterval: readonly [number, number];
  readonly total: number;
  readonly totalInterval: readonly [number, number];
}

export interface SobolResult {
  readonly indices: readonly SobolIndex[];
  /** Variance of the output over A and B, the indices' denominator. */
  readonly variance: number;
  readonly evaluations: number;
  readonly level: number;
  readonly resamples: number;
  readonly estimators: { readonly first: 'saltelli-2010'; readonly total: 'jansen-1999' };
}

export interface SobolAnalysisOptions {
  /** Bootstrap resamples of the N base rows (default 1000). */
  readonly resamples?: number;
  readonly level?: number;
  /** Draws the bootstrap resamples; required when resamples > 0. */
  readonly random?: RandomSource;
}

function estimate(
  fa: readonly number[],
  fb: readonly number[],
  fab: readonly (readonly number[])[],
  rows: readonly number[],
): { first: number[]; total: number[]; variance: number } {
  const n = rows.length;
  let sum = 0;
  let sumSq = 0;
  for (const j of rows) {
    const [x, y] = [fa[j] as number, fb[j] as number];
    sum += x + y;
    sumSq += x * x + y * y;
  }
  const mean = sum / (2 * n);
  const variance = sumSq / (2 * n) - mean * mean;
  const first = fab.map((f) => {
    let s = 0;
    for (const j of rows) s += (fb[j] as number) * ((f[j] as number) - (fa[j] as number));
    return s / n / variance;
  });
  const total = fab.map((f) => {
    let s = 0;
    for (const j of rows) s += ((fa[j] as number) - (f[j] as number)) ** 2;
    return s / (2 * n) / variance;
  });
  return { first, total, variance };
}

/**
 * The indices from the outputs of a design's points, in the design's order.
 *
 * @example
 * const design = saltelliDesign(space, 4096, random);
 * const result = sobolAnalysis(design, design.points.map(model), { random });
 */
export function sobolAnalysis(
  design: SaltelliDesign,
  outputs: readonly number[],
  options: SobolAnalysisOptions = {},
): SobolResult {
  const { n, space } = design;
  const k = space.length;
  if (outputs.length !== n * (k + 2))
    throw new InputError({
      field: 'outputs',
      value: String(outputs.length),
      message: `the design has ${n * (k + 2)} points, so it needs as many outputs`,
    });
  if (outputs.some((y) => !Number.isFinite(y)))
    throw new InputError({ field: 'outputs', message: 'every output must be a finite number' });
  const level = options.level ?? 0.95;
  checkLevel(level);
  const resamples = options.resamples ?? 1000;
  const fa = outputs.slice(0, n);
  const fb = outputs.slice(n, 2 * n);
  const fab = space.map((_, i) => outputs.slice((2 + i) * n, (3 + i) * n));
  const all = Array.from({ length: n }, (_, j) => j);
  const point = estimate(fa, fb, fab, all);
  if (!(point.variance > 0))
    throw new InputError({
      field: 'outputs',
      message: 'the output does not vary over the design, so no share of its variance can be attributed',
    });

  const firsts: number[][] = space.map(() => []);
  const totals: number[][] = space.map(() => []);
  if (resamples > 0) {
    const random = options.random;
    if (random === undefined)
      throw new InputError({ field: 'random', message: 'bootstrap intervals need a seeded random source' });
    for (let r = 0; r < resamples; r++) {
      const rows = all.map(() => Math.floor(random() * n));
      const b = estimate(fa, fb, fab, rows);
      if (!(b.variance > 0)) continue;
      for (let i = 0; i < k; i++) {
        firsts[i]?.push(b.first[i] as number);
        totals[i]?.push(b.total[i] as number);
      }
    }
  }
  const interval = (draws: number[], value: number): [number, number] => {
    if (draws.length === 0) return [value, value];
    const sorted = [...draws].sort((x, y) => x - y);
    return [quantileSorted(sorted, (1 - level) / 2), quantileSorted(sorted, (1 + level) / 2)];
  };
  return {
    indices: space.map((p, i) => ({
      name: p.name,
      first: point.first[i] as number,
      firstInterval: interval(firsts[i] as number[], point.first[i] as number),
      total: point.total[i] as number,
      totalInterval: interval(totals[i] as number[], point.total[i] as number),
    })),
    variance: point.variance,
    evaluations: outputs.length,
    level,
    resamples,
    estimators: { first: 'saltelli-2010', total: 'jansen-1999' },
  };
}

export interface SobolOptions extends SobolAnalysisOptions {
  /** Base sample size N; the model is evaluated N(k + 2) times (default 1024). */
  readonly n?: number;
  readonly random: RandomSource;
}

/**
 * Sobol indices of `fn` over `space`: samples Saltelli's design, evaluates `fn` at every point and analyses.
 *
 * @example
 * const rng = prngForStream(1, 0);
 * sobolIndices(ishigami, [{ name: 'x1', lower: -Math.PI, upper: Math.PI }, …], { n: 8192, random: () => nextUniform(rng) });
 * // indices[0].first ≈ 0.314, indices[0].total ≈ 0.558
 */
export function sobolIndices(fn: ModelFunction, space: ParameterSpace, options: SobolOptions): SobolResult {
  const design = saltelliDesign(space, options.n ?? 1024, options.random);
  return sobolAnalysis(design, design.points.map(fn), options);
}
