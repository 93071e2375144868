import { describe, expect, it } from 'vitest';
import { parseScenario, parseSweepSpec, runSweep, simulateScenario } from '../sim/index.js';
import { createSimPool, runScenarioOnPool, runSweepOnPool } from './sim-pool.js';

// The pool runs the built worker (dist/sim-runner/sim-worker.js): `npm test` builds before it tests.
describe('the worker pool', () => {
  const spec = parseSweepSpec({
    base: { runs: 1500 },
    seed: 9,
    grid: { targetPower: [0.1, 0.5, 0.9], heavyHandedness: [0.2, 0.8] },
  });

  it('gives byte-identical sweeps on 1 and 2 workers, equal to the in-process sweep', async () => {
    const progress: number[] = [];
    const one = JSON.stringify(await runSweepOnPool(spec, { workers: 1 }));
    const two = JSON.stringify(
      await runSweepOnPool(spec, { workers: 2, onProgress: (done) => progress.push(done) }),
    );
    expect(two).toBe(one);
    expect(one).toBe(JSON.stringify(runSweep(spec)));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('splits a scenario into blocks whose summary equals the single-thread one, for any worker count', async () => {
    const scenario = parseScenario({ runs: 4100, seed: 5 });
    const here = JSON.stringify(simulateScenario(scenario, { trajectories: true }));
    for (const workers of [1, 2]) {
      const pooled = await runScenarioOnPool(scenario, { workers, blockSize: 1000, trajectories: true });
      expect(JSON.stringify(pooled)).toBe(here);
    }
  });
});

describe('a started pool', () => {
  it('runs several sweeps without restarting its threads, with the same results as a fresh pool', async () => {
    const spec = parseSweepSpec({ base: { runs: 800 }, seed: 2, grid: { aid: [0.1, 0.6] } });
    const pool = createSimPool({ workers: 2 });
    try {
      const first = JSON.stringify(await runSweepOnPool(spec, { pool }));
      const second = JSON.stringify(await runSweepOnPool(spec, { pool }));
      expect(second).toBe(first);
      expect(first).toBe(JSON.stringify(await runSweepOnPool(spec, { workers: 1 })));
    } finally {
      await pool.destroy();
    }
  });
});
