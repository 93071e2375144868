import { describe, expect, it } from 'vitest';
import { nextUniform, prngForStream } from '../sim/prng.js';
import { morrisAnalysis, morrisDesign, morrisEffects } from './morris-effects.js';
import type { ParameterSpace } from './parameter-space.js';
import { saltelliDesign, sobolAnalysis, sobolIndices } from './sobol-indices.js';

const seeded = (seed: number) => {
  const rng = prngForStream(seed, 0);
  return () => nextUniform(rng);
};

// Ishigami and Homma (1990), a = 7, b = 0.1, each x uniform on [−π, π].
const [A, B] = [7, 0.1];
const ishigami = ([x1 = 0, x2 = 0, x3 = 0]: readonly number[]) =>
  Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
const cube: ParameterSpace = ['x1', 'x2', 'x3'].map((name) => ({ name, lower: -Math.PI, upper: Math.PI }));
const pi4 = Math.PI ** 4;
const V1 = 0.5 * (1 + (B * pi4) / 5) ** 2;
const V2 = A ** 2 / 8;
const V13 = (8 * B ** 2 * pi4 ** 2) / 225;
const V = A ** 2 / 8 + (B * pi4) / 5 + (B ** 2 * pi4 ** 2) / 18 + 0.5;
const ANALYTIC = { first: [V1 / V, V2 / V, 0], total: [(V1 + V13) / V, V2 / V, V13 / V] };

describe('sobolIndices', () => {
  it('finds the Ishigami function’s analytic first- and total-order indices inside their 99 % bootstrap intervals', () => {
    // At 99 %, so that all six intervals cover their value together with a probability near 94 %, not 74 %.
    const result = sobolIndices(ishigami, cube, { n: 8192, random: seeded(7), resamples: 500, level: 0.99 });
    expect(ANALYTIC.first[0]).toBeCloseTo(0.3139, 4);
    expect(ANALYTIC.total[2]).toBeCloseTo(0.2437, 4);
    result.indices.forEach((index, i) => {
      const [s1, st] = [ANALYTIC.first[i] as number, ANALYTIC.total[i] as number];
      expect(index.firstInterval[0], `${index.name} S1`).toBeLessThanOrEqual(s1);
      expect(index.firstInterval[1], `${index.name} S1`).toBeGreaterThanOrEqual(s1);
      expect(index.totalInterval[0], `${index.name} ST`).toBeLessThanOrEqual(st);
      expect(index.totalInterval[1], `${index.name} ST`).toBeGreaterThanOrEqual(st);
      expect(Math.abs(index.first - s1)).toBeLessThan(0.05);
      expect(Math.abs(index.total - st)).toBeLessThan(0.05);
    });
    expect(result.evaluations).toBe(8192 * 5);
    expect(result.variance).toBeCloseTo(V, 0);
  });

  it('is the same bit for bit from the same seed, and apart from sampling, analysing evaluations made elsewhere', () => {
    const one = sobolIndices(ishigami, cube, { n: 256, random: seeded(3), resamples: 50 });
    const again = sobolIndices(ishigami, cube, { n: 256, random: seeded(3), resamples: 50 });
    expect(again).toEqual(one);
    const random = seeded(3);
    const design = saltelliDesign(cube, 256, random);
    expect(design.points).toHaveLength(256 * 5);
    expect(sobolAnalysis(design, design.points.map(ishigami), { random, resamples: 50 })).toEqual(one);
  });

  it('refuses outputs that do not fit the design, and an output that never varies', () => {
    const design = saltelliDesign(cube, 8, seeded(1));
    expect(() => sobolAnalysis(design, [1, 2, 3])).toThrow(/needs as many outputs/);
    expect(() =>
      sobolAnalysis(
        design,
        design.points.map(() => 1),
        { resamples: 0 },
      ),
    ).toThrow(/does not vary/);
    expect(() => saltelliDesign([{ name: 'x', lower: 1, upper: 1 }], 8, seeded(1))).toThrow(/lower < upper/);
  });
});

describe('morrisEffects', () => {
  it('gives a linear function’s slope over each range exactly, with no spread, and nothing to a dummy', () => {
    const space: ParameterSpace = [
      { name: 'a', lower: 0, upper: 10 },
      { name: 'dummy', lower: -1, upper: 1 },
    ];
    const { effects, evaluations } = morrisEffects(([a = 0]) => 3 * a + 1, space, {
      trajectories: 10,
      random: seeded(2),
    });
    expect(evaluations).toBe(30);
    // Effects are per whole range (unit coordinates): 3 per unit of a, over a range of 10.
    expect(effects[0]).toMatchObject({ name: 'a', muStar: 30, sigma: 0 });
    expect(effects[0]?.mu).toBeCloseTo(30, 10);
    expect(effects[1]).toMatchObject({ name: 'dummy', mu: 0, muStar: 0, sigma: 0 });
  });

  it('ranks the Ishigami parameters as the literature does, x3 acting only with x1 (σ large, μ near 0)', () => {
    const { effects } = morrisEffects(ishigami, cube, { trajectories: 200, random: seeded(5) });
    const [x1, x2, x3] = effects;
    expect(x1?.muStar).toBeGreaterThan(x3?.muStar ?? 0);
    expect(Math.abs(x3?.mu ?? 1)).toBeLessThan(0.2 * (x3?.sigma ?? 0));
    expect(x2?.muStar).toBeGreaterThan(0);
  });

  it('walks each trajectory one parameter at a time, by ±Δ inside the unit cube', () => {
    const design = morrisDesign(cube, 5, seeded(9), 4);
    expect(design.delta).toBeCloseTo(2 / 3, 12);
    expect(design.points).toHaveLength(5 * 4);
    for (const p of design.points)
      for (const x of p) expect(Math.abs(x)).toBeLessThanOrEqual(Math.PI + 1e-12);
    expect(() => morrisAnalysis(design, [1])).toThrow(/needs as many outputs/);
  });
});
