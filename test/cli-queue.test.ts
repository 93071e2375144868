/** `meddle sim sweep --queue` against a real redis-server, with a worker as `meddle worker` runs it. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const sensitivity = join(dir, 'sensitivity.yaml');
writeFileSync(
  sensitivity,
  [
    'name: queued-sobol',
    'base: { preset: small-state-challenger }',
    'runs: 100',
    'seed: 5',
    'method: sobol',
    'samples: 8',
    'resamples: 50',
    'outcome: rates.defected',
    'ranges:',
    '  heavyHandedness: [0.1, 0.9]',
    '  opportunism: [0, 0.3]',
    '',
  ].join('\n'),
);

describe.runIf(redisAvailable())('meddle sim sweep --queue', () => {
  let redis: RedisServer;
  let inProcess: SweepWorker;
  beforeAll(async () => {
    redis = await startRedis();
    inProcess = startSweepWorker(redis.url);
  });
  afterAll(async () => {
    await inProcess?.close();
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

  it('exits by itself once its results are written, run as a user runs it: separate processes for the sweep and the worker', async () => {
    const cli = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
    // Only the worker process serves this sweep, as on a user's machines.
    await inProcess.close();
    const worker = spawn(process.execPath, [cli, 'worker', '--queue', redis.url], { stdio: 'ignore' });
    try {
      const out = join(dir, 'queued.json');
      const started = Date.now();
      let stderr = '';
      const code = await new Promise<number | null>((resolve, reject) => {
        const sweepRun = spawn(
          process.execPath,
          [cli, 'sim', 'sweep', sweep, '--queue', redis.url, '--out', out],
          { stdio: ['ignore', 'ignore', 'pipe'] },
        );
        sweepRun.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        const timer = setTimeout(() => {
          sweepRun.kill();
          reject(new Error('meddle sim sweep --queue was still running 20 s after it started'));
        }, 20_000);
        sweepRun.on('exit', (exitCode) => {
          clearTimeout(timer);
          resolve(exitCode);
        });
      });
      expect(code, stderr).toBe(0);
      expect(Date.now() - started).toBeLessThan(20_000);
      const local = await meddle(['sim', 'sweep', sweep, '--workers', '1']);
      expect(`${readFileSync(out, 'utf8')}`.trim()).toBe(local.stdout.trim());
    } finally {
      worker.kill();
    }
  }, 30_000);

  it('runs a sensitivity analysis on the queue to the bytes of a local run', async () => {
    // The in-process worker was closed by the test before; this one serves the analysis's jobs.
    const worker = startSweepWorker(redis.url);
    const local = await meddle(['sim', 'sensitivity', sensitivity, '--workers', '1', '--json']);
    expect(local.code, local.stderr).toBe(0);
    const queued = await meddle([
      'sim',
      'sensitivity',
      sensitivity,
      '--queue',
      redis.url,
      '--chunk',
      '3',
      '--json',
    ]).finally(() => worker.close());
    expect(queued.code, queued.stderr).toBe(0);
    expect(queued.stdout).toBe(local.stdout);
    expect(JSON.parse(queued.stdout).provenance.points).toBe(32);
  });

  it('exits 2 for a queue address that is not a Redis URL', async () => {
    const run = await meddle(['sim', 'sweep', sweep, '--queue', 'http://127.0.0.1:1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not a Redis URL');
  });
});
