/** Tables of the record: one coded field against another, after named exclusion rules, with optional pooling. */
import {
  categoriesOf,
  EPISODE_FIELD_KINDS,
  type Episode,
  type EpisodeFieldName,
  levelsOf,
} from '../domain/index.js';
import { type AssociationTest, associationTest } from './association-test.js';
import { type BetaBinomialPooling, betaBinomialPooling } from './beta-binomial-pooling.js';
import { type CrossTabulation, crossTabulate } from './cross-tabulation.js';
import type { ProportionMethod } from './proportion-interval.js';
import type { RandomSource } from './random-source.js';

/** Named rules for leaving episodes out of a table; every output says which were applied and what they removed. */
export const EXCLUSION_RULES = {
  'unknown-outcome': {
    description: 'episodes whose proxy outcome (level 1) is unknown',
    excludes: (e: Episode) => e.proxyOutcome === 'unknown',
  },
  'partial-outcome': {
    description: 'episodes whose proxy outcome is partial',
    excludes: (e: Episode) => e.proxyOutcome === 'partial',
  },
  'unknown-side': {
    description: 'episodes whose side backed is unknown',
    excludes: (e: Episode) => e.side === 'unknown',
  },
  ongoing: {
    description: 'episodes still going on (no end year)',
    excludes: (e: Episode) => e.endYear === null,
  },
  'post-2000': {
    description: 'episodes that start after 2000 (outside the Cold War datasets)',
    excludes: (e: Episode) => e.startYear > 2000,
  },
} as const satisfies Record<string, { description: string; excludes: (e: Episode) => boolean }>;

export type ExclusionRule = keyof typeof EXCLUSION_RULES;

export const isExclusionRule = (name: string): name is ExclusionRule => Object.hasOwn(EXCLUSION_RULES, name);

export interface ExclusionApplied {
  readonly rule: ExclusionRule;
  readonly description: string;
  /** Episodes this rule removed that no earlier rule had. */
  readonly removed: number;
}

export interface EpisodeTable {
  readonly row: EpisodeFieldName;
  readonly column: EpisodeFieldName;
  readonly table: CrossTabulation;
  readonly association: AssociationTest;
  readonly exclusions: readonly ExclusionApplied[];
  /** Episodes tabulated, after exclusions. */
  readonly episodes: number;
  /** A list field counts an episode once under each of its values: shares may then sum past 1 and the tests do not apply. */
  readonly multiValued: boolean;
  /**
   * The episodes in a row or column coded `unknown`, their share of the table, and whether the tests left them
   * out (the default: a test of whether incumbents won more often should not be a test of what the sources left
   * unknown).
   */
  readonly unknown: { readonly episodes: number; readonly share: number; readonly leftOutOfTests: boolean };
  /**
   * Were every unknown row value each of the known ones in turn, the test's p: how far the conclusion rests on
   * what the sources left unknown. Empty when nothing unknown was left out.
   */
  readonly sensitivity: readonly { readonly as: string; readonly p: number; readonly test: string }[];
  /**
   * Per row level, its column shares partially pooled across the non-empty columns (beta-binomial empirical
   * Bayes); `columns` are the indices of the columns pooled, in the order of `pooling.cells`.
   */
  readonly pooled:
    | readonly ({ readonly columns: readonly number[]; readonly pooling: BetaBinomialPooling } | null)[]
    | null;
}

export interface EpisodeTableOptions {
  readonly exclude?: readonly ExclusionRule[];
  readonly method?: ProportionMethod;
  readonly pool?: boolean;
  /** Needed for Fisher's test on tables larger than 2×2 (Monte Carlo). */
  readonly random?: RandomSource;
  /** Keep rows and columns coded `unknown` in the tests too; by default they are shown but not tested. */
  readonly includeUnknown?: boolean;
}

const UNKNOWN = 'unknown';

/** The counts without the rows and columns whose level is `unknown`. */
function knownOnly(
  counts: readonly (readonly number[])[],
  rows: readonly string[],
  columns: readonly string[],
) {
  return counts
    .filter((_, i) => rows[i] !== UNKNOWN)
    .map((cells) => cells.filter((_, j) => columns[j] !== UNKNOWN));
}

/** The p of the test a table gets without a random source: Fisher's exact where it can be run, else χ². */
function plainP(counts: readonly (readonly number[])[]): { p: number; test: string } | undefined {
  const test = associationTest(counts);
  if (test.fisher !== null) return { p: test.fisher.p, test: test.fisher.method };
  if (test.chiSquare !== null) return { p: test.chiSquare.p, test: 'chi-square' };
  return undefined;
}

