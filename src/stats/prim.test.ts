import { describe, expect, it } from 'vitest';
import { prim } from './prim.js';

// A 21 × 21 grid on [0, 1]², the condition true in the corner x ≥ 0.7, y ≤ 0.3 and nowhere else.
const grid = Array.from({ length: 21 * 21 }, (_, i) => [(i % 21) / 20, Math.floor(i / 21) / 20]);
const corner = grid.map(([a = 0, b = 0]) => a >= 0.7 - 1e-9 && b <= 0.3 + 1e-9);

describe('prim', () => {
  it('peels down to the box where the condition holds, and chooses it', () => {
    const result = prim(grid, corner, { alpha: 0.1, minMass: 0.02 });
    expect(result.baseDensity).toBeCloseTo(49 / 441, 12);
    const box = result.trajectory[result.chosen];
    expect(box?.density).toBe(1);
    expect(box?.coverage).toBe(1);
    expect(box?.bounds[0]?.[0]).toBeCloseTo(0.7, 12);
    expect(box?.bounds[1]?.[1]).toBeCloseTo(0.3, 12);
    expect(box?.restricted).toEqual([0, 1]);
  });

  it('starts from the whole space and peels to smaller boxes, never below the minimum mass', () => {
    const { trajectory } = prim(grid, corner, { alpha: 0.05, minMass: 0.1 });
    expect(trajectory[0]).toMatchObject({ n: 441, mass: 1, coverage: 1, restricted: [] });
    for (let i = 1; i < trajectory.length; i++) {
      expect(trajectory[i]?.n).toBeLessThan(trajectory[i - 1]?.n ?? 0);
      expect(trajectory[i]?.mass).toBeGreaterThanOrEqual(0.1);
    }
    expect(prim(grid, corner, { alpha: 0.05, minMass: 0.1 })).toEqual(
      prim(grid, corner, { alpha: 0.05, minMass: 0.1 }),
    );
  });

  it('chooses the densest box that still covers the share asked', () => {
    const strict = prim(grid, corner, { alpha: 0.1, minMass: 0.02, minCoverage: 1 });
    const chosen = strict.trajectory[strict.chosen];
    expect(chosen?.coverage).toBe(1);
    for (const box of strict.trajectory)
      if (box.coverage >= 1) expect(box.density).toBeLessThanOrEqual(chosen?.density ?? 0);
  });

  it('refuses points and outcomes that do not match, and options out of range', () => {
    expect(() => prim(grid, corner.slice(1))).toThrow(/as many outcomes as points/);
    expect(() => prim(grid, corner, { alpha: 0.6 })).toThrow(/alpha/);
    expect(() => prim([[1], [Number.NaN]], [true, false])).toThrow(/finite/);
  });
});
