import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/input-error.js';
import { logisticRegression } from './logistic-regression.js';

// Reference: R 4.2 `glm(cbind(y, n - y) ~ ., family = binomial)` with `summary`, `confint.default` (Wald),
// `logLik`, `deviance` and `AIC`, by test/fixtures/stats/reference.R, on mtcars and on the article's Table 2.
const TOLERANCE = 1e-6;
interface LogisticCase {
  name: string;
  predictorNames: string[];
  rows: number[][];
  successes: number[];
  trials: number[];
  estimate: number[];
  se: number[];
  z: number[];
  p: number[];
  lower: number[];
  upper: number[];
  logLikelihood: number;
  deviance: number;
  nullDeviance: number;
  aic: number;
}
const reference = JSON.parse(
  readFileSync(new URL('../../test/fixtures/stats/reference.json', import.meta.url), 'utf8'),
) as { logistic: LogisticCase[] };

function expectNear(value: number, expected: number | undefined, input: string): void {
  const delta = Math.abs(value - (expected ?? Number.NaN));
  expect(
    delta,
    `${input}: got ${value}, expected ${expected}, Δ ${delta} > ${TOLERANCE}`,
  ).toBeLessThanOrEqual(TOLERANCE);
}

describe('logisticRegression', () => {
  it.each(reference.logistic)("matches R's glm(family = binomial) by IRLS on $name", (c) => {
    const fit = logisticRegression(c);
    fit.coefficients.forEach((coefficient, j) => {
      const at = `${c.name}.${coefficient.name}`;
      expectNear(coefficient.estimate, c.estimate[j], `${at}.estimate`);
      expectNear(coefficient.standardError, c.se[j], `${at}.se`);
      expectNear(coefficient.z, c.z[j], `${at}.z`);
      expectNear(coefficient.p, c.p[j], `${at}.p`);
      expectNear(coefficient.interval.lower, c.lower[j], `${at}.lower`);
      expectNear(coefficient.interval.upper, c.upper[j], `${at}.upper`);
      expect(Math.log(coefficient.oddsRatio)).toBeCloseTo(coefficient.estimate, 12);
    });
    expectNear(fit.logLikelihood, c.logLikelihood, `${c.name}.logLik`);
    expectNear(fit.deviance, c.deviance, `${c.name}.deviance`);
    expectNear(fit.nullDeviance, c.nullDeviance, `${c.name}.nullDeviance`);
    expectNear(fit.aic, c.aic, `${c.name}.aic`);
  });

  it('throws an InputError naming the predictor on complete separation', () => {
    const separated = () =>
      logisticRegression({
        predictorNames: ['proxyStrength'],
        rows: [[1], [2], [3], [4], [5], [6]],
        successes: [0, 0, 0, 1, 1, 1],
      });
    expect(separated).toThrow(InputError);
    expect(separated).toThrow(/perfect separation.*proxyStrength/);
  });

  it('throws on quasi-complete separation: a category with no successes', () => {
    // Incumbents always win here, so their log-odds of victory are +∞ while challengers' stay finite.
    expect(() =>
      logisticRegression({
        predictorNames: ['incumbent'],
        rows: [[1], [0]],
        successes: [50, 25],
        trials: [50, 65],
      }),
    ).toThrow(/perfect separation.*incumbent/);
  });

  it('reports collinear predictors as such, not as separation', () => {
    expect(() =>
      logisticRegression({
        predictorNames: ['a', 'twiceA'],
        rows: [
          [1, 2],
          [2, 4],
          [3, 6],
          [4, 8],
        ],
        successes: [0, 1, 0, 1],
      }),
    ).toThrow(/collinear/);
  });

  it('lists every malformed row at once', () => {
    try {
      logisticRegression({ predictorNames: ['x'], rows: [[1], [Number.NaN], [3]], successes: [0, 1, 2] });
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).issues.map((issue) => issue.field)).toEqual(['rows[1]', 'successes[2]']);
    }
  });
});
