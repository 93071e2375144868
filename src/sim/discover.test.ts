import { describe, expect, it } from 'vitest';
import { discoverScenarios, parseCondition } from './discover.js';
import type { SweepPointResult } from './sweep.js';

const point = (capability: number, rate: number, npv: number) =>
  ({
    values: { capability, preset: 'x' },
    summary: { rates: { alignedAtHorizon: { rate } }, means: { npv: { mean: npv } } },
  }) as unknown as SweepPointResult;

describe('parseCondition', () => {
  it('reads comparisons joined by and (binding tighter) and or', () => {
    const { test, paths } = parseCondition(
      'means.npv > 0 and rates.alignedAtHorizon >= 0.5 or values.capability < 0.2',
    );
    expect(paths).toEqual(['means.npv', 'rates.alignedAtHorizon', 'values.capability']);
    expect(test(point(0.5, 0.6, 1))).toBe(true);
    expect(test(point(0.5, 0.4, 1))).toBe(false);
    expect(test(point(0.1, 0.4, -1))).toBe(true);
  });

  it('refuses what it cannot read, quoting it', () => {
    expect(() => parseCondition('npv > 0')).toThrow(/cannot read this comparison/);
    expect(() => parseCondition('  ')).toThrow(/write a condition/);
  });
});

describe('discoverScenarios', () => {
  it('searches the numeric swept parameters only, and finds where the condition holds', () => {
    const points = Array.from({ length: 100 }, (_, i) => point(i / 99, i >= 70 ? 0.8 : 0.1, 0));
    const found = discoverScenarios(points, 'rates.alignedAtHorizon >= 0.5', { alpha: 0.1 });
    expect(found.parameters).toEqual(['capability']);
    expect(found.meeting).toBe(30);
    const box = found.trajectory[found.chosen];
    expect(box?.density).toBe(1);
    // Each peel takes a tenth of the box, so the edge lands at or just past the boundary at 70/99.
    expect(box?.bounds[0]?.[0]).toBeGreaterThanOrEqual(70 / 99);
    expect(box?.coverage).toBeGreaterThanOrEqual(0.9);
  });
});
