/** Pearson's χ² test of independence for an r×c table, warning where the χ² approximation is doubtful. */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { checkTable } from './check-arguments.js';

export interface SmallExpectedCount {
  readonly row: number;
  readonly column: number;
  readonly expected: number;
}

export interface ChiSquareResult {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  /** Row totals × column totals / grand total, in the table's layout. */
  readonly expected: readonly (readonly number[])[];
  readonly continuityCorrection: boolean;
  /** Cells whose expected count is below 5; a non-empty list means: prefer Fisher's exact test. */
  readonly smallExpected: readonly SmallExpectedCount[];
  /** Human-readable cautions (Cochran 1954: no expected count below 1, at most 20 % below 5). */
  readonly warnings: readonly string[];
}

export interface ChiSquareOptions {
  /** Yates's correction, 2×2 tables only; default false, as the uncorrected test is nearer nominal size. */
  readonly continuityCorrection?: boolean;
}

/**
 * Pearson's χ² statistic Σ (O − E)²/E on (r − 1)(c − 1) degrees of freedom; with Yates's correction, each
 * |O − E| is reduced by min(½, |O − E|), as R's `chisq.test` does.
 *
 * @see https://en.wikipedia.org/wiki/Pearson%27s_chi-squared_test#Testing_for_statistical_independence
 * @example
 * chiSquareTest([[40, 25], [10, 40]]); // { statistic: 19.84…, df: 1, p: 8.41…e-6, smallExpected: [], … }
 */
export function chiSquareTest(
  table: readonly (readonly number[])[],
  options: ChiSquareOptions = {},
): ChiSquareResult {
  checkTable(table);
  const rows = table.map((row) => row.reduce((sum, x) => sum + x, 0));
  const columns = (table[0] ?? []).map((_, j) => table.reduce((sum, row) => sum + (row[j] ?? 0), 0));
  const total = rows.reduce((sum, x) => sum + x, 0);
  const emptyRow = rows.indexOf(0);
  const emptyColumn = columns.indexOf(0);
  const warnings: string[] = [];
  if (emptyRow >= 0 || emptyColumn >= 0) {
    warnings.push(
      emptyRow >= 0
        ? `row ${emptyRow + 1} is empty; the test is undefined`
        : `column ${emptyColumn + 1} is empty; the test is undefined`,
    );
  }
  const continuityCorrection =
    options.continuityCorrection === true && table.length === 2 && columns.length === 2;
  const expected = rows.map((r) => columns.map((c) => (r * c) / total));
  const smallExpected: SmallExpectedCount[] = [];
  let statistic = 0;
  table.forEach((row, i) => {
    row.forEach((observed, j) => {
      const e = expected[i]?.[j] ?? 0;
      if (e < 5) smallExpected.push({ row: i, column: j, expected: e });
      const gap = Math.abs(observed - e);
      const corrected = continuityCorrection ? gap - Math.min(0.5, gap) : gap;
      statistic += (corrected * corrected) / e;
    });
  });
  const cells = rows.length * columns.length;
  if (smallExpected.length > 0) {
    const belowOne = smallExpected.filter((s) => s.expected < 1).length;
    warnings.push(
      `${smallExpected.length} of ${cells} cells have expected counts below 5` +
        (belowOne > 0 ? ` (${belowOne} below 1)` : '') +
        '; the χ² approximation may be poor, prefer Fisher’s exact test',
    );
  }
  const df = (rows.length - 1) * (columns.length - 1);
  return {
    statistic,
    df,
    p: 1 - chisquareCdf(statistic, df),
    expected,
    continuityCorrection,
    smallExpected,
    warnings,
  };
}
