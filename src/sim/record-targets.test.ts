import { describe, expect, it } from 'vitest';
import type { Episode } from '../domain/index.js';
import { recordCalibrationTargets } from './record-targets.js';

const episode = (id: string, extra: Partial<Episode>) =>
  ({
    id,
    targetClass: 'minor-power',
    startYear: 1960,
    endYear: 1960,
    powerYear: 1960,
    proxyOutcome: 'won',
    payoff: 'kept',
    payoffLostYear: null,
    defected: 'no',
    defectedYear: null,
    alignedThrough: 1975,
    covert: true,
    exposed: 'yes',
    ...extra,
  }) as unknown as Episode;

describe('recordCalibrationTargets', () => {
  it('draws payoff, defection within ten years and exposure from the record, each band its 95 % interval', () => {
    const record = [
      ...Array.from({ length: 6 }, (_, i) => episode(`kept-${i}`, {})),
      episode('lost', {
        payoff: 'lost',
        payoffLostYear: 1964,
        defected: 'yes',
        defectedYear: 1964,
        alignedThrough: 1963,
      }),
      episode('unknown-payoff', { payoff: 'unknown', exposed: 'unknown' }),
      episode('no-exposure', { exposed: 'no', proxyOutcome: 'lost', payoff: 'none' }),
    ];
    const targets = recordCalibrationTargets(record, '2026.12.3');
    expect(targets.map((t) => [t.id, t.measure, t.count, t.n])).toEqual([
      ['payoff-kept-minor-power', 'alignedAtHorizonGivenAscent', 6, 7],
      ['defected-10y-minor-power', 'defectedWithin10YearsOfAscent', 1, 8],
      ['exposed-minor-power', 'exposed', 7, 8],
    ]);
    const payoff = targets[0];
    expect(payoff?.low).toBeLessThan(6 / 7);
    expect(payoff?.high).toBeGreaterThan(6 / 7);
    expect(payoff?.source).toContain('record 2026.12.3');
    expect(targets[1]?.rate).toBeCloseTo(1 / 8, 12);
  });

  it('leaves out a class with too few episodes to say anything', () => {
    const few = [episode('a', { targetClass: 'major-power' }), episode('b', { targetClass: 'major-power' })];
    expect(recordCalibrationTargets(few, 'x')).toEqual([]);
  });
});
