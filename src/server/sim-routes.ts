/**
 * The simulation over HTTP: one scenario's Monte Carlo, parameter sweeps and scenario discovery over a sweep, all
 * bounded, the long ones streamed.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  DEFAULT_CONSTANTS,
  discoverScenarios,
  expandSweep,
  MODEL_VERSION,
  NUMERIC_PARAMETERS,
  PRESETS,
  parseCondition,
  parseSweepSpec,
  type RunBlock,
  resolveScenario,
  runSweepPoint,
  type Scenario,
  type SweepPoint,
  type SweepPointResult,
  type SweepSpec,
  simulateBlock,
  summariseBlocks,
} from '../sim/index.js';
import { ApiError } from './api-error.js';
import { discoverBodySchema, LIMITS } from './api-schemas.js';
import { sendNdjson } from './ndjson-stream.js';
import { objectBody } from './object-body.js';
import { parseInput } from './parse-input.js';
import type { SimulationGate } from './simulation-gate.js';

/** Runs per block: small enough that the event loop is given back every few tens of milliseconds. */
const BLOCK_RUNS = 1000;

const runEnvelopeSchema = z.strictObject({
  scenario: z.record(z.string(), z.unknown()).default({}),
  trajectories: z.boolean().default(true),
});

function tooBig(field: string, value: number, limit: number, what: string): ApiError {
  return new ApiError(400, 'bad-request', `${field}: too many ${what} (got ${value}; at most ${limit})`, {
    issues: [
      { file: 'body', field, value: String(value), message: `too many ${what}`, hint: `at most ${limit}` },
    ],
  });
}

/** The points a sweep would have, counted before any is built: a hostile grid must not allocate a million. */
function pointCount(spec: SweepSpec): number {
  if (spec.latinHypercube !== undefined) return spec.latinHypercube.samples;
  let total = 1;
  for (const axis of Object.values(spec.grid ?? {})) total *= Array.isArray(axis) ? axis.length : axis.steps;
  return total;
}

/**
 * Whether the client has gone: the work it asked for is then abandoned. The request stream itself is destroyed
 * as soon as its body has been read, so the response and the socket are what tell.
 */
const gone = (reply: FastifyReply): boolean =>
  reply.raw.destroyed || reply.request.raw.socket?.destroyed === true;

