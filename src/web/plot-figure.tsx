/**
 * Draws an Observable Plot spec into the page. Plot puts a <style> element inside each SVG; the page's
 * Content-Security-Policy forbids inline styles, so it is removed and style.css carries the same rules.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'preact/hooks';

/** Only the pages with charts import this module, and they load lazily: Plot never weighs on the first page. */
export function PlotFigure({ options, label }: { options: Plot.PlotOptions; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (container.current === null) return;
    const node = Plot.plot({ ...options, ariaLabel: label });
    for (const style of node.querySelectorAll('style')) style.remove();
    // Plot names each mark's <g> ("rule", "dot"); ARIA forbids a name on an element without a role, and the
    // chart's own name (the SVG's aria-label) already says what it shows.
    for (const group of node.querySelectorAll('g[aria-label]:not([role])'))
      group.removeAttribute('aria-label');
    container.current.replaceChildren(node);
  }, [options, label]);
  return <div class="chart" ref={container} data-chart={label} />;
}
