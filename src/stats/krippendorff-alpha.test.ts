import { describe, expect, it } from 'vitest';
import { expectNear, reference as sharedReference } from '../../test/support/reference.js';
import { InputError } from '../domain/input-error.js';
import { type Code, krippendorffAlpha, type MeasurementLevel } from './krippendorff-alpha.js';

// Reference: the coincidence-matrix computation written independently in R 4.2 (test/fixtures/stats/reference.R)
// on Krippendorff's own examples (Krippendorff 2011, "Computing Krippendorff's alpha-reliability": the 4 coders ×
// 12 units data with missing codes, and the 2 coders × 10 units binary data), whose published α are
// nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797 and binary 0.095.
interface AlphaCase {
  name: string;
  level: MeasurementLevel;
  coders: (number | null)[][];
  alpha: number;
  observed: number;
  expected: number;
  pairable: number;
}
const reference = sharedReference as { krippendorff: AlphaCase[] };

/** The published layout is coders × units; the function takes units × coders. */
function byUnit(coders: readonly (readonly Code[])[]): Code[][] {
  return (coders[0] ?? []).map((_, unit) => coders.map((row) => row[unit]));
}

const published: Record<string, number> = {
  'krippendorff2011Missing/nominal': 0.743,
  'krippendorff2011Missing/ordinal': 0.815,
  'krippendorff2011Missing/interval': 0.849,
  'krippendorff2011Missing/ratio': 0.797,
  'krippendorff2011Binary/nominal': 0.095,
};

describe('krippendorffAlpha', () => {
  it.each(reference.krippendorff)(
    'matches the coincidence-matrix α computed in R for $name at the $level level',
    (c) => {
      const result = krippendorffAlpha(byUnit(c.coders), c.level);
      expectNear(result.alpha, c.alpha, `α(${c.name}, ${c.level})`);
      expectNear(result.observedDisagreement, c.observed, `D_o(${c.name}, ${c.level})`);
      expectNear(result.expectedDisagreement, c.expected, `D_e(${c.name}, ${c.level})`);
      expect(result.pairableCodes).toBeCloseTo(c.pairable, 9);
      const rounded = published[`${c.name}/${c.level}`];
      if (rounded !== undefined)
        expectNear(result.alpha, rounded, `published α(${c.name}, ${c.level})`, 5e-4);
    },
  );

  it('counts only units coded at least twice: the 12th unit of the worked example drops out', () => {
    const example = reference.krippendorff[0] as AlphaCase;
    const result = krippendorffAlpha(byUnit(example.coders), 'nominal');
    expect(result.pairableUnits).toBe(11);
    expect(result.pairableCodes).toBe(40);
  });

  it('ranks the most discordant unit first: unit 6 of the worked example, coded 1, 2, 3, 4', () => {
    const example = reference.krippendorff[0] as AlphaCase;
    const [worst] = krippendorffAlpha(byUnit(example.coders), 'nominal').unitDisagreement;
    expect(worst?.unit).toBe(5);
    expect(worst?.codes).toBe(4);
  });

  it('accepts labels at the nominal level and is undefined (NaN) when every code is the same', () => {
    expect(
      krippendorffAlpha([
        ['cash', 'cash'],
        ['media', 'media'],
      ]).alpha,
    ).toBe(1);
    expect(
      krippendorffAlpha([
        ['cash', 'cash'],
        ['cash', null],
      ]).alpha,
    ).toBeNaN();
  });

  it('refuses labels at the interval level', () => {
    expect(() => krippendorffAlpha([['low', 'high']], 'interval')).toThrow(InputError);
  });
});
