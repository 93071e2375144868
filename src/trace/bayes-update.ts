/** Bayesian process tracing: the posterior over competing hypotheses, updated one piece of evidence at a time. */
import type { CaseHypotheses, Evidence } from '../domain/index.js';
import type { Beliefs } from './case-priors.js';
import { decibans, oddsDb } from './decibans.js';

/** What one piece of evidence did to one hypothesis. */
export interface StepEffect {
  readonly hypothesis: string;
  /** P(E | H), as the analyst gave it. */
  readonly likelihood: number;
  /** P(E | ¬H): the other hypotheses' likelihoods averaged with the weights they had just before this step. */
  readonly likelihoodOtherwise: number;
  /** 10·log10 of P(E | H) / P(E | ¬H): what this step added to the hypothesis's log-odds. */
  readonly weightDb: number;
  readonly oddsBeforeDb: number;
  readonly oddsAfterDb: number;
  readonly before: number;
  readonly after: number;
}

export interface BayesStep {
  readonly evidence: string;
  readonly effects: readonly StepEffect[];
}

export interface BayesTrace {
  readonly priors: Beliefs;
  readonly steps: readonly BayesStep[];
  readonly posterior: Beliefs;
  /** The hypothesis with the highest posterior (the first listed on a tie). */
  readonly leader: string;
}

/** P(E | ¬Hi): Σ_{j≠i} p_j P(E|Hj) / Σ_{j≠i} p_j, the only P(E | ¬H) consistent with the normalised posterior. */
function likelihoodOtherwise(
  ids: readonly string[],
  beliefs: Beliefs,
  evidence: Evidence,
  self: string,
): number {
  let mass = 0;
  let weighted = 0;
  for (const id of ids) {
    if (id === self) continue;
    const p = beliefs[id] ?? 0;
    mass += p;
    weighted += p * (evidence.likelihoods[id] ?? 0);
  }
  return weighted / mass;
}

/** One Bayes update over mutually exclusive, exhaustive hypotheses: p_i ← p_i P(E|Hi) / Σ_j p_j P(E|Hj). */
export function updateBeliefs(ids: readonly string[], beliefs: Beliefs, evidence: Evidence): Beliefs {
  const joint = ids.map((id) => (beliefs[id] ?? 0) * (evidence.likelihoods[id] ?? 0));
  const total = joint.reduce((a, b) => a + b, 0);
  return Object.fromEntries(ids.map((id, i) => [id, (joint[i] ?? 0) / total]));
}

export function leaderOf(ids: readonly string[], beliefs: Beliefs): string {
  return ids.reduce((best, id) => ((beliefs[id] ?? 0) > (beliefs[best] ?? 0) ? id : best), ids[0] ?? '');
}

/**
 * Updates the priors by each piece of evidence in file order. The hypotheses are taken as mutually exclusive
 * and exhaustive, and the evidence as independent given each hypothesis (see `dependenceWarnings`); the
 * order then changes the steps, never the posterior.
 *
 * @example bayesTrace(h, { H1: 0.5, H2: 0.5 }).posterior // { H1: 0.2, H2: 0.8 } for one E with P = 0.2, 0.8
 */
export function bayesTrace(h: CaseHypotheses, priors: Beliefs): BayesTrace {
  const ids = h.hypotheses.map((x) => x.id);
  let beliefs = priors;
  const steps = h.evidence.map((evidence) => {
    const after = updateBeliefs(ids, beliefs, evidence);
    const effects = ids.map((id) => {
      const likelihood = evidence.likelihoods[id] ?? Number.NaN;
      const otherwise = likelihoodOtherwise(ids, beliefs, evidence, id);
      const before = beliefs[id] ?? 0;
      const now = after[id] ?? 0;
      return {
        hypothesis: id,
        likelihood,
        likelihoodOtherwise: otherwise,
        weightDb: decibans(likelihood / otherwise),
        oddsBeforeDb: oddsDb(before),
        oddsAfterDb: oddsDb(now),
        before,
        after: now,
      };
    });
    beliefs = after;
    return { evidence: evidence.id, effects };
  });
  return { priors, steps, posterior: beliefs, leader: leaderOf(ids, beliefs) };
}
