/**
 * A case's arc of leverage and grievance (src/trace/mechanism-arc.ts) as an Observable Plot spec: the running
 * balances, one line each, drawn at the end of each span of years, so that the chart reads as "by this year".
 */
import * as Plot from '@observablehq/plot';
import type { ArcSpan } from '../trace/mechanism-arc.js';

export interface ArcDatum {
  readonly year: number;
  readonly span: string;
  readonly series: string;
  readonly value: number;
}

export const ARC_SERIES = ['leverage to date', 'grievance to date'] as const;

/** Two points per span: the leverage balance and the grievances counted so far. */
export function arcData(arc: readonly ArcSpan[]): ArcDatum[] {
  return arc.flatMap((s) => {
    const span = s.from === s.to ? String(s.from) : `${s.from}–${s.to}`;
    return [
      { year: s.to, span, series: ARC_SERIES[0], value: s.leverageToDate },
      { year: s.to, span, series: ARC_SERIES[1], value: s.grievanceToDate },
    ];
  });
}

/** Lines and dots with a titled tip per dot; a zero rule, since leverage can run below it. */
export function arcChartOptions(arc: readonly ArcSpan[], width = 640): Plot.PlotOptions {
  const data = arcData(arc);
  return {
    width,
    height: 280,
    marginTop: 30,
    x: { label: 'year (end of each span)', tickFormat: 'd', grid: true },
    y: { label: 'events to date', grid: true },
    color: { legend: true, domain: [...ARC_SERIES] },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(data, { x: 'year', y: 'value', z: 'series', stroke: 'series' }),
      Plot.dot(data, {
        x: 'year',
        y: 'value',
        fill: 'series',
        title: (d: ArcDatum) => `${d.span}: ${d.series} ${d.value}`,
      }),
    ],
  };
}
