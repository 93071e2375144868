/** The eight propositions of model.md as seeded parameter sweeps, each with its measured effect and verdict. */
import type { Mean, RunSummary, StruggleMeans, StruggleRates } from './aggregate.js';
import { DEFAULT_CONSTANTS, type ModelConstants } from './model-constants.js';
import { parseScenario, type ScenarioInput } from './parameters.js';
import { presetNamed } from './presets.js';
import { type Difference, type Rate, rateDifference, rateWithInterval, Z95 } from './rate.js';
import { simulateScenario } from './simulate.js';

/** A measured quantity with its 95 % interval and the number of runs it rests on. */
export interface Estimate {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  readonly n: number;
}

/** One measure along one swept parameter. */
export interface Series {
  readonly parameter: string;
  readonly measure: string;
  readonly points: readonly ({ readonly value: number | string } & Estimate)[];
}

/** An effect the proposition predicts, with its interval and whether the interval bears the prediction out. */
export interface Effect {
  readonly description: string;
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  readonly pass: boolean;
}

export interface PropositionResult {
  readonly id: number;
  readonly title: string;
  readonly claim: string;
  readonly series: readonly Series[];
  readonly effects: readonly Effect[];
  readonly pass: boolean;
}

export interface PropositionOptions {
  /** Runs per sweep point; 20 000 keeps every interval within about ±0.7 points of a rate. */
  readonly runs?: number;
  readonly seed?: number;
  readonly constants?: ModelConstants;
}

type Measure = (summary: RunSummary) => Estimate;

function fromRate(rate: Rate): Estimate {
  return { estimate: rate.rate ?? Number.NaN, low: rate.low, high: rate.high, n: rate.n };
}

function fromMean(mean: Mean): Estimate {
  return {
    estimate: mean.mean ?? Number.NaN,
    low: mean.low ?? Number.NaN,
    high: mean.high ?? Number.NaN,
    n: mean.n,
  };
}

function struggle(summary: RunSummary): { rates: StruggleRates; means: StruggleMeans } {
  if (summary.mode !== 'struggle') throw new Error('a struggle measure was asked of an election');
  return summary;
}

const ascentWithinTen: Measure = (s) => fromRate(struggle(s).rates.ascendedWithin10Years);
const defectionWithinTen: Measure = (s) => fromRate(struggle(s).rates.defectedWithin10YearsOfAscent);
const alignedTenYearsAfter: Measure = (s) => {
  const r = struggle(s).rates.defectedWithin10YearsOfAscent;
  return fromRate(rateWithInterval(r.n - r.count, r.n));
};
const alignedAtHorizonGivenAscent: Measure = (s) => fromRate(struggle(s).rates.alignedAtHorizonGivenAscent);
const exposure: Measure = (s) => fromRate(s.rates.exposed);
const leverageChange: Measure = (s) => fromMean(struggle(s).means.leverageChange);
const won: Measure = (s) => {
  if (s.mode !== 'election') throw new Error('a win was asked of a struggle');
  return fromRate(s.rates.won);
};

/** `a − b`; rates (estimates with a binomial n) by Newcombe's method, other means by their standard errors. */
function difference(a: Estimate, b: Estimate, kind: 'rate' | 'mean'): Difference {
  if (kind === 'rate') {
    const rate = (e: Estimate): Rate => ({
      count: e.estimate * e.n,
      n: e.n,
      rate: e.estimate,
      low: e.low,
      high: e.high,
    });
    return rateDifference(rate(a), rate(b));
  }
  const se = Math.sqrt(((a.high - a.estimate) / Z95) ** 2 + ((b.high - b.estimate) / Z95) ** 2);
  const estimate = a.estimate - b.estimate;
  return { estimate, low: estimate - Z95 * se, high: estimate + Z95 * se };
}

interface Context {
  readonly runs: number;
  readonly seed: number;
  readonly constants: ModelConstants;
}

function summaryOf(context: Context, input: ScenarioInput): RunSummary {
  const scenario = parseScenario({ ...input, runs: context.runs, seed: context.seed });
  return simulateScenario(scenario, { constants: context.constants }).summary;
}

/** Sweeps one parameter over `values` from `base`, measuring each point; every point shares the seed. */
function sweepOne(
  context: Context,
  base: ScenarioInput,
  parameter: keyof ScenarioInput,
  values: readonly (number | string)[],
  measures: Readonly<Record<string, Measure>>,
): Series[] {
  const summaries = values.map((value) => summaryOf(context, { ...base, [parameter]: value }));
  return Object.entries(measures).map(([measure, take]) => ({
    parameter,
    measure,
    points: values.map((value, i) => ({ value, ...take(summaries[i] as RunSummary) })),
  }));
}

