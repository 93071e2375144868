/** Per-scenario summaries of the runs: rates with Wilson intervals, means, NPV quantiles and yearly bands. */
import type { RunColumns, Trajectories } from './kernel.js';
import type { Mode } from './parameters.js';
import { quantileSorted } from './quantile.js';
import { type Rate, wilsonInterval, Z95 } from './wilson-interval.js';

/** A mean with its normal-approximation 95 % interval; null fields when nothing was observed. */
export interface Mean {
  readonly n: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

/** Years from ascent within which defection and alignment are judged (model.md's propositions 4 and 5). */
export const DEFECTION_WINDOW = 10;

export interface StruggleRates {
  readonly ascended: Rate;
  readonly ascendedWithin5Years: Rate;
  readonly ascendedWithin10Years: Rate;
  readonly ousted: Rate;
  readonly inPowerAtHorizon: Rate;
  readonly alignedAtHorizon: Rate;
  /** Among runs with ascent. */
  readonly alignedAtHorizonGivenAscent: Rate;
  readonly defected: Rate;
  /** Among runs with ascent early enough for ten years after it to be seen. */
  readonly defectedWithin10YearsOfAscent: Rate;
  readonly exposed: Rate;
}

export interface StruggleMeans {
  /** Among runs with ascent. */
  readonly ascentYear: Mean;
  /** Among runs with defection: years from ascent to defection. */
  readonly yearsFromAscentToDefection: Mean;
  readonly alignedYearsInPower: Mean;
  /** Among runs with ascent and five more years of horizon. */
  readonly leverageAtAscent: Mean;
  readonly leverageFiveYearsAfterAscent: Mean;
  /** Paired, in the same runs: leverage five years after ascent minus leverage at ascent. */
  readonly leverageChange: Mean;
  readonly finalPowerShare: Mean;
  readonly finalLeverage: Mean;
  readonly finalGrievance: Mean;
  readonly refusals: Mean;
  readonly divergence: Mean;
  readonly npv: Mean;
}

export interface ElectionRates {
  readonly won: Rate;
  readonly exposed: Rate;
}

export interface ElectionMeans {
  readonly voteShare: Mean;
  readonly npv: Mean;
}

export interface NpvQuantiles {
  readonly p05: number;
  readonly p10: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
  readonly p95: number;
}

/** A yearly series across runs: the mean and the 10–90 % band, year 1 first. */
export interface Band {
  readonly mean: readonly number[];
  readonly p10: readonly number[];
  readonly p90: readonly number[];
}

export interface TrajectoryBands {
  readonly powerShare: Band;
  readonly leverage: Band;
  readonly grievance: Band;
  readonly aligned: Band;
}

export type OutcomeSummary =
  | { readonly mode: 'struggle'; readonly rates: StruggleRates; readonly means: StruggleMeans }
  | { readonly mode: 'election'; readonly rates: ElectionRates; readonly means: ElectionMeans };

export type RunSummary = OutcomeSummary & {
  readonly runs: number;
  readonly npvQuantiles: NpvQuantiles;
  readonly trajectories?: TrajectoryBands;
};

/** The mean of `values[i]` over the rows `keep(i)` accepts (all rows when omitted). */
export function meanOf(values: ArrayLike<number>, keep?: (row: number) => boolean): Mean {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    if (keep !== undefined && !keep(i)) continue;
    n++;
    sum += values[i] as number;
  }
  if (n === 0) return { n, mean: null, sd: null, low: null, high: null };
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    if (keep !== undefined && !keep(i)) continue;
    squares += ((values[i] as number) - mean) ** 2;
  }
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  const half = (Z95 * sd) / Math.sqrt(n);
  return { n, mean, sd, low: mean - half, high: mean + half };
}

/** The share of rows `hit(i)` accepts among the rows `keep(i)` accepts (all rows when omitted). */
export function rateOf(size: number, hit: (row: number) => boolean, keep?: (row: number) => boolean): Rate {
  let n = 0;
  let count = 0;
  for (let i = 0; i < size; i++) {
    if (keep !== undefined && !keep(i)) continue;
    n++;
    if (hit(i)) count++;
  }
  return wilsonInterval(count, n);
}

