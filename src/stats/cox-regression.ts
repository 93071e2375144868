/** Cox's proportional-hazards regression by Newton–Raphson on the partial likelihood, Efron or Breslow ties. */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { InputError } from '../domain/input-error.js';
import { checkLevel } from './check-arguments.js';
import { choleskyFactor, choleskyInverse, choleskySolve, inverseQuadraticForm } from './cholesky.js';
import { criticalZ } from './critical-z.js';

export interface CoxData {
  readonly time: readonly number[];
  readonly event: readonly boolean[];
  /** One row per subject, one column per covariate. */
  readonly covariates: readonly (readonly number[])[];
  readonly names: readonly string[];
}

export type CoxTies = 'efron' | 'breslow';

export interface CoxOptions {
  readonly ties?: CoxTies;
  readonly level?: number;
  readonly maxIterations?: number;
}

export interface CoxCoefficient {
  readonly name: string;
  readonly estimate: number;
  readonly stdError: number;
  readonly z: number;
  readonly p: number;
  readonly hazardRatio: number;
  readonly lower: number;
  readonly upper: number;
}

export interface CoxTest {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
}

export interface CoxResult {
  readonly ties: CoxTies;
  readonly n: number;
  readonly events: number;
  readonly level: number;
  readonly coefficients: readonly CoxCoefficient[];
  readonly logLikelihood: number;
  readonly nullLogLikelihood: number;
  readonly iterations: number;
  readonly likelihoodRatio: CoxTest;
  readonly wald: CoxTest;
  readonly score: CoxTest;
  /** Harrell's C: the share of comparable pairs whose risk scores order their times rightly. */
  readonly concordance: number;
}

interface PartialLikelihood {
  readonly value: number;
  readonly gradient: number[];
  readonly information: number[][];
}

/** The log partial likelihood at β with its gradient and information (minus the Hessian). */
function partialLikelihood(data: CoxData, beta: readonly number[], ties: CoxTies): PartialLikelihood {
  const p = beta.length;
  const n = data.time.length;
  const eta = data.covariates.map((x) => x.reduce((s, v, k) => s + v * (beta[k] as number), 0));
  const risk = eta.map(Math.exp);
  const gradient = new Array<number>(p).fill(0);
  const information = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  let value = 0;
  const eventTimes = [...new Set(data.time.filter((_, i) => data.event[i]))].sort((a, b) => a - b);
  for (const t of eventTimes) {
    const atRisk: number[] = [];
    const dying: number[] = [];
    for (let i = 0; i < n; i++) {
      if ((data.time[i] as number) >= t) atRisk.push(i);
      if (data.time[i] === t && data.event[i]) dying.push(i);
    }
    const sums = (set: readonly number[]) => {
      let s0 = 0;
      const s1 = new Array<number>(p).fill(0);
      const s2 = Array.from({ length: p }, () => new Array<number>(p).fill(0));
      for (const i of set) {
        const r = risk[i] as number;
        const x = data.covariates[i] as readonly number[];
        s0 += r;
        for (let a = 0; a < p; a++) {
          s1[a] = (s1[a] as number) + r * (x[a] as number);
          for (let b = 0; b < p; b++)
            (s2[a] as number[])[b] =
              ((s2[a] as number[])[b] as number) + r * (x[a] as number) * (x[b] as number);
        }
      }
      return { s0, s1, s2 };
    };
    const all = sums(atRisk);
    const tied = sums(dying);
    const d = dying.length;
    for (const i of dying) {
      value += eta[i] as number;
      const x = data.covariates[i] as readonly number[];
      for (let a = 0; a < p; a++) gradient[a] = (gradient[a] as number) + (x[a] as number);
    }
    for (let l = 0; l < d; l++) {
      // Efron takes away a growing share of the tied deaths' weight; Breslow takes none.
      const f = ties === 'efron' ? l / d : 0;
      const s0 = all.s0 - f * tied.s0;
      const s1 = all.s1.map((v, a) => v - f * (tied.s1[a] as number));
      value -= Math.log(s0);
      for (let a = 0; a < p; a++) {
        gradient[a] = (gradient[a] as number) - (s1[a] as number) / s0;
        for (let b = 0; b < p; b++) {
          const s2 = ((all.s2[a] as number[])[b] as number) - f * ((tied.s2[a] as number[])[b] as number);
          (information[a] as number[])[b] =
            ((information[a] as number[])[b] as number) +
            s2 / s0 -
            ((s1[a] as number) * (s1[b] as number)) / (s0 * s0);
        }
      }
    }
  }
  return { value, gradient, information };
}

function checkData(data: CoxData): void {
  const n = data.time.length;
  if (n === 0) throw new InputError({ field: 'time', value: '0', message: 'a Cox model needs subjects' });
  if (data.event.length !== n || data.covariates.length !== n)
    throw new InputError({
      field: 'covariates',
      value: String(data.covariates.length),
      message: `expected ${n} rows`,
    });
  if (!data.event.some(Boolean))
    throw new InputError({ field: 'event', value: '0', message: 'a Cox model needs at least one event' });
  const p = data.names.length;
  if (p === 0)
    throw new InputError({ field: 'covariates', value: '0', message: 'name at least one covariate' });
  data.covariates.forEach((row, i) => {
    if (row.length !== p || row.some((v) => !Number.isFinite(v)))
      throw new InputError({
        field: `covariates[${i}]`,
        value: String(row),
        message: `expected ${p} finite numbers`,
      });
  });
}

