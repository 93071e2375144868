/** The priors a trace starts from: the analyst's, or equal ones when the file gives none. */
import type { CaseHypotheses } from '../domain/index.js';

/** Hypothesis id → prior probability, summing to 1 (the file's priors are renormalised to absorb rounding). */
export type Beliefs = Readonly<Record<string, number>>;

export function casePriors(h: CaseHypotheses): Beliefs {
  const given = h.hypotheses.map((x) => x.prior ?? 1);
  const sum = given.reduce((a, b) => a + b, 0);
  return Object.fromEntries(h.hypotheses.map((x, i) => [x.id, (given[i] ?? 1) / sum]));
}
