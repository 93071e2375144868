/** What a record covers: counts by interferer, decade, kind, side and target class, and its unknown outcomes. */
import { COVERAGE_TARGETS, type CoverageBase } from './codebook.js';
import type { Episode } from './episode-schema.js';

/** One level-2/3 field: how many of the episodes it is asked of have a value other than `unknown`. */
export interface FieldCoverage {
  readonly field: (typeof COVERAGE_TARGETS)[number]['field'];
  readonly of: CoverageBase;
  readonly known: number;
  readonly episodes: number;
  /** The share the codebook aims at. */
  readonly target: number;
  readonly met: boolean;
}

export interface Coverage {
  readonly episodes: number;
  readonly byInterferer: Readonly<Record<string, number>>;
  readonly byDecade: Readonly<Record<string, number>>;
  readonly byKind: Readonly<Record<string, number>>;
  readonly bySide: Readonly<Record<string, number>>;
  readonly byTargetClass: Readonly<Record<string, number>>;
  /** How many episodes leave each outcome unknown, on the article's three levels. */
  readonly unknown: {
    readonly proxy: { readonly proxyOutcome: number };
    readonly payoff: { readonly payoff: number };
    readonly hiddenCosts: {
      readonly defected: number;
      readonly exposed: number;
      readonly dispute: number;
      readonly grievance: number;
    };
  };
  /** Levels 2 and 3 against the codebook's coverage targets. */
  readonly known: readonly FieldCoverage[];
}

const ASKED_OF: Record<CoverageBase, (e: Episode) => boolean> = {
  'proxy-won': (e) => e.proxyOutcome === 'won' || e.proxyOutcome === 'partial',
  covert: (e) => e.covert,
  all: () => true,
};

export type CoverageField = FieldCoverage['field'];

/** A level-2/3 field left unknown where the codebook asks it, with what its basis says was looked for. */
export interface UnknownEntry {
  readonly id: string;
  readonly startYear: number;
  readonly endYear: number | null;
  readonly reason: string;
}

/** The work list for one field: its unknowns among the episodes it is asked of, in id order. */
export function unknownsOf(episodes: readonly Episode[], field: CoverageField): UnknownEntry[] {
  const target = COVERAGE_TARGETS.find((t) => t.field === field);
  if (target === undefined) return [];
  return episodes
    .filter((e) => ASKED_OF[target.of](e) && e[field] === 'unknown')
    .map((e) => ({
      id: e.id,
      startYear: e.startYear,
      endYear: e.endYear,
      reason: e.basis[field]?.reason ?? '(no basis)',
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Each level-2/3 field's coverage against its target, in the codebook's order. */
export function knownCoverage(episodes: readonly Episode[]): FieldCoverage[] {
  return COVERAGE_TARGETS.map(({ field, of, target }) => {
    const asked = episodes.filter(ASKED_OF[of]);
    const known = asked.filter((e) => e[field] !== 'unknown').length;
    // An empty base asks nothing, so it cannot fall short.
    const met = asked.length === 0 || known / asked.length >= target;
    return { field, of, known, episodes: asked.length, target, met };
  });
}

function countBy(episodes: readonly Episode[], key: (e: Episode) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of episodes) counts[key(e)] = (counts[key(e)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * @example
 * coverage(episodes).unknown.payoff.payoff // → how many episodes have payoff "unknown"
 */
export function coverage(
  episodes: readonly Episode[],
  stateName: (cow: number) => string = String,
): Coverage {
  const unknown = (field: 'proxyOutcome' | 'payoff' | 'defected' | 'exposed' | 'dispute' | 'grievance') =>
    episodes.filter((e) => e[field] === 'unknown').length;
  return {
    episodes: episodes.length,
    byInterferer: countBy(episodes, (e) => stateName(e.interferer)),
    byDecade: countBy(episodes, (e) => `${Math.floor(e.startYear / 10) * 10}s`),
    byKind: countBy(episodes, (e) => e.kind),
    bySide: countBy(episodes, (e) => e.side),
    byTargetClass: countBy(episodes, (e) => e.targetClass),
    unknown: {
      proxy: { proxyOutcome: unknown('proxyOutcome') },
      payoff: { payoff: unknown('payoff') },
      hiddenCosts: {
        defected: unknown('defected'),
        exposed: unknown('exposed'),
        dispute: unknown('dispute'),
        grievance: unknown('grievance'),
      },
    },
    known: knownCoverage(episodes),
  };
}
