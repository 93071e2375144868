import { describe, expect, it } from 'vitest';
import { reference as sharedReference } from '../../test/support/reference.js';
import { nextUniform, prngForStream } from '../sim/prng.js';
import type { Code } from './krippendorff-alpha.js';
import { krippendorffBootstrap } from './krippendorff-bootstrap.js';
import type { RandomSource } from './random-source.js';

const reference = sharedReference as { krippendorff: { coders: (number | null)[][]; alpha: number }[] };
const coders = reference.krippendorff[0]?.coders ?? [];
const units: Code[][] = (coders[0] ?? []).map((_, unit) => coders.map((row) => row[unit]));

function seeded(seed: number): RandomSource {
  const rng = prngForStream(seed, 0);
  return () => nextUniform(rng);
}

describe('krippendorffBootstrap', () => {
  it('brackets the point estimate of the worked example with a unit-resampling percentile interval', () => {
    const result = krippendorffBootstrap(units, seeded(3), 'nominal', { replicates: 2000 });
    expect(result.alpha).toBeCloseTo(reference.krippendorff[0]?.alpha ?? Number.NaN, 12);
    expect(result.interval.lower).toBeLessThan(result.alpha);
    expect(result.interval.upper).toBeGreaterThan(result.alpha);
    expect(result.interval.upper).toBeLessThanOrEqual(1);
    expect(result.interval.method).toBe('bootstrap-units-percentile');
  });

  it('replays exactly from the same seed', () => {
    const first = krippendorffBootstrap(units, seeded(11), 'interval', { replicates: 500 });
    expect(krippendorffBootstrap(units, seeded(11), 'interval', { replicates: 500 })).toEqual(first);
  });

  it('gives the chance of falling below the 0.667 and 0.8 thresholds, the smaller for the lower one', () => {
    const [low, high] = krippendorffBootstrap(units, seeded(5), 'ordinal', {
      replicates: 1000,
    }).belowThreshold;
    expect(low?.threshold).toBe(0.667);
    expect(high?.threshold).toBe(0.8);
    expect(low?.probability).toBeLessThanOrEqual(high?.probability ?? 0);
  });
});
