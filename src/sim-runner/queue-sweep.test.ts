import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, redisAvailable, startRedis } from '../../test/support/redis.js';
import { parseSweepSpec, runSweep } from '../sim/index.js';
import { runSweepOnQueue, type SweepWorker, startSweepWorker } from './queue-sweep.js';

const spec = parseSweepSpec({
  name: 'queue test',
  base: { preset: 'small-state-challenger' },
  runs: 400,
  seed: 7,
  grid: { targetPower: [0.1, 0.4, 0.8], aid: [0.1, 0.5] },
});

describe.runIf(redisAvailable())('sweeps through a BullMQ queue on Redis', () => {
  let redis: RedisServer;
  const workers: SweepWorker[] = [];

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await redis?.stop();
  });

  it('gives the same bytes as a local run, whatever the chunking and however many workers', async () => {
    const local = JSON.stringify(runSweep(spec));
    workers.push(startSweepWorker(redis.url), startSweepWorker(redis.url));
    const progress: number[] = [];
    const queued = await runSweepOnQueue(spec, redis.url, {
      chunkSize: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(JSON.stringify(queued)).toBe(local);
    expect(progress.at(-1)).toBe(6);
    const oneChunk = await runSweepOnQueue(spec, redis.url, { chunkSize: 100 });
    expect(JSON.stringify(oneChunk)).toBe(local);
  });
});
