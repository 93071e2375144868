/**
 * Global sensitivity of the model: which parameters drive an outcome, by Sobol indices (how much of the
 * outcome's variance each explains, alone and with the others) or Morris screening. A spec names the base
 * scenario, the ranges and the outcome; its points are ordinary sweep points, so they run anywhere a sweep does,
 * and the analysis reads their summaries.
 */
import { z } from 'zod';
import { InputError } from '../domain/input-error.js';
import { MAX_SEED } from '../domain/seed.js';
import {
  type MorrisDesign,
  type MorrisResult,
  morrisAnalysis,
  morrisDesign,
  type ParameterSpace,
  type SaltelliDesign,
  type SobolResult,
  saltelliDesign,
  sobolAnalysis,
} from '../stats/index.js';
import type { RunSummary } from './aggregate.js';
import { DEFAULT_CONSTANTS, MODEL_VERSION, type ModelConstants } from './model-constants.js';
import { nextUniform, prngForStream } from './prng.js';
import {
  checkRange,
  isIntegerParameter,
  pointsOf,
  runSweepPoint,
  type SweepPoint,
  type SweepPointResult,
  specIssues,
} from './sweep.js';

export const SENSITIVITY_METHODS = ['sobol', 'morris'] as const;
export type SensitivityMethod = (typeof SENSITIVITY_METHODS)[number];

export const sensitivitySpecSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  base: z.record(z.string(), z.unknown()).default({}),
  runs: z.int().min(1).max(10_000_000).optional(),
  seed: z.int().min(0).max(MAX_SEED).default(1),
  /** Common random numbers by default: points differ by their parameters only, so the indices are not noise. */
  seeding: z.enum(['independent', 'common']).default('common'),
  method: z.enum(SENSITIVITY_METHODS).default('sobol'),
  /** Sobol: the base sample N (N(k + 2) points). Morris: the number of trajectories (r(k + 1) points). */
  samples: z.int().min(2).max(100_000),
  /** Morris: levels of the grid. */
  levels: z.int().min(2).max(100).default(4),
  /** Sobol: bootstrap resamples for the intervals. */
  resamples: z.int().min(0).max(100_000).default(1000),
  level: z.number().gt(0).lt(1).default(0.95),
  /** The outcome analysed: `rates.NAME` (a share of runs) or `means.NAME` (a mean over runs). */
  outcome: z.string().regex(/^(rates|means)\.[A-Za-z0-9]+$/, 'write rates.NAME or means.NAME'),
  ranges: z
    .record(z.string(), z.tuple([z.number(), z.number()]))
    .refine((r) => Object.keys(r).length > 0, 'give at least one range'),
});

export type SensitivitySpec = z.output<typeof sensitivitySpecSchema>;

/** A validated spec from user input; every issue names the file and field. */
export function parseSensitivitySpec(input: unknown, file?: string): SensitivitySpec {
  const place = file !== undefined ? { file } : {};
  const parsed = sensitivitySpecSchema.safeParse(input ?? {});
  if (!parsed.success) throw new InputError(specIssues(parsed.error.issues, place, '(spec)'));
  const spec = parsed.data;
  for (const [name, [low, high]] of Object.entries(spec.ranges)) {
    checkRange(name, low, high, place, 'ranges');
    if (low === high)
      throw new InputError({ ...place, field: `ranges.${name}`, message: 'a range needs low < high' });
  }
  return spec;
}

/** The design of an analysis, and its points as sweep points. */
export interface SensitivityPlan {
  readonly spec: SensitivitySpec;
  readonly space: ParameterSpace;
  readonly design: SaltelliDesign | MorrisDesign;
  readonly points: readonly SweepPoint[];
}

