/** The conditional maximum-likelihood odds ratio of a 2×2 table, with exact (Cornfield) confidence limits. */
import gammaln from '@stdlib/math-base-special-gammaln';
import { InputError } from '../domain/input-error.js';
import { checkLevel, checkTable } from './check-arguments.js';
import type { ConfidenceInterval } from './confidence-interval.js';

export interface ConditionalOddsRatio {
  /** 0 or Infinity when the first cell sits at the end of its range. */
  readonly estimate: number;
  readonly interval: ConfidenceInterval;
}

const logChoose = (n: number, k: number) => gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);

/** The first cell's distribution given the margins and odds ratio ψ (Fisher's noncentral hypergeometric). */
function noncentral(support: readonly number[], logWeights: readonly number[], psi: number): number[] {
  const logs = support.map((x, i) => (logWeights[i] as number) + x * Math.log(psi));
  const top = Math.max(...logs);
  const weights = logs.map((l) => Math.exp(l - top));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/** The root of an increasing function of log ψ, by bisection on a bracket widened until it holds the root. */
function solveLogPsi(f: (logPsi: number) => number): number {
  let lo = -1;
  let hi = 1;
  while (f(lo) > 0 && lo > -700) lo *= 2;
  while (f(hi) < 0 && hi < 700) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
    if (hi - lo < 1e-13) break;
  }
  return Math.exp((lo + hi) / 2);
}

/**
 * The odds ratio of [[a, b], [c, d]] that maximises the likelihood conditional on both margins (E[a; ψ] = a),
 * and the exact limits that invert the two one-sided tests, P(≥ a; ψ_lower) = α/2 and P(≤ a; ψ_upper) = α/2;
 * the estimate and interval R's `fisher.test` reports for a 2×2 table.
 *
 * @see https://en.wikipedia.org/wiki/Fisher%27s_noncentral_hypergeometric_distribution
 * @example
 * conditionalOddsRatio([[3, 1], [1, 3]]).estimate; // 6.408309…
 */
export function conditionalOddsRatio(
  table: readonly (readonly number[])[],
  level = 0.95,
): ConditionalOddsRatio {
  checkTable(table);
  checkLevel(level);
  if (table.length !== 2 || table[0]?.length !== 2)
    throw new InputError({ field: 'table', message: 'the conditional odds ratio is for 2×2 tables' });
  const [[a = 0, b = 0] = [], [c = 0, d = 0] = []] = table;
  const m = a + c;
  const n = b + d;
  const k = a + b;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const support = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const logWeights = support.map((x) => logChoose(m, x) + logChoose(n, k - x));
  const mean = (psi: number) =>
    noncentral(support, logWeights, psi).reduce((s, p, i) => s + p * (support[i] as number), 0);
  const upperTail = (psi: number) =>
    noncentral(support, logWeights, psi).reduce((s, p, i) => s + ((support[i] as number) >= a ? p : 0), 0);
  const lowerTail = (psi: number) =>
    noncentral(support, logWeights, psi).reduce((s, p, i) => s + ((support[i] as number) <= a ? p : 0), 0);
  const alpha = (1 - level) / 2;
  const estimate =
    lo === hi
      ? Number.NaN
      : a === lo
        ? 0
        : a === hi
          ? Number.POSITIVE_INFINITY
          : solveLogPsi((l) => mean(Math.exp(l)) - a);
  const lower = a === lo ? 0 : solveLogPsi((l) => upperTail(Math.exp(l)) - alpha);
  const upper = a === hi ? Number.POSITIVE_INFINITY : solveLogPsi((l) => alpha - lowerTail(Math.exp(l)));
  return { estimate, interval: { lower, upper, level, method: 'conditional-exact' } };
}
