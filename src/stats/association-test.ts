/** The test of association a table reports: χ² always, and Fisher's test (exact for 2×2, Monte Carlo beyond). */
import { type ChiSquareResult, chiSquareTest } from './chi-square-test.js';
import { type FisherExactResult, fisherExactTest } from './fisher-exact-test.js';
import { type FisherMonteCarloResult, fisherMonteCarloTest } from './fisher-monte-carlo-test.js';
import type { RandomSource } from './random-source.js';

export interface AssociationTest {
  /** The table tested: empty rows and columns dropped, as neither test is defined with them. */
  readonly tested: readonly (readonly number[])[];
  readonly chiSquare: ChiSquareResult | null;
  readonly fisher: FisherExactResult | FisherMonteCarloResult | null;
  /** Why a test was not run, or what limits it. */
  readonly notes: readonly string[];
}

/**
 * Drops empty rows and columns, then runs Pearson's χ² and Fisher's test. Larger than 2×2, Fisher's p is a
 * Monte Carlo estimate and needs `random`; without it only χ² is reported.
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
  let fisher: FisherExactResult | FisherMonteCarloResult | null = null;
  if (tested.length === 2 && columnsKept.length === 2) fisher = fisherExactTest(tested);
  else if (random !== undefined) fisher = fisherMonteCarloTest(tested, random, { replicates });
  else notes.push('Fisher’s test for tables larger than 2×2 needs a seed');
  return { tested, chiSquare, fisher, notes };
}
