/** The simulation's I/O edge: a worker-thread pool for sweeps and large scenarios. */

export * from './queue-sweep.js';
export * from './sim-pool.js';
export type { SimTask, SimTaskResult } from './sim-task.js';
