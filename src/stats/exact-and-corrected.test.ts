import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agrestiCoullInterval } from './agresti-coull-interval.js';
import { associationTest } from './association-test.js';
import { conditionalOddsRatio } from './conditional-odds-ratio.js';
import { fisherExactRxCTest } from './fisher-exact-rxc-test.js';
import { gTest } from './g-test.js';
import { proportion } from './proportion-interval.js';
import { wilsonContinuityInterval } from './wilson-continuity-interval.js';

const reference = JSON.parse(
  readFileSync(new URL('../../test/fixtures/stats/exact.json', import.meta.url), 'utf8'),
) as {
  proportion: {
    k: number;
    n: number;
    level: number;
    agrestiCoull: [number, number];
    wilsonCC: [number, number];
  }[];
  g: { table: number[][]; statistic: number; df: number; p: number }[];
  conditionalOddsRatio: {
    table: number[][];
    level: number;
    estimate: number | null;
    interval: [number, number | null];
  }[];
  fisherRxC: { table: number[][]; p: number }[];
};

/** R writes Inf as null in the JSON. */
const infinite = (x: number | null) => x ?? Number.POSITIVE_INFINITY;

describe('the Agresti–Coull and continuity-corrected Wilson intervals, against R', () => {
  it.each(reference.proportion.map((r) => [`${r.k}/${r.n} at ${r.level}`, r] as const))('%s', (_, r) => {
    const ac = agrestiCoullInterval(r.k, r.n, r.level);
    expect(ac.lower).toBeCloseTo(r.agrestiCoull[0], 9);
    expect(ac.upper).toBeCloseTo(r.agrestiCoull[1], 9);
    const cc = wilsonContinuityInterval(r.k, r.n, r.level);
    expect(cc.lower).toBeCloseTo(r.wilsonCC[0], 9);
    expect(cc.upper).toBeCloseTo(r.wilsonCC[1], 9);
  });

  it('are methods of proportion', () => {
    expect(proportion(40, 65, { method: 'agresti-coull' }).interval.method).toBe('agresti-coull');
    expect(proportion(40, 65, { method: 'wilson-cc' }).interval.method).toBe('wilson-cc');
  });
});

describe('gTest, against the likelihood-ratio statistic computed in R', () => {
  it.each(reference.g.map((r, i) => [i, r] as const))('table %s', (_, r) => {
    const result = gTest(r.table);
    expect(result.df).toBe(r.df);
    expect(result.statistic).toBeCloseTo(r.statistic, 9);
    expect(result.p).toBeCloseTo(r.p, 9);
  });
});

describe('conditionalOddsRatio, against R fisher.test', () => {
  it.each(
    reference.conditionalOddsRatio.map((r) => [`${JSON.stringify(r.table)} at ${r.level}`, r] as const),
  )('%s', (_, r) => {
    const result = conditionalOddsRatio(r.table, r.level);
    const expected = infinite(r.estimate);
    if (Number.isFinite(expected)) expect(result.estimate).toBeCloseTo(expected, 6);
    else expect(result.estimate).toBe(expected);
    expect(result.interval.lower).toBeCloseTo(r.interval[0], 6);
    const upper = infinite(r.interval[1]);
    if (Number.isFinite(upper)) expect(result.interval.upper).toBeCloseTo(upper, 5);
    else expect(result.interval.upper).toBe(upper);
  });
});

describe('fisherExactRxCTest, against R fisher.test on r×c tables', () => {
  it.each(reference.fisherRxC.map((r) => [JSON.stringify(r.table), r] as const))('%s', (_, r) => {
    const result = fisherExactRxCTest(r.table);
    expect(result?.method).toBe('fisher-exact');
    expect(result?.p).toBeCloseTo(r.p, 9);
  });

  it('stops past its table limit, and the association test then falls back to Monte Carlo and says so', () => {
    const big = [
      [1, 3, 10, 6],
      [2, 3, 10, 7],
      [1, 6, 14, 12],
      [0, 1, 9, 11],
    ];
    expect(fisherExactRxCTest(big, 1000)).toBeUndefined();
    const withoutSeed = associationTest(big);
    expect(withoutSeed.fisher).toBeNull();
    expect(withoutSeed.notes.join(' ')).toMatch(/tables have these margins/);
  });
});
