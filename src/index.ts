/** meddle as a library: the record, statistics, simulation, assessment, case tracing, stores and renderers. */
export * from './assess/index.js';
export * from './domain/index.js';
export * from './render/index.js';
export * from './sim/index.js';
export * from './sim-runner/index.js';
export * from './stats/index.js';
export * from './store/index.js';
export * from './trace/index.js';