/** Harrell's C over pairs ordered in time: an event before another subject's time, or tied with a censoring. */
function concordance(data: CoxData, beta: readonly number[]): number {
  const eta = data.covariates.map((x) => x.reduce((s, v, k) => s + v * (beta[k] as number), 0));
  let agree = 0;
  let pairs = 0;
  const n = data.time.length;
  for (let i = 0; i < n; i++) {
    if (!data.event[i]) continue;
    for (let j = 0; j < n; j++) {
      const ti = data.time[i] as number;
      const tj = data.time[j] as number;
      if (!(tj > ti || (tj === ti && !data.event[j]))) continue;
      pairs++;
      const ei = eta[i] as number;
      const ej = eta[j] as number;
      agree += ei > ej ? 1 : ei === ej ? 0.5 : 0;
    }
  }
  return pairs === 0 ? Number.NaN : agree / pairs;
}

/**
 * Cox (1972) regression: β maximising the partial likelihood (Efron's 1977 approximation for tied times by
 * default, or Breslow's), its standard errors from the inverse information, hazard ratios exp(β) with Wald
 * intervals, and the likelihood-ratio, Wald and score tests that all β are zero; what R's
 * `coxph(Surv(time, event) ~ …, ties = …)` reports. A covariate that separates the events (β running off to
 * infinity) is refused rather than reported with a meaningless estimate.
 *
 * @see https://en.wikipedia.org/wiki/Proportional_hazards_model
 */
export function coxRegression(data: CoxData, options: CoxOptions = {}): CoxResult {
  checkData(data);
  const ties = options.ties ?? 'efron';
  const level = options.level ?? 0.95;
  checkLevel(level);
  const p = data.names.length;
  let beta = new Array<number>(p).fill(0);
  const start = partialLikelihood(data, beta, ties);
  let current = start;
  let iterations = 0;
  const limit = options.maxIterations ?? 30;
  for (; iterations < limit; iterations++) {
    const factor = choleskyFactor(current.information);
    if (factor === undefined)
      throw new InputError({
        field: 'covariates',
        value: data.names.join(', '),
        message: 'the covariates are collinear, or one of them has no variation among those at risk',
        hint: 'drop or merge covariates',
      });
    const step = choleskySolve(factor, current.gradient);
    let next = beta.map((b, k) => b + (step[k] as number));
    let candidate = partialLikelihood(data, next, ties);
    // Step halving keeps each iteration an ascent, as R's coxph does.
    for (let half = 0; half < 20 && candidate.value < current.value; half++) {
      next = beta.map((b, k) => (b + (next[k] as number)) / 2);
      candidate = partialLikelihood(data, next, ties);
    }
    const converged = Math.abs(candidate.value - current.value) < 1e-11 * (Math.abs(candidate.value) + 1);
    beta = next;
    current = candidate;
    if (converged) break;
  }
  const factor = choleskyFactor(current.information);
  const inverse = factor === undefined ? undefined : choleskyInverse(factor);
  // A coefficient still creeping off to infinity when the likelihood stops moving has an absurd value or error.
  if (
    inverse === undefined ||
    beta.some(
      (b, k) =>
        !Number.isFinite(b) || Math.abs(b) > 25 || Math.sqrt((inverse[k] as number[])[k] as number) > 1e3,
    )
  )
    throw new InputError({
      field: 'covariates',
      value: data.names.join(', '),
      message: 'the estimate does not converge: a covariate separates the events (monotone likelihood)',
      hint: 'drop or merge the covariate, or use fewer categories',
    });
  const z = criticalZ(level);
  const coefficients = data.names.map((name, k) => {
    const estimate = beta[k] as number;
    const stdError = Math.sqrt((inverse[k] as number[])[k] as number);
    const zValue = estimate / stdError;
    return {
      name,
      estimate,
      stdError,
      z: zValue,
      p: 2 * (1 - normalCdf(Math.abs(zValue), 0, 1)),
      hazardRatio: Math.exp(estimate),
      lower: Math.exp(estimate - z * stdError),
      upper: Math.exp(estimate + z * stdError),
    };
  });
  const test = (statistic: number): CoxTest => ({ statistic, df: p, p: 1 - chisquareCdf(statistic, p) });
  // Wald: βᵀ I(β) β, with the information at the estimate.
  const waldStatistic = beta.reduce(
    (s, b, a) =>
      s + b * beta.reduce((t, c, k) => t + ((current.information[a] as number[])[k] as number) * c, 0),
    0,
  );
  const startFactor = choleskyFactor(start.information);
  const scoreStatistic =
    startFactor === undefined ? Number.NaN : inverseQuadraticForm(startFactor, start.gradient);
  return {
    ties,
    n: data.time.length,
    events: data.event.filter(Boolean).length,
    level,
    coefficients,
    logLikelihood: current.value,
    nullLogLikelihood: start.value,
    iterations: iterations + 1,
    likelihoodRatio: test(2 * (current.value - start.value)),
    wald: test(waldStatistic),
    score: test(scoreStatistic),
    concordance: concordance(data, beta),
  };
}
