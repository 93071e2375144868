/** The worker-thread side of the simulation pool: runs one task with the pure simulation and returns plain data. */
import { runSweepPoint, simulateBlock } from '../sim/index.js';
import type { SimTask, SimTaskResult } from './sim-task.js';

export default function runSimTask(task: SimTask): SimTaskResult {
  if (task.kind === 'point') return runSweepPoint(task.point, task.constants);
  return simulateBlock(task.scenario, task.firstRun, task.count, {
    constants: task.constants,
    trajectories: task.trajectories,
  });
}
