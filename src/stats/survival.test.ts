import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isInputError } from '../domain/input-error.js';
import { coxRegression } from './cox-regression.js';
import {
  kaplanMeier,
  type SurvivalIntervalScale,
  type SurvivalObservation,
  survivalAt,
} from './kaplan-meier.js';
import { logRankTest } from './log-rank-test.js';

interface KmReference {
  set: string;
  scale: SurvivalIntervalScale;
  level: number;
  observations: SurvivalObservation[];
  time: number[];
  atRisk: number[];
  events: number[];
  censored: number[];
  survival: number[];
  stdErrLog: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  median: (number | null)[];
}
interface LogRankReference {
  set: string;
  groups: { label: string; observations: SurvivalObservation[] }[];
  statistic: number;
  df: number;
  p: number;
  observed: number[];
  expected: number[];
}

const reference = JSON.parse(
  readFileSync(new URL('../../test/fixtures/stats/survival.json', import.meta.url), 'utf8'),
) as { kaplanMeier: KmReference[]; logRank: LogRankReference[] };

/** R writes NA or Inf (null in the JSON) where a bound or an error does not exist or is infinite. */
const close = (actual: number | undefined, expected: number | null, label: string) => {
  if (expected === null)
    expect(actual === undefined || Number.isNaN(actual) || actual === Number.POSITIVE_INFINITY, label).toBe(
      true,
    );
  else expect(actual, label).toBeCloseTo(expected, 6);
};

describe('kaplanMeier, against R survival::survfit', () => {
  it.each(reference.kaplanMeier.map((r) => [`${r.set}, ${r.scale}, ${r.level}`, r] as const))(
    '%s',
    (_, r) => {
      const km = kaplanMeier(r.observations, { scale: r.scale, level: r.level });
      expect(km.steps.map((s) => s.time)).toEqual(r.time);
      expect(km.steps.map((s) => s.atRisk)).toEqual(r.atRisk);
      expect(km.steps.map((s) => s.events)).toEqual(r.events);
      expect(km.steps.map((s) => s.censored)).toEqual(r.censored);
      km.steps.forEach((s, i) => {
        close(s.survival, r.survival[i] as number, `S(${s.time})`);
        close(s.stdErrLog, r.stdErrLog[i] ?? null, `se(${s.time})`);
        close(s.lower, r.lower[i] ?? null, `lower(${s.time})`);
        close(s.upper, r.upper[i] ?? null, `upper(${s.time})`);
      });
      close(km.median.time, r.median[0] ?? null, 'median');
      close(km.median.lower, r.median[1] ?? null, 'median lower');
      close(km.median.upper, r.median[2] ?? null, 'median upper');
    },
  );

  it('reads the curve at any time, 1 before the first step', () => {
    const km = kaplanMeier([
      { time: 2, event: true },
      { time: 3, event: false },
      { time: 5, event: true },
    ]);
    expect(survivalAt(km, 1)).toBe(1);
    expect(survivalAt(km, 4)).toBeCloseTo(2 / 3, 12);
    expect(survivalAt(km, 5)).toBe(0);
  });

  it('refuses an empty sample and a negative time as input errors', () => {
    for (const bad of [[], [{ time: -1, event: true }]])
      try {
        kaplanMeier(bad);
        expect.unreachable();
      } catch (error) {
        expect(isInputError(error)).toBe(true);
      }
  });
});

describe('logRankTest, against R survival::survdiff', () => {
  it.each(reference.logRank.map((r) => [r.set, r] as const))('%s', (_, r) => {
    const result = logRankTest(r.groups);
    expect(result.df).toBe(r.df);
    expect(result.statistic).toBeCloseTo(r.statistic, 6);
    expect(result.p).toBeCloseTo(r.p, 6);
    result.groups.forEach((g, i) => {
      expect(g.observed).toBe(r.observed[i]);
      expect(g.expected).toBeCloseTo(r.expected[i] as number, 6);
    });
  });

  it('needs two groups', () => {
    expect(() => logRankTest([{ label: 'a', observations: [{ time: 1, event: true }] }])).toThrow(
      /two or more/,
    );
  });
});

interface CoxReference {
  set: string;
  ties: 'efron' | 'breslow';
  names: string[];
  time: number[];
  event: boolean[];
  covariates: number[][];
  estimate: number[];
  stdError: number[];
  lower: number[];
  upper: number[];
  logLikelihood: [number, number];
  likelihoodRatio: number;
  wald: number;
  score: number;
  concordance: number;
}

const coxReference = (
  JSON.parse(readFileSync(new URL('../../test/fixtures/stats/survival.json', import.meta.url), 'utf8')) as {
    cox: CoxReference[];
  }
).cox;

describe('coxRegression, against R survival::coxph', () => {
  it.each(coxReference.map((r) => [`${r.set}, ${r.ties}`, r] as const))('%s', (_, r) => {
    const fit = coxRegression(
      { time: r.time, event: r.event, covariates: r.covariates, names: r.names },
      { ties: r.ties },
    );
    fit.coefficients.forEach((c, k) => {
      expect(c.estimate, `${c.name} estimate`).toBeCloseTo(r.estimate[k] as number, 6);
      expect(c.stdError, `${c.name} se`).toBeCloseTo(r.stdError[k] as number, 6);
      expect(c.lower, `${c.name} lower`).toBeCloseTo(r.lower[k] as number, 6);
      expect(c.upper, `${c.name} upper`).toBeCloseTo(r.upper[k] as number, 6);
    });
    expect(fit.nullLogLikelihood).toBeCloseTo(r.logLikelihood[0], 6);
    expect(fit.logLikelihood).toBeCloseTo(r.logLikelihood[1], 6);
    expect(fit.likelihoodRatio.statistic).toBeCloseTo(r.likelihoodRatio, 5);
    expect(fit.wald.statistic).toBeCloseTo(r.wald, 5);
    expect(fit.score.statistic).toBeCloseTo(r.score, 5);
    expect(fit.concordance).toBeCloseTo(r.concordance, 6);
  });

  it('refuses a covariate that separates the events', () => {
    const data = {
      time: [1, 2, 3, 4, 5, 6],
      event: [true, true, true, true, true, true],
      covariates: [[1], [1], [1], [0], [0], [0]],
      names: ['x'],
    };
    expect(() => coxRegression(data)).toThrow(/separates the events/);
  });
});
