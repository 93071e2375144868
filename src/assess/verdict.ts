/** The verdict on an operation from its odds, its risks and its simulated payoff, by documented thresholds. */
import { percent } from '../domain/number-format.js';
import type { DerivedOrigin, Figure } from './figure.js';
import type { OutcomeOdds } from './outcome-odds.js';
import type { Risk, RiskId } from './risk-register.js';

/** From worst to best, so that a verdict's index orders it. */
export const VERDICTS = ['advise against', 'high risk', 'marginal', 'favourable'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * The thresholds of docs/assessment.md. Below `minWin` the proxy almost surely loses (O'Rourke: operations
 * against major powers failed; a third of all US attempts succeeded), and below `minPayoff` a win almost never
 * pays: both advise against. Otherwise P(pays off) sets the level: Table 2's incumbents (80 % win) with a
 * durable alignment reach "favourable"; a likely win that seldom lasts stays "high risk".
 */
export const VERDICT_THRESHOLDS = {
  minWin: 0.15,
  minPayoff: 0.05,
  marginal: 0.25,
  favourable: 0.45,
} as const;

/**
 * The risks the odds do not already count. A hard target, an unreliable proxy and lost leverage act through the
 * model's rival strength, defection and leverage, so they shape P(pays off) and are not counted twice.
 */
export const UNPRICED_RISKS: readonly RiskId[] = ['chain-of-intermediaries', 'grievance', 'exposure'];

/** This many unpriced risks at "high" cost the verdict one step. */
export const HIGH_RISKS_FOR_DOWNGRADE = 2;

export interface VerdictReason {
  readonly text: string;
  /** How much it weighs, 0..1. */
  readonly weight: number;
  /** Whether it speaks for the operation or against it. */
  readonly direction: 'for' | 'against';
  readonly figure: Figure;
}

export interface VerdictResult {
  readonly verdict: Verdict;
  /** 0 (advise against) … 3 (favourable). */
  readonly rank: number;
  /** The verdict P(pays off) alone gives, before downgrades. */
  readonly byOdds: Verdict;
  readonly downgrades: readonly string[];
  /** The three reasons that weigh most, in the verdict's direction first. */
  readonly reasons: readonly VerdictReason[];
  readonly rule: string;
  readonly provenance: DerivedOrigin;
}

export function verdictByOdds(win: number, payoff: number): Verdict {
  if (win < VERDICT_THRESHOLDS.minWin || payoff < VERDICT_THRESHOLDS.minPayoff) return 'advise against';
  if (payoff >= VERDICT_THRESHOLDS.favourable) return 'favourable';
  if (payoff >= VERDICT_THRESHOLDS.marginal) return 'marginal';
  return 'high risk';
}

/**
 * The verdict: the odds set the level, then one step down when HIGH_RISKS_FOR_DOWNGRADE or more unpriced risks
 * are high, and one step down when the simulated payoff is negative with its whole interval below zero.
 */
export function decideVerdict(odds: OutcomeOdds, risks: readonly Risk[], npv: Figure): VerdictResult {
  const byOdds = verdictByOdds(odds.win.value, odds.payoff.value);
  const downgrades: string[] = [];
  const high = risks.filter((r) => r.level === 'high' && UNPRICED_RISKS.includes(r.id));
  if (high.length >= HIGH_RISKS_FOR_DOWNGRADE)
    downgrades.push(`${high.length} high risks the odds do not count (${high.map((r) => r.id).join(', ')})`);
  if (npv.high !== undefined && npv.high < 0)
    downgrades.push(`the simulated payoff is negative (mean ${npv.value.toFixed(2)}, interval below 0)`);
  const rank = Math.max(0, VERDICTS.indexOf(byOdds) - downgrades.length);
  const verdict = VERDICTS[rank] as Verdict;

  const candidates: VerdictReason[] = [
    {
      text: `the proxy wins in ${percent(odds.win.value)} of cases`,
      weight: odds.win.value >= 0.5 ? odds.win.value : 1 - odds.win.value,
      direction: odds.win.value >= 0.5 ? 'for' : 'against',
      figure: odds.win,
    },
    {
      text: `a win pays off (a lasting alignment) in ${percent(odds.payoffGivenWin.value)} of cases`,
      weight: odds.payoffGivenWin.value >= 0.5 ? odds.payoffGivenWin.value : 1 - odds.payoffGivenWin.value,
      direction: odds.payoffGivenWin.value >= 0.5 ? 'for' : 'against',
      figure: odds.payoffGivenWin,
    },
    ...risks.map(
      (r): VerdictReason => ({
        text: `${r.level} risk of ${r.title.split(':')[0]}: ${r.reason}`,
        // A risk that is absent speaks for an operation less than a present one speaks against it.
        weight: r.level === 'low' ? 0.5 * (1 - r.score.value) : r.score.value,
        direction: r.level === 'low' ? 'for' : 'against',
        figure: r.score,
      }),
    ),
    {
      text: `the simulated payoff averages ${npv.value.toFixed(2)} nominal budgets`,
      weight: npv.high !== undefined && npv.high < 0 ? 0.8 : npv.low !== undefined && npv.low > 0 ? 0.6 : 0.2,
      direction: npv.value >= 0 ? 'for' : 'against',
      figure: npv,
    },
  ];
  const leaning: 'for' | 'against' = rank >= 2 ? 'for' : 'against';
  const reasons = [...candidates]
    .sort(
      (a, b) =>
        Number(b.direction === leaning) - Number(a.direction === leaning) ||
        b.weight - a.weight ||
        (a.text < b.text ? -1 : 1),
    )
    .slice(0, 3);
  return {
    verdict,
    rank,
    byOdds,
    downgrades,
    reasons,
    provenance: {
      source: 'derived',
      formula: 'the verdict rule of docs/assessment.md over the odds, the risks and the simulated payoff',
      from: [
        odds.win.provenance,
        odds.payoff.provenance,
        npv.provenance,
        ...risks.map((r) => r.score.provenance),
      ],
    },
    rule: `P(win) ${percent(odds.win.value)}, P(pays off) ${percent(odds.payoff.value)} → ${byOdds} (advise against below ${percent(VERDICT_THRESHOLDS.minWin)} to win or ${percent(VERDICT_THRESHOLDS.minPayoff)} to pay off; marginal from ${percent(VERDICT_THRESHOLDS.marginal)}, favourable from ${percent(VERDICT_THRESHOLDS.favourable)})${downgrades.length > 0 ? `; one step down for each of: ${downgrades.join('; ')}` : ''}`,
  };
}
