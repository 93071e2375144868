/** Everything `meddle trace` reports on one case: timeline, arc, indicators, and the two weighings of hypotheses. */
import type { Case, CaseHypotheses } from '../domain/index.js';
import { achDiagnosticity, type Diagnosticity } from './ach-diagnosticity.js';
import { type AchMatrix, achMatrix } from './ach-matrix.js';
import { type AchSensitivity, achSensitivity } from './ach-sensitivity.js';
import { type AchHypothesisRow, transposeAch } from './ach-transposed.js';
import { type BayesTrace, bayesTrace } from './bayes-update.js';
import { type CaseIndicators, caseIndicators } from './case-indicators.js';
import { casePriors } from './case-priors.js';
import { caseTimeline, type TimelineEntry } from './case-timeline.js';
import { type DependenceWarning, dependenceWarnings } from './evidence-dependence.js';
import { type ArcSpan, mechanismArc } from './mechanism-arc.js';
import { type PairwiseWeight, pairwiseWeights } from './pairwise-weights.js';
import { type PriorSensitivity, priorSensitivity } from './prior-sensitivity.js';
import { type VanEveraCell, vanEveraTests } from './van-evera-test.js';

export interface HypothesesTrace {
  readonly question: string;
  readonly hypotheses: CaseHypotheses['hypotheses'];
  readonly evidence: CaseHypotheses['evidence'];
  readonly ach: {
    readonly matrix: AchMatrix;
    readonly diagnosticity: readonly Diagnosticity[];
    readonly transposed: readonly AchHypothesisRow[];
    readonly sensitivity: AchSensitivity;
  };
  readonly bayes: {
    readonly trace: BayesTrace;
    readonly pairwise: readonly PairwiseWeight[];
    readonly priorSensitivity: PriorSensitivity;
    readonly tests: readonly VanEveraCell[];
    readonly dependence: readonly DependenceWarning[];
  };
}

export interface CaseTrace {
  readonly case: Pick<
    Case,
    'id' | 'title' | 'interferer' | 'target' | 'proxy' | 'period' | 'ascent' | 'break' | 'episodes'
  >;
  readonly timeline: readonly TimelineEntry[];
  readonly arc: readonly ArcSpan[];
  readonly indicators: CaseIndicators;
  /** Absent when the case is traced without hypotheses. */
  readonly hypotheses?: HypothesesTrace;
}

export interface TraceOptions {
  /** Years per span of the leverage and grievance arc. */
  readonly arcWidth?: number;
}

/** Hypotheses must already be checked against the case (`crossCheckHypotheses`). */
export function traceCase(c: Case, h?: CaseHypotheses, options: TraceOptions = {}): CaseTrace {
  const { id, title, interferer, target, proxy, period, ascent, episodes } = c;
  const base: CaseTrace = {
    case: { id, title, interferer, target, proxy, period, ascent, break: c.break, episodes },
    timeline: caseTimeline(c),
    arc: mechanismArc(c, options.arcWidth ?? 5),
    indicators: caseIndicators(c),
  };
  if (h === undefined) return base;
  const matrix = achMatrix(h);
  const priors = casePriors(h);
  return {
    ...base,
    hypotheses: {
      question: h.question,
      hypotheses: h.hypotheses,
      evidence: h.evidence,
      ach: {
        matrix,
        diagnosticity: achDiagnosticity(matrix),
        transposed: transposeAch(matrix),
        sensitivity: achSensitivity(h),
      },
      bayes: {
        trace: bayesTrace(h, priors),
        pairwise: pairwiseWeights(h),
        priorSensitivity: priorSensitivity(h, priors),
        tests: vanEveraTests(h, priors),
        dependence: dependenceWarnings(h),
      },
    },
  };
}
