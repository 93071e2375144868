/** Assessment of a proposed operation: comparables, pooled base rates, simulation, costs, risks, verdict and key assumptions. */
export * from './assessment.js';
export * from './assumption-sweep.js';
export * from './base-rates.js';
export * from './comparables.js';
export * from './cost-ledger.js';
export * from './figure.js';
export * from './outcome-odds.js';
export * from './parameter-mapping.js';
export * from './risk-register.js';
export * from './similarity.js';
export * from './simulated-outcomes.js';
export * from './verdict.js';
