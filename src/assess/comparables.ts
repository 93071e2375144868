/** The record's episodes most like a proposed operation, each with the reason it was chosen. */
import type { Episode } from '../domain/episode-schema.js';
import type { Operation } from '../domain/operation-schema.js';
import { type Similarity, similarity } from './similarity.js';

/** How many comparables a report lists. */
export const COMPARABLE_COUNT = 8;

export interface Comparable {
  readonly episode: Episode;
  readonly similarity: Similarity;
  /** The features it matches well on, in words, strongest first: why it was chosen. */
  readonly reason: string;
}

export interface LeftOut {
  readonly id: string;
  readonly reason: string;
}

export interface Comparables {
  readonly comparables: readonly Comparable[];
  /** Episodes not eligible, with why. */
  readonly leftOut: readonly LeftOut[];
}

/**
 * The operation itself may already be in the record (an assessment of the Soviet–CCP case as of 1945 would
 * otherwise find the answer among its comparables): an episode by the same interferer against the same target,
 * of the same kind and side, under way in the operation's year, is the same operation.
 */
export function isSameOperation(operation: Operation, episode: Episode): boolean {
  const end = episode.endYear ?? Number.POSITIVE_INFINITY;
  return (
    episode.interferer === operation.interferer &&
    episode.target === operation.target &&
    episode.kind === operation.kind &&
    episode.side === operation.side &&
    episode.startYear <= operation.year &&
    end >= operation.year
  );
}

function reasonOf(s: Similarity): string {
  const strong = [...s.features]
    .filter((f) => f.match >= 0.5)
    .sort((a, b) => b.weight * b.match - a.weight * a.match);
  return strong.length > 0 ? strong.map((f) => f.note).join('; ') : 'nearest on the weighted features';
}

/**
 * The `count` episodes most similar to the operation, most similar first; ties go to the earlier id so that
 * the list never depends on the order of the record.
 */
export function findComparables(
  operation: Operation,
  episodes: readonly Episode[],
  count = COMPARABLE_COUNT,
): Comparables {
  const leftOut: LeftOut[] = [];
  const scored: Comparable[] = [];
  for (const episode of episodes) {
    if (isSameOperation(operation, episode)) {
      leftOut.push({
        id: episode.id,
        reason: `the same operation (same interferer, target, kind and side, under way in ${operation.year})`,
      });
      continue;
    }
    const s = similarity(operation, episode);
    scored.push({ episode, similarity: s, reason: reasonOf(s) });
  }
  scored.sort(
    (a, b) =>
      b.similarity.score - a.similarity.score ||
      (a.episode.id < b.episode.id ? -1 : a.episode.id > b.episode.id ? 1 : 0),
  );
  return { comparables: scored.slice(0, count), leftOut };
}