function pointAt(series: Series, i: number): Series['points'][number] {
  const point = series.points[i];
  if (point === undefined) throw new RangeError(`${series.measure} has no point ${i}`);
  return point;
}

function seriesAt(list: readonly Series[], i: number): Series {
  const series = list[i];
  if (series === undefined) throw new RangeError(`no series ${i}`);
  return series;
}

/**
 * The trend along a series: its effect is last point minus first, which must have the predicted sign with its
 * whole interval; and no step between neighbours may go significantly the other way.
 */
function trend(series: Series, direction: 'rises' | 'falls', kind: 'rate' | 'mean'): Effect {
  const first = pointAt(series, 0);
  const last = pointAt(series, series.points.length - 1);
  const total = difference(last, first, kind);
  let reversal = false;
  for (let i = 1; i < series.points.length; i++) {
    const step = difference(pointAt(series, i), pointAt(series, i - 1), kind);
    if (direction === 'rises' ? step.high < 0 : step.low > 0) reversal = true;
  }
  const significant = direction === 'rises' ? total.low > 0 : total.high < 0;
  return {
    description: `${series.measure} ${direction} from ${series.parameter} = ${first.value} to ${last.value} (last − first)`,
    ...total,
    pass: significant && !reversal,
  };
}

function result(
  id: number,
  title: string,
  claim: string,
  series: Series[],
  effects: Effect[],
): PropositionResult {
  return { id, title, claim, series, effects, pass: effects.every((e) => e.pass) };
}

const STRUGGLE: ScenarioInput = { mode: 'struggle', side: 'challenger' };
const TARGET_POWERS = [0.1, 0.3, 0.5, 0.8, 1] as const;

function hardTargets(context: Context): PropositionResult {
  const series = sweepOne(context, STRUGGLE, 'targetPower', TARGET_POWERS, {
    'P(ascent within 10 years)': ascentWithinTen,
  });
  return result(1, 'Hard targets', 'P(ascent) falls as targetPower rises.', series, [
    trend(seriesAt(series, 0), 'falls', 'rate'),
  ]);
}

function incumbentsAreEasier(context: Context): PropositionResult {
  const aids = [0.1, 0.3, 0.6] as const;
  const series = (['incumbent', 'challenger'] as const).flatMap((side) =>
    sweepOne(context, { mode: 'election', side }, 'aid', aids, { [`P(win), ${side} side`]: won }),
  );
  const effects = aids.map((aid, i) => {
    const d = difference(pointAt(seriesAt(series, 0), i), pointAt(seriesAt(series, 1), i), 'rate');
    return { description: `P(win) incumbent − challenger at aid = ${aid}`, ...d, pass: d.low > 0 };
  });
  return result(
    2,
    'Incumbents are easier',
    'P(win) is higher for the incumbent side than the challenger side.',
    series,
    effects,
  );
}

function successErodesLeverage(context: Context): PropositionResult {
  const series = sweepOne(context, STRUGGLE, 'targetPower', TARGET_POWERS.slice(0, 4), {
    'leverage five years after ascent − leverage at ascent': leverageChange,
  });
  const effects = seriesAt(series, 0).points.map((point) => ({
    description: `mean leverage change at targetPower = ${point.value}`,
    estimate: point.estimate,
    low: point.low,
    high: point.high,
    pass: point.high < 0,
  }));
  return result(
    3,
    'Success erodes leverage',
    'Among runs with ascent, mean leverage five years after ascent is below leverage at ascent.',
    series,
    effects,
  );
}

function capabilityControl(context: Context): PropositionResult {
  const series = sweepOne(context, STRUGGLE, 'capability', [0.2, 0.5, 0.8], {
    'P(ascent within 10 years)': ascentWithinTen,
    'P(aligned ten years after ascent | ascent)': alignedTenYearsAfter,
  });
  return result(
    4,
    'Capability–control trade-off',
    'As capability rises, P(ascent) rises and P(still aligned ten years after ascent | ascent) falls.',
    series,
    [trend(seriesAt(series, 0), 'rises', 'rate'), trend(seriesAt(series, 1), 'falls', 'rate')],
  );
}

