import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../src/server/index.js';
import {
  discoverScenarios,
  expandSweep,
  MODEL_VERSION,
  parseScenario,
  parseSweepSpec,
  runSweepPoint,
  simulateScenario,
} from '../src/sim/index.js';
import { useTestServer } from './support/server.js';

const server = useTestServer();

const lines = (body: string): { type: string; [key: string]: unknown }[] =>
  body
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

describe('GET /api/sim/parameters', () => {
  it("lists the model's parameters, the presets and the limits", async () => {
    const body = (await server.app.inject('/api/sim/parameters')).json();
    expect(body.parameters.find((p: { name: string }) => p.name === 'targetPower')).toMatchObject({
      min: 0,
      max: 1,
      default: 0.3,
    });
    expect(body.parameters.find((p: { name: string }) => p.name === 'weights.intentions').max).toBeNull();
    expect(body.presets.map((p: { name: string }) => p.name)).toContain('soviet-ccp');
    expect(body.limits).toEqual({
      runs: LIMITS.runs,
      sweepPoints: LIMITS.sweepPoints,
      sweepRuns: LIMITS.sweepRuns,
      sweepPointRuns: LIMITS.sweepPointRuns,
    });
  });
});

describe('POST /api/sim/run', () => {
  it('gives the same result as simulating in the library, with trajectory bands', async () => {
    const scenario = { preset: 'soviet-ccp', runs: 2500, seed: 7 };
    const response = await server.app.inject({ method: 'POST', url: '/api/sim/run', payload: { scenario } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const expected = simulateScenario(
      parseScenario({ ...(await presetScenario('soviet-ccp')), runs: 2500, seed: 7 }),
      {
        trajectories: true,
      },
    );
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(body.summary.trajectories.powerShare.mean).toHaveLength(40);
  });

  it('streams progress and then the result as NDJSON when asked', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/sim/run',
      payload: { scenario: { runs: 3000 }, trajectories: false },
      headers: { accept: 'application/x-ndjson' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const events = lines(response.body);
    expect(events.map((e) => e.type)).toEqual(['progress', 'progress', 'progress', 'result']);
    expect(events[2]).toEqual({ type: 'progress', done: 3000, total: 3000 });
    expect((events[3] as unknown as { result: { summary: { runs: number } } }).result.summary.runs).toBe(
      3000,
    );
  });

  it('answers 400 naming each bad parameter, its value and the allowed range', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/sim/run',
      payload: { scenario: { targetPower: 1.5, capabilty: 0.2 } },
    });
    expect(response.statusCode).toBe(400);
    const { issues } = response.json();
    expect(issues).toContainEqual({
      file: 'body.scenario',
      field: 'targetPower',
      value: '1.5',
      message: 'out of range',
      hint: 'allowed range 0..1',
    });
    expect(issues.find((i: { field: string }) => i.field === 'capabilty').hint).toMatch(
      /^did you mean capability\?/,
    );
  });

  it(`refuses more than ${LIMITS.runs} runs, an unknown preset, and unknown body fields`, async () => {
    const many = await server.app.inject({
      method: 'POST',
      url: '/api/sim/run',
      payload: { scenario: { runs: LIMITS.runs + 1 } },
    });
    expect(many.statusCode).toBe(400);
    expect(many.json().issues[0]).toMatchObject({ field: 'scenario.runs', hint: `at most ${LIMITS.runs}` });
    const preset = await server.app.inject({
      method: 'POST',
      url: '/api/sim/run',
      payload: { scenario: { preset: 'soviet' } },
    });
    expect(preset.statusCode).toBe(400);
    expect(preset.json().issues[0]).toMatchObject({ field: 'preset', message: 'unknown preset' });
    const extra = await server.app.inject({
      method: 'POST',
      url: '/api/sim/run',
      payload: { scenario: {}, runs: 5 },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().issues[0]).toMatchObject({ file: 'body', field: 'runs', message: 'unknown field' });
  });
});

describe('POST /api/sim/sweep', () => {
  it('streams a start line, one line a point in order, and a done line', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/sim/sweep',
      payload: {
        base: { preset: 'small-state-challenger' },
        runs: 300,
        grid: { targetPower: { from: 0.1, to: 0.9, steps: 3 } },
      },
    });
    expect(response.statusCode).toBe(200);
    const events = lines(response.body);
    expect(events.map((e) => e.type)).toEqual(['start', 'point', 'point', 'point', 'done']);
    expect(events[0]).toEqual({ type: 'start', points: 3, runs: 900 });
    const points = events.slice(1, 4) as unknown as {
      done: number;
      point: { values: { targetPower: number } };
    }[];
    expect(points.map((p) => p.done)).toEqual([1, 2, 3]);
    expect(points.map((p) => p.point.values.targetPower)).toEqual([0.1, 0.5, 0.9]);
  });

  it('refuses a sweep over the limits before building any point', async () => {
    const grid = await server.app.inject({
      method: 'POST',
      url: '/api/sim/sweep',
      payload: {
        runs: 10,
        grid: { targetPower: { from: 0, to: 1, steps: 1000 }, aid: { from: 0, to: 1, steps: 1000 } },
      },
    });
    expect(grid.statusCode).toBe(400);
    expect(grid.json().issues[0]).toMatchObject({
      field: 'grid',
      value: '1000000',
      hint: `at most ${LIMITS.sweepPoints}`,
    });
    const perPoint = await server.app.inject({
      method: 'POST',
      url: '/api/sim/sweep',
      payload: { runs: LIMITS.sweepPointRuns + 1, grid: { aid: [0.1, 0.2] } },
    });
    expect(perPoint.statusCode).toBe(400);
    expect(perPoint.json().issues[0]).toMatchObject({ field: 'runs', message: 'too many runs a point' });
    const runs = await server.app.inject({
      method: 'POST',
      url: '/api/sim/sweep',
      payload: { runs: LIMITS.sweepPointRuns, grid: { aid: { from: 0, to: 1, steps: 41 } } },
    });
    expect(runs.statusCode).toBe(400);
    expect(runs.json().issues[0]).toMatchObject({ field: 'runs', value: String(41 * LIMITS.sweepPointRuns) });
  });

  it('answers 400 for a sweep of an unknown parameter or with neither grid nor hypercube', async () => {
    const unknown = await server.app.inject({
      method: 'POST',
      url: '/api/sim/sweep',
      payload: { grid: { targetPowr: [0.1] } },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues[0].hint).toMatch(/^did you mean targetPower\?/);
    const neither = await server.app.inject({ method: 'POST', url: '/api/sim/sweep', payload: {} });
    expect(neither.statusCode).toBe(400);
  });
});

