/** Weights of evidence between two hypotheses, in decibans: prior-free, and additive over independent evidence. */
import type { CaseHypotheses } from '../domain/index.js';
import { decibans } from './decibans.js';

export interface PairwiseWeight {
  readonly hypothesis: string;
  readonly rival: string;
  /** Per piece of evidence, 10·log10 P(E|H) / P(E|rival). */
  readonly steps: readonly { readonly evidence: string; readonly weightDb: number }[];
  /** Their sum: the posterior log-odds of H against its rival minus the prior log-odds (Fairfield & Charman). */
  readonly totalDb: number;
}

/** Every hypothesis against every later one in the file, so that each pair appears once. */
export function pairwiseWeights(h: CaseHypotheses): PairwiseWeight[] {
  const ids = h.hypotheses.map((x) => x.id);
  return ids.flatMap((hypothesis, i) =>
    ids.slice(i + 1).map((rival) => {
      const steps = h.evidence.map((e) => ({
        evidence: e.id,
        weightDb: decibans((e.likelihoods[hypothesis] ?? Number.NaN) / (e.likelihoods[rival] ?? Number.NaN)),
      }));
      return { hypothesis, rival, steps, totalDb: steps.reduce((a, s) => a + s.weightDb, 0) };
    }),
  );
}
