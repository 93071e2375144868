/** Partial pooling of rates across cells: empirical-Bayes beta-binomial shrinkage by marginal maximum likelihood. */
import gammaln from '@stdlib/math-base-special-gammaln';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { InputError } from '../domain/input-error.js';
import { checkLevel, checkSuccesses } from './check-arguments.js';
import type { ConfidenceInterval } from './confidence-interval.js';

export interface PooledCell {
  readonly successes: number;
  readonly trials: number;
  /** The cell's own rate k/n. */
  readonly raw: number;
  /** Posterior mean (k + α)/(n + α + β): the raw rate pulled towards the common mean. */
  readonly pooled: number;
  /** Equal-tailed interval of the Beta(k + α, n − k + β) posterior. */
  readonly interval: ConfidenceInterval;
  /** Weight of the common mean in the pooled rate, (α + β)/(n + α + β). */
  readonly shrinkage: number;
}

export interface BetaBinomialPooling {
  readonly alpha: number;
  readonly beta: number;
  /** α/(α + β): the rate the cells are pulled towards. */
  readonly mean: number;
  /** α + β, in prior pseudo-trials; Infinity when the cells show no more spread than chance (complete pooling). */
  readonly concentration: number;
  /** Marginal beta-binomial log-likelihood at (α, β), binomial coefficients included. */
  readonly logLikelihood: number;
  readonly cells: readonly PooledCell[];
  readonly iterations: number;
  readonly method: 'beta-binomial-marginal-ml';
}

interface Cell {
  readonly k: number;
  readonly n: number;
}

// Beyond this many pseudo-trials the prior is indistinguishable from a point mass at the common rate: the
// likelihood is still rising towards the binomial, and the estimate is reported as complete pooling.
const COMPLETE_POOLING = 1e7;
const MAX_ITERATIONS = 500;

/**
 * Empirical-Bayes partial pooling of k_i/n_i. The prior Beta(α, β) is fitted by maximising the marginal
 * beta-binomial likelihood Π C(n, k)·B(k + α, n − k + β)/B(α, β) (Newton's method on log α, log β with the
 * exact gradient Σ 1/(α + j) sums); each cell's rate is then its posterior mean, with an equal-tailed
 * posterior interval. Cells with few trials move most. Marginal ML rather than the method of moments, which
 * can give a negative between-cell variance and ignores unequal n.
 *
 * @see https://en.wikipedia.org/wiki/Beta-binomial_distribution#Example:_Empirical_Bayes
 * @example
 * const pooled = betaBinomialPooling([
 *   { successes: 40, trials: 50 }, { successes: 25, trials: 65 }, { successes: 9, trials: 12 }, { successes: 3, trials: 10 },
 * ]);
 * pooled.mean; // 0.567… (α = 3.62, β = 2.76)
 * pooled.cells.map((cell) => cell.pooled); // [0.774, 0.401, 0.686, 0.404]: 0.80, 0.38, 0.75, 0.30 pulled in
 */
export function betaBinomialPooling(
  counts: readonly { readonly successes: number; readonly trials: number }[],
  level = 0.95,
): BetaBinomialPooling {
  checkLevel(level);
  counts.forEach((c, i) => {
    checkSuccesses(c.successes, c.trials, `cells[${i}].successes`, `cells[${i}].trials`);
  });
  if (counts.length < 2) {
    throw new InputError({ field: 'cells', message: 'pooling needs at least two cells' });
  }
  const cells: Cell[] = counts.map((c) => ({ k: c.successes, n: c.trials }));
  if (cells.every((c) => c.k === 0) || cells.every((c) => c.k === c.n)) {
    throw new InputError({
      field: 'cells',
      message: 'every cell has no successes (or no failures), so the spread of the rates cannot be estimated',
    });
  }
  const { alpha, beta, iterations } = maximiseMarginalLikelihood(cells);
  const concentration = alpha + beta;
  const complete = concentration > COMPLETE_POOLING;
  const mean = alpha / concentration;
  const tail = (1 - level) / 2;
  return {
    alpha: complete ? Number.POSITIVE_INFINITY : alpha,
    beta: complete ? Number.POSITIVE_INFINITY : beta,
    mean,
    concentration: complete ? Number.POSITIVE_INFINITY : concentration,
    logLikelihood: logLikelihood(cells, alpha, beta),
    cells: cells.map(({ k, n }) => {
      const a = k + alpha;
      const b = n - k + beta;
      return {
        successes: k,
        trials: n,
        raw: k / n,
        pooled: complete ? mean : a / (a + b),
        interval: complete
          ? { lower: mean, upper: mean, level, method: 'beta-posterior' }
          : {
              lower: betaQuantile(tail, a, b),
              upper: betaQuantile(1 - tail, a, b),
              level,
              method: 'beta-posterior',
            },
        shrinkage: complete ? 1 : concentration / (n + concentration),
      };
    }),
    iterations,
    method: 'beta-binomial-marginal-ml',
  };
}

