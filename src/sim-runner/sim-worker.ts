/** The worker-thread side of the simulation pool: runs one task with the pure core and returns plain data. */
import { assessOperation } from '../assess/index.js';
import { type RunBlock, runSweepPoint, simulateBlock, summariseBlocks } from '../sim/index.js';
import type { SimTask, SimTaskResult } from './sim-task.js';

export default function runSimTask(task: SimTask): SimTaskResult {
  switch (task.kind) {
    case 'point':
      return runSweepPoint(task.point, task.constants);
    case 'block':
      return simulateBlock(task.scenario, task.firstRun, task.count, {
        constants: task.constants,
        trajectories: task.trajectories,
      });
    case 'scenario': {
      // The same blocks the caller would make, so the result is the one simulateScenario gives, bit for bit.
      const options = { constants: task.constants, trajectories: task.trajectories };
      const blocks: RunBlock[] = [];
      for (let first = 0; first < task.scenario.runs; first += task.blockRuns) {
        blocks.push(
          simulateBlock(task.scenario, first, Math.min(task.blockRuns, task.scenario.runs - first), options),
        );
        task.progress?.postMessage(Math.min(first + task.blockRuns, task.scenario.runs));
      }
      task.progress?.close();
      return summariseBlocks(task.scenario, blocks, options);
    }
    case 'assess':
      return assessOperation(task.operation, task.episodes, task.sources);
  }
}
