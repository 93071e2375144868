/** How far the posterior rests on the priors: the posterior as each hypothesis's prior sweeps a grid. */
import type { CaseHypotheses } from '../domain/index.js';
import { leaderOf, updateBeliefs } from './bayes-update.js';
import type { Beliefs } from './case-priors.js';

/** Priors tried for each hypothesis in turn; the others share the rest in their original proportions. */
export const PRIOR_GRID = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

export interface PriorTrial {
  /** The hypothesis whose prior was set. */
  readonly hypothesis: string;
  readonly prior: number;
  readonly posterior: Beliefs;
  readonly leader: string;
}

export interface PriorSensitivity {
  /** The posterior from equal priors: what the evidence says on its own. */
  readonly uniform: Beliefs;
  readonly trials: readonly PriorTrial[];
  /** Every hypothesis that leads in some trial; one entry means the conclusion does not hang on the priors. */
  readonly leaders: readonly string[];
}

function posteriorFrom(h: CaseHypotheses, priors: Beliefs): Beliefs {
  const ids = h.hypotheses.map((x) => x.id);
  return h.evidence.reduce((beliefs, e) => updateBeliefs(ids, beliefs, e), priors);
}

/** Sets one hypothesis's prior to `value` and rescales the others to fill 1 − value. */
export function withPrior(ids: readonly string[], base: Beliefs, hypothesis: string, value: number): Beliefs {
  const rest = 1 - (base[hypothesis] ?? 0);
  return Object.fromEntries(
    ids.map((id) => [
      id,
      id === hypothesis
        ? value
        : rest > 0
          ? ((base[id] ?? 0) * (1 - value)) / rest
          : (1 - value) / (ids.length - 1),
    ]),
  );
}

export function priorSensitivity(
  h: CaseHypotheses,
  base: Beliefs,
  grid: readonly number[] = PRIOR_GRID,
): PriorSensitivity {
  const ids = h.hypotheses.map((x) => x.id);
  const uniform = posteriorFrom(h, Object.fromEntries(ids.map((id) => [id, 1 / ids.length])));
  const trials = ids.flatMap((hypothesis) =>
    grid.map((prior) => {
      const posterior = posteriorFrom(h, withPrior(ids, base, hypothesis, prior));
      return { hypothesis, prior, posterior, leader: leaderOf(ids, posterior) };
    }),
  );
  const leaders = ids.filter((id) => trials.some((t) => t.leader === id));
  return { uniform, trials, leaders };
}