/** The spec's design, drawn from substream 2 of its seed (runs use substream 0, Latin hypercubes 1). */
export function planSensitivity(spec: SensitivitySpec, file?: string): SensitivityPlan {
  const space: ParameterSpace = Object.entries(spec.ranges).map(([name, [lower, upper]]) => ({
    name,
    lower,
    upper,
  }));
  const rng = prngForStream(spec.seed, 0, 2);
  const random = () => nextUniform(rng);
  const design =
    spec.method === 'sobol'
      ? saltelliDesign(space, spec.samples, random)
      : morrisDesign(space, spec.samples, random, spec.levels);
  const assignments = design.points.map((x) =>
    Object.fromEntries(
      space.map((p, i) => [
        p.name,
        isIntegerParameter(p.name) ? Math.round(x[i] as number) : (x[i] as number),
      ]),
    ),
  );
  return { spec, space, design, points: pointsOf(spec, assignments, file) };
}

/** The outcome the spec names, read from one point's summary. */
function outcomeOf(summary: RunSummary, outcome: string, index: number): number {
  const [group, name] = outcome.split('.') as ['rates' | 'means', string];
  const table = summary[group] as unknown as Record<string, { rate?: number; mean?: number } | undefined>;
  const entry = table[name];
  if (entry === undefined)
    throw new InputError({
      field: 'outcome',
      value: outcome,
      message: `the ${summary.mode} model has no such outcome`,
      hint: `${group}: ${Object.keys(table).join(', ')}`,
    });
  const value = group === 'rates' ? entry.rate : entry.mean;
  if (value === undefined || !Number.isFinite(value))
    throw new InputError({
      field: 'outcome',
      value: outcome,
      message: `the outcome is undefined at point ${index} (no run reached it)`,
      hint: 'choose an outcome every run has, e.g. rates.defected, or narrow the ranges',
    });
  return value;
}

export type SensitivityIndices =
  | ({ readonly method: 'sobol' } & SobolResult)
  | ({ readonly method: 'morris' } & MorrisResult);

export interface SensitivityResult {
  readonly name?: string;
  readonly outcome: string;
  readonly provenance: {
    readonly model: string;
    readonly seed: number;
    readonly seeding: string;
    readonly runsPerPoint: number;
    readonly points: number;
    readonly constants: ModelConstants;
  };
  readonly analysis: SensitivityIndices;
}

/** The analysis of a plan from its points' results (in any order of completion). */
export function analyseSensitivity(
  plan: SensitivityPlan,
  results: readonly SweepPointResult[],
  constants: ModelConstants = DEFAULT_CONSTANTS,
): SensitivityResult {
  const { spec } = plan;
  const ordered = [...results].sort((a, b) => a.index - b.index);
  const outputs = ordered.map((r) => outcomeOf(r.summary, spec.outcome, r.index));
  const rng = prngForStream(spec.seed, 0, 3);
  const analysis: SensitivityIndices =
    spec.method === 'sobol'
      ? {
          method: 'sobol',
          ...sobolAnalysis(plan.design as SaltelliDesign, outputs, {
            resamples: spec.resamples,
            level: spec.level,
            random: () => nextUniform(rng),
          }),
        }
      : { method: 'morris', ...morrisAnalysis(plan.design as MorrisDesign, outputs) };
  return {
    ...(spec.name !== undefined ? { name: spec.name } : {}),
    outcome: spec.outcome,
    provenance: {
      model: MODEL_VERSION,
      seed: spec.seed,
      seeding: spec.seeding,
      runsPerPoint: plan.points[0]?.scenario.runs ?? 0,
      points: plan.points.length,
      constants,
    },
    analysis,
  };
}

/** Runs an analysis in this thread (the CLI runs the points on the worker pool instead). */
export function runSensitivity(
  spec: SensitivitySpec,
  constants: ModelConstants = DEFAULT_CONSTANTS,
): SensitivityResult {
  const plan = planSensitivity(spec);
  return analyseSensitivity(
    plan,
    plan.points.map((p) => runSweepPoint(p, constants)),
    constants,
  );
}
