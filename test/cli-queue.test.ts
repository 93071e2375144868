/** `meddle sim sweep --queue` against a real redis-server, with a worker as `meddle worker` runs it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SweepWorker, startSweepWorker } from '../src/sim-runner/index.js';
import { meddle } from './support/cli.js';
import { type RedisServer, redisAvailable, startRedis } from './support/redis.js';

const dir = mkdtempSync(join(tmpdir(), 'meddle-queue-'));
const sweep = join(dir, 'sweep.yaml');
writeFileSync(
  sweep,
  [
    'name: queued',
    'base: { preset: small-state-challenger }',
    'runs: 300',
    'seed: 11',
    'grid:',
    '  targetPower: [0.2, 0.5, 0.9]',
    '  heavyHandedness: [0.1, 0.9]',
    '',
  ].join('\n'),
);

describe.runIf(redisAvailable())('meddle sim sweep --queue', () => {
  let redis: RedisServer;
  let worker: SweepWorker;
  beforeAll(async () => {
    redis = await startRedis();
    worker = startSweepWorker(redis.url);
  });
  afterAll(async () => {
    await worker?.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints, byte for byte, what the local sweep prints', async () => {
    const local = await meddle(['sim', 'sweep', sweep, '--workers', '1']);
    expect(local.code, local.stderr).toBe(0);
    const queued = await meddle(['sim', 'sweep', sweep, '--queue', redis.url, '--chunk', '2']);
    expect(queued.code, queued.stderr).toBe(0);
    expect(queued.stdout).toBe(local.stdout);
  });

  it('exits 2 for a queue address that is not a Redis URL', async () => {
    const run = await meddle(['sim', 'sweep', sweep, '--queue', 'http://127.0.0.1:1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not a Redis URL');
  });
});
