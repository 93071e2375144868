import { describe, expect, it } from 'vitest';
import { CALIBRATION_TARGETS, calibrate } from './calibrate.js';
import { calibrationBootstrap, resampleTargets, TARGET_EVIDENCE } from './calibrate-bootstrap.js';
import { nextUniform, prngForStream } from './prng.js';

describe('resampled calibration targets', () => {
  it('move a counted band by the resampled rate, keep its width, and leave uncounted and all-or-none ones alone', () => {
    const rng = prngForStream(5, 0, 3);
    const moved = resampleTargets(CALIBRATION_TARGETS, TARGET_EVIDENCE, () => nextUniform(rng));
    for (const [i, target] of moved.entries()) {
      const before = CALIBRATION_TARGETS[i];
      expect(target.high - target.low).toBeCloseTo((before?.high ?? 0) - (before?.low ?? 0), 12);
    }
    // 0 of 8 resamples to 0 of 8: the major-power band never moves.
    expect(moved[3]).toEqual(CALIBRATION_TARGETS[3]);
    expect(resampleTargets(CALIBRATION_TARGETS, {}, Math.random)).toEqual(CALIBRATION_TARGETS);
  });

  it('draw the binomial count the published rate implies, on average', () => {
    const rng = prngForStream(9, 0, 3);
    const target = CALIBRATION_TARGETS[0];
    if (target === undefined) throw new Error('no target');
    let shift = 0;
    let squares = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const [moved] = resampleTargets([target], TARGET_EVIDENCE, () => nextUniform(rng));
      const d = (moved?.low ?? 0) - target.low;
      shift += d;
      squares += d * d;
    }
    // 40 of 50: the resampled rate's mean is 0.8 and its variance 0.8 · 0.2 / 50.
    expect(Math.abs(shift / n)).toBeLessThan(0.003);
    expect(squares / n).toBeCloseTo((0.8 * 0.2) / 50, 3);
  });
});

describe('calibrationBootstrap', () => {
  // Election targets only: their constants fit in milliseconds.
  const targets = CALIBRATION_TARGETS.slice(0, 2);
  const free = [
    { name: 'electionMeanIncumbent', min: 0.35, max: 0.65, step: 0.02, resolution: 0.001 },
    { name: 'electionMeanChallenger', min: 0.35, max: 0.65, step: 0.02, resolution: 0.001 },
  ] as const;

  it('brackets each fitted constant with the spread of its resampled fits, the same for the same seeds', () => {
    const options = { targets, free, runs: 4000, seed: 2, resamples: 20, bootstrapSeed: 3 };
    const result = calibrationBootstrap(options);
    const incumbent = result.constants.find((c) => c.name === 'electionMeanIncumbent');
    expect(incumbent).toBeDefined();
    expect(incumbent?.low).toBeLessThan(incumbent?.fitted ?? 0);
    expect(incumbent?.high).toBeGreaterThan(incumbent?.fitted ?? 1);
    // Sampling error in 40 of 50 is about ±11 points of the rate: the mean vote share moves by a few points.
    expect((incumbent?.high ?? 0) - (incumbent?.low ?? 0)).toBeGreaterThan(0.01);
    const rival = result.constants.find((c) => c.name === 'rivalBase');
    expect(rival?.low).toBe(rival?.high); // not free here, so it never moves
    expect(result.evidence).toEqual({
      'incumbent-election': TARGET_EVIDENCE['incumbent-election'],
      'challenger-election': TARGET_EVIDENCE['challenger-election'],
    });
    expect(calibrationBootstrap(options)).toEqual(result);
    // A caller that has the fit already (the CLI's report) passes it instead of having it made again.
    const { constants } = calibrate({ targets, free, runs: 4000, seed: 2 });
    expect(calibrationBootstrap({ ...options, fitted: constants })).toEqual(result);
  });
});
