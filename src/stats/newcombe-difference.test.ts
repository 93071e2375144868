import { describe, expect, it } from 'vitest';
import { expectNear, reference as sharedReference } from '../../test/support/reference.js';
import { newcombeDifference } from './newcombe-difference.js';

// Reference: Newcombe's method 10 evaluated in R 4.2 from two `prop.test(correct = FALSE)` Wilson intervals,
// by test/fixtures/stats/reference.R; and Newcombe (1998) Stat. Med. 17:873, Table II, method 10 (4 decimals).
const reference = sharedReference as {
  newcombe: {
    k1: number;
    n1: number;
    k2: number;
    n2: number;
    level: number;
    difference: number;
    interval: [number, number];
  }[];
};

describe('newcombeDifference', () => {
  it.each(reference.newcombe)(
    "matches Newcombe's hybrid score interval computed in R for $k1/$n1 − $k2/$n2 at level $level",
    (c) => {
      const result = newcombeDifference(c, c.level);
      const input = `newcombe(${c.k1}/${c.n1} − ${c.k2}/${c.n2}, ${c.level})`;
      expectNear(result.difference, c.difference, `${input}.difference`);
      expectNear(result.interval.lower, c.interval[0], `${input}.lower`);
      expectNear(result.interval.upper, c.interval[1], `${input}.upper`);
    },
  );

  // Newcombe (1998), Table II, column for method 10; the published figures are rounded to 4 decimals.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
  ])('reproduces Newcombe 1998 Table II, method 10, for %i/%i − %i/%i', (k1, n1, k2, n2, lower, upper) => {
    const { interval } = newcombeDifference({ k1, n1, k2, n2 });
    expectNear(interval.lower, lower, 'lower', 5e-5);
    expectNear(interval.upper, upper, 'upper', 5e-5);
  });

  it('is antisymmetric: swapping the groups mirrors the interval', () => {
    const forward = newcombeDifference({ k1: 40, n1: 50, k2: 25, n2: 65 });
    const backward = newcombeDifference({ k1: 25, n1: 65, k2: 40, n2: 50 });
    expect(backward.interval.lower).toBeCloseTo(-forward.interval.upper, 12);
    expect(backward.interval.upper).toBeCloseTo(-forward.interval.lower, 12);
  });
});
