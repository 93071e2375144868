import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/input-error.js';
import { betaBinomialPooling } from './beta-binomial-pooling.js';

// Reference: R 4.2 `optim` (BFGS, Nelder–Mead, BFGS, reltol 1e-16) on the beta-binomial log-likelihood written
// with `lbeta`, posterior intervals by `qbeta`; test/fixtures/stats/reference.R.
const TOLERANCE = 1e-6;
interface PoolingCase {
  name: string;
  successes: number[];
  trials: number[];
  alpha: number;
  beta: number;
  mean: number;
  logLikelihood: number;
  posteriorMean: number[];
  posteriorLower: number[];
  posteriorUpper: number[];
}
const reference = JSON.parse(
  readFileSync(new URL('../../test/fixtures/stats/reference.json', import.meta.url), 'utf8'),
) as { betaBinomial: PoolingCase[] };

function expectNear(value: number, expected: number | undefined, input: string): void {
  // α and β are pseudo-counts of a few units to hundreds: compare them relatively, rates absolutely.
  const scale = Math.max(1, Math.abs(expected ?? 1));
  const delta = Math.abs(value - (expected ?? Number.NaN)) / scale;
  expect(
    delta,
    `${input}: got ${value}, expected ${expected}, Δ ${delta} > ${TOLERANCE}`,
  ).toBeLessThanOrEqual(TOLERANCE);
}

describe('betaBinomialPooling', () => {
  it.each(reference.betaBinomial)('matches the marginal maximum-likelihood fit of R optim on $name', (c) => {
    const result = betaBinomialPooling(
      c.successes.map((successes, i) => ({ successes, trials: c.trials[i] ?? 0 })),
    );
    expectNear(result.alpha, c.alpha, `${c.name}.alpha`);
    expectNear(result.beta, c.beta, `${c.name}.beta`);
    expectNear(result.mean, c.mean, `${c.name}.mean`);
    expectNear(result.logLikelihood, c.logLikelihood, `${c.name}.logLik`);
    result.cells.forEach((cell, i) => {
      expectNear(cell.pooled, c.posteriorMean[i], `${c.name}.cells[${i}].pooled`);
      expectNear(cell.interval.lower, c.posteriorLower[i], `${c.name}.cells[${i}].lower`);
      expectNear(cell.interval.upper, c.posteriorUpper[i], `${c.name}.cells[${i}].upper`);
    });
  });

  it('pulls every cell towards the common mean, small cells most', () => {
    const result = betaBinomialPooling([
      { successes: 9, trials: 10 },
      { successes: 90, trials: 100 },
      { successes: 20, trials: 100 },
      { successes: 2, trials: 10 },
    ]);
    for (const cell of result.cells) {
      expect(Math.abs(cell.pooled - result.mean)).toBeLessThan(Math.abs(cell.raw - result.mean));
    }
    expect(result.cells[0]?.shrinkage).toBeGreaterThan(result.cells[1]?.shrinkage ?? 1);
  });

  it('pools completely when the cells vary no more than binomial chance allows', () => {
    const result = betaBinomialPooling([
      { successes: 50, trials: 100 },
      { successes: 50, trials: 100 },
      { successes: 50, trials: 100 },
    ]);
    expect(result.concentration).toBe(Number.POSITIVE_INFINITY);
    expect(result.cells.map((cell) => cell.pooled)).toEqual([0.5, 0.5, 0.5]);
  });

  it('refuses a single cell and cells without any success', () => {
    expect(() => betaBinomialPooling([{ successes: 1, trials: 2 }])).toThrow(InputError);
    expect(() =>
      betaBinomialPooling([
        { successes: 0, trials: 2 },
        { successes: 0, trials: 5 },
      ]),
    ).toThrow(/cannot be estimated/);
  });
});