function defectionGrowsWithSize(context: Context): PropositionResult {
  const series = sweepOne(context, STRUGGLE, 'targetPower', TARGET_POWERS.slice(0, 4), {
    'P(defection within 10 years of ascent | ascent)': defectionWithinTen,
  });
  return result(
    5,
    'Defection grows with target size',
    'P(defection within ten years of ascent | ascent) rises with targetPower.',
    series,
    [trend(seriesAt(series, 0), 'rises', 'rate')],
  );
}

function chainsOfAgents(context: Context): PropositionResult {
  const series = sweepOne(context, STRUGGLE, 'layers', [0, 1, 2, 3, 4, 5], {
    'P(aligned at horizon | ascent)': alignedAtHorizonGivenAscent,
    'P(exposed)': exposure,
  });
  return result(
    6,
    'Chains of agents',
    'More layers ⇒ lower P(aligned at horizon | ascent) and lower exposure.',
    series,
    [trend(seriesAt(series, 0), 'falls', 'rate'), trend(seriesAt(series, 1), 'falls', 'rate')],
  );
}

function grievance(context: Context): PropositionResult {
  const measure = { 'P(defection within 10 years of ascent | ascent)': defectionWithinTen };
  const series = [
    ...sweepOne(context, STRUGGLE, 'heavyHandedness', [0.1, 0.5, 0.9], measure),
    ...sweepOne(context, STRUGGLE, 'opportunism', [0, 0.1, 0.3], measure),
  ];
  return result(7, 'Grievance', 'Higher heavyHandedness or opportunism ⇒ earlier defection.', series, [
    trend(seriesAt(series, 0), 'rises', 'rate'),
    trend(seriesAt(series, 1), 'rises', 'rate'),
  ]);
}

function sovietCcp(context: Context): PropositionResult {
  const summary = struggle(summaryOf(context, presetNamed('soviet-ccp').scenario));
  const ascended = fromRate(summary.rates.ascended);
  const early = fromRate(summary.rates.ascendedWithin5Years);
  const ascentYear = fromMean(summary.means.ascentYear);
  const defected = fromRate(summary.rates.defectedWithin10YearsOfAscent);
  const npv = fromMean(summary.means.npv);
  const point = (measure: string, e: Estimate): Series => ({
    parameter: 'preset',
    measure,
    points: [{ value: 'soviet-ccp', ...e }],
  });
  return result(
    8,
    'Soviet–CCP',
    'Ascent in most runs after a long struggle, defection within about ten years of ascent in most of those, ' +
      'and a negative mean NPV once the liability is counted.',
    [
      point('P(ascent)', ascended),
      point('P(ascent within 5 years)', early),
      point('mean ascent year | ascent', ascentYear),
      point('P(defection within 10 years of ascent | ascent)', defected),
      point('mean NPV', npv),
    ],
    [
      { description: 'P(ascent) above one half', ...ascended, pass: ascended.low > 0.5 },
      {
        description: 'mean ascent year | ascent beyond ten years (a long struggle)',
        ...ascentYear,
        pass: ascentYear.low > 10,
      },
      {
        description: 'P(defection within 10 years of ascent | ascent) above one half',
        ...defected,
        pass: defected.low > 0.5,
      },
      { description: 'mean NPV below zero', ...npv, pass: npv.high < 0 },
    ].map(({ description, estimate, low, high, pass }) => ({ description, estimate, low, high, pass })),
  );
}

export const PROPOSITIONS = [
  hardTargets,
  incumbentsAreEasier,
  successErodesLeverage,
  capabilityControl,
  defectionGrowsWithSize,
  chainsOfAgents,
  grievance,
  sovietCcp,
] as const;

/**
 * Evaluates the eight propositions. Every point of every sweep uses the same seed (common random numbers), so
 * differences between points come from the parameters, not from the draws; the intervals, computed as if the
 * points were independent, are then conservative.
 */
export function evaluatePropositions(options: PropositionOptions = {}): PropositionResult[] {
  const context: Context = {
    runs: options.runs ?? 20_000,
    seed: options.seed ?? 1,
    constants: options.constants ?? DEFAULT_CONSTANTS,
  };
  return PROPOSITIONS.map((evaluate) => evaluate(context));
}

/** One proposition by its number (1–8). */
export function evaluateProposition(id: number, options: PropositionOptions = {}): PropositionResult {
  const evaluate = PROPOSITIONS[id - 1];
  if (evaluate === undefined)
    throw new RangeError(`propositions are numbered 1 to ${PROPOSITIONS.length}, got ${id}`);
  return evaluate({
    runs: options.runs ?? 20_000,
    seed: options.seed ?? 1,
    constants: options.constants ?? DEFAULT_CONSTANTS,
  });
}
