/** How well each piece of evidence tells the hypotheses apart: Heuer's diagnosticity, from the ratings and the likelihoods. */
import { type AchMatrix, RATING_SCORE } from './ach-matrix.js';
import { decibans } from './decibans.js';

export interface Diagnosticity {
  readonly evidence: string;
  /** Largest minus smallest rating score across hypotheses (CC = 2 … II = −2): 0 when the ratings are all alike. */
  readonly ratingSpread: number;
  /** 10·log10 of the largest over the smallest likelihood: the most the evidence can shift any pair, in decibans. */
  readonly maxWeightDb: number;
  /** Heuer: evidence rated alike under every hypothesis has no diagnostic value, however weighty it looks. */
  readonly diagnostic: boolean;
}

/** @example achDiagnosticity(achMatrix(h))[0] // { evidence: 'E1', ratingSpread: 3, maxWeightDb: 6.02, diagnostic: true } */
export function achDiagnosticity(matrix: AchMatrix): Diagnosticity[] {
  return matrix.rows.map((row) => {
    const scores = row.cells.map((c) => RATING_SCORE[c.rating]);
    const likelihoods = row.cells.map((c) => c.likelihood);
    const ratingSpread = Math.max(...scores) - Math.min(...scores);
    return {
      evidence: row.evidence,
      ratingSpread,
      maxWeightDb: decibans(Math.max(...likelihoods) / Math.min(...likelihoods)),
      diagnostic: ratingSpread > 0,
    };
  });
}
