/** Case tracing: timelines, the arc of leverage and grievance, ACH, Bayesian process tracing and indicators. */
export * from './ach-diagnosticity.js';
export * from './ach-matrix.js';
export * from './ach-sensitivity.js';
export * from './ach-transposed.js';
export * from './bayes-update.js';
export * from './case-date.js';
export * from './case-indicators.js';
export * from './case-priors.js';
export * from './case-timeline.js';
export * from './case-trace.js';
export * from './decibans.js';
export * from './evidence-dependence.js';
export * from './mechanism-arc.js';
export * from './pairwise-weights.js';
export * from './prior-sensitivity.js';
export * from './short-citation.js';
export * from './van-evera-test.js';
