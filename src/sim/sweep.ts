/** Sweeps: a grid or a Latin hypercube over scenario parameters, expanded into points with their own seeds. */
import { z } from 'zod';
import { InputError, type InputIssue } from '../domain/input-error.js';
import { MAX_SEED } from '../domain/seed.js';
import { closest } from '../domain/suggest.js';
import type { RunSummary } from './aggregate.js';
import { DEFAULT_CONSTANTS, MODEL_VERSION, type ModelConstants } from './model-constants.js';
import { NUMERIC_PARAMETERS, type NumericParameter, SCENARIO_FIELDS, type Scenario } from './parameters.js';
import { deriveSeed, nextUniform, prngForStream } from './prng.js';
import { resolveScenario } from './scenario-file.js';
import { simulateScenario } from './simulate.js';

const gridValues = z.union([
  z.array(z.union([z.number(), z.string()])).min(1),
  z.strictObject({ from: z.number(), to: z.number(), steps: z.int().min(2).max(1000) }),
]);

/** A sweep as written in a file: a base scenario, and either a grid or a Latin hypercube over some of its fields. */
export const sweepSpecSchema = z
  .strictObject({
    name: z.string().optional(),
    description: z.string().optional(),
    /** A scenario (fields, or `preset: NAME` with overrides) that every point starts from. */
    base: z.record(z.string(), z.unknown()).default({}),
    runs: z.int().min(1).max(10_000_000).optional(),
    seed: z.int().min(0).max(MAX_SEED).default(1),
    /**
     * `independent`: point k draws from its own seed, derived from the sweep's seed and k.
     * `common`: every point uses the sweep's seed, so that points differ only by their parameters (common random
     * numbers), which makes differences between points far less noisy.
     */
    seeding: z.enum(['independent', 'common']).default('independent'),
    grid: z.record(z.string(), gridValues).optional(),
    latinHypercube: z
      .strictObject({
        samples: z.int().min(1).max(1_000_000),
        ranges: z.record(z.string(), z.tuple([z.number(), z.number()])),
      })
      .optional(),
  })
  .refine((spec) => (spec.grid === undefined) !== (spec.latinHypercube === undefined), {
    message: 'a sweep has either a grid or a latinHypercube, not both and not neither',
  });

export type SweepSpecInput = z.input<typeof sweepSpecSchema>;
export type SweepSpec = z.output<typeof sweepSpecSchema>;

/** One point of a sweep: the values it varies, and the complete scenario (with its seed) they give. */
export interface SweepPoint {
  readonly index: number;
  readonly values: Readonly<Record<string, number | string>>;
  readonly scenario: Scenario;
}

const MAX_POINTS = 1_000_000;

function checkField(name: string, place: Pick<InputIssue, 'file'>, where: string): void {
  if (SCENARIO_FIELDS.includes(name) && !['name', 'description', 'runs', 'seed'].includes(name)) return;
  const near = closest(name, SCENARIO_FIELDS);
  throw new InputError({
    ...place,
    field: `${where}.${name}`,
    message: 'not a parameter that can be swept',
    hint: `${near !== undefined ? `did you mean ${near}? ` : ''}sweepable: ${SCENARIO_FIELDS.filter((f) => !['name', 'description', 'runs', 'seed'].includes(f)).join(', ')}`,
  });
}

function numericParameter(name: string): NumericParameter | undefined {
  const key = name.startsWith('weights.') ? name.slice('weights.'.length) : name;
  return (NUMERIC_PARAMETERS as Record<string, NumericParameter>)[key];
}

function withValue(input: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  if (!name.startsWith('weights.')) return { ...input, [name]: value };
  const weights = (input.weights ?? {}) as Record<string, unknown>;
  return { ...input, weights: { ...weights, [name.slice('weights.'.length)]: value } };
}

function expandAxis(axis: z.output<typeof gridValues>): (number | string)[] {
  if (Array.isArray(axis)) return axis;
  const { from, to, steps } = axis;
  return Array.from({ length: steps }, (_, i) =>
    i === steps - 1 ? to : from + ((to - from) * i) / (steps - 1),
  );
}

/** The value assignments of a grid, the last axis varying fastest. */
function gridAssignments(
  grid: Record<string, z.output<typeof gridValues>>,
): Record<string, number | string>[] {
  const axes = Object.entries(grid).map(([name, axis]) => [name, expandAxis(axis)] as const);
  const total = axes.reduce((n, [, values]) => n * values.length, 1);
  if (total > MAX_POINTS)
    throw new InputError({
      field: 'grid',
      value: String(total),
      message: 'too many points',
      hint: `at most ${MAX_POINTS}`,
    });
  const out: Record<string, number | string>[] = [];
  for (let k = 0; k < total; k++) {
    let rest = k;
    const picked = new Map<string, number | string>();
    for (const [name, list] of [...axes].reverse()) {
      picked.set(name, list[rest % list.length] as number | string);
      rest = Math.floor(rest / list.length);
    }
    out.push(Object.fromEntries(axes.map(([name]) => [name, picked.get(name) as number | string])));
  }
  return out;
}

/**
 * A Latin hypercube of `samples` points (McKay, Beckman & Conover 1979): each range is cut into `samples` equal
 * strata, each stratum is used once per parameter, and the pairing of strata across parameters is random.
 * Integer parameters are rounded. Drawn from substream 1 of the sweep's seed, apart from every run's stream.
 */
