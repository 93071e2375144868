/** The step chart of Kaplan–Meier curves with their pointwise intervals, as an Observable Plot spec. */
import * as Plot from '@observablehq/plot';
import type { EpisodeSurvival } from '../stats/episode-survival.js';

export interface SurvivalDatum {
  readonly group: string;
  readonly time: number;
  readonly survival: number;
  readonly lower: number;
  readonly upper: number;
}

/** A bound, or the curve itself where the bound is undefined (NaN here, null once it has been through JSON). */
const bound = (value: number | null, survival: number) =>
  value === null || Number.isNaN(value) ? survival : value;

/** Each group's curve from (0, 1), one point per step; an undefined bound is drawn at the curve itself. */
export function survivalData(result: EpisodeSurvival): SurvivalDatum[] {
  return result.groups.flatMap((g) => [
    { group: g.label, time: 0, survival: 1, lower: 1, upper: 1 },
    ...g.curve.steps.map((s) => ({
      group: g.label,
      time: s.time,
      survival: s.survival,
      lower: bound(s.lower, s.survival),
      upper: bound(s.upper, s.survival),
    })),
  ]);
}

/** Steps for the curves, shaded steps for their intervals; the same options render in Node and the browser. */
export function survivalChartOptions(result: EpisodeSurvival, width = 640): Plot.PlotOptions {
  const data = survivalData(result);
  const level = result.groups[0]?.curve.level ?? 0.95;
  const what = result.event === 'defection' ? 'not yet defected' : 'payoff not yet lost';
  return {
    width,
    height: 360,
    marginTop: 30,
    x: { label: 'years since the proxy took power', grid: true },
    y: { label: `share ${what} (${Math.round(level * 100)} % interval)`, domain: [0, 1], grid: true },
    color: { legend: result.groups.length > 1, domain: result.groups.map((g) => g.label) },
    marks: [
      Plot.areaY(data, {
        x: 'time',
        y1: 'lower',
        y2: 'upper',
        z: 'group',
        fill: 'group',
        fillOpacity: 0.15,
        curve: 'step-after',
      }),
      Plot.lineY(data, { x: 'time', y: 'survival', z: 'group', stroke: 'group', curve: 'step-after' }),
      Plot.ruleY([0]),
    ],
  };
}
