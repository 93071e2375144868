import { describe, expect, it } from 'vitest';
import { expectNear, reference as sharedReference } from '../../test/support/reference.js';
import { InputError } from '../domain/input-error.js';
import { wilsonInterval } from './wilson-interval.js';

// Reference: R 4.2 `prop.test(k, n, correct = FALSE)$conf.int`, made by test/fixtures/stats/reference.R.
const reference = sharedReference as {
  proportion: { k: number; n: number; level: number; wilson: [number, number] }[];
};

describe('wilsonInterval', () => {
  it.each(reference.proportion)("matches R's prop.test(correct = FALSE) for $k/$n at level $level", (c) => {
    const interval = wilsonInterval(c.k, c.n, c.level);
    expectNear(interval.lower, c.wilson[0], `wilson(${c.k}, ${c.n}, ${c.level}).lower`);
    expectNear(interval.upper, c.wilson[1], `wilson(${c.k}, ${c.n}, ${c.level}).upper`);
  });

  it('reaches exactly 0 at k = 0 and 1 at k = n', () => {
    expect(wilsonInterval(0, 7).lower).toBe(0);
    expect(wilsonInterval(7, 7).upper).toBe(1);
  });

  it('rejects no trials, more successes than trials and a level given in per cent', () => {
    expect(() => wilsonInterval(0, 0)).toThrow(InputError);
    expect(() => wilsonInterval(5, 4)).toThrow(/exceed/);
    expect(() => wilsonInterval(1.5, 4)).toThrow(/integer/);
    expect(() => wilsonInterval(1, 4, 95)).toThrow(/between 0 and 1/);
    expect(() => wilsonInterval(1, 4, Number.NaN)).toThrow(InputError);
  });
});
