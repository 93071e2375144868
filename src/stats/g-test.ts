/** The G-test (likelihood-ratio test) of independence for an r×c table. */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { checkTable } from './check-arguments.js';

export interface GTestResult {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
}

/**
 * G = 2 Σ O ln(O / E) over the cells, E the expected count under independence (an empty cell adds nothing),
 * on (r − 1)(c − 1) degrees of freedom: the likelihood-ratio counterpart of Pearson's χ².
 *
 * @see https://en.wikipedia.org/wiki/G-test
 * @example
 * gTest([[40, 10], [25, 40]]).df; // 1
 */
export function gTest(table: readonly (readonly number[])[]): GTestResult {
  checkTable(table);
  const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
  const columns = (table[0] ?? []).map((_, j) => table.reduce((s, r) => s + (r[j] ?? 0), 0));
  const total = rows.reduce((a, b) => a + b, 0);
  let statistic = 0;
  for (const [i, r] of table.entries())
    for (const [j, observed] of r.entries()) {
      if (observed === 0) continue;
      const expected = ((rows[i] as number) * (columns[j] as number)) / total;
      statistic += 2 * observed * Math.log(observed / expected);
    }
  const df = (table.length - 1) * ((table[0]?.length ?? 1) - 1);
  return { statistic, df, p: 1 - chisquareCdf(statistic, df) };
}
