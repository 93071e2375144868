/** Counts of units by two categorical variables, with margins and each column's shares with intervals. */
import { type ProportionEstimate, type ProportionOptions, proportion } from './proportion-interval.js';

export interface CrossTabulation {
  readonly rowLevels: readonly string[];
  readonly columnLevels: readonly string[];
  /** counts[i][j]: units in row level i and column level j. */
  readonly counts: readonly (readonly number[])[];
  readonly rowTotals: readonly number[];
  readonly columnTotals: readonly number[];
  readonly total: number;
  /** shares[i][j]: the share of column j's units that fall in row i, with its interval. */
  readonly columnShares: readonly (readonly (ProportionEstimate | null)[])[];
  /** Each row level's share of all units. */
  readonly rowShares: readonly (ProportionEstimate | null)[];
}

/**
 * Tabulates (row, column) pairs over the given levels; pairs whose levels are not listed are not counted.
 * An empty column has no shares (`null`), not shares of 0/0.
 *
 * @example
 * crossTabulate([['won', 'incumbent'], ['lost', 'challenger'], ['won', 'challenger']], ['won', 'lost'], ['incumbent', 'challenger'])
 *   .counts // [[1, 1], [0, 1]]
 */
export function crossTabulate(
  pairs: readonly (readonly [row: string, column: string])[],
  rowLevels: readonly string[],
  columnLevels: readonly string[],
  options: ProportionOptions = {},
): CrossTabulation {
  const rowIndex = new Map(rowLevels.map((level, i) => [level, i]));
  const columnIndex = new Map(columnLevels.map((level, j) => [level, j]));
  const counts = rowLevels.map(() => columnLevels.map(() => 0));
  for (const [row, column] of pairs) {
    const i = rowIndex.get(row);
    const j = columnIndex.get(column);
    const cells = i === undefined ? undefined : counts[i];
    if (cells !== undefined && j !== undefined) cells[j] = (cells[j] ?? 0) + 1;
  }
  const rowTotals = counts.map((cells) => cells.reduce((a, b) => a + b, 0));
  const columnTotals = columnLevels.map((_, j) => counts.reduce((sum, cells) => sum + (cells[j] ?? 0), 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const share = (k: number, n: number) => (n === 0 ? null : proportion(k, n, options));
  return {
    rowLevels,
    columnLevels,
    counts,
    rowTotals,
    columnTotals,
    total,
    columnShares: counts.map((cells) => cells.map((k, j) => share(k, columnTotals[j] ?? 0))),
    rowShares: rowTotals.map((k) => share(k, total)),
  };
}
