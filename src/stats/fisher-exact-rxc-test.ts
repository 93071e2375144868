/** Fisher's exact test for an r×c table, by enumerating every table with the observed margins. */
import gammaln from '@stdlib/math-base-special-gammaln';
import { checkTable } from './check-arguments.js';

export interface FisherExactRxCResult {
  readonly p: number;
  /** How many tables with the observed margins were enumerated. */
  readonly tables: number;
  readonly method: 'fisher-exact';
}

/** Past this many tables the enumeration stops, and the caller falls back to Monte Carlo (and says so). */
export const FISHER_EXACT_TABLE_LIMIT = 2_000_000;

// As for 2×2, tables whose probability equals the observed one's up to this relative slack count as extreme.
const RELATIVE_SLACK = 1 + 1e-7;

/**
 * The exact p-value of Fisher's test of independence for an r×c table: the probability, given both margins,
 * of all tables no more probable than the observed one, P(table) ∝ 1/∏ x_ij!. Complete enumeration, column by
 * column within the row totals left; undefined when the tables with these margins number more than `limit`.
 * The p-value R's `fisher.test` gives by its network algorithm.
 *
 * @see https://en.wikipedia.org/wiki/Fisher%27s_exact_test
 * @example
 * fisherExactRxCTest([[8, 2, 1], [3, 7, 9]])?.p; // 0.0098006…
 */
export function fisherExactRxCTest(
  table: readonly (readonly number[])[],
  limit = FISHER_EXACT_TABLE_LIMIT,
): FisherExactRxCResult | undefined {
  checkTable(table);
  const r = table.length;
  const c = table[0]?.length ?? 0;
  const rowTotals = table.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: c }, (_, j) => table.reduce((s, row) => s + (row[j] ?? 0), 0));
  const logFactorial = (x: number) => gammaln(x + 1);
  const logObserved = -table.flat().reduce((s, x) => s + logFactorial(x), 0);
  const threshold = logObserved + Math.log(RELATIVE_SLACK);
  // Sum the probabilities relative to the observed table's, so that large tables do not underflow.
  let extreme = 0;
  let total = 0;
  let count = 0;
  const remaining = [...rowTotals];
  /** Fill column j from row i down with what is left of its total, given the rows' remaining capacity. */
  const fillColumn = (j: number, i: number, left: number, logSoFar: number): boolean => {
    if (j === c - 1) {
      // The last column takes what every row has left; it fits exactly because the margins agree.
      let logTable = logSoFar;
      for (let k = 0; k < r; k++) logTable -= logFactorial(remaining[k] as number);
      const weight = Math.exp(logTable - logObserved);
      total += weight;
      if (logTable <= threshold) extreme += weight;
      count++;
      return count <= limit;
    }
    if (i === r - 1) {
      if (left > (remaining[i] as number)) return true;
      remaining[i] = (remaining[i] as number) - left;
      const ok = fillColumn(j + 1, 0, columnTotals[j + 1] as number, logSoFar - logFactorial(left));
      remaining[i] = (remaining[i] as number) + left;
      return ok;
    }
    // Rows below i can take at most their remaining totals; x must leave no more than that for them.
    let below = 0;
    for (let k = i + 1; k < r; k++) below += remaining[k] as number;
    const lo = Math.max(0, left - below);
    const hi = Math.min(left, remaining[i] as number);
    for (let x = lo; x <= hi; x++) {
      remaining[i] = (remaining[i] as number) - x;
      const ok = fillColumn(j, i + 1, left - x, logSoFar - logFactorial(x));
      remaining[i] = (remaining[i] as number) + x;
      if (!ok) return false;
    }
    return true;
  };
  const finished = fillColumn(0, 0, columnTotals[0] as number, 0);
  if (!finished) return undefined;
  return { p: Math.min(1, extreme / total), tables: count, method: 'fisher-exact' };
}
