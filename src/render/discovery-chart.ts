/** Chart spec of a scenario discovery: PRIM's peeling trajectory, coverage against density, the chosen box marked. */
import * as Plot from '@observablehq/plot';
import type { Discovery } from '../sim/index.js';

/**
 * One dot a box of the peeling trajectory, from the whole space (full coverage, the base density) to the
 * smallest; the line joins them in peeling order and the chosen box is ringed and labelled.
 */
export function peelingChartOptions(discovery: Discovery, width = 480): Plot.PlotOptions {
  const data = discovery.trajectory.map((box, step) => ({
    step,
    coverage: box.coverage,
    density: box.density,
    chosen: step === discovery.chosen,
  }));
  const chosen = data.filter((d) => d.chosen);
  return {
    width,
    height: 300,
    marginLeft: 50,
    x: {
      label: 'coverage (share of the points meeting the condition inside the box)',
      domain: [0, 1],
      grid: true,
    },
    y: { label: 'density (share of the box meeting it)', domain: [0, 1], grid: true },
    marks: [
      Plot.line(data, { x: 'coverage', y: 'density', stroke: 'steelblue', strokeOpacity: 0.6 }),
      Plot.dot(data, { x: 'coverage', y: 'density', fill: 'steelblue', r: 2.5 }),
      Plot.dot(chosen, { x: 'coverage', y: 'density', stroke: 'currentColor', r: 7, strokeWidth: 2 }),
      Plot.text(chosen, {
        x: 'coverage',
        y: 'density',
        text: (d: { step: number }) => `chosen: box ${d.step}`,
        dy: -14,
      }),
    ],
  };
}
