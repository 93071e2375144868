import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/input-error.js';
import { CALIBRATION_TARGETS, calibrate, checkCalibration, parseCalibrationTargets } from './calibrate.js';
import { DEFAULT_CONSTANTS } from './model-constants.js';
import { parseScenario } from './parameters.js';
import { simulateScenario } from './simulate.js';

const RUNS = 20_000;

describe('the shipped constants meet the calibration targets (20 000 runs each)', () => {
  const report = checkCalibration(DEFAULT_CONSTANTS, { runs: RUNS, seed: 2026 });

  it.each(CALIBRATION_TARGETS.map((t) => [t.id, t] as const))('%s', (id, target) => {
    const fit = report.fits.find((f) => f.id === id);
    expect(fit?.value.n).toBe(RUNS);
    expect(fit?.value.rate).toBeGreaterThanOrEqual(target.low);
    expect(fit?.value.rate).toBeLessThanOrEqual(target.high);
  });

  it.each([0.9, 1])(
    'keeps ascent within 10 years under 10 %% at targetPower = %s, as at 0.8',
    (targetPower) => {
      const { summary } = simulateScenario(
        parseScenario({ targetPower, horizon: 10, runs: RUNS, seed: 2026 }),
      );
      if (summary.mode !== 'struggle') throw new Error('struggle expected');
      expect(summary.rates.ascendedWithin10Years.rate).toBeLessThan(0.1);
    },
  );
});

describe('calibrate', () => {
  it('ends its search at the shipped constants from the reference form (so the defaults are its output)', () => {
    const report = calibrate();
    expect(report.constants).toEqual(DEFAULT_CONSTANTS);
    expect(report.pass).toBe(true);
  });

  it('fits a user target: a higher incumbent win rate needs a higher mean vote share', () => {
    const targets = parseCalibrationTargets([
      {
        id: 'landslide',
        scenario: { mode: 'election', side: 'incumbent' },
        measure: 'won',
        low: 0.9,
        high: 0.95,
      },
    ]);
    const report = calibrate({
      targets,
      runs: 4000,
      free: [{ name: 'electionMeanIncumbent', min: 0.4, max: 0.7, step: 0.02, resolution: 0.001 }],
    });
    expect(report.pass).toBe(true);
    expect(report.constants.electionMeanIncumbent).toBeGreaterThan(DEFAULT_CONSTANTS.electionMeanIncumbent);
    expect(report.constants.rivalSlope).toBe(report.start.rivalSlope);
  });

  it('refuses a malformed targets file, naming the field', () => {
    expect(() => parseCalibrationTargets([{ id: 'x', measure: 'wins', low: 0, high: 1 }])).toThrow(
      InputError,
    );
    expect(() =>
      parseCalibrationTargets([{ id: 'x', measure: 'won', low: 0, high: 1, scenario: { aid: 3 } }]),
    ).toThrow(/aid: out of range \(got "3"; allowed range 0\.\.1\)/);
  });
});
