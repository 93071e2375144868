/** The chart of a sensitivity analysis as an Observable Plot spec: Sobol indices with intervals, or Morris's μ* and σ. */
import * as Plot from '@observablehq/plot';
import type { SensitivityResult } from '../sim/sensitivity.js';

/**
 * Sobol: for each parameter a dot for its first-order and its total-order index, each with its bootstrap
 * interval. Morris: each parameter at (μ*, σ), the usual screening plane (far right matters; high up interacts).
 */
export function sensitivityChartOptions(result: SensitivityResult, width = 640): Plot.PlotOptions {
  const { analysis } = result;
  if (analysis.method === 'morris') {
    const data = analysis.effects.map((e) => ({ ...e }));
    return {
      width,
      height: 360,
      marginTop: 30,
      x: { label: `μ* of ${result.outcome} (per whole range)`, grid: true, zero: true },
      y: { label: 'σ', grid: true, zero: true },
      marks: [
        Plot.dot(data, { x: 'muStar', y: 'sigma', fill: 'currentColor' }),
        Plot.text(data, { x: 'muStar', y: 'sigma', text: 'name', dy: -10 }),
        Plot.ruleX([0]),
        Plot.ruleY([0]),
      ],
    };
  }
  const data = analysis.indices.flatMap((i) => [
    {
      name: i.name,
      order: 'first order',
      value: i.first,
      lower: i.firstInterval[0],
      upper: i.firstInterval[1],
    },
    {
      name: i.name,
      order: 'total order',
      value: i.total,
      lower: i.totalInterval[0],
      upper: i.totalInterval[1],
    },
  ]);
  return {
    width,
    height: 60 + 50 * analysis.indices.length,
    marginLeft: 140,
    marginTop: 30,
    x: {
      label: `share of the variance of ${result.outcome} (${Math.round(analysis.level * 100)} % interval)`,
      grid: true,
    },
    fy: { label: null, domain: analysis.indices.map((i) => i.name) },
    y: { label: null, axis: null, domain: ['first order', 'total order'] },
    color: { legend: true, domain: ['first order', 'total order'] },
    marks: [
      Plot.ruleY(data, { fy: 'name', y: 'order', x1: 'lower', x2: 'upper', stroke: 'order' }),
      Plot.dot(data, { fy: 'name', y: 'order', x: 'value', fill: 'order' }),
      Plot.ruleX([0]),
    ],
  };
}
