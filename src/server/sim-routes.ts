/**
 * The simulation over HTTP: one scenario's Monte Carlo, parameter sweeps and scenario discovery over a sweep, all
 * bounded, the long ones streamed, all computed on worker threads.
 */
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
  resolveScenario,
  type Scenario,
  type SweepPoint,
  type SweepPointResult,
  type SweepSpec,
  sweepSpecSchema,
} from '../sim/index.js';
import { runScenarioInWorker, type SimPool } from '../sim-runner/index.js';
import { ApiError } from './api-error.js';
import { LIMITS } from './api-schemas.js';
import { sendNdjson } from './ndjson-stream.js';
import { objectBody } from './object-body.js';
import { parseInput } from './parse-input.js';
import { ROUTES, urlOf } from './route-table.js';
import type { SimulationGate } from './simulation-gate.js';

/** Runs per block: small enough that the event loop is given back every few tens of milliseconds. */
const BLOCK_RUNS = 1000;

/*
 * Each body is checked in three steps: its envelope, the library's own check of the scenario or sweep inside (whose
 * issues name each parameter's allowed range, the nearest name, the presets), then the route table's schema, which
 * has the last word and adds the API's bounds. The envelopes are the table's schemas with the inner part left to
 * the library, so that the top-level fields are the table's.
 */
const runBodySchema = ROUTES.simRun.body.content['application/json'];
const runEnvelopeSchema = runBodySchema.extend({
  scenario: z.record(z.string(), z.unknown()).default({}),
});
const sweepBodySchema = ROUTES.simSweep.body.content['application/json'];
const discoverBodySchema = ROUTES.simDiscover.body.content['application/json'];
const discoverEnvelopeSchema = discoverBodySchema.extend({ sweep: sweepSpecSchema });

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

/** Events that callbacks push, read in order as an async iterator until `end`. */
function eventQueue<E>() {
  const items: E[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  return {
    push(event: E) {
      items.push(event);
      wake?.();
    },
    end() {
      ended = true;
      wake?.();
    },
    async *[Symbol.asyncIterator](): AsyncGenerator<E> {
      for (;;) {
        const next = items.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        if (ended) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
    },
  };
}

export async function simRoutes(
  app: FastifyInstance,
  options: { gate: SimulationGate; pool: SimPool },
): Promise<void> {
  const { gate, pool } = options;

  app.get(urlOf(ROUTES.simParameters), async () => ({
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

  /** Simulates on a worker, a progress event for each block of runs done, then the result. */
  async function* runOnPool(reply: FastifyReply, scenario: Scenario, trajectories: boolean) {
    const progress = eventQueue<{
      readonly type: 'progress';
      readonly done: number;
      readonly total: number;
    }>();
    const result = runScenarioInWorker(pool, scenario, {
      trajectories,
      blockRuns: BLOCK_RUNS,
      onProgress: (done, total) => progress.push({ type: 'progress', done, total }),
    }).finally(() => progress.end());
    for await (const event of progress) {
      if (gone(reply)) break;
      yield event;
    }
    const summary = await result;
    if (gone(reply)) return;
    yield { type: 'result', result: summary } as const;
  }

  /** The points' results in point order, each as soon as it and those before it are done, run on the pool. */
  async function* pointsOnPool(points: readonly SweepPoint[]) {
    const pending = points.map((point) =>
      pool.runOne<SweepPointResult>({ kind: 'point', point, constants: DEFAULT_CONSTANTS }),
    );
    // A rejection of a point not yet awaited must not go unhandled; it is rethrown when its turn comes.
    for (const p of pending) p.catch(() => undefined);
    for (const p of pending) yield await p;
  }

  app.post(urlOf(ROUTES.simRun), async (request, reply) => {
    const input = objectBody(request.body);
    const envelope = parseInput(runEnvelopeSchema, input, 'body');
    const scenario = resolveScenario(envelope.scenario, { file: 'body.scenario' });
    // The API's bounds (runs at most LIMITS.runs); the scenario itself is the one the library resolved.
    const body = parseInput(runBodySchema, input, 'body');
    const release = await gate.enter();
    // A client that asks for NDJSON hears of each block as it is done; others get the result alone.
    if ((request.headers.accept ?? '').includes('application/x-ndjson'))
      return sendNdjson(reply, () => runOnPool(reply, scenario, body.trajectories), release);
    try {
      for await (const event of runOnPool(reply, scenario, body.trajectories))
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

  app.post(urlOf(ROUTES.simSweep), async (request, reply) => {
    const input = objectBody(request.body);
    const { spec, points, runs } = boundedSweep(input, 'body');
    parseInput(sweepBodySchema, input, 'body');
    const release = await gate.enter();
    async function* events() {
      yield { type: 'start', points: points.length, runs } as const;
      let done = 0;
      for await (const point of pointsOnPool(points)) {
        if (gone(reply)) return;
        done++;
        yield { type: 'point', done, total: points.length, point } as const;
      }
      yield { type: 'done', provenance: sweepProvenance(spec) } as const;
    }
    return sendNdjson(reply, events, release);
  });

  app.post(urlOf(ROUTES.simDiscover), async (request, reply) => {
    const input = objectBody(request.body);
    const envelope = parseInput(discoverEnvelopeSchema, input, 'body');
    const { spec, points, runs } = boundedSweep(envelope.sweep, 'body.sweep');
    const body = parseInput(discoverBodySchema, input, 'body');
    // A condition that cannot be read is refused before any point is run.
    parseCondition(body.where, 'where');
    const release = await gate.enter();
    async function* events() {
      yield { type: 'start', points: points.length, runs } as const;
      const results: SweepPointResult[] = [];
      for await (const point of pointsOnPool(points)) {
        if (gone(reply)) return;
        results.push(point);
        yield { type: 'progress', done: results.length, total: points.length } as const;
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
