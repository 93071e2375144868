import { describe, expect, it } from 'vitest';
import { expectNear, reference as sharedReference } from '../../test/support/reference.js';
import { InputError } from '../domain/input-error.js';
import { clopperPearsonInterval } from './clopper-pearson-interval.js';

// Reference: R 4.2 `binom.test(k, n, conf.level = level)$conf.int`, made by test/fixtures/stats/reference.R.
const reference = sharedReference as {
  proportion: { k: number; n: number; level: number; clopperPearson: [number, number] }[];
};

describe('clopperPearsonInterval', () => {
  it.each(reference.proportion)("matches R's binom.test for $k/$n at level $level", (c) => {
    const interval = clopperPearsonInterval(c.k, c.n, c.level);
    expectNear(interval.lower, c.clopperPearson[0], `clopperPearson(${c.k}, ${c.n}, ${c.level}).lower`);
    expectNear(interval.upper, c.clopperPearson[1], `clopperPearson(${c.k}, ${c.n}, ${c.level}).upper`);
  });

  it('reaches exactly 0 at k = 0 and 1 at k = n', () => {
    expect(clopperPearsonInterval(0, 7).lower).toBe(0);
    expect(clopperPearsonInterval(7, 7).upper).toBe(1);
  });

  it('rejects no trials, more successes than trials and a level given in per cent', () => {
    expect(() => clopperPearsonInterval(0, 0)).toThrow(InputError);
    expect(() => clopperPearsonInterval(5, 4)).toThrow(/exceed/);
    expect(() => clopperPearsonInterval(1.5, 4)).toThrow(/integer/);
    expect(() => clopperPearsonInterval(1, 4, 95)).toThrow(/between 0 and 1/);
    expect(() => clopperPearsonInterval(1, 4, Number.NaN)).toThrow(InputError);
  });
});
