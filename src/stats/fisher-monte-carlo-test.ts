/** Fisher's test for an r×c table by Monte Carlo: tables with the observed margins drawn at random. */
import gammaln from '@stdlib/math-base-special-gammaln';
import { InputError } from '../domain/input-error.js';
import { checkTable } from './check-arguments.js';
import type { RandomSource } from './random-source.js';

export interface FisherMonteCarloResult {
  readonly p: number;
  /** Monte Carlo standard error of p, √(p(1 − p)/(B + 1)). */
  readonly standardError: number;
  readonly replicates: number;
  readonly method: 'fisher-monte-carlo';
}

export interface FisherMonteCarloOptions {
  /** Number of simulated tables B; default 10 000. */
  readonly replicates?: number;
}

// R's fisher.test(simulate.p.value = TRUE) compares with this slack so that ties in log probability count.
const ALMOST_ONE = 1 + 64 * Number.EPSILON;

/**
 * p = (1 + #{simulated tables at most as probable as the observed}) / (B + 1), the estimator of R's
 * `fisher.test(simulate.p.value = TRUE)`. A table's probability under independence given the margins is
 * proportional to 1/∏ x_ij!, so tables are compared on −Σ log x_ij!. Each simulated table comes from a
 * uniform shuffle of the column labels of the N units against their row labels, which draws exactly from
 * the multiple hypergeometric distribution of tables with the observed margins.
 *
 * @see https://en.wikipedia.org/wiki/Fisher%27s_exact_test
 * @example
 * fisherMonteCarloTest([[8, 2, 1], [3, 7, 9]], random, { replicates: 20000 }).p; // ≈ 0.0098 (exact: 0.0098006)
 */
export function fisherMonteCarloTest(
  table: readonly (readonly number[])[],
  random: RandomSource,
  options: FisherMonteCarloOptions = {},
): FisherMonteCarloResult {
  checkTable(table);
  const replicates = options.replicates ?? 10_000;
  if (!(Number.isInteger(replicates) && replicates > 0)) {
    throw new InputError({
      field: 'replicates',
      value: String(replicates),
      message: 'must be a positive integer',
    });
  }
  const rows = table.map((row) => row.reduce((s, x) => s + x, 0));
  const columnCount = table[0]?.length ?? 0;
  const columns = Array.from({ length: columnCount }, (_, j) =>
    table.reduce((s, row) => s + (row[j] ?? 0), 0),
  );
  const total = rows.reduce((s, x) => s + x, 0);
  const logFactorial = Float64Array.from({ length: total + 1 }, (_, x) => gammaln(x + 1));
  const observed = -table.flat().reduce((s, x) => s + (logFactorial[x] ?? 0), 0);
  const labels = new Int32Array(total);
  let at = 0;
  columns.forEach((count, j) => {
    labels.fill(j, at, at + count);
    at += count;
  });
  const cells = new Int32Array(rows.length * columnCount);
  let asExtreme = 0;
  for (let r = 0; r < replicates; r++) {
    // Fisher–Yates shuffle in place: the order is uniform whatever order it starts from.
    for (let i = total - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swap = labels[i] ?? 0;
      labels[i] = labels[j] ?? 0;
      labels[j] = swap;
    }
    cells.fill(0);
    let unit = 0;
    rows.forEach((count, i) => {
      for (let end = unit + count; unit < end; unit++) {
        const index = i * columnCount + (labels[unit] ?? 0);
        cells[index] = (cells[index] ?? 0) + 1;
      }
    });
    let statistic = 0;
    for (const x of cells) statistic -= logFactorial[x] ?? 0;
    if (statistic <= observed / ALMOST_ONE) asExtreme++;
  }
  const p = (1 + asExtreme) / (replicates + 1);
  return {
    p,
    standardError: Math.sqrt((p * (1 - p)) / (replicates + 1)),
    replicates,
    method: 'fisher-monte-carlo',
  };
}
