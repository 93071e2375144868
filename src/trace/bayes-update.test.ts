import { describe, expect, it } from 'vitest';
import { type CaseHypotheses, caseHypothesesSchema } from '../domain/index.js';
import { bayesTrace } from './bayes-update.js';
import { casePriors } from './case-priors.js';
import { pairwiseWeights } from './pairwise-weights.js';

function hypotheses(priors: number[] | undefined, evidence: number[][]): CaseHypotheses {
  return caseHypothesesSchema.parse({
    case: 'test-case',
    question: 'which?',
    hypotheses: (evidence[0] ?? []).map((_, i) => ({
      id: `H${i + 1}`,
      title: `h${i + 1}`,
      statement: 's',
      ...(priors !== undefined ? { prior: priors[i] } : {}),
    })),
    evidence: evidence.map((likelihoods, j) => ({
      id: `E${j + 1}`,
      summary: 'e',
      events: ['an-event'],
      credibility: 'high',
      relevance: 'high',
      likelihoods: Object.fromEntries(likelihoods.map((p, i) => [`H${i + 1}`, p])),
    })),
  });
}

describe('bayesTrace (hand-computed)', () => {
  it('two hypotheses, equal priors: 0.8 vs 0.2 gives a posterior of 0.8 and a weight of 10·log10 4 = 6.02 dB', () => {
    const h = hypotheses(undefined, [[0.8, 0.2]]);
    const trace = bayesTrace(h, casePriors(h));
    const [h1, h2] = trace.steps[0]?.effects ?? [];
    expect(trace.posterior.H1).toBeCloseTo(0.8, 12);
    expect(h1?.weightDb).toBeCloseTo(6.0206, 4);
    expect(h2?.weightDb).toBeCloseTo(-6.0206, 4);
    expect(h1?.oddsBeforeDb).toBe(0);
    expect(h1?.oddsAfterDb).toBeCloseTo(6.0206, 4);
  });

  it('a second piece at 0.3 vs 0.6 brings H1 to 0.24 / 0.36 = 2/3, a step of −3.01 dB', () => {
    const h = hypotheses(undefined, [
      [0.8, 0.2],
      [0.3, 0.6],
    ]);
    const trace = bayesTrace(h, casePriors(h));
    expect(trace.posterior.H1).toBeCloseTo(2 / 3, 12);
    expect(trace.steps[1]?.effects[0]?.weightDb).toBeCloseTo(-3.0103, 4);
    expect(trace.leader).toBe('H1');
  });

  it('three hypotheses: P(E|¬H1) is the rivals’ likelihoods averaged by their priors, (0.3·0.5 + 0.2·0.1)/0.5 = 0.34', () => {
    const h = hypotheses([0.5, 0.3, 0.2], [[0.9, 0.5, 0.1]]);
    const trace = bayesTrace(h, casePriors(h));
    const h1 = trace.steps[0]?.effects[0];
    expect(h1?.likelihoodOtherwise).toBeCloseTo(0.34, 12);
    expect(h1?.weightDb).toBeCloseTo(10 * Math.log10(0.9 / 0.34), 12);
    // joint 0.45, 0.15, 0.02 over 0.62
    expect(trace.posterior.H1).toBeCloseTo(0.45 / 0.62, 12);
    expect(trace.posterior.H2).toBeCloseTo(0.15 / 0.62, 12);
    expect(trace.posterior.H3).toBeCloseTo(0.02 / 0.62, 12);
    // the log-odds identity: odds after = odds before × LR, in decibans a sum
    expect(h1?.oddsAfterDb).toBeCloseTo((h1?.oddsBeforeDb ?? 0) + (h1?.weightDb ?? 0), 10);
  });

  it('reaches the same posterior whatever the order of the evidence', () => {
    const forward = hypotheses(
      [0.2, 0.3, 0.5],
      [
        [0.9, 0.5, 0.1],
        [0.2, 0.6, 0.7],
        [0.4, 0.4, 0.9],
      ],
    );
    const backward = { ...forward, evidence: [...forward.evidence].reverse() };
    const a = bayesTrace(forward, casePriors(forward)).posterior;
    const b = bayesTrace(backward, casePriors(backward)).posterior;
    for (const id of ['H1', 'H2', 'H3']) expect(a[id]).toBeCloseTo(b[id] ?? Number.NaN, 12);
  });
});

describe('pairwiseWeights', () => {
  it('sums 10·log10 P(E|H)/P(E|rival) over the evidence: log10 4 + log10 0.5 = 10·log10 2 = 3.01 dB', () => {
    const h = hypotheses(undefined, [
      [0.8, 0.2],
      [0.3, 0.6],
    ]);
    const [pair] = pairwiseWeights(h);
    expect(pair?.totalDb).toBeCloseTo(3.0103, 4);
    expect(pair?.steps.map((s) => Number(s.weightDb.toFixed(2)))).toEqual([6.02, -3.01]);
  });
});
