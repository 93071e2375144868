/** Logistic regression by iteratively reweighted least squares, with Wald inference and a clear error on separation. */
import gammaln from '@stdlib/math-base-special-gammaln';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { InputError } from '../domain/input-error.js';
import { checkLevel } from './check-arguments.js';
import { choleskyFactor, choleskyInverse, choleskySolve } from './cholesky.js';
import type { ConfidenceInterval } from './confidence-interval.js';
import { criticalZ } from './critical-z.js';

/** Binomial data: one row of predictor values per observation (or group), with its successes out of trials. */
export interface LogisticData {
  readonly predictorNames: readonly string[];
  readonly rows: readonly (readonly number[])[];
  readonly successes: readonly number[];
  /** Trials per row; default 1 each (0/1 outcomes). */
  readonly trials?: readonly number[];
}

export interface LogisticOptions {
  /** Add an intercept column named `(Intercept)`; default true. */
  readonly intercept?: boolean;
  /** Level of the Wald intervals; default 0.95. */
  readonly level?: number;
  readonly maxIterations?: number;
}

export interface LogisticCoefficient {
  readonly name: string;
  /** On the log-odds scale. */
  readonly estimate: number;
  readonly standardError: number;
  readonly z: number;
  /** Two-sided Wald p-value. */
  readonly p: number;
  /** estimate ± z·SE (R's `confint.default`, not the profile-likelihood `confint`). */
  readonly interval: ConfidenceInterval;
  readonly oddsRatio: number;
  readonly oddsRatioInterval: ConfidenceInterval;
}

export interface LogisticFit {
  readonly coefficients: readonly LogisticCoefficient[];
  /** Inverse Fisher information at the estimate, in the order of `coefficients`. */
  readonly covariance: readonly (readonly number[])[];
  readonly fitted: readonly number[];
  /** Binomial log-likelihood including the log binomial coefficients, as R's `logLik` reports it. */
  readonly logLikelihood: number;
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly aic: number;
  readonly residualDf: number;
  readonly iterations: number;
}

// The deviance criterion of R's glm.fit, tightened: fits here are small, so precision is cheap.
const TOLERANCE = 1e-10;
// After convergence a regular fit's next Newton step is ~1e-8 or smaller (quadratic convergence); under
// separation the likelihood keeps rising towards a supremum at infinity and the step stays of order 1.
const DIVERGENT_STEP = 1e-3;

/**
 * Maximum-likelihood logistic regression, logit(P(success)) = Xβ, by Fisher scoring (IRLS), started as R's
 * `glm` starts it. Throws an `InputError` on perfect or quasi-perfect separation, where some estimates are
 * infinite, naming the predictors involved.
 *
 * @see https://en.wikipedia.org/wiki/Iteratively_reweighted_least_squares#Logistic_regression
 * @example
 * const fit = logisticRegression({ predictorNames: ['challenger'], rows: [[0], [1]], successes: [40, 25], trials: [50, 65] });
 * fit.coefficients[1]?.oddsRatio; // 0.15625 (odds 25/40 for challengers over 40/10 for incumbents)
 */
export function logisticRegression(data: LogisticData, options: LogisticOptions = {}): LogisticFit {
  const level = options.level ?? 0.95;
  checkLevel(level);
  const intercept = options.intercept ?? true;
  const names = intercept ? ['(Intercept)', ...data.predictorNames] : [...data.predictorNames];
  const design = checkData(data, intercept);
  const y = data.successes;
  const n = data.trials ?? y.map(() => 1);
  const size = names.length;
  const count = design.length;

  // R's binomial()$initialize: mu = (n·y + ½)/(n + 1) on the proportion scale.
  let eta = y.map((successes, i) => {
    const trials = n[i] ?? 1;
    const mu = (successes + 0.5) / (trials + 1);
    return Math.log(mu / (1 - mu));
  });
  let beta = new Array<number>(size).fill(0);
  let previousDeviance = Number.POSITIVE_INFINITY;
  let iterations = 0;
  let converged = false;
  const maxIterations = options.maxIterations ?? 100;
  while (iterations < maxIterations) {
    iterations++;
    const step = newtonSystem(design, y, n, eta);
    const factor = choleskyFactor(step.information);
    if (factor === undefined) throw singular(names, iterations === 1);
    beta = choleskySolve(factor, step.score);
    eta = linearPredictor(design, beta);
    const deviance = binomialDeviance(y, n, eta.map(logistic));
    if (Math.abs(deviance - previousDeviance) / (Math.abs(deviance) + 0.1) < TOLERANCE) {
      converged = true;
      break;
    }
    previousDeviance = deviance;
  }

  const final = newtonSystem(design, y, n, eta);
  const factor = choleskyFactor(final.information);
  const next = factor === undefined ? undefined : choleskySolve(factor, final.score);
  const moves =
    next === undefined
      ? beta.map(() => Number.POSITIVE_INFINITY)
      : next.map((b, j) => Math.abs(b - (beta[j] ?? 0)));
  const largestMove = Math.max(...moves);
  if (!converged || factor === undefined || largestMove > DIVERGENT_STEP) {
    const diverging = names.filter(
      (_, j) => (moves[j] ?? 0) > 0.1 * largestMove && (moves[j] ?? 0) > DIVERGENT_STEP,
    );
    throw new InputError({
      field: 'predictors',
      value: diverging.join(', '),
      message:
        `perfect separation: the outcome is predicted (quasi-)perfectly by ${diverging.join(', ') || 'the predictors'}, ` +
        'so their maximum-likelihood estimates are infinite',
      hint: 'merge or drop the categories with no successes or no failures, or use a penalised (Firth) fit',
    });
  }

  const covariance = choleskyInverse(factor);
  const fitted = eta.map(logistic);
  const deviance = binomialDeviance(y, n, fitted);
  const totalSuccesses = y.reduce((s, x) => s + x, 0);
  const totalTrials = n.reduce((s, x) => s + x, 0);
  const nullMean = intercept ? totalSuccesses / totalTrials : 0.5;
  const nullDeviance = binomialDeviance(
    y,
    n,
    y.map(() => nullMean),
  );
  const logLikelihood = fitted.reduce((sum, mu, i) => sum + binomialLogPmf(y[i] ?? 0, n[i] ?? 1, mu), 0);
  const z = criticalZ(level);
  const coefficients = names.map((name, j): LogisticCoefficient => {
    const estimate = beta[j] ?? 0;
    const standardError = Math.sqrt(covariance[j]?.[j] ?? Number.NaN);
    const statistic = estimate / standardError;
    const lower = estimate - z * standardError;
    const upper = estimate + z * standardError;
    return {
      name,
      estimate,
      standardError,
      z: statistic,
      p: 2 * normalCdf(-Math.abs(statistic), 0, 1),
      interval: { lower, upper, level, method: 'wald' },
      oddsRatio: Math.exp(estimate),
      oddsRatioInterval: { lower: Math.exp(lower), upper: Math.exp(upper), level, method: 'wald' },
    };
  });
  return {
    coefficients,
    covariance,
    fitted,
    logLikelihood,
    deviance,
    nullDeviance,
    aic: -2 * logLikelihood + 2 * size,
    residualDf: count - size,
    iterations,
  };
}

