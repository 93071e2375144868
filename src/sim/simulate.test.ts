import { describe, expect, it } from 'vitest';
import { allocateRunColumns, prepareKernel, simulateRuns } from './kernel.js';
import { DEFAULT_CONSTANTS } from './model-constants.js';
import { parseScenario } from './parameters.js';
import { presetNamed } from './presets.js';
import { runRecord, simulateBlock, simulateScenario, summariseBlocks } from './simulate.js';

const scenario = parseScenario({ runs: 3000, seed: 11 });

describe('simulateScenario', () => {
  it('gives byte-identical JSON for the same seed', () => {
    const a = JSON.stringify(simulateScenario(scenario, { trajectories: true }));
    const b = JSON.stringify(simulateScenario(scenario, { trajectories: true }));
    expect(a).toBe(b);
  });

  it('gives different results for different seeds', () => {
    const a = simulateScenario(scenario).summary.means;
    const b = simulateScenario({ ...scenario, seed: 12 }).summary.means;
    expect(a).not.toEqual(b);
  });

  it('does not depend on how runs are split into blocks', () => {
    const whole = JSON.stringify(simulateScenario(scenario, { trajectories: true }));
    for (const cuts of [[1000, 2000], [1], [7, 8, 1500, 2999]]) {
      const bounds = [0, ...cuts, scenario.runs];
      const blocks = bounds
        .slice(1)
        .map((end, i) => {
          const start = bounds[i] ?? 0;
          return simulateBlock(scenario, start, end - start, { trajectories: true });
        })
        .reverse();
      expect(JSON.stringify(summariseBlocks(scenario, blocks, {}))).toBe(whole);
    }
  });

  it('refuses blocks that leave runs out', () => {
    const blocks = [simulateBlock(scenario, 0, 1000), simulateBlock(scenario, 1001, 1999)];
    expect(() => summariseBlocks(scenario, blocks)).toThrow(/gap or overlap at run 1000/);
  });

  it('gives run i the same outputs whichever block simulates it', () => {
    const alone = simulateBlock(scenario, 1234, 1);
    const within = simulateBlock(scenario, 1200, 100);
    expect(runRecord(alone, 0)).toEqual(runRecord(within, 34));
  });

  it('reports every run with its final-year state and provenance with the seed and constants', () => {
    const block = simulateBlock(parseScenario(presetNamed('soviet-ccp').scenario), 0, 1);
    const record = runRecord(block, 0);
    expect(Object.keys(record)).toEqual([
      'run',
      'ascentYear',
      'ousted',
      'inPowerAtHorizon',
      'alignedAtHorizon',
      'defectionYear',
      'alignedYearsInPower',
      'leverageAtAscent',
      'leverageFiveYearsAfterAscent',
      'finalPowerShare',
      'finalLeverage',
      'finalGrievance',
      'refusals',
      'exposureYear',
      'divergence',
      'voteShare',
      'npv',
    ]);
    const result = simulateScenario(parseScenario({ runs: 10, seed: 3 }));
    expect(result.provenance).toEqual({ model: '2.0.0', seed: 3, runs: 10, constants: DEFAULT_CONSTANTS });
  });

  it('bands the yearly paths of power share, leverage, grievance and alignment, one value a year', () => {
    const { summary } = simulateScenario(parseScenario({ runs: 2000, horizon: 12 }), { trajectories: true });
    const bands = summary.trajectories;
    if (bands === undefined) throw new Error('trajectories were asked for');
    for (const band of Object.values(bands)) {
      expect(band.mean).toHaveLength(12);
      // A skewed yearly distribution (grievance) can have its mean above the 90th percentile, so only the band's
      // own order is pinned.
      for (let t = 0; t < 12; t++) expect(band.p10[t]).toBeLessThanOrEqual(band.p90[t] ?? Number.NaN);
    }
    // The challenger starts at 0.2 and gains ground while aided.
    expect(bands.powerShare.mean[11]).toBeGreaterThan(bands.powerShare.mean[0] ?? Number.NaN);
  });

  it('summarises an election by its win rate, vote share and NPV', () => {
    const { summary } = simulateScenario(parseScenario({ mode: 'election', side: 'incumbent', runs: 5000 }));
    expect(summary.mode).toBe('election');
    if (summary.mode !== 'election') return;
    expect(summary.rates.won.rate).toBeGreaterThan(0.7);
    expect(summary.means.voteShare.mean).toBeGreaterThan(0.5);
    expect(Object.keys(summary.npvQuantiles)).toEqual(['p05', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95']);
  });
});

describe('the kernel', () => {
  it('keeps every state variable in its range over many runs and parameters', () => {
    for (const input of [
      {},
      { targetPower: 1, volatility: 0.5 },
      { side: 'incumbent' as const, layers: 5, aid: 1 },
    ]) {
      const s = parseScenario({ ...input, runs: 500 });
      const out = allocateRunColumns(500);
      simulateRuns(prepareKernel(s, DEFAULT_CONSTANTS), 0, 500, out);
      for (let i = 0; i < 500; i++) {
        expect(out.finalPowerShare[i]).toBeGreaterThanOrEqual(0);
        expect(out.finalPowerShare[i]).toBeLessThanOrEqual(1);
        expect(out.finalGrievance[i]).toBeGreaterThanOrEqual(0);
        expect(out.ascentYear[i]).toBeLessThanOrEqual(s.horizon);
        if ((out.defectionYear[i] ?? -1) >= 0) {
          expect(out.defectionYear[i]).toBeGreaterThanOrEqual(out.ascentYear[i] ?? Number.NaN);
          expect(out.alignedAtHorizon[i]).toBe(0);
        }
        expect(Number.isFinite(out.npv[i])).toBe(true);
      }
    }
  });

  it('pins a summary of the default scenario (a non-regression check of stability, not of truth)', () => {
    const { summary } = simulateScenario(parseScenario({ runs: 2000, seed: 42 }));
    if (summary.mode !== 'struggle') throw new Error('struggle expected');
    expect({
      ascendedWithin5Years: summary.rates.ascendedWithin5Years.count,
      defected: summary.rates.defected.count,
      exposed: summary.rates.exposed.count,
      npv: summary.means.npv.mean?.toFixed(6),
    }).toMatchInlineSnapshot(`
      {
        "ascendedWithin5Years": 627,
        "defected": 1550,
        "exposed": 1854,
        "npv": "-2.066045",
      }
    `);
  });
});
