/** Runs sweeps and large scenarios on a pool of worker threads; results are identical for any number of workers. */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Assessment, AssessmentSources } from '../assess/index.js';
import type { Episode, Operation } from '../domain/index.js';
import {
  analyseSensitivity,
  assembleSweep,
  DEFAULT_CONSTANTS,
  expandSweep,
  type ModelConstants,
  planSensitivity,
  type RunBlock,
  type Scenario,
  type ScenarioResult,
  type SensitivityResult,
  type SensitivitySpec,
  type SimulationOptions,
  type SweepPointResult,
  type SweepResult,
  type SweepSpec,
  summariseBlocks,
} from '../sim/index.js';
import type { SimTask, SimTaskResult } from './sim-task.js';

export interface PoolOptions {
  /** Worker threads; all cores when omitted. */
  readonly workers?: number;
  readonly constants?: ModelConstants;
  /** Called after each finished task with the number done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** The built worker module; found next to this module, or in dist/ when running from the sources. */
  readonly workerFile?: string;
  /** A started pool to run on (its own worker count applies); otherwise one is started and stopped for the call. */
  readonly pool?: SimPool;
  /** Called with each task's result as it finishes. */
  readonly onResult?: (result: SimTaskResult) => void;
}

/** The compiled worker: beside this file once built; from the sources (tests), the one `npm run build` made. */
export function defaultWorkerFile(): string {
  const beside = new URL('./sim-worker.js', import.meta.url);
  if (existsSync(beside)) return fileURLToPath(beside);
  const built = new URL('../../dist/sim-runner/sim-worker.js', import.meta.url);
  if (existsSync(built)) return fileURLToPath(built);
  throw new Error('the simulation worker is not built: run `npm run build` first');
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/** A started pool of simulation workers, to run several sweeps or scenarios without restarting threads. */
export interface SimPool {
  readonly workers: number;
  /** Runs tasks and returns their results in task order, whatever order the workers finish them in. */
  run<R extends SimTaskResult>(
    tasks: readonly SimTask[],
    onProgress?: (done: number, total: number) => void,
    onResult?: (result: SimTaskResult) => void,
  ): Promise<R[]>;
  /** Runs one task, handing the worker the ports it is given (a progress channel, say). */
  runOne<R extends SimTaskResult>(task: SimTask, transfer?: readonly MessagePort[]): Promise<R>;
  destroy(): Promise<void>;
}

export function createSimPool(
  options: Pick<PoolOptions, 'workers' | 'workerFile'> & {
    /** Start threads only when a task comes (a server that may never simulate), not at once. */
    readonly lazy?: boolean;
  } = {},
): SimPool {
  const workers = Math.max(1, Math.floor(options.workers ?? defaultWorkers()));
  const pool = new Piscina<SimTask, SimTaskResult>({
    filename: options.workerFile ?? defaultWorkerFile(),
    minThreads: options.lazy === true ? 0 : workers,
    maxThreads: workers,
    idleTimeout: 1000,
  });
  return {
    workers,
    async run<R extends SimTaskResult>(
      tasks: readonly SimTask[],
      onProgress?: (done: number, total: number) => void,
      onResult?: (result: SimTaskResult) => void,
    ) {
      let done = 0;
      return Promise.all(
        tasks.map(async (task) => {
          const result = (await pool.run(task)) as R;
          onResult?.(result);
          done++;
          onProgress?.(done, tasks.length);
          return result;
        }),
      );
    },
    runOne<R extends SimTaskResult>(task: SimTask, transfer: readonly MessagePort[] = []) {
      return pool.run(task, transfer.length > 0 ? { transferList: [...transfer] } : {}) as Promise<R>;
    },
    destroy: () => pool.destroy(),
  };
}

/**
 * Simulates and summarises a scenario in one worker, so that neither its runs nor its summary (the sort of its
 * NPVs, the yearly bands) hold the calling thread; `onProgress` hears of each block of `blockRuns` runs done.
 * The result is what `simulateScenario` gives, bit for bit.
 */
export async function runScenarioInWorker(
  pool: SimPool,
  scenario: Scenario,
  options: SimulationOptions & {
    readonly blockRuns?: number;
    readonly onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<ScenarioResult> {
  const channel = new MessageChannel();
  const onProgress = options.onProgress;
  // Progress comes on its own port, which may deliver after the result: the call ends once both are in.
  const reported = new Promise<void>((resolve) => {
    channel.port1.on('message', (done: number) => {
      onProgress?.(done, scenario.runs);
      if (done >= scenario.runs) resolve();
    });
    channel.port1.once('close', () => resolve());
  });
  try {
    const result = await pool.runOne<ScenarioResult>(
      {
        kind: 'scenario',
        scenario,
        trajectories: options.trajectories === true,
        constants: options.constants ?? DEFAULT_CONSTANTS,
        blockRuns: Math.max(1, options.blockRuns ?? 1000),
        progress: channel.port2,
      },
      [channel.port2],
    );
    await reported;
    return result;
  } finally {
    channel.port1.close();
  }
}

/** An assessment in a worker: its simulations and sweeps take seconds that the calling thread keeps for others. */
export function runAssessmentInWorker(
  pool: SimPool,
  job: {
    readonly operation: Operation;
    readonly episodes: readonly Episode[];
    readonly sources: AssessmentSources;
  },
): Promise<Assessment> {
  return pool.runOne<Assessment>({ kind: 'assess', ...job });
}

/** Runs `work` on `options.pool`, or on a pool of at most `tasks` workers started for it and stopped after. */
async function withPool<T>(
  options: PoolOptions,
  tasks: number,
  work: (pool: SimPool) => Promise<T>,
): Promise<T> {
  if (options.pool !== undefined) return work(options.pool);
  const pool = createSimPool({
    workers: Math.min(options.workers ?? defaultWorkers(), Math.max(1, tasks)),
    ...(options.workerFile !== undefined ? { workerFile: options.workerFile } : {}),
  });
  try {
    return await work(pool);
  } finally {
    await pool.destroy();
  }
}

/** Runs tasks on `options.pool`, or on a pool started for them and stopped after. */
function runTasks<R extends SimTaskResult>(tasks: readonly SimTask[], options: PoolOptions): Promise<R[]> {
  return withPool(options, tasks.length, (pool) => pool.run<R>(tasks, options.onProgress, options.onResult));
}

/** An assessment on `options.pool`, or on one worker started for it: what the CLI runs, as the server does. */
export function runAssessmentOnPool(
  job: Parameters<typeof runAssessmentInWorker>[1],
  options: PoolOptions = {},
): Promise<Assessment> {
  return withPool(options, 1, (pool) => runAssessmentInWorker(pool, job));
}

/** What a sweep can resume from, and where it reports each point as it finishes. */
export interface SweepRunOptions extends PoolOptions {
  /** Points already run (read back from a partial file): they are not run again. */
  readonly done?: readonly SweepPointResult[];
  /** Called with each point's result as it finishes, in the order they finish. */
  readonly onPoint?: (result: SweepPointResult) => void;
}

/**
 * Runs every point of a sweep not yet done, one task per point. A point's result depends on its scenario and
 * seed alone, so a sweep resumed from any subset of its points assembles to the same bytes as one run through.
 */
export async function runSweepOnPool(
  spec: SweepSpec,
  options: SweepRunOptions = {},
  file?: string,
): Promise<SweepResult> {
  const constants = options.constants ?? DEFAULT_CONSTANTS;
  const done = new Map((options.done ?? []).map((r) => [r.index, r]));
  const points = expandSweep(spec, file).filter((point) => !done.has(point.index));
  const tasks: SimTask[] = points.map((point) => ({ kind: 'point', point, constants }));
  const onProgress = options.onProgress;
  const results =
    tasks.length === 0
      ? []
      : await runTasks<SweepPointResult>(tasks, {
          ...options,
          onProgress: (n, total) => onProgress?.(n + done.size, total + done.size),
          ...(options.onPoint !== undefined
            ? { onResult: options.onPoint as (r: SimTaskResult) => void }
            : {}),
        });
  return assembleSweep(spec, [...done.values(), ...results], constants);
}

/**
 * Runs the points of a sensitivity analysis on the pool and analyses them. Each point's result depends on its
 * scenario and seed only, so any number of workers gives the same bytes.
 */
export async function runSensitivityOnPool(
  spec: SensitivitySpec,
  options: PoolOptions = {},
  file?: string,
): Promise<SensitivityResult> {
  const constants = options.constants ?? DEFAULT_CONSTANTS;
  const plan = planSensitivity(spec, file);
  const tasks: SimTask[] = plan.points.map((point) => ({ kind: 'point', point, constants }));
  return analyseSensitivity(plan, await runTasks<SweepPointResult>(tasks, options), constants);
}

/**
 * Runs a scenario's runs in blocks of `blockSize` on the pool and summarises them. The blocks are fixed by
 * the scenario, not by the number of workers, and every run draws from its own stream, so any number of
 * workers gives the same bytes.
 */
export async function runScenarioOnPool(
  scenario: Scenario,
  options: PoolOptions & SimulationOptions & { readonly blockSize?: number } = {},
): Promise<ScenarioResult> {
  const constants = options.constants ?? DEFAULT_CONSTANTS;
  const blockSize = Math.max(1, options.blockSize ?? 5000);
  const tasks: SimTask[] = [];
  for (let firstRun = 0; firstRun < scenario.runs; firstRun += blockSize) {
    tasks.push({
      kind: 'block',
      scenario,
      firstRun,
      count: Math.min(blockSize, scenario.runs - firstRun),
      trajectories: options.trajectories === true,
      constants,
    });
  }
  const blocks = await runTasks<RunBlock>(tasks, options);
  return summariseBlocks(scenario, blocks, { constants, trajectories: options.trajectories === true });
}
