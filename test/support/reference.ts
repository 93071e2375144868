/** Reference values for the statistics (made by test/fixtures/stats/reference.R) and the check against them. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The agreed tolerance of every statistic against its reference. */
export const TOLERANCE = 1e-6;

/** The committed R output; each test casts it to the part it reads. */
export const reference: unknown = JSON.parse(
  readFileSync(new URL('../fixtures/stats/reference.json', import.meta.url), 'utf8'),
);

/** Fails with the input, the value, the expected value, Δ and the tolerance. */
export function expectNear(
  value: number,
  expected: number | undefined,
  input: string,
  tolerance = TOLERANCE,
): void {
  const delta = Math.abs(value - (expected ?? Number.NaN));
  expect(
    delta,
    `${input}: got ${value}, expected ${expected}, Δ ${delta} > ${tolerance}`,
  ).toBeLessThanOrEqual(tolerance);
}
