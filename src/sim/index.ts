/** The interference simulation: model, random streams, aggregation, presets, sweeps, propositions and calibration. */
export * from './aggregate.js';
export * from './calibrate.js';
export * from './calibrate-bootstrap.js';
export * from './discover.js';
export * from './kernel.js';
export * from './model-constants.js';
export * from './parameters.js';
export * from './presets.js';
export * from './prng.js';
export * from './propositions.js';
export * from './quantile.js';
export * from './rate.js';
export * from './record-targets.js';
export * from './scenario-file.js';
export * from './sensitivity.js';
export * from './simulate.js';
export * from './sweep.js';
