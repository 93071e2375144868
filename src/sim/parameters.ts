/** The scenario parameters of the interference model: their ranges, defaults, meanings and validation. */
import { z } from 'zod';
import { InputError, type InputIssue } from '../domain/input-error.js';
import { show, valueAt } from '../domain/issue-values.js';
import { MAX_SEED } from '../domain/seed.js';
import { closest } from '../domain/suggest.js';

/** Whom the sponsor backs; the record's codebook also knows `unknown`, which a simulation cannot run. */
export const MODEL_SIDES = ['challenger', 'incumbent'] as const;
export const MODES = ['struggle', 'election'] as const;
export type Mode = (typeof MODES)[number];
export type ModelSide = (typeof MODEL_SIDES)[number];

/** One numeric parameter as docs/model.md tabulates it; the schema and the error hints are built from it. */
export interface NumericParameter {
  readonly name: string;
  readonly symbol: string;
  readonly min: number;
  readonly max: number;
  /** The lower bound itself is not allowed (the discount must be positive). */
  readonly minExclusive?: boolean;
  readonly integer?: boolean;
  readonly default: number;
  readonly meaning: string;
}

function numeric(
  name: string,
  symbol: string,
  min: number,
  max: number,
  fallback: number,
  meaning: string,
  extra: Pick<NumericParameter, 'minExclusive' | 'integer'> = {},
): NumericParameter {
  return { name, symbol, min, max, default: fallback, meaning, ...extra };
}

export const NUMERIC_PARAMETERS = {
  targetPower: numeric(
    'targetPower',
    'P',
    0,
    1,
    0.3,
    'size and self-sufficiency of the target (0.8+ = major power)',
  ),
  capability: numeric('capability', 'κ', 0, 1, 0.5, "the proxy's own strength and competence"),
  divergence: numeric('divergence', 'δ0', 0, 1, 0.3, "baseline gap between proxy's and sponsor's goals"),
  capabilityDivergence: numeric(
    'capabilityDivergence',
    'ρ',
    0,
    1,
    0.5,
    'how much capability adds to divergence',
  ),
  nationalism: numeric('nationalism', 'ν', 0, 1, 0.5, 'domestic reward for autonomy from the sponsor'),
  aid: numeric('aid', 'a', 0, 1, 0.3, 'yearly support, share of a nominal budget'),
  layers: numeric(
    'layers',
    'n',
    0,
    5,
    0,
    'intermediaries between sponsor and proxy (cut-outs, NGOs, contractors)',
    {
      integer: true,
    },
  ),
  heavyHandedness: numeric('heavyHandedness', 'h', 0, 1, 0.5, 'how hard the sponsor presses its demands'),
  opportunism: numeric(
    'opportunism',
    'o',
    0,
    1,
    0.1,
    "yearly chance the sponsor deals with the rival over the proxy's head",
  ),
  intentions: numeric(
    'weights.intentions',
    'wI',
    0,
    Number.POSITIVE_INFINITY,
    1,
    'value the sponsor puts on a friendly government',
  ),
  capabilities: numeric(
    'weights.capabilities',
    'wC',
    0,
    Number.POSITIVE_INFINITY,
    0.5,
    "value the sponsor puts on the target's internal discord",
  ),
  regime: numeric(
    'weights.regime',
    'wR',
    0,
    Number.POSITIVE_INFINITY,
    0.3,
    'value the sponsor puts on a like-minded regime',
  ),
  horizon: numeric('horizon', 'T', 1, 100, 30, 'years simulated', { integer: true }),
  discount: numeric('discount', 'β', 0, 1, 0.95, "yearly discount of the sponsor's payoff", {
    minExclusive: true,
  }),
  volatility: numeric('volatility', 'σ', 0, 0.5, 0.05, 'yearly noise in the power balance'),
  runs: numeric('runs', '—', 1, 10_000_000, 10_000, 'Monte Carlo size', { integer: true }),
  seed: numeric('seed', '—', 0, MAX_SEED, 1, 'seed of the random streams; same seed ⇒ identical output', {
    integer: true,
  }),
} as const satisfies Record<string, NumericParameter>;

/** `0..1`, `(0, 1]`, `≥ 0`, `integer 0..5`: the allowed range as an error hint and the docs state it. */
export function rangeText(parameter: NumericParameter): string {
  const kind = parameter.integer ? 'integer ' : '';
  if (parameter.max === Number.POSITIVE_INFINITY) return `${kind}≥ ${parameter.min}`;
  if (parameter.minExclusive) return `${kind}(${parameter.min}, ${parameter.max}]`;
  return `${kind}${parameter.min}..${parameter.max}`;
}

