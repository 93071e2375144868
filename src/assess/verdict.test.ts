import { describe, expect, it } from 'vitest';
import { figure } from './figure.js';
import type { OutcomeOdds } from './outcome-odds.js';
import type { Risk } from './risk-register.js';
import { decideVerdict, verdictByOdds } from './verdict.js';

const given = { source: 'scenario', field: 'test', rule: 'given' } as const;

function odds(win: number, payoffGivenWin: number): OutcomeOdds {
  return {
    win: figure(win, given),
    payoffGivenWin: figure(payoffGivenWin, given),
    payoff: figure(win * payoffGivenWin, given),
    recordWeight: { win: 0, payoffGivenWin: 0 },
    provenance: { source: 'derived', formula: 'test', from: [] },
  };
}

const risk = (id: Risk['id'], score: number): Risk => ({
  id,
  title: id,
  score: figure(score, given),
  level: score >= 0.6 ? 'high' : score >= 0.3 ? 'medium' : 'low',
  reason: 'test',
});

describe('verdictByOdds', () => {
  it('advises against when the proxy almost surely loses or a win almost never pays, then grades P(pays off)', () => {
    expect(verdictByOdds(0.1, 0.09)).toBe('advise against');
    expect(verdictByOdds(0.9, 0.04)).toBe('advise against');
    expect(verdictByOdds(0.3, 0.1)).toBe('high risk');
    expect(verdictByOdds(0.6, 0.3)).toBe('marginal');
    expect(verdictByOdds(0.8, 0.5)).toBe('favourable');
  });
});

describe('decideVerdict', () => {
  const npv = figure(0.5, given, { low: 0.4, high: 0.6 });

  it('steps down once for two high risks the odds do not count, and not for those they do', () => {
    const priced = [risk('hard-target', 0.9), risk('unreliable-proxy', 0.9), risk('leverage-lost', 0.9)];
    expect(decideVerdict(odds(0.8, 0.8), priced, npv).verdict).toBe('favourable');
    const unpriced = [risk('grievance', 0.7), risk('exposure', 0.7)];
    expect(decideVerdict(odds(0.8, 0.8), unpriced, npv).verdict).toBe('marginal');
  });

  it('steps down once when the simulated payoff is negative with its whole interval below zero', () => {
    const losing = figure(-0.5, given, { low: -0.6, high: -0.4 });
    const result = decideVerdict(odds(0.8, 0.8), [], losing);
    expect(result.verdict).toBe('marginal');
    expect(result.downgrades).toHaveLength(1);
  });

  it('gives three reasons, those in the verdict’s direction first', () => {
    const result = decideVerdict(odds(0.1, 0.2), [risk('hard-target', 0.85), risk('exposure', 0.1)], npv);
    expect(result.reasons).toHaveLength(3);
    expect(result.reasons.map((r) => r.direction)).toEqual(['against', 'against', 'against']);
  });
});