function logLikelihood(cells: readonly Cell[], alpha: number, beta: number): number {
  const logBeta = (a: number, b: number) => gammaln(a) + gammaln(b) - gammaln(a + b);
  return cells.reduce(
    (sum, { k, n }) =>
      sum +
      gammaln(n + 1) -
      gammaln(k + 1) -
      gammaln(n - k + 1) +
      logBeta(k + alpha, n - k + beta) -
      logBeta(alpha, beta),
    0,
  );
}

/** Σ_{j<m} 1/(x + j)^power: the digamma (power 1) or trigamma (power 2) difference ψ(x + m) − ψ(x), exactly. */
function reciprocalSum(x: number, m: number, power: 1 | 2): number {
  let sum = 0;
  for (let j = 0; j < m; j++) sum += power === 1 ? 1 / (x + j) : 1 / (x + j) ** 2;
  return sum;
}

function maximiseMarginalLikelihood(cells: readonly Cell[]): {
  alpha: number;
  beta: number;
  iterations: number;
} {
  // Start from a moderate prior centred on the pooled rate; the likelihood is unimodal in practice.
  const pooled = cells.reduce((s, c) => s + c.k, 0) / cells.reduce((s, c) => s + c.n, 0);
  let u = Math.log(pooled * 10);
  let v = Math.log((1 - pooled) * 10);
  let current = logLikelihood(cells, Math.exp(u), Math.exp(v));
  let iterations = 0;
  while (iterations < MAX_ITERATIONS) {
    iterations++;
    const alpha = Math.exp(u);
    const beta = Math.exp(v);
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hbb = 0;
    let hab = 0;
    for (const { k, n } of cells) {
      const both1 = reciprocalSum(alpha + beta, n, 1);
      const both2 = reciprocalSum(alpha + beta, n, 2);
      ga += reciprocalSum(alpha, k, 1) - both1;
      gb += reciprocalSum(beta, n - k, 1) - both1;
      haa += -reciprocalSum(alpha, k, 2) + both2;
      hbb += -reciprocalSum(beta, n - k, 2) + both2;
      hab += both2;
    }
    // Chain rule to the log scale, which keeps α, β positive and the surface closer to quadratic.
    const gu = alpha * ga;
    const gv = beta * gb;
    const huu = alpha * alpha * haa + gu;
    const hvv = beta * beta * hbb + gv;
    const huv = alpha * beta * hab;
    const determinant = huu * hvv - huv * huv;
    let du: number;
    let dv: number;
    if (huu < 0 && determinant > 0) {
      du = -(hvv * gu - huv * gv) / determinant;
      dv = -(-huv * gu + huu * gv) / determinant;
    } else {
      // Not concave here: an ascent step along the gradient instead of Newton's.
      const norm = Math.hypot(gu, gv) || 1;
      du = gu / norm;
      dv = gv / norm;
    }
    let step = 1;
    let next = logLikelihood(cells, Math.exp(u + du), Math.exp(v + dv));
    while (!(next >= current) && step > 1e-10) {
      step /= 2;
      next = logLikelihood(cells, Math.exp(u + step * du), Math.exp(v + step * dv));
    }
    if (!(next >= current)) break;
    u += step * du;
    v += step * dv;
    const gain = next - current;
    current = next;
    if (Math.exp(u) + Math.exp(v) > COMPLETE_POOLING) break;
    if (
      Math.max(Math.abs(step * du), Math.abs(step * dv)) < 1e-12 ||
      (gain < 1e-15 && Math.hypot(gu, gv) < 1e-9)
    ) {
      break;
    }
  }
  return { alpha: Math.exp(u), beta: Math.exp(v), iterations };
}
