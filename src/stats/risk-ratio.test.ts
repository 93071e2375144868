import { describe, expect, it } from 'vitest';
import { expectNear, reference as sharedReference } from '../../test/support/reference.js';
import { oddsRatio } from './odds-ratio.js';
import { riskRatio } from './risk-ratio.js';

// Reference: R 4.2 with epitools 0.5 `riskratio.wald` and `oddsratio.wald` (½ added to every cell when one is
// zero), cross-checked by hand in test/fixtures/stats/reference.R.
interface RatioCase {
  k1: number;
  n1: number;
  k2: number;
  n2: number;
  level: number;
  corrected: boolean;
  riskRatio: number;
  riskRatioInterval: [number, number];
  riskRatioLogSE: number;
  oddsRatio: number;
  oddsRatioInterval: [number, number];
  oddsRatioLogSE: number;
}
const reference = sharedReference as { ratios: RatioCase[] };

describe('riskRatio and oddsRatio', () => {
  it.each(reference.ratios)(
    "match epitools' Katz (risk) and Woolf (odds) log intervals for $k1/$n1 vs $k2/$n2 at level $level",
    (c) => {
      const input = `(${c.k1}/${c.n1} vs ${c.k2}/${c.n2}, ${c.level})`;
      const rr = riskRatio(c, c.level);
      expectNear(rr.estimate, c.riskRatio, `riskRatio${input}`);
      expectNear(rr.logStandardError, c.riskRatioLogSE, `riskRatio${input}.logSE`);
      expectNear(rr.interval.lower, c.riskRatioInterval[0], `riskRatio${input}.lower`);
      expectNear(rr.interval.upper, c.riskRatioInterval[1], `riskRatio${input}.upper`);
      expect(rr.corrected).toBe(c.corrected);
      const or = oddsRatio(c, c.level);
      expectNear(or.estimate, c.oddsRatio, `oddsRatio${input}`);
      expectNear(or.logStandardError, c.oddsRatioLogSE, `oddsRatio${input}.logSE`);
      expectNear(or.interval.lower, c.oddsRatioInterval[0], `oddsRatio${input}.lower`);
      expectNear(or.interval.upper, c.oddsRatioInterval[1], `oddsRatio${input}.upper`);
      expect(or.corrected).toBe(c.corrected);
    },
  );

  it('names the method of each interval', () => {
    expect(riskRatio({ k1: 1, n1: 2, k2: 1, n2: 3 }).interval.method).toBe('katz-log');
    expect(oddsRatio({ k1: 1, n1: 2, k2: 1, n2: 3 }).interval.method).toBe('woolf-log');
  });
});