async function presetScenario(name: string): Promise<Record<string, unknown>> {
  const { PRESETS } = await import('../src/sim/index.js');
  return { ...(PRESETS.find((p) => p.name === name)?.scenario ?? {}) };
}

describe('streaming over a real socket', () => {
  it('sends every line of a run and of a sweep to an HTTP client', async () => {
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const run = await fetch(`${address}/api/sim/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify({ scenario: { runs: 2000 }, trajectories: false }),
    });
    expect(lines(await run.text()).map((e) => e.type)).toEqual(['progress', 'progress', 'result']);
    const plain = await fetch(`${address}/api/sim/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: { runs: 1500 } }),
    });
    expect(((await plain.json()) as { summary: { runs: number } }).summary.runs).toBe(1500);
    const sweep = await fetch(`${address}/api/sim/sweep`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ runs: 100, grid: { aid: [0.1, 0.5] } }),
    });
    expect(lines(await sweep.text()).map((e) => e.type)).toEqual(['start', 'point', 'point', 'done']);
  });
});

describe('POST /api/sim/discover', () => {
  const sweep = {
    base: { preset: 'small-state-challenger' },
    runs: 200,
    seed: 3,
    latinHypercube: { samples: 40, ranges: { heavyHandedness: [0, 1], opportunism: [0, 0.4] } },
  };
  const where = 'rates.defectedWithin10YearsOfAscent < 0.3';

  it('gives what PRIM gives over the same sweep run in the library', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/sim/discover',
      payload: { sweep, where },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const points = expandSweep(parseSweepSpec(sweep)).map((p) => runSweepPoint(p));
    expect(body.discovery).toEqual(JSON.parse(JSON.stringify(discoverScenarios(points, where))));
    expect(body.discovery.parameters).toEqual(['heavyHandedness', 'opportunism']);
    expect(body.discovery.meeting).toBeGreaterThan(0);
    expect(body.provenance).toMatchObject({ model: MODEL_VERSION, seed: 3 });
  });

  it('streams start, one progress line a point and the result as NDJSON when asked', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/sim/discover',
      payload: { sweep: { ...sweep, latinHypercube: { ...sweep.latinHypercube, samples: 12 } }, where },
      headers: { accept: 'application/x-ndjson' },
    });
    const types = lines(response.body).map((e) => e.type);
    expect(types).toEqual(['start', ...Array(12).fill('progress'), 'result']);
  });

  it('answers 400 naming where= for a condition it cannot read, before running anything', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/sim/discover',
      payload: { sweep, where: 'npv is good' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.issues[0]).toMatchObject({ field: 'where', value: 'npv is good' });
    expect(JSON.stringify(body)).not.toContain('--where');
  });

  it('answers 400 for an outcome no point has, and for a sweep over the limits', async () => {
    const unknown = await server.app.inject({
      method: 'POST',
      url: '/api/sim/discover',
      payload: { sweep: { ...sweep, runs: 20 }, where: 'rates.nonsense > 0.5' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues[0]).toMatchObject({ field: 'where', value: 'rates.nonsense' });
    const big = await server.app.inject({
      method: 'POST',
      url: '/api/sim/discover',
      payload: {
        sweep: { ...sweep, latinHypercube: { ...sweep.latinHypercube, samples: LIMITS.sweepPoints + 1 } },
        where,
      },
    });
    expect(big.statusCode).toBe(400);
    expect(big.json().issues[0].field).toBe('sweep.latinHypercube.samples');
  });
});

describe('simulations off the event loop', () => {
  it('computes the largest simulations on worker threads: the server thread stays idle and answers meanwhile', async () => {
    // The streaming test above may have started the server listening already.
    const bound = server.app.server.address();
    const address =
      bound !== null && typeof bound === 'object'
        ? `http://127.0.0.1:${bound.port}`
        : await server.app.listen({ port: 0, host: '127.0.0.1' });
    const body = JSON.stringify({ scenario: { runs: LIMITS.runs, horizon: 100 }, trajectories: true });
    const before = performance.eventLoopUtilization();
    const heavy = Promise.all(
      [0, 1].map(() =>
        fetch(`${address}/api/sim/run`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }).then((r) => r.json() as Promise<{ summary: { runs: number } }>),
      ),
    );
    const provenance = await fetch(`${address}/api/provenance`);
    expect(provenance.status).toBe(200);
    const results = await heavy;
    const busy = performance.eventLoopUtilization(before).utilization;
    expect(results.map((r) => r.summary.runs)).toEqual([LIMITS.runs, LIMITS.runs]);
    // Simulating on this thread keeps it busy nearly all the time (utilisation near 1); here it only moves bytes.
    expect(busy).toBeLessThan(0.5);
  }, 60_000);
});
