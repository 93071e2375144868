/** What a record covers: counts by interferer, decade, kind, side and target class, and its unknown outcomes. */
import type { Episode } from './episode-schema.js';

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
  };
}
