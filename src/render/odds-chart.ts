/** Chart spec of an assessment's odds: for each question the record's, the model's and the combined rate, each with its interval. */
import * as Plot from '@observablehq/plot';
import type { Assessment } from '../assess/assessment.js';
import type { Figure } from '../assess/figure.js';
import { VERDICT_THRESHOLDS } from '../assess/verdict.js';

export const ODDS_QUESTIONS = ['proxy wins', 'win pays off', 'operation pays off'] as const;
export const ODDS_ORIGINS = ['record', 'model', 'combined'] as const;

export interface OddsDatum {
  readonly question: (typeof ODDS_QUESTIONS)[number];
  readonly origin: (typeof ODDS_ORIGINS)[number];
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

export interface ThresholdDatum {
  readonly question: (typeof ODDS_QUESTIONS)[number];
  readonly value: number;
  readonly label: string;
}

type OddsSource = Pick<Assessment, 'odds' | 'baseRates' | 'simulated'>;

/**
 * The record gives no rate of its own for the whole operation paying off; like the combined odds
 * (outcome-odds.ts), it is the product of the two rates it does give, its interval the product of their bounds.
 */
function recordPayoff(a: OddsSource): Figure {
  const win = a.baseRates.proxyWin.pooled;
  const pays = a.baseRates.payoffGivenWin.pooled;
  return {
    value: win.value * pays.value,
    ...(win.low !== undefined && pays.low !== undefined ? { low: win.low * pays.low } : {}),
    ...(win.high !== undefined && pays.high !== undefined ? { high: win.high * pays.high } : {}),
    provenance: {
      source: 'derived',
      formula: 'P(win) × P(pays off | win) of the record; interval: product of the bounds',
      from: [win.provenance, pays.provenance],
    },
  };
}

/** Nine points: three origins for each of the three questions, in the order of the chart's rows. */
export function oddsData(a: OddsSource): OddsDatum[] {
  const figures: Readonly<Record<OddsDatum['question'], readonly [Figure, Figure, Figure]>> = {
    'proxy wins': [a.baseRates.proxyWin.pooled, a.simulated.win, a.odds.win],
    'win pays off': [a.baseRates.payoffGivenWin.pooled, a.simulated.payoffGivenWin, a.odds.payoffGivenWin],
    'operation pays off': [recordPayoff(a), a.simulated.payoff, a.odds.payoff],
  };
  return ODDS_QUESTIONS.flatMap((question) =>
    ODDS_ORIGINS.map((origin, k) => {
      const f = figures[question][k] as Figure;
      return { question, origin, value: f.value, low: f.low ?? f.value, high: f.high ?? f.value };
    }),
  );
}

/**
 * The thresholds the verdict applies (verdict.ts), on the question each one reads: the proxy's chance to win
 * has a floor, the operation's chance to pay off sets the level. A win's payoff alone has none.
 */
export function thresholdData(): ThresholdDatum[] {
  const t = VERDICT_THRESHOLDS;
  return [
    { question: 'proxy wins', value: t.minWin, label: 'against <' },
    { question: 'operation pays off', value: t.minPayoff, label: 'against <' },
    { question: 'operation pays off', value: t.marginal, label: 'marginal ≥' },
    { question: 'operation pays off', value: t.favourable, label: 'favourable ≥' },
  ];
}

/**
 * One facet per question, one row per origin: a dot at the estimate on a rule across its interval. The
 * thresholds are dashed reference lines, each named at the facet's top. Facets and row labels name everything,
 * so no colour legend (which would make Plot wrap the chart in a <figure>).
 */
export function oddsChartOptions(a: OddsSource, width = 640): Plot.PlotOptions {
  const data = oddsData(a);
  const thresholds = thresholdData();
  return {
    width,
    height: 330,
    marginLeft: 70,
    // The questions name the facets on the right.
    marginRight: 120,
    marginTop: 20,
    x: { domain: [0, 100], label: 'probability (%), with 95 % interval', percent: true, grid: true },
    y: { label: null, domain: [...ODDS_ORIGINS], inset: 6 },
    fy: { label: null, domain: [...ODDS_QUESTIONS], padding: 0.25 },
    marks: [
      Plot.ruleX(thresholds, {
        fy: 'question',
        x: 'value',
        stroke: '#b35806',
        strokeDasharray: '4 3',
      }),
      Plot.text(thresholds, {
        fy: 'question',
        x: 'value',
        text: (d: ThresholdDatum) => `${d.label} ${Math.round(d.value * 100)} %`,
        frameAnchor: 'top',
        textAnchor: 'start',
        dx: 3,
        dy: -10,
        fontSize: 9,
        fill: '#7f3b08',
      }),
      ...intervalMarks(data),
    ],
  };
}

/**
 * Each odds figure as a dot on a rule across its interval, faceted by question, one row an origin: the marks the
 * web app's chart and the downloadable report share.
 */
export function intervalMarks(data: Plot.Data): Plot.Markish[] {
  return [
    Plot.ruleY(data, {
      fy: 'question',
      y: 'origin',
      x1: 'low',
      x2: 'high',
      stroke: 'steelblue',
      strokeWidth: 2,
    }),
    Plot.dot(data, { fy: 'question', y: 'origin', x: 'value', fill: 'steelblue', r: 4 }),
    Plot.frame({ stroke: '#ddd' }),
  ];
}
