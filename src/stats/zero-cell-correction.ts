/** The Haldane–Anscombe correction that keeps log ratios finite when a 2×2 table has an empty cell. */
import { checkSuccesses } from './check-arguments.js';
import type { TwoGroupCounts } from './two-group-counts.js';

/** The four cells of a 2×2 table: a, b events and non-events in group 1; c, d in group 2. */
export interface FourCells {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  /** True when ½ was added to every cell because one of them was zero. */
  readonly corrected: boolean;
}

/**
 * The cells of two groups' counts, with ½ added to all four when any is zero (Haldane 1956; Anscombe 1956),
 * the convention of epitools and most epidemiology texts.
 *
 * @example
 * fourCells({ k1: 0, n1: 20, k2: 5, n2: 25 }); // { a: 0.5, b: 20.5, c: 5.5, d: 20.5, corrected: true }
 */
export function fourCells(counts: TwoGroupCounts): FourCells {
  const { k1, n1, k2, n2 } = counts;
  checkSuccesses(k1, n1, 'k1', 'n1');
  checkSuccesses(k2, n2, 'k2', 'n2');
  const cells = [k1, n1 - k1, k2, n2 - k2] as const;
  const corrected = cells.some((cell) => cell === 0);
  const add = corrected ? 0.5 : 0;
  return { a: cells[0] + add, b: cells[1] + add, c: cells[2] + add, d: cells[3] + add, corrected };
}
