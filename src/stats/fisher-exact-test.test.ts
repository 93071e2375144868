import { describe, expect, it } from 'vitest';
import { expectNear, reference as sharedReference } from '../../test/support/reference.js';
import { InputError } from '../domain/input-error.js';
import { fisherExactTest } from './fisher-exact-test.js';

// Reference: R 4.2 `fisher.test(x, alternative = ...)$p.value`, by test/fixtures/stats/reference.R. The tea
// tasting table is Fisher's own (The Design of Experiments, 1935): two-sided p = 0.4857.
interface FisherCase {
  name: string;
  table: number[][];
  twoSided: number;
  less: number;
  greater: number;
}
const reference = sharedReference as { fisher2x2: FisherCase[] };

describe('fisherExactTest', () => {
  it.each(reference.fisher2x2)(
    "matches R's fisher.test on the $name table for all three alternatives",
    (c) => {
      expectNear(fisherExactTest(c.table).p, c.twoSided, `two-sided(${c.name})`);
      expectNear(fisherExactTest(c.table, 'less').p, c.less, `less(${c.name})`);
      expectNear(fisherExactTest(c.table, 'greater').p, c.greater, `greater(${c.name})`);
    },
  );

  it('sends larger tables to the Monte Carlo test', () => {
    expect(() =>
      fisherExactTest([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toThrow(InputError);
  });
});
