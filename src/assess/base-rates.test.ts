import { describe, expect, it } from 'vitest';
import { testEpisode, testOperation } from '../../test/support/assess-fixtures.js';
import { baseRate } from './base-rates.js';

/** Strata of incumbents (8 of 10 won) and challengers (4 of 10), with a thin stratum of one won major-power case. */
const episodes = [
  ...Array.from({ length: 10 }, (_, i) => testEpisode(`inc-${i}`, { proxyOutcome: i < 8 ? 'won' : 'lost' })),
  ...Array.from({ length: 10 }, (_, i) =>
    testEpisode(`cha-${i}`, { side: 'challenger', proxyOutcome: i < 4 ? 'won' : 'lost' }),
  ),
  testEpisode('major-1', { targetClass: 'major-power', side: 'challenger', proxyOutcome: 'won' }),
];

describe('baseRate', () => {
  it("pulls a thin stratum's rate towards the record's, and a full one hardly at all", () => {
    const thin = baseRate(
      'proxyWin',
      testOperation({ side: 'challenger', targetClass: 'major-power' }),
      episodes,
      [],
    );
    const full = baseRate('proxyWin', testOperation(), episodes, []);
    expect(thin.raw).toEqual({ successes: 1, trials: 1 });
    expect(thin.pooled.value).toBeLessThan(0.9);
    expect(thin.shrinkage).toBeGreaterThan(full.shrinkage);
    expect(full.pooled.value).toBeGreaterThan(0.6);
    expect(full.pooled.low).toBeLessThan(full.pooled.value);
    expect(full.pooled.high).toBeGreaterThan(full.pooled.value);
  });

  it('gives an empty stratum the fitted prior, with n = 0 and the whole record as provenance', () => {
    const empty = baseRate('proxyWin', testOperation({ kind: 'government-support' }), episodes, []);
    expect(empty.pooled.n).toBe(0);
    expect(empty.shrinkage).toBe(1);
    expect(empty.provenance.episodes).toHaveLength(episodes.length);
  });

  it('falls back to the Jeffreys prior when the strata show no spread to fit', () => {
    const allWon = episodes.map((e) => ({ ...e, proxyOutcome: 'won' as const }));
    expect(baseRate('proxyWin', testOperation(), allWon, []).prior.method).toMatch(/^jeffreys/);
  });
});
