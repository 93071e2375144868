/** The test of association a table reports: χ² always, and Fisher's test (exact where the tables allow, else Monte Carlo). */
import { type ChiSquareResult, chiSquareTest } from './chi-square-test.js';
import { type FisherExactRxCResult, fisherExactRxCTest } from './fisher-exact-rxc-test.js';
import { type FisherExactResult, fisherExactTest } from './fisher-exact-test.js';
import { type FisherMonteCarloResult, fisherMonteCarloTest } from './fisher-monte-carlo-test.js';
import type { RandomSource } from './random-source.js';

export interface AssociationTest {
  /** The table tested: empty rows and columns dropped, as neither test is defined with them. */
  readonly tested: readonly (readonly number[])[];
  readonly chiSquare: ChiSquareResult | null;
  readonly fisher: FisherExactResult | FisherExactRxCResult | FisherMonteCarloResult | null;
  /** Why a test was not run, or what limits it. */
  readonly notes: readonly string[];
}

/** Tables beyond 2×2 are enumerated exactly up to this many; past it, Fisher's p is a Monte Carlo estimate. */
export const EXACT_TABLE_LIMIT = 200_000;

/**
 * Drops empty rows and columns, then runs Pearson's χ² and Fisher's test: exact for 2×2 and for larger tables
 * whose margins allow at most `EXACT_TABLE_LIMIT` tables, else a Monte Carlo estimate that needs `random`
 * (without it only χ² is reported). The notes say which.
 */
export function associationTest(
  counts: readonly (readonly number[])[],
  random?: RandomSource,
  replicates = 10_000,
): AssociationTest {
  const rowsKept = counts.filter((row) => row.some((x) => x > 0));
  const columnsKept = (counts[0] ?? [])
    .map((_, j) => j)
    .filter((j) => counts.some((row) => (row[j] ?? 0) > 0));
  const tested = rowsKept.map((row) => columnsKept.map((j) => row[j] ?? 0));
  const notes: string[] = [];
  if (tested.length < 2 || columnsKept.length < 2) {
    notes.push('fewer than two non-empty rows or columns: no test of association');
    return { tested, chiSquare: null, fisher: null, notes };
  }
  const chiSquare = chiSquareTest(tested);
  let fisher: FisherExactResult | FisherExactRxCResult | FisherMonteCarloResult | null = null;
  if (tested.length === 2 && columnsKept.length === 2) fisher = fisherExactTest(tested);
  else {
    fisher = fisherExactRxCTest(tested, EXACT_TABLE_LIMIT) ?? null;
    if (fisher === null) {
      const past = `more than ${EXACT_TABLE_LIMIT.toLocaleString('en')} tables have these margins`;
      if (random !== undefined) {
        fisher = fisherMonteCarloTest(tested, random, { replicates });
        notes.push(`${past}: Fisher’s p is a Monte Carlo estimate`);
      } else notes.push(`${past}: Fisher’s test by Monte Carlo needs a seed`);
    }
  }
  return { tested, chiSquare, fisher, notes };
}
