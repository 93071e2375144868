/** The log-rank test that two or more survival curves are the same, from right-censored times by group. */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { InputError } from '../domain/input-error.js';
import { choleskyFactor, inverseQuadraticForm } from './cholesky.js';
import type { SurvivalObservation } from './kaplan-meier.js';

export interface SurvivalGroup {
  readonly label: string;
  readonly observations: readonly SurvivalObservation[];
}

export interface LogRankGroupResult {
  readonly label: string;
  readonly n: number;
  readonly observed: number;
  readonly expected: number;
}

export interface LogRankResult {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  readonly groups: readonly LogRankGroupResult[];
}

/**
 * Mantel's (1966) log-rank test: at each event time, the events expected in each group were the hazard the
 * same in all, summed into O − E with the hypergeometric covariance V; (O − E)ᵀ V⁻ (O − E) on k − 1 degrees
 * of freedom, V's generalised inverse taken by leaving out the last group. The statistic, expected counts and
 * p R's `survdiff(Surv(time, event) ~ group)` reports.
 *
 * @see https://en.wikipedia.org/wiki/Logrank_test
 * @example
 * logRankTest([{ label: 'a', observations: a }, { label: 'b', observations: b }]).p;
 */
export function logRankTest(groups: readonly SurvivalGroup[]): LogRankResult {
  if (groups.length < 2)
    throw new InputError({
      field: 'groups',
      value: String(groups.length),
      message: 'the log-rank test compares two or more groups',
    });
  for (const g of groups)
    if (g.observations.length === 0)
      throw new InputError({ field: 'groups', value: g.label, message: 'a group has no subjects' });
  const k = groups.length;
  const all = groups.flatMap((g, index) => g.observations.map((o) => ({ ...o, index })));
  const eventTimes = [...new Set(all.filter((o) => o.event).map((o) => o.time))].sort((a, b) => a - b);
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const t of eventTimes) {
    const atRisk = groups.map((_, g) => all.filter((o) => o.index === g && o.time >= t).length);
    const events = groups.map((_, g) => all.filter((o) => o.index === g && o.time === t && o.event).length);
    const n = atRisk.reduce((a, b) => a + b, 0);
    const d = events.reduce((a, b) => a + b, 0);
    for (let g = 0; g < k; g++) {
      observed[g] = (observed[g] as number) + (events[g] as number);
      expected[g] = (expected[g] as number) + ((atRisk[g] as number) * d) / n;
    }
    if (n < 2) continue;
    const factor = (d * (n - d)) / (n * n * (n - 1));
    for (let g = 0; g < k; g++)
      for (let h = 0; h < k; h++) {
        const ng = atRisk[g] as number;
        const nh = atRisk[h] as number;
        (variance[g] as number[])[h] =
          ((variance[g] as number[])[h] as number) + factor * ng * ((g === h ? n : 0) - nh);
      }
  }
  const diff = observed.slice(0, k - 1).map((o, g) => o - (expected[g] as number));
  const reduced = variance.slice(0, k - 1).map((row) => row.slice(0, k - 1));
  const factorised = choleskyFactor(reduced);
  // A variance with no information (no events, or every group at risk alone) leaves nothing to test.
  const statistic = factorised === undefined ? 0 : inverseQuadraticForm(factorised, diff);
  const df = k - 1;
  return {
    statistic,
    df,
    p: factorised === undefined ? 1 : 1 - chisquareCdf(statistic, df),
    groups: groups.map((g, i) => ({
      label: g.label,
      n: g.observations.length,
      observed: observed[i] as number,
      expected: expected[i] as number,
    })),
  };
}