function bounded(parameter: NumericParameter) {
  let schema = parameter.integer ? z.int() : z.number();
  schema = parameter.minExclusive ? schema.gt(parameter.min) : schema.min(parameter.min);
  if (parameter.max !== Number.POSITIVE_INFINITY) schema = schema.max(parameter.max);
  return schema.default(parameter.default);
}

const p = NUMERIC_PARAMETERS;

export const weightsSchema = z.strictObject({
  intentions: bounded(p.intentions),
  capabilities: bounded(p.capabilities),
  regime: bounded(p.regime),
});

/** A scenario as written in a file or passed by a caller: every field optional, unknown fields refused. */
export const scenarioSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  side: z.enum(MODEL_SIDES).default('challenger'),
  mode: z.enum(MODES).default('struggle'),
  targetPower: bounded(p.targetPower),
  capability: bounded(p.capability),
  divergence: bounded(p.divergence),
  capabilityDivergence: bounded(p.capabilityDivergence),
  nationalism: bounded(p.nationalism),
  aid: bounded(p.aid),
  layers: bounded(p.layers),
  heavyHandedness: bounded(p.heavyHandedness),
  opportunism: bounded(p.opportunism),
  weights: weightsSchema.default({ intentions: 1, capabilities: 0.5, regime: 0.3 }),
  horizon: bounded(p.horizon),
  discount: bounded(p.discount),
  volatility: bounded(p.volatility),
  runs: bounded(p.runs),
  seed: bounded(p.seed),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;

/** The names a scenario accepts, as a user writes them (weights by their dotted names). */
export const SCENARIO_FIELDS: readonly string[] = [
  ...Object.keys(scenarioSchema.shape).filter((key) => key !== 'weights'),
  ...Object.keys(weightsSchema.shape).map((key) => `weights.${key}`),
];

function parameterAt(path: readonly PropertyKey[]): NumericParameter | undefined {
  const nested = path[0] === 'weights';
  const key = nested ? path[1] : path[0];
  if (path.length !== (nested ? 2 : 1) || typeof key !== 'string') return undefined;
  if (nested !== key in weightsSchema.shape) return undefined;
  return Object.hasOwn(NUMERIC_PARAMETERS, key)
    ? (NUMERIC_PARAMETERS as Record<string, NumericParameter>)[key]
    : undefined;
}

function issueFor(
  issue: z.core.$ZodIssue,
  input: unknown,
  place: Pick<InputIssue, 'file' | 'line'>,
): InputIssue {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const path = [...issue.path.map(String), key];
    const field = path.join('.');
    const known = issue.path[0] === 'weights' ? Object.keys(weightsSchema.shape) : SCENARIO_FIELDS;
    const near = closest(key, known);
    const bad = show(valueAt(input, path));
    return {
      ...place,
      field,
      message: 'unknown parameter',
      ...(bad !== undefined ? { value: bad } : {}),
      hint: `${near !== undefined ? `did you mean ${near}? ` : ''}allowed parameters: ${known.join(', ')}`,
    };
  }
  const field = issue.path.map(String).join('.') || '(scenario)';
  const bad = show(valueAt(input, issue.path));
  const parameter = parameterAt(issue.path);
  let hint: string | undefined;
  let message = issue.message;
  if (parameter !== undefined) {
    hint = `allowed range ${rangeText(parameter)}`;
    if (issue.code === 'too_small' || issue.code === 'too_big') message = 'out of range';
    else if (issue.code === 'invalid_type') message = parameter.integer ? 'not an integer' : 'not a number';
  } else if (issue.code === 'invalid_value') {
    message = 'not an allowed value';
    hint = `allowed values: ${issue.values.map(String).join(', ')}`;
  }
  return {
    ...place,
    field,
    message,
    ...(bad !== undefined ? { value: bad } : {}),
    ...(hint ? { hint } : {}),
  };
}

/**
 * A complete scenario from user input, with defaults filled in; throws an `InputError` naming each offending
 * parameter, the value given and the allowed range.
 *
 * @example parseScenario({ targetPower: 0.8 }).capability // 0.5
 * @example parseScenario({ targetPower: 1.5 }) // throws "targetPower: out of range (got "1.5"; allowed range 0..1)"
 */
export function parseScenario(input: unknown, place: Pick<InputIssue, 'file' | 'line'> = {}): Scenario {
  const parsed = scenarioSchema.safeParse(input ?? {});
  if (!parsed.success)
    throw new InputError(parsed.error.issues.map((issue) => issueFor(issue, input, place)));
  return parsed.data;
}

/** The model's default scenario. */
export const DEFAULT_SCENARIO: Scenario = parseScenario({});
