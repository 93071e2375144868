/**
 * Scenario discovery over a sweep's results: which region of the swept parameters makes a condition the user
 * writes hold, found by PRIM. The condition is a small language over each point's summary and values:
 *   means.npv > 0 and rates.alignedAtHorizon >= 0.5
 * (`rates.NAME` is the share of runs, `means.NAME` the mean over runs, `values.NAME` a swept value; `and` binds
 * tighter than `or`).
 */
import { InputError } from '../domain/input-error.js';
import { type PrimOptions, type PrimResult, prim } from '../stats/index.js';
import type { SweepPointResult } from './sweep.js';

type Point = Pick<SweepPointResult, 'values' | 'summary'>;
type Test = (point: Point) => boolean;

const OPERATORS = {
  '>=': (a: number, b: number) => a >= b,
  '<=': (a: number, b: number) => a <= b,
  '==': (a: number, b: number) => a === b,
  '!=': (a: number, b: number) => a !== b,
  '>': (a: number, b: number) => a > b,
  '<': (a: number, b: number) => a < b,
} as const;

const HINT =
  'e.g. "means.npv > 0 and rates.alignedAtHorizon >= 0.5" (rates.NAME, means.NAME or values.NAME, compared with a number)';

/** The value a path names in one point, or undefined where the point has none (a mean no run reached). */
function valueAt(point: Point, path: string): number | undefined {
  const [group, name = ''] = path.split('.');
  if (group === 'values') {
    const v = point.values[name];
    return typeof v === 'number' ? v : undefined;
  }
  const table = (group === 'rates' ? point.summary.rates : point.summary.means) as unknown as Record<
    string,
    { rate?: number; mean?: number } | undefined
  >;
  const entry = table[name];
  const v = group === 'rates' ? entry?.rate : entry?.mean;
  return v === undefined || !Number.isFinite(v) ? undefined : v;
}

/**
 * Parses a condition; an InputError quotes the part that cannot be read, under `field`, the name the caller took
 * the condition by (the `where` role: `--where` on the CLI, `where` in the API).
 */
export function parseCondition(
  text: string,
  field = 'condition',
): { readonly test: Test; readonly paths: readonly string[] } {
  const paths: string[] = [];
  const clause = (part: string): Test => {
    const m =
      /^\s*((?:rates|means|values)\.[A-Za-z0-9]+)\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/i.exec(
        part,
      );
    if (m === null)
      throw new InputError({
        field,
        value: part.trim(),
        message: 'cannot read this comparison',
        hint: HINT,
      });
    const [, path = '', op = '>', number = '0'] = m;
    paths.push(path);
    const compare = OPERATORS[op as keyof typeof OPERATORS];
    const bound = Number(number);
    return (point) => {
      const v = valueAt(point, path);
      return v !== undefined && compare(v, bound);
    };
  };
  if (text.trim() === '') throw new InputError({ field, message: 'write a condition', hint: HINT });
  const alternatives = text.split(/\s+or\s+/i).map((alt) => alt.split(/\s+and\s+/i).map(clause));
  return { test: (point) => alternatives.some((all) => all.every((t) => t(point))), paths };
}

export interface Discovery extends PrimResult {
  readonly condition: string;
  /** The swept parameters the boxes are in, in the order of their bounds. */
  readonly parameters: readonly string[];
  readonly points: number;
  /** Points meeting the condition. */
  readonly meeting: number;
}

/**
 * PRIM over the points of a sweep: the swept numeric parameters are the space, the condition marks each point.
 * A path the points never have (a misspelt outcome) is an error rather than a condition that never holds.
 */
export function discoverScenarios(
  points: readonly Point[],
  condition: string,
  options: PrimOptions & { readonly conditionField?: string } = {},
): Discovery {
  const { conditionField = 'condition', ...primOptions } = options;
  const { test, paths } = parseCondition(condition, conditionField);
  for (const path of paths)
    if (!points.some((p) => valueAt(p, path) !== undefined)) {
      const [group = ''] = path.split('.');
      const first = points[0];
      const known =
        first === undefined
          ? []
          : group === 'values'
            ? Object.keys(first.values)
            : Object.keys(group === 'rates' ? first.summary.rates : first.summary.means);
      throw new InputError({
        field: conditionField,
        value: path,
        message: 'no point of the sweep has this',
        hint: `${group}: ${known.join(', ')}`,
      });
    }
  const parameters = Object.keys(points[0]?.values ?? {}).filter((name) =>
    points.every((p) => typeof p.values[name] === 'number'),
  );
  if (parameters.length === 0)
    throw new InputError({
      field: 'sweep',
      message: 'the sweep varies no numeric parameter, so there is no space to search',
    });
  const x = points.map((p) => parameters.map((name) => p.values[name] as number));
  const y = points.map(test);
  const result = prim(x, y, primOptions);
  return { ...result, condition, parameters, points: points.length, meeting: y.filter(Boolean).length };
}
