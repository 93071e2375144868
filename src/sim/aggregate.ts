/** Per-scenario summaries of the runs: rates with Wilson intervals, means, NPV quantiles and yearly bands. */
import type { RunColumns, Trajectories } from './kernel.js';
import type { Mode } from './parameters.js';
import { quantileSorted } from './quantile.js';
import { type Rate, rateWithInterval, Z95 } from './rate.js';

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
  return rateWithInterval(count, n);
}

/** Running count, sum and sum of squared deviations of one mean; two passes keep the variance accurate. */
interface MeanAccumulator {
  n: number;
  sum: number;
  squares: number;
}

const accumulator = (): MeanAccumulator => ({ n: 0, sum: 0, squares: 0 });

function finishMean(acc: MeanAccumulator): Mean {
  if (acc.n === 0) return { n: 0, mean: null, sd: null, low: null, high: null };
  const mean = acc.sum / acc.n;
  const sd = acc.n > 1 ? Math.sqrt(acc.squares / (acc.n - 1)) : 0;
  const half = (Z95 * sd) / Math.sqrt(acc.n);
  return { n: acc.n, mean, sd, low: mean - half, high: mean + half };
}

/**
 * Rates and means of the struggle outputs; `horizon` is the scenario's T. Written as two fused passes over the
 * runs rather than one pass per measure: with a callback per measure, summarising cost almost half as much as
 * simulating.
 */
export function struggleOutcomes(columns: RunColumns, horizon: number): OutcomeSummary {
  const c = columns;
  const size = c.size;
  let ascended = 0;
  let within5 = 0;
  let within10 = 0;
  let ousted = 0;
  let inPower = 0;
  let aligned = 0;
  let alignedGivenAscent = 0;
  let defected = 0;
  let observable = 0;
  let defectedWithin10 = 0;
  let exposed = 0;
  const ascentYear = accumulator();
  const delay = accumulator();
  const alignedYears = accumulator();
  const levAt = accumulator();
  const levAfter = accumulator();
  const levChange = accumulator();
  const finalShare = accumulator();
  const finalLeverage = accumulator();
  const finalGrievance = accumulator();
  const refusals = accumulator();
  const divergence = accumulator();
  const npv = accumulator();
  const all = [finalShare, finalLeverage, finalGrievance, refusals, divergence, npv, alignedYears];
  for (const acc of all) acc.n = size;

  for (let i = 0; i < size; i++) {
    const ascent = c.ascentYear[i] as number;
    const defection = c.defectionYear[i] as number;
    const alignedHere = c.alignedAtHorizon[i] === 1;
    if (c.ousted[i] === 1) ousted++;
    if (c.inPowerAtHorizon[i] === 1) inPower++;
    if (alignedHere) aligned++;
    if ((c.exposureYear[i] as number) >= 0) exposed++;
    if (ascent >= 0) {
      ascended++;
      if (ascent <= 5) within5++;
      if (ascent <= 10) within10++;
      if (alignedHere) alignedGivenAscent++;
      ascentYear.n++;
      ascentYear.sum += ascent;
      if (ascent + DEFECTION_WINDOW <= horizon) {
        observable++;
        if (defection >= 0 && defection - ascent <= DEFECTION_WINDOW) defectedWithin10++;
      }
    }
    if (defection >= 0) {
      defected++;
      delay.n++;
      delay.sum += defection - ascent;
    }
    const after = c.leverageAfterAscent[i] as number;
    if (!Number.isNaN(after)) {
      const at = c.leverageAtAscent[i] as number;
      levAt.n++;
      levAt.sum += at;
      levAfter.n++;
      levAfter.sum += after;
      levChange.n++;
      levChange.sum += after - at;
    }
    alignedYears.sum += c.alignedYearsInPower[i] as number;
    finalShare.sum += c.finalPowerShare[i] as number;
    finalLeverage.sum += c.finalLeverage[i] as number;
    finalGrievance.sum += c.finalGrievance[i] as number;
    refusals.sum += c.refusals[i] as number;
    divergence.sum += c.divergence[i] as number;
    npv.sum += c.npv[i] as number;
  }

  const meanOfAcc = (acc: MeanAccumulator) => (acc.n > 0 ? acc.sum / acc.n : 0);
  const m = {
    ascentYear: meanOfAcc(ascentYear),
    delay: meanOfAcc(delay),
    alignedYears: meanOfAcc(alignedYears),
    levAt: meanOfAcc(levAt),
    levAfter: meanOfAcc(levAfter),
    levChange: meanOfAcc(levChange),
    finalShare: meanOfAcc(finalShare),
    finalLeverage: meanOfAcc(finalLeverage),
    finalGrievance: meanOfAcc(finalGrievance),
    refusals: meanOfAcc(refusals),
    divergence: meanOfAcc(divergence),
    npv: meanOfAcc(npv),
  };
  for (let i = 0; i < size; i++) {
    const ascent = c.ascentYear[i] as number;
    const defection = c.defectionYear[i] as number;
    if (ascent >= 0) ascentYear.squares += (ascent - m.ascentYear) ** 2;
    if (defection >= 0) delay.squares += (defection - ascent - m.delay) ** 2;
    const after = c.leverageAfterAscent[i] as number;
    if (!Number.isNaN(after)) {
      const at = c.leverageAtAscent[i] as number;
      levAt.squares += (at - m.levAt) ** 2;
      levAfter.squares += (after - m.levAfter) ** 2;
      levChange.squares += (after - at - m.levChange) ** 2;
    }
    alignedYears.squares += ((c.alignedYearsInPower[i] as number) - m.alignedYears) ** 2;
    finalShare.squares += ((c.finalPowerShare[i] as number) - m.finalShare) ** 2;
    finalLeverage.squares += ((c.finalLeverage[i] as number) - m.finalLeverage) ** 2;
    finalGrievance.squares += ((c.finalGrievance[i] as number) - m.finalGrievance) ** 2;
    refusals.squares += ((c.refusals[i] as number) - m.refusals) ** 2;
    divergence.squares += ((c.divergence[i] as number) - m.divergence) ** 2;
    npv.squares += ((c.npv[i] as number) - m.npv) ** 2;
  }

  return {
    mode: 'struggle',
    rates: {
      ascended: rateWithInterval(ascended, size),
      ascendedWithin5Years: rateWithInterval(within5, size),
      ascendedWithin10Years: rateWithInterval(within10, size),
      ousted: rateWithInterval(ousted, size),
      inPowerAtHorizon: rateWithInterval(inPower, size),
      alignedAtHorizon: rateWithInterval(aligned, size),
      alignedAtHorizonGivenAscent: rateWithInterval(alignedGivenAscent, ascended),
      defected: rateWithInterval(defected, size),
      defectedWithin10YearsOfAscent: rateWithInterval(defectedWithin10, observable),
      exposed: rateWithInterval(exposed, size),
    },
    means: {
      ascentYear: finishMean(ascentYear),
      yearsFromAscentToDefection: finishMean(delay),
      alignedYearsInPower: finishMean(alignedYears),
      leverageAtAscent: finishMean(levAt),
      leverageFiveYearsAfterAscent: finishMean(levAfter),
      leverageChange: finishMean(levChange),
      finalPowerShare: finishMean(finalShare),
      finalLeverage: finishMean(finalLeverage),
      finalGrievance: finishMean(finalGrievance),
      refusals: finishMean(refusals),
      divergence: finishMean(divergence),
      npv: finishMean(npv),
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
