import { describe, expect, it } from 'vitest';
import { expectNear, reference as sharedReference } from '../../test/support/reference.js';
import { InputError } from '../domain/input-error.js';
import { jeffreysInterval } from './jeffreys-interval.js';

// Reference: R 4.2 `qbeta(c(a/2, 1 - a/2), k + 1/2, n - k + 1/2)`, bounds 0 at k = 0 and 1 at k = n, made by test/fixtures/stats/reference.R.
const reference = sharedReference as {
  proportion: { k: number; n: number; level: number; jeffreys: [number, number] }[];
};

describe('jeffreysInterval', () => {
  it.each(reference.proportion)(
    "matches R's Beta(k + ½, n − k + ½) quantiles for $k/$n at level $level",
    (c) => {
      const interval = jeffreysInterval(c.k, c.n, c.level);
      expectNear(interval.lower, c.jeffreys[0], `jeffreys(${c.k}, ${c.n}, ${c.level}).lower`);
      expectNear(interval.upper, c.jeffreys[1], `jeffreys(${c.k}, ${c.n}, ${c.level}).upper`);
    },
  );

  it('reaches exactly 0 at k = 0 and 1 at k = n', () => {
    expect(jeffreysInterval(0, 7).lower).toBe(0);
    expect(jeffreysInterval(7, 7).upper).toBe(1);
  });

  it('rejects no trials, more successes than trials and a level given in per cent', () => {
    expect(() => jeffreysInterval(0, 0)).toThrow(InputError);
    expect(() => jeffreysInterval(5, 4)).toThrow(/exceed/);
    expect(() => jeffreysInterval(1.5, 4)).toThrow(/integer/);
    expect(() => jeffreysInterval(1, 4, 95)).toThrow(/between 0 and 1/);
    expect(() => jeffreysInterval(1, 4, Number.NaN)).toThrow(InputError);
  });
});
