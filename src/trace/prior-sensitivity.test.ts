import { describe, expect, it } from 'vitest';
import { caseHypothesesSchema } from '../domain/index.js';
import { priorSensitivity, withPrior } from './prior-sensitivity.js';

const h = caseHypothesesSchema.parse({
  case: 'test-case',
  question: 'which?',
  hypotheses: [
    { id: 'H1', title: 'a', statement: 's', prior: 0.5 },
    { id: 'H2', title: 'b', statement: 's', prior: 0.5 },
  ],
  evidence: [
    {
      id: 'E1',
      summary: 'e',
      events: ['x'],
      credibility: 'high',
      relevance: 'high',
      likelihoods: { H1: 0.2, H2: 0.8 },
    },
  ],
});

describe('priorSensitivity', () => {
  it('gives the rest of the mass to the other hypotheses in their original proportions', () => {
    expect(withPrior(['H1', 'H2', 'H3'], { H1: 0.5, H2: 0.3, H3: 0.2 }, 'H1', 0.9)).toEqual({
      H1: 0.9,
      H2: expect.closeTo(0.06, 12),
      H3: expect.closeTo(0.04, 12),
    });
  });

  it('finds the leader changes once H1’s prior outweighs a likelihood ratio of 4 (prior 0.9: 0.18/0.26 = 0.69)', () => {
    const s = priorSensitivity(h, { H1: 0.5, H2: 0.5 }, [0.5, 0.9]);
    expect(s.uniform.H2).toBeCloseTo(0.8, 12);
    const h1at09 = s.trials.find((t) => t.hypothesis === 'H1' && t.prior === 0.9);
    expect(h1at09?.posterior.H1).toBeCloseTo(0.18 / 0.26, 12);
    expect(s.leaders).toEqual(['H1', 'H2']);
  });
});
