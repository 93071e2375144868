/** Renders a Plot spec to SVG text outside a browser, on a linkedom document. */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** The chart as a standalone SVG document (with its XML namespace, so that files open in any viewer). */
export function renderPlotSvg(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const figure = Plot.plot({ ...options, document } as Plot.PlotOptions);
  // Plot wraps the SVG in a <figure> only for legends and titles; a standalone file wants the SVG alone.
  const svg = figure.tagName.toLowerCase() === 'svg' ? figure : figure.querySelector('svg');
  if (svg === null) throw new Error('the chart rendered no SVG');
  if (!svg.hasAttribute('xmlns')) svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `${svg.outerHTML}\n`;
}
