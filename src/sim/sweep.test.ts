import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/input-error.js';
import { deriveSeed } from './prng.js';
import { expandSweep, parseSweepSpec, runSweep } from './sweep.js';

describe('expandSweep', () => {
  it('expands a grid, the last axis fastest, with ranges given as from/to/steps', () => {
    const spec = parseSweepSpec({
      grid: { targetPower: { from: 0.1, to: 0.5, steps: 3 }, side: ['challenger', 'incumbent'] },
    });
    const points = expandSweep(spec);
    expect(points.map((p) => p.values)).toEqual([
      { targetPower: 0.1, side: 'challenger' },
      { targetPower: 0.1, side: 'incumbent' },
      { targetPower: 0.30000000000000004, side: 'challenger' },
      { targetPower: 0.30000000000000004, side: 'incumbent' },
      { targetPower: 0.5, side: 'challenger' },
      { targetPower: 0.5, side: 'incumbent' },
    ]);
    expect(points[3]?.scenario).toMatchObject({
      targetPower: 0.30000000000000004,
      side: 'incumbent',
      capability: 0.5,
    });
  });

  it('gives each point a seed derived from the sweep seed, or the sweep seed itself with common seeding', () => {
    const independent = expandSweep(parseSweepSpec({ seed: 5, grid: { aid: [0.1, 0.2, 0.3] } }));
    expect(independent.map((p) => p.scenario.seed)).toEqual([0, 1, 2].map((i) => deriveSeed(5, i)));
    const common = expandSweep(
      parseSweepSpec({ seed: 5, seeding: 'common', grid: { aid: [0.1, 0.2, 0.3] } }),
    );
    expect(common.map((p) => p.scenario.seed)).toEqual([5, 5, 5]);
  });

  it('starts every point from a base scenario or preset, and sets nested weights by their dotted names', () => {
    const spec = parseSweepSpec({
      base: { preset: 'soviet-ccp' },
      runs: 100,
      grid: { 'weights.regime': [0, 1] },
    });
    const [first, second] = expandSweep(spec);
    expect(first?.scenario).toMatchObject({
      targetPower: 0.7,
      horizon: 40,
      runs: 100,
      weights: { intentions: 1, regime: 0 },
    });
    expect(second?.scenario.weights.regime).toBe(1);
  });

  it('draws a Latin hypercube that uses every stratum of every range exactly once, reproducibly', () => {
    const spec = parseSweepSpec({
      seed: 3,
      latinHypercube: { samples: 20, ranges: { aid: [0, 1], layers: [0, 5] } },
    });
    const points = expandSweep(spec);
    const strata = points.map((p) => Math.floor((p.values.aid as number) * 20)).sort((a, b) => a - b);
    expect(strata).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(points.every((p) => Number.isInteger(p.values.layers))).toBe(true);
    expect(expandSweep(spec)).toEqual(points);
  });

  it('refuses an unknown parameter, suggesting the nearest, and an out-of-range value, naming the point', () => {
    expect(() => parseSweepSpec({ grid: { heavyHandednes: [0.1] } })).toThrow(
      /grid\.heavyHandednes: .*did you mean heavyHandedness\?/,
    );
    expect(() => expandSweep(parseSweepSpec({ grid: { aid: [0.5, 2] } }))).toThrow(
      /aid: out of range at sweep point 1 \(got "2"; allowed range 0\.\.1\)/,
    );
    expect(() =>
      parseSweepSpec({ grid: { aid: [0.1] }, latinHypercube: { samples: 2, ranges: {} } }),
    ).toThrow(InputError);
  });
});

describe('runSweep', () => {
  it('summarises each point in point order, reproducibly', () => {
    const spec = parseSweepSpec({ base: { runs: 300 }, grid: { targetPower: [0.1, 0.9] } });
    const result = runSweep(spec);
    expect(result.points.map((p) => p.index)).toEqual([0, 1]);
    expect(JSON.stringify(runSweep(spec))).toBe(JSON.stringify(result));
  });
});