export async function simRoutes(app: FastifyInstance, options: { gate: SimulationGate }): Promise<void> {
  const { gate } = options;

  app.get('/api/sim/parameters', async () => ({
    parameters: Object.entries(NUMERIC_PARAMETERS).map(([key, p]) => ({
      name: p.name,
      key,
      symbol: p.symbol,
      min: p.min,
      max: Number.isFinite(p.max) ? p.max : null,
      integer: 'integer' in p && p.integer === true,
      default: p.default,
      meaning: p.meaning,
    })),
    presets: PRESETS.map(({ name, description, scenario }) => ({ name, description, scenario })),
    limits: {
      runs: LIMITS.runs,
      sweepPoints: LIMITS.sweepPoints,
      sweepRuns: LIMITS.sweepRuns,
      sweepPointRuns: LIMITS.sweepPointRuns,
    },
  }));

  /** Simulates in blocks, yielding between them; `progress` hears of each block done. */
  async function* runInBlocks(reply: FastifyReply, scenario: Scenario, trajectories: boolean) {
    const blocks: RunBlock[] = [];
    for (let first = 0; first < scenario.runs; first += BLOCK_RUNS) {
      if (gone(reply)) return;
      blocks.push(
        simulateBlock(scenario, first, Math.min(BLOCK_RUNS, scenario.runs - first), { trajectories }),
      );
      yield {
        type: 'progress',
        done: Math.min(first + BLOCK_RUNS, scenario.runs),
        total: scenario.runs,
      } as const;
      await yieldToLoop();
    }
    yield { type: 'result', result: summariseBlocks(scenario, blocks) } as const;
  }

  app.post('/api/sim/run', async (request, reply) => {
    const body = parseInput(runEnvelopeSchema, objectBody(request.body), 'body');
    const scenario = resolveScenario(body.scenario, { file: 'body.scenario' });
    if (scenario.runs > LIMITS.runs) throw tooBig('scenario.runs', scenario.runs, LIMITS.runs, 'runs');
    const release = gate.enter();
    // A client that asks for NDJSON hears of each block as it is done; others get the result alone.
    if ((request.headers.accept ?? '').includes('application/x-ndjson'))
      return sendNdjson(reply, () => runInBlocks(reply, scenario, body.trajectories), release);
    try {
      for await (const event of runInBlocks(reply, scenario, body.trajectories))
        if (event.type === 'result') return event.result;
      return reply; // the client went away; nothing is sent
    } finally {
      release();
    }
  });

  /** A sweep spec read from `field` of the body, expanded, within the API's limits. */
  function boundedSweep(
    input: unknown,
    field: string,
  ): { spec: SweepSpec; points: SweepPoint[]; runs: number } {
    const spec = parseSweepSpec(input, field);
    const prefix = field === 'body' ? '' : `${field.replace(/^body\./, '')}.`;
    const count = pointCount(spec);
    if (count > LIMITS.sweepPoints)
      throw tooBig(
        `${prefix}${spec.grid !== undefined ? 'grid' : 'latinHypercube.samples'}`,
        count,
        LIMITS.sweepPoints,
        'points',
      );
    const points = expandSweep(spec, field);
    // Each point is computed in one go on the event loop: its size bounds how long other requests wait.
    const largest = Math.max(...points.map((p) => p.scenario.runs));
    if (largest > LIMITS.sweepPointRuns)
      throw tooBig(`${prefix}runs`, largest, LIMITS.sweepPointRuns, 'runs a point');
    const runs = points.reduce((sum, p) => sum + p.scenario.runs, 0);
    if (runs > LIMITS.sweepRuns)
      throw tooBig(`${prefix}runs`, runs, LIMITS.sweepRuns, 'runs over all points');
    return { spec, points, runs };
  }

  const sweepProvenance = (spec: SweepSpec) => ({
    model: MODEL_VERSION,
    seed: spec.seed,
    seeding: spec.seeding,
    constants: DEFAULT_CONSTANTS,
  });

  app.post('/api/sim/sweep', async (request, reply) => {
    const { spec, points, runs } = boundedSweep(objectBody(request.body), 'body');
    const release = gate.enter();
    async function* events() {
      yield { type: 'start', points: points.length, runs } as const;
      for (const [i, point] of points.entries()) {
        if (gone(reply)) return;
        yield { type: 'point', done: i + 1, total: points.length, point: runSweepPoint(point) } as const;
      }
      yield { type: 'done', provenance: sweepProvenance(spec) } as const;
    }
    return sendNdjson(reply, events, release);
  });

  app.post('/api/sim/discover', async (request, reply) => {
    const body = parseInput(discoverBodySchema, objectBody(request.body), 'body');
    const { spec, points, runs } = boundedSweep(body.sweep, 'body.sweep');
    // A condition that cannot be read is refused before any point is run.
    parseCondition(body.where, 'where');
    const release = gate.enter();
    async function* events() {
      yield { type: 'start', points: points.length, runs } as const;
      const results: SweepPointResult[] = [];
      for (const [i, point] of points.entries()) {
        if (gone(reply)) return;
        results.push(runSweepPoint(point));
        yield { type: 'progress', done: i + 1, total: points.length } as const;
        await yieldToLoop();
      }
      const discovery = discoverScenarios(results, body.where, {
        conditionField: 'where',
        alpha: body.alpha,
        minMass: body.minMass,
        minCoverage: body.minCoverage,
      });
      yield { type: 'result', result: { discovery, provenance: sweepProvenance(spec) } } as const;
    }
    if ((request.headers.accept ?? '').includes('application/x-ndjson'))
      return sendNdjson(reply, events, release);
    try {
      for await (const event of events()) if (event.type === 'result') return event.result;
      return reply; // the client went away; nothing is sent
    } finally {
      release();
    }
  });
}
