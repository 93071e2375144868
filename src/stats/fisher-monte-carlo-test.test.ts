import { describe, expect, it } from 'vitest';
import { reference as sharedReference } from '../../test/support/reference.js';
import { nextUniform, prngForStream } from '../sim/prng.js';
import { fisherMonteCarloTest } from './fisher-monte-carlo-test.js';
import type { RandomSource } from './random-source.js';

// Reference: R 4.2's exact network algorithm, `fisher.test(x)$p.value`, by test/fixtures/stats/reference.R.
// A Monte Carlo p-value cannot match it to 1e-6; it must fall within 4 of its own standard errors.
interface RxCCase {
  name: string;
  table: number[][];
  exactP: number;
}
const reference = sharedReference as { fisherRxC: RxCCase[] };

function seeded(seed: number): RandomSource {
  const rng = prngForStream(seed, 0);
  return () => nextUniform(rng);
}

describe('fisherMonteCarloTest', () => {
  it.each(reference.fisherRxC)(
    "agrees with R's exact fisher.test on the $name table within 4 Monte Carlo standard errors",
    (c) => {
      const result = fisherMonteCarloTest(c.table, seeded(20240611), { replicates: 40_000 });
      const delta = Math.abs(result.p - c.exactP);
      expect(
        delta,
        `fisherMonteCarlo(${c.name}): got ${result.p}, exact ${c.exactP}, Δ ${delta}, 4·SE ${4 * result.standardError}`,
      ).toBeLessThanOrEqual(4 * result.standardError);
    },
  );

  it('replays exactly from the same seed and differs across seeds', () => {
    const table = [
      [8, 2, 1],
      [3, 7, 9],
    ];
    const first = fisherMonteCarloTest(table, seeded(7), { replicates: 2000 });
    expect(fisherMonteCarloTest(table, seeded(7), { replicates: 2000 })).toEqual(first);
    expect(fisherMonteCarloTest(table, seeded(8), { replicates: 2000 }).p).not.toBe(first.p);
  });

  it('never reports p = 0: the observed table counts as one of the B + 1', () => {
    const result = fisherMonteCarloTest(
      [
        [20, 0, 0],
        [0, 20, 0],
        [0, 0, 20],
      ],
      seeded(1),
      { replicates: 999 },
    );
    expect(result.p).toBe(1 / 1000);
  });
});
