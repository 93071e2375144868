import { describe, expect, it } from 'vitest';
import { quantileSorted } from './quantile.js';
import { rateDifference, rateWithInterval } from './rate.js';

describe('rateWithInterval', () => {
  // Reference: R 4.2, prop.test(x, n, correct = FALSE)$conf.int.
  it('matches R prop.test without continuity correction to 1e-6', () => {
    const cases = [
      [29, 100, 0.210148357491, 0.385388911756],
      [0, 20, 0, 0.161125158053],
      [7, 50, 0.0695083342702, 0.2618619371059],
    ] as const;
    for (const [k, n, low, high] of cases) {
      const interval = rateWithInterval(k, n);
      expect(Math.abs(interval.low - low)).toBeLessThan(1e-6);
      expect(Math.abs(interval.high - high)).toBeLessThan(1e-6);
    }
  });

  it('gives the whole of [0, 1] and no rate when nothing was observed', () => {
    expect(rateWithInterval(0, 0)).toEqual({ count: 0, n: 0, rate: null, low: 0, high: 1 });
  });

  it("gives Newcombe's hybrid score interval for a difference (Newcombe 1998, table II, example 1: 56/70 − 48/80)", () => {
    const d = rateDifference(rateWithInterval(56, 70), rateWithInterval(48, 80));
    expect(d.estimate).toBeCloseTo(0.2, 10);
    // Reference: test/fixtures/stats/reference.json (R), 0.0524314724023649 and 0.333872654036906.
    expect(Math.abs(d.low - 0.0524314724023649)).toBeLessThan(1e-6);
    expect(Math.abs(d.high - 0.333872654036906)).toBeLessThan(1e-6);
  });
});

describe('quantileSorted', () => {
  it("interpolates between order statistics like R's default (type 7)", () => {
    const x = Float64Array.of(1, 2, 3, 4, 10);
    expect(quantileSorted(x, 0.5)).toBe(3);
    expect(quantileSorted(x, 0.9)).toBeCloseTo(7.6, 10);
    expect(quantileSorted(x, 0)).toBe(1);
    expect(quantileSorted(x, 1)).toBe(10);
    expect(Number.isNaN(quantileSorted(new Float64Array(0), 0.5))).toBe(true);
  });
});
