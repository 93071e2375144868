/** The bar chart of a table's column shares with their intervals, as an Observable Plot spec (Node and browser). */
import * as Plot from '@observablehq/plot';
import type { EpisodeTable } from '../stats/episode-table.js';

export interface ShareDatum {
  readonly row: string;
  readonly column: string;
  readonly share: number;
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  readonly total: number;
}

/** One datum per non-empty cell of the column shares. */
export function shareData(result: EpisodeTable): ShareDatum[] {
  const { table } = result;
  return table.rowLevels.flatMap((row, i) =>
    table.columnLevels.flatMap((column, j) => {
      const share = table.columnShares[i]?.[j];
      if (share === null || share === undefined) return [];
      return [
        {
          row,
          column,
          share: share.estimate,
          lower: share.interval.lower,
          upper: share.interval.upper,
          count: share.successes,
          total: share.trials,
        },
      ];
    }),
  );
}

/**
 * Bars: the share of each column (facets along x) in each row level, with whiskers for the interval.
 * The same options render in the browser (`Plot.plot(options)`) and in Node (`renderPlotSvg`).
 */
export function tableChartOptions(result: EpisodeTable, width = 640): Plot.PlotOptions {
  const data = shareData(result);
  const level = result.table.columnShares.flat().find((s) => s !== null)?.interval.level ?? 0.95;
  return {
    width,
    height: 320,
    marginTop: 40,
    marginBottom: 50,
    fx: { label: result.column, domain: [...result.table.columnLevels] },
    x: { label: null, domain: [...result.table.rowLevels], tickRotate: -20 },
    // With `percent`, Plot multiplies the data by 100 before the domain applies.
    y: {
      label: `% of ${result.column} (with ${Math.round(level * 100)} % interval)`,
      domain: [0, 100],
      grid: true,
      percent: true,
    },
    // The rows already label the x axis, so a colour legend would only repeat them.
    color: { domain: [...result.table.rowLevels] },
    marks: [
      Plot.barY(data, {
        fx: 'column',
        x: 'row',
        y: 'share',
        fill: 'row',
        title: (d: ShareDatum) => `${d.count}/${d.total}`,
      }),
      Plot.ruleX(data, {
        fx: 'column',
        x: 'row',
        y1: 'lower',
        y2: 'upper',
        stroke: 'currentColor',
        strokeWidth: 1.5,
      }),
      Plot.tickY(data, { fx: 'column', x: 'row', y: 'lower', stroke: 'currentColor' }),
      Plot.tickY(data, { fx: 'column', x: 'row', y: 'upper', stroke: 'currentColor' }),
      Plot.ruleY([0]),
    ],
  };
}
