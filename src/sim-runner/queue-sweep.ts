/** Sweeps across machines: a sweep's points as BullMQ jobs on Redis, merged into what a local run gives. */
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { InputError } from '../domain/index.js';
import {
  assembleSweep,
  DEFAULT_CONSTANTS,
  expandSweep,
  type ModelConstants,
  runSweepPoint,
  type SweepPointResult,
  type SweepResult,
  type SweepSpec,
} from '../sim/index.js';

export const DEFAULT_QUEUE = 'meddle-sweeps';

/** A chunk of one sweep: the whole spec travels, so that any worker can expand it to the same points. */
export interface SweepChunk {
  readonly spec: SweepSpec;
  readonly constants: ModelConstants;
  readonly indices: readonly number[];
}

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
      field: '--queue',
      value: url,
      message: 'not a Redis URL',
      hint: 'e.g. redis://127.0.0.1:6379',
    });
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
}

/** Runs the points of one chunk: what every worker does with a job. */
export function runChunk(chunk: SweepChunk): SweepPointResult[] {
  const points = expandSweep(chunk.spec);
  return chunk.indices.map((index) => {
    const point = points[index];
    if (point === undefined) throw new Error(`sweep point ${index} does not exist`);
    return runSweepPoint(point, chunk.constants);
  });
}

/**
 * Enqueues the sweep in chunks, waits for every chunk (run by `startSweepWorker` on any machine), and
 * assembles the points in order. Each point's seed comes from the spec and its index alone, so the result
 * is the same, byte for byte, as a local run, however the chunks were spread.
 */
export async function runSweepOnQueue(
  spec: SweepSpec,
  url: string,
  options: QueueSweepOptions = {},
): Promise<SweepResult> {
  const constants = options.constants ?? DEFAULT_CONSTANTS;
  const chunkSize = Math.max(1, options.chunkSize ?? 4);
  const total = expandSweep(spec).length;
  const connection = redisConnection(url);
  const queueName = options.queueName ?? DEFAULT_QUEUE;
  const queue = new Queue<SweepChunk, SweepPointResult[]>(queueName, { connection });
  // BullMQ leaves a connection it is given open, so each one is closed here: one left open keeps the process alive.
  const eventsConnection = connection.duplicate();
  const events = new QueueEvents(queueName, { connection: eventsConnection });
  try {
    await events.waitUntilReady();
    const chunks: number[][] = [];
    for (let first = 0; first < total; first += chunkSize)
      chunks.push(Array.from({ length: Math.min(chunkSize, total - first) }, (_, i) => first + i));
    const jobs = await queue.addBulk(
      chunks.map((indices) => ({
        name: 'sweep-chunk',
        data: { spec, constants, indices },
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
    return assembleSweep(spec, results.flat(), constants);
  } finally {
    await events.close();
    await queue.close();
    eventsConnection.disconnect();
    connection.disconnect();
  }
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
