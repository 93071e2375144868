import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/input-error.js';
import { analyseSensitivity, parseSensitivitySpec, planSensitivity, runSensitivity } from './sensitivity.js';
import { runSweepPoint } from './sweep.js';

const SPEC = {
  base: { preset: 'soviet-ccp' },
  runs: 60,
  seed: 3,
  samples: 8,
  resamples: 40,
  outcome: 'rates.alignedAtHorizon',
  ranges: { capability: [0.5, 1], opportunism: [0, 0.3] },
};

const issuesOf = (input: unknown) => {
  try {
    parseSensitivitySpec(input, 's.yaml');
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => `${i.field}: ${i.message}`);
    throw error;
  }
  return [];
};

describe('model sensitivity', () => {
  it('plans Saltelli’s N(k + 2) points or Morris’s r(k + 1), each an ordinary sweep point with common seeds', () => {
    const sobol = planSensitivity(parseSensitivitySpec(SPEC));
    expect(sobol.points).toHaveLength(8 * 4);
    expect(new Set(sobol.points.map((p) => p.scenario.seed))).toEqual(new Set([3]));
    expect(sobol.points[0]?.scenario.runs).toBe(60);
    const morris = planSensitivity(parseSensitivitySpec({ ...SPEC, method: 'morris', samples: 5 }));
    expect(morris.points).toHaveLength(5 * 3);
  });

  it('gives the same result from the same spec, and the same from points run in any order', () => {
    const spec = parseSensitivitySpec(SPEC);
    const result = runSensitivity(spec);
    expect(runSensitivity(spec)).toEqual(result);
    const plan = planSensitivity(spec);
    const shuffled = [...plan.points].reverse().map((p) => runSweepPoint(p));
    expect(analyseSensitivity(plan, shuffled)).toEqual(result);
    expect(result.analysis.method).toBe('sobol');
    expect(result.provenance).toMatchObject({ seed: 3, seeding: 'common', runsPerPoint: 60, points: 32 });
  });

  it('names the file’s field of every bad spec, and an outcome the model does not have', () => {
    expect(issuesOf({ ...SPEC, ranges: { capabilty: [0, 1] } })[0]).toMatch(
      /^ranges\.capabilty: not a parameter/,
    );
    expect(issuesOf({ ...SPEC, outcome: 'defected' })).toEqual(['outcome: write rates.NAME or means.NAME']);
    expect(issuesOf({ ...SPEC, colour: 'red' })).toEqual(['(spec): unknown field colour']);
    expect(issuesOf({ ...SPEC, ranges: { capability: [0.5, 0.5] } })).toEqual([
      'ranges.capability: a range needs low < high',
    ]);
    const unknown = parseSensitivitySpec({ ...SPEC, outcome: 'rates.happiness' });
    expect(() => runSensitivity(unknown)).toThrow(/no such outcome/);
  });
});