/** Rates and means of the struggle outputs; `horizon` is the scenario's T. */
export function struggleOutcomes(columns: RunColumns, horizon: number): OutcomeSummary {
  const { ascentYear: ascent, defectionYear: defection, size } = columns;
  const ascended = (i: number) => (ascent[i] as number) >= 0;
  const observable = (i: number) =>
    (ascent[i] as number) >= 0 && (ascent[i] as number) + DEFECTION_WINDOW <= horizon;
  const leverageSeen = (i: number) => !Number.isNaN(columns.leverageAfterAscent[i] as number);
  const defected = (i: number) => (defection[i] as number) >= 0;
  const change = new Float64Array(size);
  const delay = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    change[i] = (columns.leverageAfterAscent[i] as number) - (columns.leverageAtAscent[i] as number);
    delay[i] = (defection[i] as number) - (ascent[i] as number);
  }
  return {
    mode: 'struggle',
    rates: {
      ascended: rateOf(size, ascended),
      ascendedWithin5Years: rateOf(size, (i) => ascended(i) && (ascent[i] as number) <= 5),
      ascendedWithin10Years: rateOf(size, (i) => ascended(i) && (ascent[i] as number) <= 10),
      ousted: rateOf(size, (i) => columns.ousted[i] === 1),
      inPowerAtHorizon: rateOf(size, (i) => columns.inPowerAtHorizon[i] === 1),
      alignedAtHorizon: rateOf(size, (i) => columns.alignedAtHorizon[i] === 1),
      alignedAtHorizonGivenAscent: rateOf(size, (i) => columns.alignedAtHorizon[i] === 1, ascended),
      defected: rateOf(size, defected),
      defectedWithin10YearsOfAscent: rateOf(
        size,
        (i) => defected(i) && (defection[i] as number) - (ascent[i] as number) <= DEFECTION_WINDOW,
        observable,
      ),
      exposed: rateOf(size, (i) => (columns.exposureYear[i] as number) >= 0),
    },
    means: {
      ascentYear: meanOf(ascent, ascended),
      yearsFromAscentToDefection: meanOf(delay, defected),
      alignedYearsInPower: meanOf(columns.alignedYearsInPower),
      leverageAtAscent: meanOf(columns.leverageAtAscent, leverageSeen),
      leverageFiveYearsAfterAscent: meanOf(columns.leverageAfterAscent, leverageSeen),
      leverageChange: meanOf(change, leverageSeen),
      finalPowerShare: meanOf(columns.finalPowerShare),
      finalLeverage: meanOf(columns.finalLeverage),
      finalGrievance: meanOf(columns.finalGrievance),
      refusals: meanOf(columns.refusals),
      divergence: meanOf(columns.divergence),
      npv: meanOf(columns.npv),
    },
  };
}

export function electionOutcomes(columns: RunColumns): OutcomeSummary {
  return {
    mode: 'election',
    rates: {
      won: rateOf(columns.size, (i) => columns.inPowerAtHorizon[i] === 1),
      exposed: rateOf(columns.size, (i) => (columns.exposureYear[i] as number) >= 0),
    },
    means: { voteShare: meanOf(columns.voteShare), npv: meanOf(columns.npv) },
  };
}

export function npvQuantiles(npv: Float64Array): NpvQuantiles {
  const sorted = npv.slice().sort();
  return {
    p05: quantileSorted(sorted, 0.05),
    p10: quantileSorted(sorted, 0.1),
    p25: quantileSorted(sorted, 0.25),
    p50: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    p90: quantileSorted(sorted, 0.9),
    p95: quantileSorted(sorted, 0.95),
  };
}

function bandOf(values: ArrayLike<number>, runs: number, horizon: number): Band {
  const column = new Float64Array(runs);
  const mean: number[] = [];
  const p10: number[] = [];
  const p90: number[] = [];
  for (let t = 0; t < horizon; t++) {
    let sum = 0;
    for (let r = 0; r < runs; r++) {
      const v = values[r * horizon + t] as number;
      column[r] = v;
      sum += v;
    }
    column.sort();
    mean.push(sum / runs);
    p10.push(quantileSorted(column, 0.1));
    p90.push(quantileSorted(column, 0.9));
  }
  return { mean, p10, p90 };
}

/** Yearly mean and 10–90 % band of power share, leverage, grievance and alignment. */
export function trajectoryBands(trajectories: Trajectories, runs: number): TrajectoryBands {
  const T = trajectories.horizon;
  return {
    powerShare: bandOf(trajectories.powerShare, runs, T),
    leverage: bandOf(trajectories.leverage, runs, T),
    grievance: bandOf(trajectories.grievance, runs, T),
    aligned: bandOf(trajectories.aligned, runs, T),
  };
}

/** Everything model.md asks of a scenario's runs, in a fixed key order so that its JSON is reproducible. */
export function summariseRuns(
  mode: Mode,
  horizon: number,
  columns: RunColumns,
  trajectories?: Trajectories,
): RunSummary {
  const outcomes = mode === 'election' ? electionOutcomes(columns) : struggleOutcomes(columns, horizon);
  return {
    ...outcomes,
    runs: columns.size,
    npvQuantiles: npvQuantiles(columns.npv),
    ...(trajectories !== undefined && mode === 'struggle'
      ? { trajectories: trajectoryBands(trajectories, columns.size) }
      : {}),
  };
}