function logistic(eta: number): number {
  return 1 / (1 + Math.exp(-eta));
}

function linearPredictor(design: readonly (readonly number[])[], beta: readonly number[]): number[] {
  return design.map((row) => row.reduce((sum, x, j) => sum + x * (beta[j] ?? 0), 0));
}

/** XᵀWX and XᵀWz for the working response z at the current linear predictor. */
function newtonSystem(
  design: readonly (readonly number[])[],
  y: readonly number[],
  n: readonly number[],
  eta: readonly number[],
): { information: number[][]; score: number[] } {
  const size = design[0]?.length ?? 0;
  const information = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const score = new Array<number>(size).fill(0);
  design.forEach((row, i) => {
    const mu = logistic(eta[i] ?? 0);
    const trials = n[i] ?? 1;
    const variance = mu * (1 - mu);
    const weight = trials * variance;
    if (weight === 0) return;
    const working = (eta[i] ?? 0) + ((y[i] ?? 0) / trials - mu) / variance;
    for (let j = 0; j < size; j++) {
      const xj = row[j] ?? 0;
      score[j] = (score[j] ?? 0) + weight * xj * working;
      const infoRow = information[j] as number[];
      for (let k = 0; k <= j; k++) infoRow[k] = (infoRow[k] ?? 0) + weight * xj * (row[k] ?? 0);
    }
  });
  for (let j = 0; j < size; j++)
    for (let k = 0; k < j; k++) (information[k] as number[])[j] = information[j]?.[k] ?? 0;
  return { information, score };
}

function binomialDeviance(y: readonly number[], n: readonly number[], mu: readonly number[]): number {
  let deviance = 0;
  y.forEach((successes, i) => {
    const trials = n[i] ?? 1;
    const m = mu[i] ?? 0.5;
    const failures = trials - successes;
    // 0·log 0 = 0: a cell with no successes (or no failures) contributes only its other term.
    if (successes > 0) deviance += 2 * successes * Math.log(successes / (trials * m));
    if (failures > 0) deviance += 2 * failures * Math.log(failures / (trials * (1 - m)));
  });
  return deviance;
}

function binomialLogPmf(k: number, n: number, mu: number): number {
  const choose = gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);
  return choose + (k > 0 ? k * Math.log(mu) : 0) + (n - k > 0 ? (n - k) * Math.log(1 - mu) : 0);
}

function singular(names: readonly string[], atStart: boolean): InputError {
  return new InputError({
    field: 'predictors',
    value: names.join(', '),
    message: atStart
      ? 'the predictors are collinear (or constant), so their effects cannot be told apart'
      : 'perfect separation: the fitted probabilities reached 0 or 1, so some estimates are infinite',
    hint: atStart
      ? 'drop a redundant predictor'
      : 'merge or drop the categories with no successes or no failures',
  });
}

function checkData(data: LogisticData, intercept: boolean): number[][] {
  const width = data.predictorNames.length;
  const issues: { field: string; message: string; value?: string }[] = [];
  if (data.successes.length !== data.rows.length) {
    issues.push({
      field: 'successes',
      message: `has ${data.successes.length} entries for ${data.rows.length} rows`,
    });
  }
  if (data.trials !== undefined && data.trials.length !== data.rows.length) {
    issues.push({
      field: 'trials',
      message: `has ${data.trials.length} entries for ${data.rows.length} rows`,
    });
  }
  data.rows.forEach((row, i) => {
    if (row.length !== width || row.some((x) => !Number.isFinite(x))) {
      issues.push({ field: `rows[${i}]`, message: `needs ${width} finite predictor values` });
    }
    const k = data.successes[i] ?? 0;
    const n = data.trials?.[i] ?? 1;
    if (!(Number.isInteger(n) && n > 0 && Number.isInteger(k) && k >= 0 && k <= n)) {
      issues.push({
        field: `successes[${i}]`,
        value: `${k}/${n}`,
        message: 'needs 0 ≤ successes ≤ trials, trials ≥ 1',
      });
    }
  });
  if (issues.length > 0) throw new InputError(issues);
  return data.rows.map((row) => (intercept ? [1, ...row] : [...row]));
}
