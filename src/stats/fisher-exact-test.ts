/** Fisher's exact test of independence for a 2×2 table, from the hypergeometric distribution of its first cell. */
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import { InputError } from '../domain/input-error.js';
import { checkTable } from './check-arguments.js';

export type Alternative = 'two-sided' | 'less' | 'greater';

export interface FisherExactResult {
  readonly p: number;
  readonly alternative: Alternative;
  readonly method: 'fisher-exact';
}

// R's fisher.test counts tables as extreme as the observed one up to this relative slack, so that tables of
// equal probability are not split by rounding; meddle does the same to agree with it.
const RELATIVE_SLACK = 1 + 1e-7;

/**
 * Fisher's exact test on [[a, b], [c, d]] conditional on both margins. Two-sided: the sum of the
 * probabilities of all tables no more probable than the observed one (the rule of R's `fisher.test`);
 * `less` / `greater` test an odds ratio below / above 1.
 *
 * @see https://en.wikipedia.org/wiki/Fisher%27s_exact_test
 * @example
 * fisherExactTest([[3, 1], [1, 3]]).p; // 0.4857… (Fisher's tea tasting)
 */
export function fisherExactTest(
  table: readonly (readonly number[])[],
  alternative: Alternative = 'two-sided',
): FisherExactResult {
  checkTable(table);
  if (table.length !== 2 || table[0]?.length !== 2) {
    throw new InputError({
      field: 'table',
      message: 'the exact test here is for 2×2 tables',
      hint: 'use fisherMonteCarloTest for larger tables',
    });
  }
  const [[a = 0, b = 0] = [], [c = 0, d = 0] = []] = table;
  const firstRow = a + b;
  const firstColumn = a + c;
  const total = a + b + c + d;
  const low = Math.max(0, firstColumn - (c + d));
  const high = Math.min(firstRow, firstColumn);
  const probabilities: number[] = [];
  for (let x = low; x <= high; x++) probabilities.push(hypergeometricPmf(x, total, firstColumn, firstRow));
  // Normalising guards against the pmf's rounding in very large tables.
  const sum = probabilities.reduce((s, x) => s + x, 0);
  const probabilityOf = (x: number): number => (probabilities[x - low] ?? 0) / sum;
  let p = 0;
  if (alternative === 'less') for (let x = low; x <= a; x++) p += probabilityOf(x);
  else if (alternative === 'greater') for (let x = a; x <= high; x++) p += probabilityOf(x);
  else {
    const observed = probabilityOf(a) * RELATIVE_SLACK;
    for (let x = low; x <= high; x++) if (probabilityOf(x) <= observed) p += probabilityOf(x);
  }
  return { p: Math.min(1, p), alternative, method: 'fisher-exact' };
}