function latinHypercube(
  samples: number,
  ranges: Record<string, [number, number]>,
  seed: number,
): Record<string, number>[] {
  const rng = prngForStream(seed, 0, 1);
  const columns = Object.entries(ranges).map(([name, [low, high]]) => {
    const strata = Array.from({ length: samples }, (_, i) => i);
    for (let i = samples - 1; i > 0; i--) {
      const j = Math.floor(nextUniform(rng) * (i + 1));
      const swap = strata[i] as number;
      strata[i] = strata[j] as number;
      strata[j] = swap;
    }
    const integer = isIntegerParameter(name);
    return {
      name,
      values: strata.map((stratum) => {
        const x = low + ((stratum + nextUniform(rng)) / samples) * (high - low);
        return integer ? Math.round(x) : x;
      }),
    };
  });
  return Array.from({ length: samples }, (_, k) =>
    Object.fromEntries(columns.map(({ name, values }) => [name, values[k] as number])),
  );
}

/**
 * A spec file's schema issues, each naming the file and the field; `whole` names the file itself, and `fields`,
 * when given, is the hint an unknown field gets.
 */
export function specIssues(
  issues: readonly z.core.$ZodIssue[],
  place: Pick<InputIssue, 'file'>,
  whole: string,
  fields?: string,
): InputIssue[] {
  return issues.map((issue) => ({
    ...place,
    field: issue.path.map(String).join('.') || whole,
    message: issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue.message,
    ...(issue.code === 'unrecognized_keys' && fields !== undefined ? { hint: `fields: ${fields}` } : {}),
  }));
}

/** A validated sweep spec from user input. */
export function parseSweepSpec(input: unknown, file?: string): SweepSpec {
  const place = file !== undefined ? { file } : {};
  const parsed = sweepSpecSchema.safeParse(input ?? {});
  if (!parsed.success)
    throw new InputError(
      specIssues(
        parsed.error.issues,
        place,
        '(sweep)',
        'name, description, base, runs, seed, seeding, grid, latinHypercube',
      ),
    );
  const spec = parsed.data;
  for (const name of Object.keys(spec.grid ?? {})) checkField(name, place, 'grid');
  for (const [name, [low, high]] of Object.entries(spec.latinHypercube?.ranges ?? {}))
    checkRange(name, low, high, place, 'latinHypercube.ranges');
  return spec;
}

/** The points of a sweep, each a complete, validated scenario with its seed. */
export function expandSweep(spec: SweepSpec, file?: string): SweepPoint[] {
  const { grid, latinHypercube: hypercube } = spec;
  const assignments: Record<string, number | string>[] =
    grid !== undefined
      ? gridAssignments(grid)
      : hypercube !== undefined
        ? latinHypercube(hypercube.samples, hypercube.ranges, spec.seed)
        : [];
  return pointsOf(spec, assignments, file);
}

/** What a set of points shares: the base scenario, runs per point, and how each point's seed is chosen. */
export type PointSettings = Pick<SweepSpec, 'base' | 'runs' | 'seed' | 'seeding'>;

/** Each assignment of values applied to the base scenario: one complete, validated scenario a point. */
export function pointsOf(
  settings: PointSettings,
  assignments: readonly Readonly<Record<string, number | string>>[],
  file?: string,
): SweepPoint[] {
  return assignments.map((values, index) => {
    let input: Record<string, unknown> = { ...settings.base };
    for (const [name, value] of Object.entries(values)) input = withValue(input, name, value);
    if (settings.runs !== undefined) input.runs = settings.runs;
    input.seed = settings.seeding === 'common' ? settings.seed : deriveSeed(settings.seed, index);
    try {
      return { index, values, scenario: resolveScenario(input, file !== undefined ? { file } : {}) };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new InputError(
        error.issues.map((issue) => ({ ...issue, message: `${issue.message} at sweep point ${index}` })),
      );
    }
  });
}

/** Checks that `name` can be varied with a numeric range [low, high]; the issue names `where`. */
export function checkRange(
  name: string,
  low: number,
  high: number,
  place: Pick<InputIssue, 'file'>,
  where: string,
): void {
  checkField(name, place, where);
  if (numericParameter(name) === undefined || !(low <= high)) {
    throw new InputError({
      ...place,
      field: `${where}.${name}`,
      value: JSON.stringify([low, high]),
      message: 'a range is [low, high] of a numeric parameter',
    });
  }
}

/** Whether the parameter takes whole numbers, so that a value drawn for it is rounded. */
export const isIntegerParameter = (name: string): boolean => numericParameter(name)?.integer === true;

export interface SweepPointResult {
  readonly index: number;
  readonly values: Readonly<Record<string, number | string>>;
  readonly seed: number;
  readonly summary: RunSummary;
}

export interface SweepResult {
  readonly name?: string;
  readonly provenance: {
    readonly model: string;
    readonly seed: number;
    readonly seeding: string;
    readonly constants: ModelConstants;
  };
  readonly points: readonly SweepPointResult[];
}

/** Simulates one point: the unit of work a worker pool hands out. */
export function runSweepPoint(
  point: SweepPoint,
  constants: ModelConstants = DEFAULT_CONSTANTS,
): SweepPointResult {
  const { summary } = simulateScenario(point.scenario, { constants });
  return { index: point.index, values: point.values, seed: point.scenario.seed, summary };
}

/** Puts point results (in any order of completion) together in point order. */
export function assembleSweep(
  spec: SweepSpec,
  results: readonly SweepPointResult[],
  constants: ModelConstants = DEFAULT_CONSTANTS,
): SweepResult {
  return {
    ...(spec.name !== undefined ? { name: spec.name } : {}),
    provenance: { model: MODEL_VERSION, seed: spec.seed, seeding: spec.seeding, constants },
    points: [...results].sort((a, b) => a.index - b.index),
  };
}

/** Runs a whole sweep in this thread. */
export function runSweep(spec: SweepSpec, constants: ModelConstants = DEFAULT_CONSTANTS): SweepResult {
  return assembleSweep(
    spec,
    expandSweep(spec).map((point) => runSweepPoint(point, constants)),
    constants,
  );
}
