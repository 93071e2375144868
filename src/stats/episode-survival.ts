/**
 * The record as survival data: for each proxy that won or partly won, the years from taking power to its
 * defection (or to the loss of the interferer's payoff), censored at the last year a source shows it aligned.
 */
import {
  categoriesOf,
  EPISODE_FIELD_KINDS,
  type Episode,
  type EpisodeFieldName,
  InputError,
  isInputError,
  levelsOf,
} from '../domain/index.js';
import { type CoxResult, coxRegression } from './cox-regression.js';
import {
  type KaplanMeierResult,
  kaplanMeier,
  type SurvivalIntervalScale,
  type SurvivalObservation,
  survivalAt,
} from './kaplan-meier.js';
import { type LogRankResult, logRankTest } from './log-rank-test.js';

/** What ends a proxy's time aligned: its own turn against the interferer, or the loss of the payoff. */
export const SURVIVAL_EVENTS = ['defection', 'payoff-lost'] as const;
export type SurvivalEvent = (typeof SURVIVAL_EVENTS)[number];

export interface EpisodeSurvivalOptions {
  readonly event?: SurvivalEvent;
  readonly by?: EpisodeFieldName;
  readonly level?: number;
  /** The scale of the pointwise intervals; log-log by default, which stays inside [0, 1] at small n. */
  readonly scale?: SurvivalIntervalScale;
  /** The years at which the curve is read in the summary. */
  readonly horizons?: readonly number[];
}

export interface SurvivalSubject extends SurvivalObservation {
  readonly id: string;
}

export interface SurvivalGroupSummary {
  readonly label: string;
  readonly subjects: readonly SurvivalSubject[];
  readonly curve: KaplanMeierResult;
  /** S at each horizon, with the pointwise interval of the step in force there. */
  readonly at: readonly {
    readonly years: number;
    readonly survival: number;
    readonly lower: number;
    readonly upper: number;
  }[];
}

export interface EpisodeSurvival {
  readonly event: SurvivalEvent;
  readonly by: EpisodeFieldName | undefined;
  readonly groups: readonly SurvivalGroupSummary[];
  /** Undefined for a single group. */
  readonly logRank: LogRankResult | undefined;
  /**
   * Hazard ratios of each group against the first, from a Cox model (Efron ties) with one indicator per other
   * group; or why it cannot be estimated (a group without events makes its ratio run off to zero).
   */
  readonly cox:
    | { readonly reference: string; readonly fit: CoxResult }
    | { readonly unavailable: string }
    | undefined;
  /** Episodes asked of (their proxy held power) but left out, grouped by why. */
  readonly excluded: readonly { readonly reason: string; readonly episodes: readonly string[] }[];
}

const REASONS = {
  noYear: 'the event is coded but its year is not',
  noFollowUp: 'no event, and no year a source shows the proxy still aligned',
  beforePower: 'the year given comes before the proxy took power',
} as const;

/** One episode as a subject, or the reason it cannot be one. */
function subjectOf(e: Episode, event: SurvivalEvent): SurvivalSubject | keyof typeof REASONS {
  const start = e.powerYear ?? e.startYear;
  const happened = event === 'defection' ? e.defected === 'yes' : e.payoff === 'lost';
  const eventYear = event === 'defection' ? e.defectedYear : e.payoffLostYear;
  let end: number;
  if (happened) {
    if (eventYear === null) return 'noYear';
    end = eventYear;
  } else {
    if (e.alignedThrough === null) return 'noFollowUp';
    end = e.alignedThrough;
  }
  if (end < start) return 'beforePower';
  return { id: e.id, time: end - start, event: happened };
}

/**
 * Kaplan–Meier curves of the record's proxies in power, one per value of `by`, with the log-rank test
 * between them. A proxy that never held power is not at risk of defecting and is not asked.
 *
 * @example
 * episodeSurvival(episodes, { by: 'targetClass' }).logRank?.p;
 */
export function episodeSurvival(
  episodes: readonly Episode[],
  options: EpisodeSurvivalOptions = {},
): EpisodeSurvival {
  const event = options.event ?? 'defection';
  const by = options.by;
  if (by !== undefined && EPISODE_FIELD_KINDS[by].type === 'codes')
    throw new InputError({
      code: 'field-has-several-values',
      role: 'by',
      value: by,
      message: 'an episode can hold several values of this field, so it cannot split the curves',
      hint: 'group by a field with one value per episode, e.g. targetClass, kind, side or covert',
    });
  const horizons = options.horizons ?? [5, 10];
  const held = episodes.filter((e) => e.proxyOutcome === 'won' || e.proxyOutcome === 'partial');
  const subjects: { subject: SurvivalSubject; label: string }[] = [];
  const excluded = new Map<string, string[]>();
  for (const e of held) {
    const s = subjectOf(e, event);
    if (typeof s === 'string') excluded.set(REASONS[s], [...(excluded.get(REASONS[s]) ?? []), e.id]);
    else subjects.push({ subject: s, label: by === undefined ? 'all' : (categoriesOf(e, by)[0] as string) });
  }
  if (subjects.length === 0)
    throw new InputError({
      code: 'empty-selection',
      role: 'where',
      value: String(episodes.length),
      message: 'no episode in the selection has a proxy in power with a time to follow',
      hint: 'widen the selection',
    });
  const labels =
    by === undefined
      ? ['all']
      : levelsOf(
          by,
          subjects.map((s) => s.label),
        );
  const groups = labels.map((label) => {
    const mine = subjects.filter((s) => s.label === label).map((s) => s.subject);
    const curve = kaplanMeier(mine, { level: options.level ?? 0.95, scale: options.scale ?? 'log-log' });
    const at = horizons.map((years) => {
      const step = [...curve.steps].reverse().find((s) => s.time <= years);
      return {
        years,
        survival: survivalAt(curve, years),
        lower: step === undefined || Number.isNaN(step.lower) ? Number.NaN : step.lower,
        upper: step === undefined || Number.isNaN(step.upper) ? Number.NaN : step.upper,
      };
    });
    return { label, subjects: mine, curve, at };
  });
  return {
    event,
    by,
    groups,
    cox: groups.length > 1 ? groupCox(groups) : undefined,
    logRank:
      groups.length > 1
        ? logRankTest(groups.map((g) => ({ label: g.label, observations: g.subjects })))
        : undefined,
    excluded: [...excluded].map(([reason, ids]) => ({ reason, episodes: ids })),
  };
}

/** A Cox model of the groups against the first, or the reason it has no estimate. */
function groupCox(groups: readonly SurvivalGroupSummary[]): EpisodeSurvival['cox'] {
  const [reference, ...others] = groups;
  if (reference === undefined) return undefined;
  const eventless = groups.filter((g) => g.curve.events === 0).map((g) => g.label);
  if (eventless.length > 0)
    return {
      unavailable: `no events in ${eventless.join(', ')}, so a hazard ratio against ${eventless.length === 1 ? 'it' : 'them'} is zero or infinite (monotone likelihood); the log-rank test still compares the curves`,
    };
  const rows = groups.flatMap((g, gi) =>
    g.subjects.map((s) => ({ s, x: others.map((_, k) => (gi === k + 1 ? 1 : 0)) })),
  );
  try {
    const fit = coxRegression({
      time: rows.map((r) => r.s.time),
      event: rows.map((r) => r.s.event),
      covariates: rows.map((r) => r.x),
      names: others.map((g) => g.label),
    });
    return { reference: reference.label, fit };
  } catch (error) {
    if (isInputError(error)) return { unavailable: error.issues[0]?.message ?? error.message };
    throw error;
  }
}
