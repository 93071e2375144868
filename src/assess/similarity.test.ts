import { describe, expect, it } from 'vitest';
import { testEpisode, testOperation } from '../../test/support/assess-fixtures.js';
import { findComparables } from './comparables.js';
import { similarity } from './similarity.js';

describe('similarity', () => {
  it('is 1 for an episode coded exactly as the operation', () => {
    expect(similarity(testOperation(), testEpisode('same')).score).toBeCloseTo(1, 12);
  });

  it('weighs kind, side and target class above means, era, interferer and covertness', () => {
    const operation = testOperation();
    const otherSide = similarity(operation, testEpisode('a', { side: 'challenger' })).score;
    const otherEra = similarity(operation, testEpisode('b', { startYear: 2010 })).score;
    expect(otherSide).toBeLessThan(otherEra);
    // kind 3, side 2, class 2, means 1, era 1, interferer 1, covert 0.5: a different side costs 2 of 10.5.
    expect(otherSide).toBeCloseTo(8.5 / 10.5, 12);
  });

  it('gives partial credit to neighbouring kinds and to an unknown side', () => {
    const operation = testOperation({ kind: 'covert-regime-change', side: 'challenger' });
    const match = (fields: Parameters<typeof testEpisode>[1]) =>
      similarity(operation, testEpisode('x', fields)).features;
    expect(match({ kind: 'armed-opposition-support' }).find((f) => f.feature === 'kind')?.match).toBe(0.5);
    expect(match({ side: 'unknown' }).find((f) => f.feature === 'side')?.match).toBe(0.5);
  });
});

describe('findComparables', () => {
  it('ranks by similarity, breaks ties by id and says why each was chosen', () => {
    const found = findComparables(
      testOperation({ year: 1970 }),
      [
        testEpisode('b-twin'),
        testEpisode('a-twin'),
        testEpisode('far', { kind: 'government-support', side: 'challenger' }),
      ],
      2,
    );
    expect(found.comparables.map((c) => c.episode.id)).toEqual(['a-twin', 'b-twin']);
    expect(found.comparables[0]?.reason).toMatch(/^same kind \(electoral\); same side/);
  });

  it('leaves out the operation itself when the record already holds it', () => {
    const operation = testOperation({
      year: 1945,
      kind: 'armed-opposition-support',
      side: 'challenger',
      target: 710,
      interferer: 365,
    });
    const itself = testEpisode('rus-chn-1921-ccp', {
      interferer: 365,
      target: 710,
      startYear: 1921,
      endYear: 1949,
      kind: 'armed-opposition-support',
      side: 'challenger',
    });
    const found = findComparables(operation, [itself, testEpisode('other')]);
    expect(found.comparables.map((c) => c.episode.id)).toEqual(['other']);
    expect(found.leftOut.map((x) => x.id)).toEqual(['rus-chn-1921-ccp']);
  });
});
