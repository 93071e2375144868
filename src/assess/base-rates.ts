/** Base rates for an operation: the record's rates in its stratum, partially pooled across strata, with n and intervals. */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import type { Episode } from '../domain/episode-schema.js';
import type { Operation } from '../domain/operation-schema.js';
import { betaBinomialPooling } from '../stats/beta-binomial-pooling.js';
import { wilsonInterval } from '../stats/wilson-interval.js';
import type { Comparable } from './comparables.js';
import { type Figure, figure, type RecordOrigin } from './figure.js';

/**
 * The cells the record is pooled over: kind × side × target class, the splits the article's own tables make.
 * An operation's stratum is the cell it would be coded in; a thin or empty stratum borrows from the others
 * through the fitted Beta prior.
 */
export function stratumOf(e: Pick<Episode, 'kind' | 'side' | 'targetClass'>): string {
  return `${e.kind} / ${e.side} / ${e.targetClass}`;
}

/** One rate the record can give: which episodes count as trials, and which of those as successes. */
export interface RateDefinition {
  readonly name: string;
  readonly trial: (e: Episode) => boolean;
  readonly success: (e: Episode) => boolean;
  /** How the trials and successes are counted, in words for the report. */
  readonly counting: string;
}

/**
 * The rates an assessment uses. Level 3 fields are coded `yes` only when a source records the cost and rarely
 * `no`, so their rates count every episode as a trial: they are lower bounds, and say so.
 */
export const BASE_RATE_DEFINITIONS = {
  proxyWin: {
    name: 'proxy won',
    trial: (e) => e.proxyOutcome !== 'unknown',
    success: (e) => e.proxyOutcome === 'won',
    counting: 'won / (won + partial + lost); unknown outcomes left out',
  },
  payoffGivenWin: {
    name: 'win paid off',
    trial: (e) => e.proxyOutcome === 'won' && e.payoff !== 'unknown',
    success: (e) => e.payoff === 'kept',
    counting: 'kept / (kept + lost + none) among proxies that won; unknown payoffs left out',
  },
  defected: {
    name: 'proxy defected (at least)',
    trial: (e) => e.proxyOutcome === 'won',
    success: (e) => e.defected === 'yes',
    counting:
      'defected yes / proxies that won: a lower bound, as sources seldom record that a proxy stayed loyal',
  },
  grievance: {
    name: 'grievance recorded (at least)',
    trial: () => true,
    success: (e) => e.grievance === 'yes',
    counting: 'grievance yes / all episodes: a lower bound',
  },
  exposed: {
    name: 'exposed (at least)',
    trial: (e) => e.covert,
    success: (e) => e.exposed === 'yes',
    counting: 'exposed yes / covert episodes: a lower bound',
  },
  dispute: {
    name: 'militarized dispute followed (at least)',
    trial: () => true,
    success: (e) => e.dispute === 'yes',
    counting: 'dispute yes / all episodes: a lower bound',
  },
} as const satisfies Record<string, RateDefinition>;

export type BaseRateName = keyof typeof BASE_RATE_DEFINITIONS;

export interface StratumCount {
  readonly stratum: string;
  readonly successes: number;
  readonly trials: number;
}

export interface BaseRate {
  readonly name: BaseRateName;
  readonly stratum: string;
  /** The stratum's own count. */
  readonly raw: { readonly successes: number; readonly trials: number };
  /** The partially pooled rate of the operation's stratum, with its 95 % posterior interval. */
  readonly pooled: Figure;
  /** Among the listed comparables alone, with a Wilson interval (absent when none has a known value). */
  readonly comparables?: Figure;
  /** Weight of the other strata in the pooled rate: 1 for an empty stratum, near 0 for a well-filled one. */
  readonly shrinkage: number;
  readonly prior: { readonly alpha: number; readonly beta: number; readonly method: string };
  /** Every stratum's count, so that the pooling can be redone by hand. */
  readonly strata: readonly StratumCount[];
  /** The episodes counted in any stratum: what the counts, prior and shrinkage above come from. */
  readonly provenance: RecordOrigin;
}

/** Jeffreys' Beta(½, ½): the prior used when the strata cannot support a fitted one (fewer than two, or no spread). */
const JEFFREYS = { alpha: 0.5, beta: 0.5, method: 'jeffreys-prior (too few strata to pool)' };

