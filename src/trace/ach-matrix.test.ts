import { describe, expect, it } from 'vitest';
import { type CaseHypotheses, caseHypothesesSchema } from '../domain/index.js';
import { achDiagnosticity } from './ach-diagnosticity.js';
import { achMatrix, achRating } from './ach-matrix.js';
import { achSensitivity } from './ach-sensitivity.js';
import { transposeAch } from './ach-transposed.js';
import { dependenceWarnings } from './evidence-dependence.js';

/** Three pieces weighted 1, 0.5 and 0.125 (high·high, medium·high, low·medium). */
const h: CaseHypotheses = caseHypothesesSchema.parse({
  case: 'test-case',
  question: 'which?',
  hypotheses: ['H1', 'H2', 'H3'].map((id) => ({ id, title: id.toLowerCase(), statement: 's' })),
  evidence: [
    {
      id: 'E1',
      summary: 'a',
      events: ['x'],
      credibility: 'high',
      relevance: 'high',
      likelihoods: { H1: 0.9, H2: 0.5, H3: 0.1 },
    },
    {
      id: 'E2',
      summary: 'b',
      events: ['y'],
      credibility: 'medium',
      relevance: 'high',
      likelihoods: { H1: 0.3, H2: 0.7, H3: 0.7 },
    },
    {
      id: 'E3',
      summary: 'c',
      events: ['x', 'z'],
      credibility: 'low',
      relevance: 'medium',
      likelihoods: { H1: 0.85, H2: 0.15, H3: 0.5 },
      dependsOn: ['E2'],
    },
  ],
});

describe('achRating', () => {
  it('reads P(E|H) on the documented bounds: ≥0.8 CC, ≥0.6 C, >0.4 N, >0.2 I, else II', () => {
    expect([0.8, 0.79, 0.6, 0.41, 0.4, 0.21, 0.2].map(achRating)).toEqual([
      'CC',
      'C',
      'C',
      'N',
      'I',
      'I',
      'II',
    ]);
  });
});

describe('achMatrix', () => {
  it('weights I as 1 and II as 2 by credibility × relevance and ranks the least inconsistent first', () => {
    const m = achMatrix(h);
    expect(m.rows.map((r) => r.weight)).toEqual([1, 0.5, 0.125]);
    expect(m.scores.map((s) => s.inconsistency)).toEqual([0.5, 0.25, 2]);
    expect(m.scores.map((s) => s.inconsistent)).toEqual([1, 1, 1]);
    expect(m.ranking).toEqual(['H2', 'H1', 'H3']);
  });

  it('lays the matrix out with hypotheses as rows, in ranking order', () => {
    const rows = transposeAch(achMatrix(h));
    expect(rows.map((r) => r.hypothesis)).toEqual(['H2', 'H1', 'H3']);
    expect(rows[0]?.cells.map((c) => c.rating)).toEqual(['N', 'C', 'II']);
  });

  it('scores diagnosticity as the spread of ratings and the largest likelihood ratio in decibans', () => {
    const d = achDiagnosticity(achMatrix(h));
    expect(d.map((x) => x.ratingSpread)).toEqual([4, 2, 4]);
    expect(d[0]?.maxWeightDb).toBeCloseTo(10 * Math.log10(9), 12);
    expect(d.every((x) => x.diagnostic)).toBe(true);
  });

  it('finds evidence rated alike under every hypothesis non-diagnostic', () => {
    const flat = {
      ...h,
      evidence: [{ ...h.evidence[0], likelihoods: { H1: 0.9, H2: 0.85, H3: 0.8 } }],
    } as CaseHypotheses;
    expect(achDiagnosticity(achMatrix(flat))[0]?.diagnostic).toBe(false);
  });
});

describe('achSensitivity (leave one out)', () => {
  it('names the pieces whose removal alone changes the ranking', () => {
    const s = achSensitivity(h);
    // without E1: 0.5, 0.25, 0 → H3, H2, H1; without E2: 0, 0.25, 2 → H1, H2, H3; without E3: 0.5, 0, 2 → unchanged
    expect(s.removals.map((r) => r.ranking)).toEqual([
      ['H3', 'H2', 'H1'],
      ['H1', 'H2', 'H3'],
      ['H2', 'H1', 'H3'],
    ]);
    expect(s.pivotal).toEqual(['E1', 'E2']);
    expect(s.removals.map((r) => r.leaderChanged)).toEqual([true, true, false]);
  });
});

describe('dependenceWarnings', () => {
  it('warns once for a marked dependence and once for two pieces resting on the same event', () => {
    const w = dependenceWarnings(h);
    expect(w.map((x) => [x.reason, x.evidence])).toEqual([
      ['marked', ['E3', 'E2']],
      ['shared-events', ['E1', 'E3']],
    ]);
    expect(w[1]?.events).toEqual(['x']);
  });
});
