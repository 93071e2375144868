import { describe, expect, it } from 'vitest';
import { expectNear, reference as sharedReference } from '../../test/support/reference.js';
import { InputError } from '../domain/input-error.js';
import { chiSquareTest } from './chi-square-test.js';

// Reference: R 4.2 `chisq.test(x, correct = ...)`, by test/fixtures/stats/reference.R. The party-by-gender
// table is Agresti (2007), An Introduction to Categorical Data Analysis, Table 2.5 (χ² = 30.07, df = 2).
interface ChiSquareCase {
  name: string;
  table: number[][];
  continuityCorrection: boolean;
  statistic: number;
  df: number;
  p: number;
  expected: number[][];
}
const reference = sharedReference as { chiSquare: ChiSquareCase[] };

describe('chiSquareTest', () => {
  it.each(reference.chiSquare)(
    "matches R's chisq.test on $name (Pearson, Yates correction: $continuityCorrection)",
    (c) => {
      const result = chiSquareTest(c.table, { continuityCorrection: c.continuityCorrection });
      expectNear(result.statistic, c.statistic, `χ²(${c.name})`);
      expect(result.df).toBe(c.df);
      expectNear(result.p, c.p, `p(${c.name})`);
      result.expected.forEach((row, i) => {
        row.forEach((e, j) => {
          expectNear(e, c.expected[i]?.[j] ?? Number.NaN, `expected[${i}][${j}](${c.name})`);
        });
      });
    },
  );

  it('warns when expected counts fall below 5 and lists the cells', () => {
    const result = chiSquareTest([
      [3, 1],
      [1, 3],
    ]);
    expect(result.smallExpected).toHaveLength(4);
    expect(result.warnings).toEqual([
      '4 of 4 cells have expected counts below 5; the χ² approximation may be poor, prefer Fisher’s exact test',
    ]);
  });

  it('gives no warning for Table 2 of the article, whose expected counts are all above 5', () => {
    expect(
      chiSquareTest([
        [40, 25],
        [10, 40],
      ]).warnings,
    ).toEqual([]);
  });

  it('ignores the continuity correction beyond 2×2, as R does', () => {
    const table = [
      [762, 327, 468],
      [484, 239, 477],
    ];
    expect(chiSquareTest(table, { continuityCorrection: true })).toEqual(chiSquareTest(table));
  });

  it('rejects ragged tables and negative counts', () => {
    expect(() => chiSquareTest([[1, 2], [3]])).toThrow(InputError);
    expect(() =>
      chiSquareTest([
        [1, -2],
        [3, 4],
      ]),
    ).toThrow(/non-negative/);
  });
});
