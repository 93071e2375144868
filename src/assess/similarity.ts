/** How alike a proposed operation and a recorded episode are: a weighted mean of per-feature matches, each explained. */
import type { EpisodeKind, Means } from '../domain/codebook.js';
import type { Episode } from '../domain/episode-schema.js';
import type { Operation } from '../domain/operation-schema.js';

export const SIMILARITY_FEATURES = [
  'kind',
  'side',
  'targetClass',
  'means',
  'era',
  'interferer',
  'covert',
] as const;
export type SimilarityFeature = (typeof SIMILARITY_FEATURES)[number];

/**
 * Weights of the features (docs/assessment.md). Kind, side and target class carry most because the article's
 * base rates split on them (Table 2: incumbents against challengers; O'Rourke: weak against strong targets).
 */
export const SIMILARITY_WEIGHTS: Readonly<Record<SimilarityFeature, number>> = {
  kind: 3,
  side: 2,
  targetClass: 2,
  means: 1,
  era: 1,
  interferer: 1,
  covert: 0.5,
};

/** Years apart at which two operations count as of different eras (the match falls linearly to 0). */
export const ERA_SPAN = 50;

/**
 * Partial credit between different kinds that the codebook's rules place next to each other: a covertly backed
 * insurgency can be coded either way, and government support outside an election resembles backing an
 * incumbent at the polls.
 */
const RELATED_KINDS: readonly (readonly [EpisodeKind, EpisodeKind, number])[] = [
  ['covert-regime-change', 'armed-opposition-support', 0.5],
  ['electoral', 'influence-campaign', 0.3],
  ['electoral', 'government-support', 0.3],
  ['influence-campaign', 'armed-opposition-support', 0.2],
];

function kindMatch(a: EpisodeKind, b: EpisodeKind): number {
  if (a === b) return 1;
  const pair = RELATED_KINDS.find(([x, y]) => (x === a && y === b) || (x === b && y === a));
  return pair?.[2] ?? 0;
}

/** Jaccard overlap of the means; an episode whose sources name none matches half, as unknown. */
function meansMatch(a: readonly Means[], b: readonly Means[]): number {
  if (b.length === 0) return 0.5;
  const shared = a.filter((m) => b.includes(m)).length;
  return shared / new Set([...a, ...b]).size;
}

export interface FeatureMatch {
  readonly feature: SimilarityFeature;
  readonly weight: number;
  /** 0 (unlike) … 1 (the same). */
  readonly match: number;
  /** Why, in words: "same kind (electoral)". */
  readonly note: string;
}

export interface Similarity {
  /** Σ weight · match / Σ weight, 0 … 1. */
  readonly score: number;
  readonly features: readonly FeatureMatch[];
}

/**
 * The similarity of an episode to the operation, with the match on every feature.
 *
 * @example similarity(operation, episode).score // 0.83 for the same kind, side and class, 12 years apart
 */
export function similarity(operation: Operation, episode: Episode): Similarity {
  const years = Math.abs(episode.startYear - operation.year);
  const sharedMeans = operation.means.filter((m) => episode.means.includes(m));
  const features: FeatureMatch[] = [
    {
      feature: 'kind',
      weight: SIMILARITY_WEIGHTS.kind,
      match: kindMatch(operation.kind, episode.kind),
      note: episode.kind === operation.kind ? `same kind (${episode.kind})` : `kind ${episode.kind}`,
    },
    {
      feature: 'side',
      weight: SIMILARITY_WEIGHTS.side,
      match: episode.side === operation.side ? 1 : episode.side === 'unknown' ? 0.5 : 0,
      note: episode.side === operation.side ? `same side (${episode.side})` : `side ${episode.side}`,
    },
    {
      feature: 'targetClass',
      weight: SIMILARITY_WEIGHTS.targetClass,
      match: episode.targetClass === operation.targetClass ? 1 : 0,
      note:
        episode.targetClass === operation.targetClass
          ? `same target class (${episode.targetClass})`
          : `target ${episode.targetClass}`,
    },
    {
      feature: 'means',
      weight: SIMILARITY_WEIGHTS.means,
      match: meansMatch(operation.means, episode.means),
      note:
        episode.means.length === 0
          ? 'means not recorded'
          : sharedMeans.length > 0
            ? `shares ${sharedMeans.join(', ')}`
            : 'no means in common',
    },
    {
      feature: 'era',
      weight: SIMILARITY_WEIGHTS.era,
      match: Math.max(0, 1 - years / ERA_SPAN),
      note: years === 0 ? 'same year' : `${years} year${years === 1 ? '' : 's'} apart`,
    },
    {
      feature: 'interferer',
      weight: SIMILARITY_WEIGHTS.interferer,
      match: episode.interferer === operation.interferer ? 1 : 0,
      note: episode.interferer === operation.interferer ? 'same interferer' : 'another interferer',
    },
    {
      feature: 'covert',
      weight: SIMILARITY_WEIGHTS.covert,
      match: episode.covert === operation.covert ? 1 : 0,
      note: episode.covert ? 'covert' : 'overt',
    },
  ];
  const total = features.reduce((sum, f) => sum + f.weight, 0);
  const score = features.reduce((sum, f) => sum + f.weight * f.match, 0) / total;
  return { score, features };
}
