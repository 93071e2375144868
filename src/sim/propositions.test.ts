import { describe, expect, it } from 'vitest';
import { evaluatePropositions } from './propositions.js';

describe('the eight propositions of model.md (20 000 runs a point, seeded)', () => {
  const results = evaluatePropositions({ runs: 20_000, seed: 2026 });

  it.each(results.map((r) => [r.id, r.title, r] as const))('%i. %s', (_, __, result) => {
    const failed = result.effects
      .filter((e) => !e.pass)
      .map((e) => `${e.description}: ${e.estimate} [${e.low}, ${e.high}]`);
    expect(failed).toEqual([]);
    expect(result.pass).toBe(true);
  });
});