/** Applies the rules in order, counting what each removes. */
export function applyExclusions(
  episodes: readonly Episode[],
  rules: readonly ExclusionRule[],
): { kept: Episode[]; applied: ExclusionApplied[] } {
  let kept = [...episodes];
  const applied = rules.map((rule) => {
    const { description, excludes } = EXCLUSION_RULES[rule];
    const before = kept.length;
    kept = kept.filter((e) => !excludes(e));
    return { rule, description, removed: before - kept.length };
  });
  return { kept, applied };
}

/**
 * @example
 * tabulateEpisodes(episodes, 'proxyOutcome', 'side', { exclude: ['unknown-outcome'] }).table.counts
 */
export function tabulateEpisodes(
  episodes: readonly Episode[],
  row: EpisodeFieldName,
  column: EpisodeFieldName,
  options: EpisodeTableOptions = {},
): EpisodeTable {
  const { kept, applied } = applyExclusions(episodes, options.exclude ?? []);
  const pairs = kept.flatMap((e) =>
    categoriesOf(e, row).flatMap((r) => categoriesOf(e, column).map((c) => [r, c] as const)),
  );
  const rowLevels = levelsOf(
    row,
    pairs.map(([r]) => r),
  );
  const columnLevels = levelsOf(
    column,
    pairs.map(([, c]) => c),
  );
  const table = crossTabulate(
    pairs,
    rowLevels,
    columnLevels,
    options.method !== undefined ? { method: options.method } : {},
  );
  const multiValued = [row, column].some((f) => {
    const type = EPISODE_FIELD_KINDS[f].type;
    return type === 'codes' || type === 'integers';
  });
  const tested: AssociationTest = multiValued
    ? {
        tested: [],
        chiSquare: null,
        fisher: null,
        notes: ['a list field counts episodes more than once: no test of association'],
      }
    : associationTest(
        options.includeUnknown === true ? table.counts : knownOnly(table.counts, rowLevels, columnLevels),
        options.random,
      );
  const unknownEpisodes = table.counts.reduce(
    (sum, cells, i) =>
      sum +
      cells.reduce((s, x, j) => s + (rowLevels[i] === UNKNOWN || columnLevels[j] === UNKNOWN ? x : 0), 0),
    0,
  );
  const grand = table.counts.flat().reduce((a, b) => a + b, 0);
  const leftOutOfTests = options.includeUnknown !== true && unknownEpisodes > 0 && !multiValued;
  const association: AssociationTest = leftOutOfTests
    ? {
        ...tested,
        notes: [
          ...tested.notes,
          `the tests leave out the ${unknownEpisodes} episode${unknownEpisodes === 1 ? '' : 's'} coded unknown (${((100 * unknownEpisodes) / grand).toFixed(0)} % of the table); include them to test them too`,
        ],
      }
    : tested;
  // Sensitivity: the unknown row, counted as each known row level in turn (unknown columns stay left out).
  const unknownRow = rowLevels.indexOf(UNKNOWN);
  const sensitivity =
    leftOutOfTests && unknownRow >= 0
      ? rowLevels.flatMap((level, i) => {
          if (level === UNKNOWN) return [];
          const moved = table.counts.map((cells, k) =>
            k === i ? cells.map((x, j) => x + (table.counts[unknownRow]?.[j] ?? 0)) : cells,
          );
          const result = plainP(knownOnly(moved, rowLevels, columnLevels));
          return result === undefined ? [] : [{ as: level, ...result }];
        })
      : [];
  const pooled =
    options.pool === true
      ? table.counts.map((cells) => {
          const columns = cells.map((_, j) => j).filter((j) => (table.columnTotals[j] ?? 0) > 0);
          if (columns.length < 2) return null;
          const used = columns.map((j) => ({ successes: cells[j] ?? 0, trials: table.columnTotals[j] ?? 0 }));
          return { columns, pooling: betaBinomialPooling(used) };
        })
      : null;
  return {
    row,
    column,
    table,
    association,
    exclusions: applied,
    episodes: kept.length,
    multiValued,
    pooled,
    unknown: { episodes: unknownEpisodes, share: grand === 0 ? 0 : unknownEpisodes / grand, leftOutOfTests },
    sensitivity,
  };
}
