/** Heuer's Analysis of Competing Hypotheses: the consistency matrix and the ranking by weighted inconsistency. */
import type { CaseHypotheses, EvidenceGrade } from '../domain/index.js';

/** Very consistent, consistent, neutral, inconsistent, very inconsistent (Heuer's ratings, as in PARC's ACH). */
export const ACH_RATINGS = ['CC', 'C', 'N', 'I', 'II'] as const;
export type AchRating = (typeof ACH_RATINGS)[number];

/**
 * Ratings are read off the analyst's P(E | H), so that one set of judgements feeds both methods and the two cannot
 * silently disagree: P ≥ 0.8 is CC, ≥ 0.6 C, > 0.4 N, > 0.2 I, and ≤ 0.2 II. The scale is absolute, as Heuer's
 * question is ("if this hypothesis were true, would I expect to see this?").
 */
export const ACH_RATING_BOUNDS = { CC: 0.8, C: 0.6, N: 0.4, I: 0.2 } as const;

export function achRating(likelihood: number): AchRating {
  if (likelihood >= ACH_RATING_BOUNDS.CC) return 'CC';
  if (likelihood >= ACH_RATING_BOUNDS.C) return 'C';
  if (likelihood > ACH_RATING_BOUNDS.N) return 'N';
  if (likelihood > ACH_RATING_BOUNDS.I) return 'I';
  return 'II';
}

/** Heuer ranks by inconsistency only: consistent evidence is usually consistent with several hypotheses. */
export const INCONSISTENCY_POINTS: Readonly<Record<AchRating, number>> = { CC: 0, C: 0, N: 0, I: 1, II: 2 };

/** The signed score used for diagnosticity: how far a rating leans for or against. */
export const RATING_SCORE: Readonly<Record<AchRating, number>> = { CC: 2, C: 1, N: 0, I: -1, II: -2 };

/** meddle's weights for credibility and relevance; a piece's weight is their product, from 1 down to 1/16. */
export const GRADE_WEIGHTS: Readonly<Record<EvidenceGrade, number>> = { high: 1, medium: 0.5, low: 0.25 };

export interface AchCell {
  readonly hypothesis: string;
  readonly likelihood: number;
  readonly rating: AchRating;
}

export interface AchRow {
  readonly evidence: string;
  readonly summary: string;
  readonly events: readonly string[];
  readonly credibility: EvidenceGrade;
  readonly relevance: EvidenceGrade;
  readonly weight: number;
  /** One cell per hypothesis, in the file's hypothesis order. */
  readonly cells: readonly AchCell[];
}

export interface AchScore {
  readonly hypothesis: string;
  readonly title: string;
  /** Σ weight × inconsistency points over the evidence: lower is better. */
  readonly inconsistency: number;
  /** Pieces of evidence rated I or II, unweighted. */
  readonly inconsistent: number;
}

export interface AchMatrix {
  readonly hypotheses: readonly { readonly id: string; readonly title: string }[];
  readonly rows: readonly AchRow[];
  /** In the file's hypothesis order. */
  readonly scores: readonly AchScore[];
  /** Hypothesis ids, least inconsistent first; ties keep the file's order. */
  readonly ranking: readonly string[];
}

/** Orders hypotheses by weighted inconsistency, least first; the sort is stable, so ties keep the file order. */
export function rankByInconsistency(scores: readonly AchScore[]): string[] {
  return [...scores].sort((a, b) => a.inconsistency - b.inconsistency).map((s) => s.hypothesis);
}

/**
 * The matrix, its scores and ranking, leaving out the evidence whose ids are in `without` (for sensitivity).
 *
 * @example achMatrix(h).ranking // ['H2', 'H3', 'H1']
 */
export function achMatrix(h: CaseHypotheses, without: ReadonlySet<string> = new Set()): AchMatrix {
  const rows: AchRow[] = h.evidence
    .filter((e) => !without.has(e.id))
    .map((e) => ({
      evidence: e.id,
      summary: e.summary,
      events: e.events,
      credibility: e.credibility,
      relevance: e.relevance,
      weight: GRADE_WEIGHTS[e.credibility] * GRADE_WEIGHTS[e.relevance],
      cells: h.hypotheses.map((x) => {
        const likelihood = e.likelihoods[x.id] ?? Number.NaN;
        return { hypothesis: x.id, likelihood, rating: achRating(likelihood) };
      }),
    }));
  const scores = h.hypotheses.map((x, i) => {
    let inconsistency = 0;
    let inconsistent = 0;
    for (const row of rows) {
      const points = INCONSISTENCY_POINTS[row.cells[i]?.rating ?? 'N'];
      inconsistency += row.weight * points;
      if (points > 0) inconsistent += 1;
    }
    return { hypothesis: x.id, title: x.title, inconsistency, inconsistent };
  });
  return {
    hypotheses: h.hypotheses.map((x) => ({ id: x.id, title: x.title })),
    rows,
    scores,
    ranking: rankByInconsistency(scores),
  };
}
