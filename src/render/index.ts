/** Presentation: text tables, reports, citations and the chart specs the CLI and the web app share. */
export * from './arc-chart.js';
export * from './assessment-report.js';
export * from './citation.js';
export * from './discovery-chart.js';
export * from './odds-chart.js';
export * from './plot-svg.js';
export * from './sensitivity-chart.js';
export * from './simulation-report.js';
export * from './survival-chart.js';
export * from './table-chart.js';
export * from './table-report.js';
export * from './text-table.js';
export * from './trace-report.js';
