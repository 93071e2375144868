/** Sweeps and sensitivity analyses across machines: their points as BullMQ jobs on Redis, merged into what a local run gives. */
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { InputError } from '../domain/index.js';
import {
  analyseSensitivity,
  assembleSweep,
  DEFAULT_CONSTANTS,
  expandSweep,
  type ModelConstants,
  planSensitivity,
  runSweepPoint,
  type SensitivityResult,
  type SensitivitySpec,
  type SweepPoint,
  type SweepPointResult,
  type SweepResult,
  type SweepSpec,
} from '../sim/index.js';

export const DEFAULT_QUEUE = 'meddle-sweeps';

/**
 * A chunk of one job's points. A sweep's chunk carries the whole spec, so that any worker expands it to the same
 * points; a sensitivity design, drawn once by the client, travels as its points.
 */
export type SweepChunk =
  | { readonly spec: SweepSpec; readonly constants: ModelConstants; readonly indices: readonly number[] }
  | { readonly points: readonly SweepPoint[]; readonly constants: ModelConstants };

export interface QueueSweepOptions {
  readonly queueName?: string;
  /** Points per job: fewer, larger jobs cost less Redis traffic; more, smaller ones spread better. */
  readonly chunkSize?: number;
  readonly constants?: ModelConstants;
  readonly onProgress?: (done: number, total: number) => void;
}

/** A Redis connection as BullMQ wants it: no retry limit per request, since workers block on the queue. */
export function redisConnection(url: string): Redis {
  if (!/^rediss?:\/\//.test(url))
    throw new InputError({
      code: 'not-a-redis-url',
      role: 'queue',
      value: url,
      message: 'not a Redis URL',
      hint: 'e.g. redis://127.0.0.1:6379',
    });
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
}

/** Runs the points of one chunk: what every worker does with a job. */
export function runChunk(chunk: SweepChunk): SweepPointResult[] {
  if ('points' in chunk) return chunk.points.map((point) => runSweepPoint(point, chunk.constants));
  const points = expandSweep(chunk.spec);
  return chunk.indices.map((index) => {
    const point = points[index];
    if (point === undefined) throw new Error(`sweep point ${index} does not exist`);
    return runSweepPoint(point, chunk.constants);
  });
}

/** Splits `0 … total − 1` into runs of consecutive indices of at most `size`. */
function chunkIndices(total: number, size: number): number[][] {
  const chunks: number[][] = [];
  for (let first = 0; first < total; first += size)
    chunks.push(Array.from({ length: Math.min(size, total - first) }, (_, i) => first + i));
  return chunks;
}

/**
 * Puts the chunks on the queue, waits for every one (run by `startSweepWorker` on any machine) and returns their
 * points in chunk order; closes every connection it opened, so that the caller's process can end.
 */
async function runChunksOnQueue(
  chunks: readonly SweepChunk[],
  total: number,
  url: string,
  options: QueueSweepOptions,
): Promise<SweepPointResult[]> {
  const connection = redisConnection(url);
  const queueName = options.queueName ?? DEFAULT_QUEUE;
  const queue = new Queue<SweepChunk, SweepPointResult[]>(queueName, { connection });
  // BullMQ leaves a connection it is given open, so each one is closed here: one left open keeps the process alive.
  const eventsConnection = connection.duplicate();
  const events = new QueueEvents(queueName, { connection: eventsConnection });
  try {
    await events.waitUntilReady();
    const jobs = await queue.addBulk(
      chunks.map((data) => ({
        name: 'sweep-chunk',
        data,
        // Kept until read: a job removed on completion can finish before it is waited on, and then its result
        // is gone ("Missing key for job"). Removed below once its points are in hand.
        opts: { removeOnComplete: false, removeOnFail: 100, attempts: 2 },
      })),
    );
    let done = 0;
    const results = await Promise.all(
      jobs.map(async (job) => {
        const points = await job.waitUntilFinished(events);
        await job.remove();
        done += points.length;
        options.onProgress?.(done, total);
        return points;
      }),
    );
    return results.flat();
  } finally {
    await events.close();
    await queue.close();
    eventsConnection.disconnect();
    connection.disconnect();
  }
}

/**
 * Enqueues the sweep in chunks and assembles the points in order. Each point's seed comes from the spec and its
 * index alone, so the result is the same, byte for byte, as a local run, however the chunks were spread.
 */
export async function runSweepOnQueue(
  spec: SweepSpec,
  url: string,
  options: QueueSweepOptions = {},
): Promise<SweepResult> {
  const constants = options.constants ?? DEFAULT_CONSTANTS;
  const total = expandSweep(spec).length;
  const chunks = chunkIndices(total, Math.max(1, options.chunkSize ?? 4)).map((indices) => ({
    spec,
    constants,
    indices,
  }));
  return assembleSweep(spec, await runChunksOnQueue(chunks, total, url, options), constants);
}

/**
 * A sensitivity analysis with its points run on the queue: the design is drawn here from the spec's seed, so the
 * result is the same, byte for byte, as `runSensitivityOnPool` gives.
 */
export async function runSensitivityOnQueue(
  spec: SensitivitySpec,
  url: string,
  options: QueueSweepOptions = {},
  file?: string,
): Promise<SensitivityResult> {
  const constants = options.constants ?? DEFAULT_CONSTANTS;
  const plan = planSensitivity(spec, file);
  const chunks = chunkIndices(plan.points.length, Math.max(1, options.chunkSize ?? 16)).map((indices) => ({
    points: indices.map((i) => plan.points[i] as SweepPoint),
    constants,
  }));
  const results = await runChunksOnQueue(chunks, plan.points.length, url, options);
  return analyseSensitivity(plan, results, constants);
}

export interface SweepWorker {
  close(): Promise<void>;
}

/** Takes sweep chunks off the queue and runs them until closed. */
export function startSweepWorker(
  url: string,
  options: { queueName?: string; concurrency?: number; onChunk?: (points: number) => void } = {},
): SweepWorker {
  const connection = redisConnection(url);
  const worker = new Worker<SweepChunk, SweepPointResult[]>(
    options.queueName ?? DEFAULT_QUEUE,
    async (job) => {
      const points = runChunk(job.data);
      options.onChunk?.(points.length);
      return points;
    },
    { connection, concurrency: Math.max(1, options.concurrency ?? 1) },
  );
  return {
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}
