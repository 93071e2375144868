/** Chart specs of the simulator: yearly bands of the paths, and outcome rates across a swept parameter. */
import * as Plot from '@observablehq/plot';
import type { Band, Rate, RunSummary } from '../sim/index.js';

export const PATHS = [
  ['powerShare', "proxy's power share"],
  ['leverage', "sponsor's leverage"],
  ['grievance', 'grievance'],
  ['aligned', 'share aligned'],
] as const;

/** Mean (line) and 10–90 % band (area) of one path, year 1 first. */
export function bandChartOptions(band: Band, label: string, width = 340): Plot.PlotOptions {
  const data = band.mean.map((mean, i) => ({
    year: i + 1,
    mean,
    p10: band.p10[i] ?? mean,
    p90: band.p90[i] ?? mean,
  }));
  return {
    width,
    height: 200,
    marginLeft: 40,
    x: { label: 'year' },
    y: { label, domain: [0, 1], grid: true },
    marks: [
      Plot.areaY(data, { x: 'year', y1: 'p10', y2: 'p90', fill: 'steelblue', fillOpacity: 0.2 }),
      Plot.lineY(data, { x: 'year', y: 'mean', stroke: 'steelblue', strokeWidth: 2 }),
    ],
  };
}

/** The rates a sweep chart follows, by mode. */
export function sweepRates(summary: RunSummary): Record<string, Rate> {
  if (summary.mode === 'election') return { won: summary.rates.won, exposed: summary.rates.exposed };
  const r = summary.rates;
  return {
    ascended: r.ascended,
    'in power at horizon': r.inPowerAtHorizon,
    'aligned at horizon': r.alignedAtHorizon,
    defected: r.defected,
  };
}

export interface SweepDatum {
  readonly value: number;
  readonly outcome: string;
  readonly rate: number;
  readonly low: number;
  readonly high: number;
}

/** Outcome rates (lines) with their Wilson intervals (rules) against the swept parameter's value. */
export function sweepChartOptions(
  data: readonly SweepDatum[],
  parameter: string,
  width = 480,
): Plot.PlotOptions {
  return {
    width,
    height: 260,
    marginLeft: 40,
    x: { label: parameter },
    y: { label: 'rate', domain: [0, 1], grid: true },
    color: { legend: false },
    marks: [
      Plot.ruleX(data, { x: 'value', y1: 'low', y2: 'high', stroke: 'outcome', strokeOpacity: 0.5 }),
      Plot.lineY(data, { x: 'value', y: 'rate', stroke: 'outcome', strokeWidth: 2 }),
      Plot.dot(data, { x: 'value', y: 'rate', fill: 'outcome', r: 2.5 }),
      Plot.text(
        data.filter((d, i, all) => all.findLastIndex((e) => e.outcome === d.outcome) === i),
        { x: 'value', y: 'rate', text: 'outcome', fill: 'outcome', textAnchor: 'end', dy: -8 },
      ),
    ],
  };
}
