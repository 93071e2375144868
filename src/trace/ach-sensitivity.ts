/** Heuer's sensitivity check: which single piece of evidence, taken out, changes the ACH ranking. */
import type { CaseHypotheses } from '../domain/index.js';
import { achMatrix } from './ach-matrix.js';

export interface LeaveOneOut {
  readonly evidence: string;
  /** The ranking without this piece. */
  readonly ranking: readonly string[];
  readonly changed: boolean;
  /** The hypothesis ranked first is no longer first. */
  readonly leaderChanged: boolean;
}

export interface AchSensitivity {
  readonly ranking: readonly string[];
  readonly removals: readonly LeaveOneOut[];
  /** Evidence whose removal alone changes the ranking: the pieces the conclusion hangs on. */
  readonly pivotal: readonly string[];
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export function achSensitivity(h: CaseHypotheses): AchSensitivity {
  const ranking = achMatrix(h).ranking;
  const removals = h.evidence.map((e) => {
    const without = achMatrix(h, new Set([e.id])).ranking;
    return {
      evidence: e.id,
      ranking: without,
      changed: !same(without, ranking),
      leaderChanged: without[0] !== ranking[0],
    };
  });
  return { ranking, removals, pivotal: removals.filter((r) => r.changed).map((r) => r.evidence) };
}
