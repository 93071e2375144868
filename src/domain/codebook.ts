/** The codebook's closed vocabularies: every coded value an episode may take, in one place. */

/** What the interferer did, in the article's terms (see docs/codebook.md, "kind"). */
export const EPISODE_KINDS = [
  'electoral',
  'covert-regime-change',
  'armed-opposition-support',
  'government-support',
  'influence-campaign',
] as const;

/**
 * Whom the interferer backed: those in power, or those trying to take it; `unknown` when the sources establish
 * the interference but not whom it was meant to help (some official attributions of hacking and disinformation).
 */
export const SIDES = ['incumbent', 'challenger', 'unknown'] as const;

export const MEANS = [
  'propaganda',
  'financing',
  'expertise',
  'armed-support',
  'electoral-assistance',
  'cyber',
  'intermediaries',
] as const;

/** Table 1 of the article: why states interfere. */
export const RATIONALES = ['intentions', 'capabilities', 'regime'] as const;

/** Table 1 of the article: the proxy each rationale prefers. */
export const PROXY_TYPES = [
  'foreign-policy-sympathizer',
  'radical-revolutionary',
  'like-minded-ideology',
] as const;

/** The proxy type Table 1 pairs with each rationale; the codebook's default when a source is silent. */
export const PROXY_TYPE_FOR_RATIONALE = {
  intentions: 'foreign-policy-sympathizer',
  capabilities: 'radical-revolutionary',
  regime: 'like-minded-ideology',
} as const satisfies Record<(typeof RATIONALES)[number], (typeof PROXY_TYPES)[number]>;

/** Level 1: did the proxy win the election or take (or keep) power? */
export const PROXY_OUTCOMES = ['won', 'lost', 'partial', 'unknown'] as const;

/** Level 2: did the interferer gain a durable alignment within ten years? */
export const PAYOFFS = ['kept', 'lost', 'none', 'unknown'] as const;

/** Level 3 (hidden costs) are each yes, no or unknown. */
export const TRI_STATES = ['yes', 'no', 'unknown'] as const;

export const TARGET_CLASSES = ['major-power', 'minor-power'] as const;

/** What kind of work a source is; the record's standard asks for an official or scholarly one per episode. */
export const SOURCE_TYPES = ['official', 'scholarly', 'press', 'reference', 'other'] as const;

/** The coded fields whose value must rest on a stated basis (levels 2 and 3, and the proxy's years). */
export const BASIS_FIELDS = [
  'powerYear',
  'alignedThrough',
  'payoff',
  'defected',
  'exposed',
  'dispute',
  'grievance',
] as const;

/** The episodes a level-2/3 field is asked of: the proxies that won or partly won, the covert ones, or all. */
export type CoverageBase = 'proxy-won' | 'covert' | 'all';

/**
 * How much of levels 2 and 3 the record means to know (docs/codebook.md, "Coverage"): the share of the
 * episodes each field is asked of whose value is not `unknown`. Payoff and defection only arise once a proxy
 * holds power; exposure only for a covert operation.
 */
export const COVERAGE_TARGETS = [
  { field: 'payoff', of: 'proxy-won', target: 0.8 },
  { field: 'defected', of: 'proxy-won', target: 0.75 },
  { field: 'exposed', of: 'covert', target: 0.9 },
  { field: 'dispute', of: 'all', target: 0.8 },
  { field: 'grievance', of: 'all', target: 0.6 },
] as const satisfies readonly { field: string; of: CoverageBase; target: number }[];

/** Reference datasets a basis may cite by key; data/reference/DATASETS.md cites each in full. */
export const REFERENCE_DATASETS = ['gml-mid-2.2.1', 'atop-5.1', 'archigos-4.1', 'ucdp-acd-25.1'] as const;

export type EpisodeKind = (typeof EPISODE_KINDS)[number];
export type Side = (typeof SIDES)[number];
export type Means = (typeof MEANS)[number];
export type Rationale = (typeof RATIONALES)[number];
export type ProxyType = (typeof PROXY_TYPES)[number];
export type ProxyOutcome = (typeof PROXY_OUTCOMES)[number];
export type Payoff = (typeof PAYOFFS)[number];
export type TriState = (typeof TRI_STATES)[number];
export type TargetClass = (typeof TARGET_CLASSES)[number];
export type SourceType = (typeof SOURCE_TYPES)[number];
