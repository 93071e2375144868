/** The ACH matrix turned on its side: a row per hypothesis, a column per piece of evidence. */
import type { AchMatrix, AchRating } from './ach-matrix.js';

export interface AchHypothesisRow {
  readonly hypothesis: string;
  readonly title: string;
  readonly inconsistency: number;
  readonly cells: readonly {
    readonly evidence: string;
    readonly rating: AchRating;
    readonly likelihood: number;
  }[];
}

/** Rows in ranking order, so that the best-supported hypothesis reads first. */
export function transposeAch(matrix: AchMatrix): AchHypothesisRow[] {
  return matrix.ranking.map((id) => {
    const index = matrix.hypotheses.findIndex((x) => x.id === id);
    const score = matrix.scores[index];
    return {
      hypothesis: id,
      title: score?.title ?? id,
      inconsistency: score?.inconsistency ?? Number.NaN,
      cells: matrix.rows.map((row) => {
        const cell = row.cells[index];
        return {
          evidence: row.evidence,
          rating: cell?.rating ?? 'N',
          likelihood: cell?.likelihood ?? Number.NaN,
        };
      }),
    };
  });
}
