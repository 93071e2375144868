/** Statistics for meddle: intervals, tests, regression, pooling, reliability and table checks; pure functions of plain data. */

export * from './association-test.js';
export * from './beta-binomial-pooling.js';
export * from './check-table.js';
export * from './chi-square-test.js';
export * from './clopper-pearson-interval.js';
export type * from './confidence-interval.js';
export * from './critical-z.js';
export * from './cross-tabulation.js';
export * from './episode-design.js';
export * from './episode-table.js';
export * from './field-agreement.js';
export * from './fisher-exact-test.js';
export * from './fisher-monte-carlo-test.js';
export * from './jeffreys-interval.js';
export * from './kaplan-meier.js';
export * from './krippendorff-alpha.js';
export * from './krippendorff-bootstrap.js';
export * from './log-rank-test.js';
export * from './logistic-regression.js';
export * from './newcombe-difference.js';
export * from './odds-ratio.js';
export * from './proportion-interval.js';
export * from './random-source.js';
export * from './risk-ratio.js';
export type * from './two-group-counts.js';
export * from './wilson-interval.js';
export * from './zero-cell-correction.js';
