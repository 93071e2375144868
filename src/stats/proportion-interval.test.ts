import { describe, expect, it } from 'vitest';
import { clopperPearsonInterval } from './clopper-pearson-interval.js';
import { jeffreysInterval } from './jeffreys-interval.js';
import { proportion } from './proportion-interval.js';
import { wilsonInterval } from './wilson-interval.js';

describe('proportion', () => {
  it('uses the Wilson interval at 95 % unless told otherwise', () => {
    expect(proportion(40, 65)).toEqual({
      successes: 40,
      trials: 65,
      estimate: 40 / 65,
      interval: wilsonInterval(40, 65, 0.95),
    });
  });

  it('dispatches to the Jeffreys and Clopper–Pearson intervals by name', () => {
    expect(proportion(3, 12, { method: 'jeffreys', level: 0.9 }).interval).toEqual(
      jeffreysInterval(3, 12, 0.9),
    );
    expect(proportion(3, 12, { method: 'clopper-pearson' }).interval).toEqual(clopperPearsonInterval(3, 12));
  });

  it('orders the three intervals as theory says: Clopper–Pearson contains Wilson and Jeffreys at k = 25, n = 65', () => {
    const cp = clopperPearsonInterval(25, 65);
    for (const inner of [wilsonInterval(25, 65), jeffreysInterval(25, 65)]) {
      expect(cp.lower).toBeLessThan(inner.lower);
      expect(cp.upper).toBeGreaterThan(inner.upper);
    }
  });
});