function fitPrior(strata: readonly StratumCount[]): { alpha: number; beta: number; method: string } {
  const filled = strata.filter((s) => s.trials > 0);
  const successes = filled.reduce((sum, s) => sum + s.successes, 0);
  const trials = filled.reduce((sum, s) => sum + s.trials, 0);
  if (filled.length < 2 || successes === 0 || successes === trials) return JEFFREYS;
  const fit = betaBinomialPooling(filled);
  if (!Number.isFinite(fit.concentration)) {
    // Complete pooling: the strata differ no more than chance would make them. A prior worth all the trials
    // keeps the interval honest where an infinite one would collapse it to a point.
    const mean = successes / trials;
    return {
      alpha: mean * trials,
      beta: (1 - mean) * trials,
      method: 'complete pooling (no spread beyond chance)',
    };
  }
  return { alpha: fit.alpha, beta: fit.beta, method: fit.method };
}

/**
 * A base rate for the operation: the stratum's count shrunk towards the record-wide rate by an empirical-Bayes
 * beta-binomial prior fitted over all strata (Efron & Morris), and the same rate among the comparables alone.
 *
 * @example baseRate('proxyWin', operation, episodes, comparables).pooled.value // 0.76 for an incumbent election
 */
export function baseRate(
  name: BaseRateName,
  operation: Operation,
  episodes: readonly Episode[],
  comparables: readonly Comparable[],
): BaseRate {
  const definition: RateDefinition = BASE_RATE_DEFINITIONS[name];
  const own = stratumOf({ kind: operation.kind, side: operation.side, targetClass: operation.targetClass });
  const counts = new Map<string, { successes: number; trials: number }>();
  const ownIds: string[] = [];
  const allIds: string[] = [];
  for (const e of episodes) {
    if (!definition.trial(e)) continue;
    const key = stratumOf(e);
    const cell = counts.get(key) ?? { successes: 0, trials: 0 };
    cell.trials++;
    if (definition.success(e)) cell.successes++;
    counts.set(key, cell);
    allIds.push(e.id);
    if (key === own) ownIds.push(e.id);
  }
  const strata = [...counts.entries()]
    .map(([stratum, c]) => ({ stratum, ...c }))
    .sort((a, b) => (a.stratum < b.stratum ? -1 : a.stratum > b.stratum ? 1 : 0));
  const prior = fitPrior(strata);
  const raw = counts.get(own) ?? { successes: 0, trials: 0 };
  const a = raw.successes + prior.alpha;
  const b = raw.trials - raw.successes + prior.beta;
  const pooled = figure(
    a / (a + b),
    {
      source: 'record',
      episodes: allIds,
      method: `${definition.counting}; stratum "${own}" (${ownIds.length} episodes: ${ownIds.join(', ') || 'none'}) pooled with the other strata by a ${prior.method} Beta(${prior.alpha.toFixed(2)}, ${prior.beta.toFixed(2)}) prior; posterior mean and equal-tailed 95 % interval`,
    },
    { low: betaQuantile(0.025, a, b), high: betaQuantile(0.975, a, b), n: raw.trials },
  );
  const known = comparables.map((c) => c.episode).filter((e) => definition.trial(e));
  const hits = known.filter((e) => definition.success(e)).length;
  const interval = known.length > 0 ? wilsonInterval(hits, known.length) : undefined;
  return {
    name,
    stratum: own,
    raw,
    pooled,
    ...(interval !== undefined
      ? {
          comparables: figure(
            hits / known.length,
            {
              source: 'record',
              episodes: known.map((e) => e.id),
              method: `${definition.counting}; among the listed comparables, Wilson 95 % interval`,
            },
            { low: interval.lower, high: interval.upper, n: known.length },
          ),
        }
      : {}),
    shrinkage: (prior.alpha + prior.beta) / (raw.trials + prior.alpha + prior.beta),
    prior,
    strata,
    provenance: {
      source: 'record',
      episodes: allIds,
      method: `${definition.counting}; strata by kind / side / target class`,
    },
  };
}

export type BaseRates = Readonly<Record<BaseRateName, BaseRate>>;

/** All the base rates, keyed by name. */
export function baseRates(
  operation: Operation,
  episodes: readonly Episode[],
  comparables: readonly Comparable[],
): BaseRates {
  const names = Object.keys(BASE_RATE_DEFINITIONS) as BaseRateName[];
  return Object.fromEntries(
    names.map((name) => [name, baseRate(name, operation, episodes, comparables)]),
  ) as BaseRates;
}
